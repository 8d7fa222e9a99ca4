package xlsx

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"budgetdoc/report/layout"
)

// A long unit name is broken after its parts, as many to a line as fit,
// and the table's own name keeps a line of its own.
func TestTitleLinesBreakALongNameAfterItsParts(t *testing.T) {
	title := layout.Text{S: "三门峡经济开发区管理委员会政务服务中心2021年部门支出预算项目表",
		Seams: []layout.Seam{{At: 8, Weak: true}, {At: 13, Weak: true}, {At: 19}}}
	width := textUnits("三门峡经济开发区管理委员会", titleSize) + 0.5
	got := titleLines(title, width)
	want := []string{"三门峡经济开发区管理委员会", "政务服务中心", "2021年部门支出预算项目表"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("titleLines = %q, want %q", got, want)
	}
}

// A title without seams wider than a page is broken by the Chinese rules,
// and never between a year and its 年.
func TestBreakTitleKeepsAYearWithItsNian(t *testing.T) {
	s := "青川区文化广电和旅游局2024年国有资本经营预算支出表"
	width := textUnits("青川区文化广电和旅游局2024", titleSize) + 0.5
	lines := breakTitle(s, width)
	if strings.Join(lines, "") != s {
		t.Fatalf("breakTitle lost text: %q", lines)
	}
	if lines[0] != "青川区文化广电和旅游局" {
		t.Errorf("breakTitle = %q, want the year on the line of its 年", lines)
	}
	for _, l := range lines {
		if textUnits(l, titleSize) > width {
			t.Errorf("line %q is wider than %.1f", l, width)
		}
	}
}

// A spreadsheet's wrap of a cell is bad when a line would start with a
// closing mark, end with an opening one, split a number, or leave one
// character alone.
func TestBadWrap(t *testing.T) {
	han := func(_, r rune) float64 { return textUnits(string(r), 11) }
	unit := hanWidth
	for _, c := range []struct {
		s     string
		chars float64 // the width, in Han characters
		bad   bool
	}{
		{"前期拆除、线路改造、设计费", 9, true}, // 、设计费
		{"前期拆除、线路改造、设计费", 10, false},
		{"不少于（五）万人次", 4, true}, // 不少于（ / 五）
		{"完成2021年度", 3, true},  // 完成2 / 021
		{"完成2021年度", 4, true},  // 完成2021 / 年度: the number parted from its unit
		{"完成2021年度", 6, false},
		{"国有资本", 3, true}, // 国有资 / 本
		{"国有资本", 2, false},
		{"2024年12月底前", 4, true}, // 2024年12 / 月底前: a number parted from its unit
		{"2024年12月底前", 5, false},
	} {
		if got := badWrap(c.s, c.chars*unit, han, words{}); got != c.bad {
			t.Errorf("badWrap(%q, %v characters) = %v, want %v", c.s, c.chars, got, c.bad)
		}
	}
}

// A merged paragraph's lines keep every character, fit their width, start
// with no closing mark, do not end with one character alone and keep a
// figure with its unit (52场).
func TestBreakLines(t *testing.T) {
	measure := func(r rune) float64 { return textUnits(string(r), 11) }
	for _, s := range []string{"全年在城乡社区、景区和学校组织惠民演出52场，观众不少于5万人次。", "服务对象满意度指标", "组织惠民演出三年累计150场"} {
		for chars := 4.0; chars <= 20; chars += 0.5 {
			width := chars * hanWidth
			lines := strings.Split(breakLines(s, width, measure), "\n")
			if strings.Join(lines, "") != s {
				t.Fatalf("%v characters: %q lost text", chars, lines)
			}
			for i, l := range lines {
				if r := []rune(l); i > 0 && strings.ContainsRune("，。、）", r[0]) || textUnits(l, 11) > width+1e-9 || len(lines) > 1 && i == len(lines)-1 && len(r) == 1 ||
					i+1 < len(lines) && isDigit(r[len(r)-1]) && unicode.Is(unicode.Han, []rune(lines[i+1])[0]) {
					t.Errorf("%v characters: line %q of %q", chars, l, lines)
				}
			}
		}
	}
}

// A wrap inside one of the words the composer's seams end is bad.
func TestBadWrapInsideWord(t *testing.T) {
	han := func(_, r rune) float64 { return textUnits(string(r), 11) }
	seams := []layout.Seam{{At: 2, Weak: true}, {At: 4, Weak: true}, {At: 7, Weak: true}, {At: 9, Weak: true}}
	ws := words{seams, 0, 9}
	for _, c := range []struct {
		chars float64
		bad   bool
	}{{6, true}, {7, false}, {5, true}, {9, false}} { // 服务对象满意 / 度指标; 服务对象满意度 / 指标; 服务对象满 / 意度指标
		if got := badWrap("服务对象满意度指标", c.chars*hanWidth, han, ws); got != c.bad {
			t.Errorf("服务|对象|满意度|指标 at %v characters: bad %v, want %v", c.chars, got, c.bad)
		}
	}
	// The seams of a cell's second paragraph count from the cell's start.
	second := words{[]layout.Seam{{At: 7}, {At: 5}}, 3, 7} // 惠民演出 from rune 3
	for i, want := range []bool{false, true, false, true} {
		if second.inside(i) != want {
			t.Errorf("a second paragraph's break before rune %d: inside %v, want %v", i, !want, want)
		}
	}
}
