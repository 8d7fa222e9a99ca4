// Package compose turns a budget into the documents of its disclosure, as
// layout documents: one file per official document. Composers know the
// disclosure's rules and wording; they know nothing of PDF or XLSX.
package compose

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// src builds texts that remember the data field they came from, and fills
// the profile's texts with the budget's values.
type src struct {
	b *budget.Budget
	p *profile.Profile
}

// fill is a profile text with its placeholders filled. Its origin is the
// unit's name when it prints it, so a missing glyph there points at the
// data.
func (c src) fill(template string) layout.Text {
	s := c.p.Fill(template, c.b)
	if profile.Uses(template, "单位名称") {
		return markName(c.text(s, "unit.name"), c.b.Unit.Name)
	}
	return layout.Plain(s)
}

// markName marks in t, a title or heading, the seams of a unit's name: its
// end, where such a text breaks best, and (weak) the ends of the name's
// parts, where a name too long for one line breaks.
func markName(t layout.Text, unitName string) layout.Text {
	name := []rune(unitName)
	rs := []rune(t.S)
	for i := 0; len(name) > 0 && i+len(name) <= len(rs); i++ {
		if string(rs[i:i+len(name)]) != string(name) {
			continue
		}
		for k := 1; k < len(name); k++ {
			if strings.ContainsRune(namePartEnds, name[k-1]) {
				t.Seams = append(t.Seams, layout.Seam{At: i + k, Weak: true})
			}
		}
		t.Seams = append(t.Seams, layout.Seam{At: i + len(name)})
		i += len(name) - 1
	}
	return t
}

// namePartEnds end the parts of a unit's name, the names of offices and
// places (青川区, 管理委员会, 政务服务部, 旅游局, 服务中心).
const namePartEnds = "部局委会厅办院所处科室站区市县省心"

// name is a unit's name s from the field at path, its parts marked as
// seams (markName), so that a table cell too narrow for the name breaks
// between them, never inside one (文化广/电和旅游局).
func (c src) name(s, path string) layout.Text { return markName(c.text(s, path), s) }

// withName is t, a table cell's text, with the seams of the unit's name
// in it (markName) and one where the name starts, so that the words before
// it are not taken for the name's first part (支持全区文化事业发展 |
// 青川区 | 文化广电和旅游局 | …建设项目).
func withName(t layout.Text, unitName string) layout.Text {
	t = markName(t, unitName)
	if i := strings.Index(t.S, unitName); i > 0 && unitName != "" {
		t.Seams = append(t.Seams, layout.Seam{At: utf8.RuneCountInString(t.S[:i]), Weak: true})
	}
	return t
}

// text is s with the origin of the field at path.
func (c src) text(s, path string) layout.Text {
	pos := c.b.Source.Pos(path)
	return layout.Text{S: s, Origin: layout.Origin{File: pos.File, Line: pos.Line, Col: pos.Col, Path: path}}
}

// body is a paragraph of body text: justified, first line indented two
// characters.
func body(t layout.Text) *layout.Paragraph {
	return &layout.Paragraph{Text: t, Style: layout.Style{Font: layout.FontBody, Indent: 2}}
}

// amount prints an amount in running text in the explanation's unit, set
// off by spaces as the seed does: " 13,567,000 元", " 1,356.70 万元".
func (c src) amount(d decimal.Decimal) string {
	m := c.p.Explanation.Money
	return " " + m.Format(d) + " " + m.Unit
}

// year prints the budget year in running text: "2021 年".
func year(y int) string { return fmt.Sprintf("%d 年", y) }

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseNumber writes 1 … 99 in Chinese numerals: 一, 十, 十一, 二十三.
func chineseNumber(n int) string {
	switch {
	case n < 10:
		return chineseDigits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(chineseNumber(n%10), "零")
	case n < 100:
		s := chineseDigits[n/10] + "十"
		if n%10 != 0 {
			s += chineseDigits[n%10]
		}
		return s
	}
	return fmt.Sprint(n)
}
