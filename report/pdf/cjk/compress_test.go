package cjk

import (
	"math"
	"strings"
	"testing"
)

// halfSC gives the half-width forms of a Simplified Chinese face: closing
// marks' ink on the left, opening marks' on the right; ？ is centred, as in
// FandolFang, and has none.
func halfSC(r rune) (Ink, float64) {
	switch {
	case strings.ContainsRune("。，、；：）》」』”’", r):
		return InkLeft, 0.5
	case strings.ContainsRune("（《「『“‘", r):
		return InkRight, 0.5
	}
	return NoHalf, 0
}

func compressed(text string) []Box {
	bs := boxesOf(text)
	Compress(bs, 1, halfSC)
	return bs
}

// halves marks the boxes set half width with ^ after them.
func halves(bs []Box) string {
	var b strings.Builder
	for _, x := range bs {
		b.WriteRune(x.R)
		if x.Halved {
			b.WriteRune('^')
		}
	}
	return b.String()
}

// Of two adjacent marks the first is set half width when it is a closing
// mark, else the second when it is an opening one; marks beside letters,
// or that have no half-width form, keep their width.
func TestCompressPairs(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"《通知》（试行）", "《通知》^（试行）"},
		{"“财政拨款”、“事业收入”", "“财政拨款”^、^“事业收入”"},
		{"（试行）、", "（试行）^、"},
		{"收入。”其", "收入。^”其"},
		{"单位）。", "单位）^。"},
		{"元，“三公”", "元，^“三公”"},
		{"（“云端”）", "（“^云端”^）"},
		{"吗？（甲）", "吗？（^甲）"}, // ？ has no half form: the opening mark gives up its blank
		{"（）", "（）"},
		{"中文，中文。", "中文，中文。"},
		{"A. (B)", "A.(B)"}, // the space is not a box
	} {
		if got := halves(compressed(c.text)); got != c.want {
			t.Errorf("%s: %s, want %s", c.text, got, c.want)
		}
	}
	bs := compressed("甲》（乙")
	if bs[1].Width != 0.5 || bs[2].Width != 1 || lineWidth(bs, 0, len(bs)) != 3.5 {
		t.Errorf("甲》（乙: widths %v %v, line %v; want 》 0.5 wide and the line 3.5", bs[1].Width, bs[2].Width, lineWidth(bs, 0, len(bs)))
	}
	if bs := compressed("（“甲"); bs[1].Lead != 0 || bs[0].Lead != 0.5 {
		t.Errorf("（“甲: leads %v %v: a halved opening mark has no blank half to drop", bs[0].Lead, bs[1].Lead)
	}
}

// A line may end with a closing mark set half width when that is what
// lets it fit; the mark is full width where the line does not need it.
func TestBreakEndsWithHalfMark(t *testing.T) {
	bs := compressed("甲乙丙，丁戊")
	for _, c := range []struct {
		width   float64
		first   string
		halfEnd bool
	}{
		{3.5, "甲乙丙，", true},
		{3.4, "甲乙", false},
		{4, "甲乙丙，", false},
	} {
		ls := BreakBoxes(bs, c.width, c.width)
		if got := textOf(bs, ls[0]); got != c.first || ls[0].HalfEnd != c.halfEnd {
			t.Errorf("width %v: first line %q half end %v, want %q %v", c.width, got, ls[0].HalfEnd, c.first, c.halfEnd)
		}
		if w := ls[0].width(bs); w > c.width+1e-9 {
			t.Errorf("width %v: the first line is %v wide", c.width, w)
		}
	}
	// Justified, the line ends at the edge.
	ls := BreakBoxes(bs, 3.5, 3.5)
	xs, _ := Place(bs, ls[0], 3.5, 1, true)
	if end := xs[3] + bs[3].Half; math.Abs(end-3.5) > 1e-9 {
		t.Errorf("the half-width ， ends at %v, not at the edge 3.5", end)
	}
}

// A justified line gives the room its compressed marks save to the gaps
// between Chinese characters, never more than IdeographicStretch each, so
// text extraction reads no space; a line that could only take the room as
// wider gaps at its marks sets the marks full width again.
func TestJustifyCompressedLine(t *testing.T) {
	bs := compressed("甲乙丙丁戊己庚辛》（壬）")
	l := BoxLine{End: len(bs)}
	avail := l.width(bs) + 0.5 // the half em 》 saved
	j := l.Justify(bs, avail, 1)
	if j.Plain {
		t.Fatalf("the line's marks were set full width: %+v", j)
	}
	xs, _ := Place(bs, j, avail, 1, true)
	for k := 1; k < len(bs); k++ {
		gap := xs[k] - xs[k-1] - j.boxWidth(bs, k-1)
		if gap < -1e-9 || gap > IdeographicStretch+1e-9 {
			t.Errorf("gap before %q is %.3f", bs[k].R, gap)
		}
		if bs[k].Glue == Ideographic && math.Abs(gap-0.5/7) > 1e-9 {
			t.Errorf("gap before %q is %.3f, want the half em over 7 gaps", bs[k].R, gap)
		}
	}
	// Few gaps between Chinese characters: the room would open the marks'
	// gaps past a word break.
	bs = compressed("甲》（乙）")
	l = BoxLine{End: len(bs)}
	if j := l.Justify(bs, l.width(bs)+0.5, 1); !j.Plain || j.width(bs) != 5 {
		t.Errorf("甲》（乙） justified: %+v, %v wide; want its marks full width", j, j.width(bs))
	}
}
