package cjk

import (
	"math"
	"math/rand"
	"strings"
	"testing"
)

// unit measures a full-width character as one em, Latin as half, a space
// as a quarter.
func unit(r rune) float64 {
	switch {
	case r == ' ':
		return 0.25
	case r < 0x2000:
		return 0.5
	}
	return 1
}

func boxesOf(text string) []Box { return Boxes([]rune(text), unit, 1, 0) }

func textOf(bs []Box, l BoxLine) string {
	var b strings.Builder
	for _, x := range bs[l.Start:l.End] {
		b.WriteRune(x.R)
	}
	return b.String()
}

func linesOf(bs []Box, ls []BoxLine) []string {
	var out []string
	for _, l := range ls {
		out = append(out, textOf(bs, l))
	}
	return out
}

// A typed space between Chinese and digits is the typesetter's quarter em,
// as is no space at all; a space between Latin words stays.
func TestBoxesSpacing(t *testing.T) {
	a, b := boxesOf("预算2021年"), boxesOf("预算 2021 年")
	if len(a) != len(b) {
		t.Fatalf("%d boxes and %d: the typed spaces were kept", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("box %d: %+v and %+v differ", i, a[i], b[i])
		}
	}
	if a[2].Space != 0.25 || a[2].Glue != Mixed || a[6].Space != 0.25 {
		t.Errorf("no quarter em between Chinese and digits: %+v %+v", a[2], a[6])
	}
	for _, k := range []int{3, 4, 5} {
		if a[k].Space != 0 || a[k].Glue != Fixed {
			t.Errorf("space inside 2021: %+v", a[k])
		}
	}
	w := boxesOf("用Microsoft Excel填报")
	if w[10].R != 'E' || w[10].Space != 0.25 || w[10].Glue != Mixed {
		t.Errorf("the word space before Excel: %+v", w[10])
	}
	for _, c := range []struct {
		text string
		k    int
	}{{"元，其", 1}, {"（类）", 1}, {"（类）", 2}, {"“一”", 1}, {"13,567,000", 3}} {
		if g := boxesOf(c.text)[c.k].Glue; g != Fixed {
			t.Errorf("%q: box %d may stretch (%v): space before a closing mark, after an opening one or inside a number", c.text, c.k, g)
		}
	}
}

// Justification takes slack from the Chinese–Latin gaps first (up to a
// quarter em more), then from punctuation (as much), then from
// every stretchable gap up to IdeographicStretch; a loose line's rest goes
// to the punctuation (another quarter em), then the Chinese–Latin and
// punctuation gaps. Never inside a number.
func TestPlaceSlackOrder(t *testing.T) {
	bs := boxesOf("收入2021年，支出预算")
	l := BoxLine{End: len(bs)}
	natural := lineWidth(bs, 0, len(bs))
	gapAfter := func(xs []float64, k int) float64 { return xs[k+1] - xs[k] - bs[k].Width }
	for _, c := range []struct {
		slack               float64
		mixed, punct, ideog float64
	}{
		{0.4, 0.25 + 0.2, 0, 0},
		{0.6, 0.5, 0.1, 0},
		{1.2, 0.5 + 0.45/7, 0.25 + 0.45/7, 0.45 / 7}, // the rest over 7 gaps
		// 7 gaps take 0.09 each, ， another 0.25; the next 0.57 goes to the
		// 3 gaps by 2021 and ，
		{2.2, 0.5 + 0.09 + 0.19, 0.25 + 0.09 + 0.25 + 0.19, 0.09},
		// those take 0.2 each, the last 0.07 is spread over all 7 gaps
		{2.3, 0.5 + 0.09 + 0.2 + 0.01, 0.25 + 0.09 + 0.25 + 0.2 + 0.01, 0.1},
	} {
		xs, _ := Place(bs, l, natural+c.slack, 1, true)
		if got := gapAfter(xs, 1); math.Abs(got-c.mixed) > 1e-9 {
			t.Errorf("slack %.2f: gap 入|2 is %.3f, want %.3f", c.slack, got, c.mixed)
		}
		if got := gapAfter(xs, 7); math.Abs(got-c.punct) > 1e-9 {
			t.Errorf("slack %.2f: gap ，|支 is %.3f, want %.3f", c.slack, got, c.punct)
		}
		if got := gapAfter(xs, 8); math.Abs(got-c.ideog) > 1e-9 {
			t.Errorf("slack %.2f: gap 支|出 is %.3f, want %.3f", c.slack, got, c.ideog)
		}
		for k := 2; k < 5; k++ {
			if got := gapAfter(xs, k); math.Abs(got) > 1e-9 {
				t.Errorf("slack %.2f: 2021 letter-spaced by %.3f after %q", c.slack, got, bs[k].R)
			}
		}
		if got := gapAfter(xs, 6); math.Abs(got) > 1e-9 {
			t.Errorf("slack %.2f: space before ， (%.3f)", c.slack, got)
		}
		if end := xs[len(xs)-1] + bs[len(bs)-1].Width; math.Abs(end-(natural+c.slack)) > 1e-9 {
			t.Errorf("slack %.2f: the line ends at %.3f, not at the edge %.3f", c.slack, end, natural+c.slack)
		}
	}
}

// A line of Chinese characters alone spreads its slack evenly, however
// loose: there is no other gap to take it.
func TestPlaceSpreadsChineseOnlyLine(t *testing.T) {
	bs := boxesOf("收入支出预算")
	xs, _ := Place(bs, BoxLine{End: len(bs)}, float64(len(bs))+1, 1, true)
	for k := 1; k < len(bs); k++ {
		if gap := xs[k] - xs[k-1] - bs[k-1].Width; math.Abs(gap-0.2) > 1e-9 {
			t.Errorf("gap before %q is %.3f, want 0.2", bs[k].R, gap)
		}
	}
}

// A list label set with ideographic spaces and the text after it keep
// their spacing when the line is justified.
func TestPlaceKeepsListLabel(t *testing.T) {
	bs := Boxes([]rune("　　　2. 年度项目表"), unit, 1, 6)
	xs, _ := Place(bs, BoxLine{End: len(bs)}, 20, 1, true)
	nat, _ := Place(bs, BoxLine{End: len(bs)}, 20, 1, false)
	for k := 0; k <= 5; k++ { // 　　　2. and 年
		if xs[k] != nat[k] {
			t.Errorf("%q moved by %.2f in the label", bs[k].R, xs[k]-nat[k])
		}
	}
}

func TestBreakBoxesRules(t *testing.T) {
	cases := []struct {
		name, text string
		width      float64
		want       []string
	}{
		{"comma not at start, last line two characters", "一二三，四五", 3, []string{"一二", "三，", "四五"}},
		{"number whole", "收入13,567,000元", 5, []string{"收入", "13,567,000", "元"}},
		{"last line two characters", "一二三四五六七八九十务。", 5, []string{"一二三四五", "六七八九", "十务。"}},
		{"url after separators", "见https://www.example.gov.cn/a/b.html。", 8,
			[]string{"见https://www.", "example.gov.cn/", "a/b.html。"}},
		{"opening mark not at the end", "一二三（四五）", 4, []string{"一二三", "（四五）"}},
		{"opening mark starts a line half-width", "一二三（四五六）", 4.5, []string{"一二三", "（四五六）"}},
		{"closing mark not at the start", "一二三四。五六", 4, []string{"一二三", "四。五六"}},
	}
	for _, c := range cases {
		bs := boxesOf(c.text)
		got := linesOf(bs, BreakBoxes(bs, c.width, c.width))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q → %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

// Headings and titles break at their seams and evenly: the composer marks
// a name in the text with | after each of its parts and || at its end.
func TestBalance(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"第二部分　某某区政务服务部2021年度部门预算情况说明", 18, []string{"第二部分　某某区政务服务部", "2021年度部门预算情况说明"}},
		{"2021年度项目绩效目标申报表（“云端经开”建设费）", 20, []string{"2021年度项目绩效目标申报表", "（“云端经开”建设费）"}},
		{"三门峡经济开发区|管理委员会|政务服务部|行政审批项目落地服务中心", 20, []string{"三门峡经济开发区管理委员会", "政务服务部行政审批项目落地服务中心"}},
		// One more line rather than two filled to the edge (28 of 28) with the name split.
		{"第二部分　三门峡经济开发区|管理委员会|政务服务部|行政审批项目落地服务中心||2021年度部门预算情况说明", 28,
			[]string{"第二部分　三门峡经济开发区管理委员会", "政务服务部行政审批项目落地服务中心", "2021年度部门预算情况说明"}},
		// But not one for 概况 alone.
		{"第一部分　青川区|文化广电和旅游局|直属文物保护和公共文化服务中心||概况", 28,
			[]string{"第一部分　青川区文化广电和旅游局", "直属文物保护和公共文化服务中心概况"}},
		{"附件4　青川区|文化广电和旅游局|直属文物保护和公共文化服务中心||2024年财政拨款收支总表", 25,
			[]string{"附件4　青川区文化广电和旅游局", "直属文物保护和公共文化服务中心", "2024年财政拨款收支总表"}},
	}
	for _, c := range cases {
		bs := markedBoxes(c.text)
		got := linesOf(bs, Balance(bs, c.width, c.width, 1))
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q → %q, want %q", c.text, got, c.want)
		}
	}
}

// markedBoxes are the boxes of text with its name's seams marked as the
// PDF writer marks a composer's: | after a part, || at the name's end.
func markedBoxes(text string) []Box {
	var rs []rune
	var seams []int
	weak := map[int]bool{}
	parts := strings.Split(text, "|")
	for i, p := range parts {
		rs = append(rs, []rune(p)...)
		if i < len(parts)-1 {
			if p == "" {
				weak[len(rs)] = false
				continue
			}
			if _, seen := weak[len(rs)]; !seen {
				seams = append(seams, len(rs))
				weak[len(rs)] = true
			}
		}
	}
	bs := Boxes(rs, unit, 1, 0)
	for _, k := range seams {
		if bs[k].Break {
			bs[k].NameSeam, bs[k].Weak = true, weak[k]
		}
	}
	return bs
}

// Every box is in exactly one line, in order; no line is wider than its
// measure unless it is a single unbreakable cluster; no line starts with
// a closing mark or ends with an opening one; a justified line ends at the
// edge; a paragraph's last line holds two characters when the one before
// could give one.
func TestBreakBoxesProperties(t *testing.T) {
	alphabet := []rune("一二三四五六七八九十收入支出预算，。、；：！？“”（）《》【】——……2021,56780abc %")
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 3000; n++ {
		rs := make([]rune, rng.Intn(80))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		width := float64(3 + rng.Intn(20))
		bs := Boxes(rs, unit, 1, 0)
		for _, balanced := range []bool{false, true} {
			ls := BreakBoxes(bs, width-1, width)
			if balanced {
				ls = Balance(bs, width-1, width, 1)
			}
			next := 0
			for i, l := range ls {
				if l.Start != next || l.End < l.Start {
					t.Fatalf("%q: line %d is [%d, %d), want it from %d", string(rs), i, l.Start, l.End, next)
				}
				next = l.End
				avail := width
				if i == 0 {
					avail = width - 1
				}
				single := l.End-l.Start <= 1 || countBreaks(bs, l) == 0
				if !fits(bs, l.Start, l.End, avail) && !single {
					t.Fatalf("%q: line %d %q is wider than %.0f", string(rs), i, textOf(bs, l), avail)
				}
				if i > 0 && l.End > l.Start && !bs[l.Start].Break && countBreaks(bs, ls[i-1]) > 0 {
					t.Fatalf("%q: line %d starts inside a cluster with %q", string(rs), i, bs[l.Start].R)
				}
				if !l.Last && !single {
					xs, w := Place(bs, l, avail, 1, true)
					if end := xs[len(xs)-1] + bs[l.End-1].Width; w <= avail && count(bs, l.Start, l.End, func(g Glue) bool { return g != Fixed }) > 0 && math.Abs(end-avail) > 1e-6 {
						t.Fatalf("%q: justified line %d ends at %.3f, not %.0f", string(rs), i, end, avail)
					}
				}
			}
			if next != len(bs) {
				t.Fatalf("%q: the lines end at %d of %d boxes", string(rs), next, len(bs))
			}
		}
	}
}

func countBreaks(bs []Box, l BoxLine) int {
	n := 0
	for k := l.Start + 1; k < l.End; k++ {
		if bs[k].Break {
			n++
		}
	}
	return n
}
