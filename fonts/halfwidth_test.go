package fonts

import (
	"math"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Marks of every embedded face are sorted by where their ink is, as
// measured: closing marks on the left, opening ones on the right, centred
// or narrow ones without a half-width form.
func TestHalfFormSides(t *testing.T) {
	for _, c := range []struct {
		face *Face
		r    rune
		want Side
	}{
		{fang, '。', InkLeft}, {fang, '》', InkLeft}, {fang, '”', InkLeft}, {fang, '）', InkLeft},
		{fang, '（', InkRight}, {fang, '《', InkRight}, {fang, '“', InkRight},
		{fang, '？', NoHalf}, // centred in FandolFang
		{fang, '·', NoHalf}, {fang, '中', NoHalf}, {fang, 'A', NoHalf},
		{serif, '、', InkLeft}, {serif, '“', InkRight}, {sans, '？', InkLeft},
		{kai, '“', NoHalf}, // LXGW WenKai's quotes are narrow
	} {
		if got, _ := c.face.HalfForm(c.r); got != c.want {
			t.Errorf("%s %q: side %d, want %d", c.face.Name, c.r, got, c.want)
		}
	}
}

// The half-width subset holds each mark's half form: half the advance,
// the ink inside it (an opening mark's moved left by half an em), and the
// outline unchanged otherwise. Read back with x/image's sfnt.
func TestHalfSubset(t *testing.T) {
	marks := []rune("。，、；：？！）》」』”’（《「『“‘中")
	for _, face := range Default().Faces() {
		data, err := face.HalfSubset(marks)
		if err != nil {
			t.Fatalf("%s: %v", face.Name, err)
		}
		if err := CheckEmbeddable(data); err != nil {
			t.Fatalf("%s: %v", face.Name, err)
		}
		sub, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", face.Name, err)
		}
		orig, _ := face.font()
		ppem := fixed.I(int(orig.UnitsPerEm())) // one unit a pixel
		var b1, b2 sfnt.Buffer
		n := 0
		for _, r := range marks {
			side, em := face.HalfForm(r)
			si, _ := sub.GlyphIndex(&b2, r)
			if side == NoHalf {
				if si != 0 {
					t.Errorf("%s: %q has no half form but is in the subset", face.Name, r)
				}
				continue
			}
			n++
			if si == 0 {
				t.Errorf("%s: %q is missing", face.Name, r)
				continue
			}
			oi, _ := orig.GlyphIndex(&b1, r)
			oa, _ := orig.GlyphAdvance(&b1, oi, ppem, font.HintingNone)
			sa, _ := sub.GlyphAdvance(&b2, si, ppem, font.HintingNone)
			if sa != oa/2 || math.Abs(float64(sa)/64/float64(orig.UnitsPerEm())-em) > 1e-9 {
				t.Errorf("%s: %q advance %v, full %v, HalfForm %v em", face.Name, r, sa, oa, em)
			}
			os, _ := orig.LoadGlyph(&b1, oi, ppem, nil)
			oMin, oMax := xRange(os)
			ss, err := sub.LoadGlyph(&b2, si, ppem, nil)
			if err != nil || len(ss) != len(os) {
				t.Errorf("%s: %q has %d segments (%v), the face %d", face.Name, r, len(ss), err, len(os))
				continue
			}
			sMin, sMax := xRange(ss)
			shift := fixed.Int26_6(0)
			if side == InkRight {
				shift = oa - oa/2
			}
			if sMin != oMin-shift || sMax != oMax-shift {
				t.Errorf("%s: %q ink [%v, %v], the face's [%v, %v] moved by %v", face.Name, r, sMin, sMax, oMin, oMax, shift)
			}
			if sMin < 0 || sMax > sa {
				t.Errorf("%s: %q ink [%v, %v] outside its advance %v", face.Name, r, sMin, sMax, sa)
			}
		}
		if n < 10 {
			t.Errorf("%s: only %d marks have a half form", face.Name, n)
		}
	}
}

// xRange is the horizontal extent of an outline's points, off-curve ones
// too, as a glyph's bounding box counts them.
func xRange(segs sfnt.Segments) (lo, hi fixed.Int26_6) {
	lo, hi = 1<<30, -1<<30
	for _, s := range segs {
		n := map[sfnt.SegmentOp]int{sfnt.SegmentOpMoveTo: 1, sfnt.SegmentOpLineTo: 1, sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[s.Op]
		for _, p := range s.Args[:n] {
			lo, hi = min(lo, p.X), max(hi, p.X)
		}
	}
	return lo, hi
}
