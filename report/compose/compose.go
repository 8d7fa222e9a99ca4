// Package compose turns a budget into the documents of its disclosure, as
// layout documents: one file per official document. Composers know the
// disclosure's rules and wording; they know nothing of PDF or XLSX.
package compose

import (
	"fmt"
	"strings"

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
		return c.text(s, "unit.name")
	}
	return layout.Plain(s)
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
