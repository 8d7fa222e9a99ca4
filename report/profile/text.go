package profile

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/money"
)

// Placeholders are the names a profile's texts may use in braces, and what
// each stands for.
var Placeholders = []struct{ Name, Meaning string }{
	{"单位名称", "unit.name"},
	{"简称", "unit.short_name, else unit.name"},
	{"年度", "year"},
	{"部门", "the profile's wording: 部门 or 单位"},
	{"表头单位", "project_table.title_unit, else unit.name"},
}

// Fill replaces the placeholders in a profile text with the budget's
// values. Validate has checked that each placeholder is known.
func (p *Profile) Fill(text string, b *budget.Budget) string {
	titleUnit := b.ProjectTable.TitleUnit
	if titleUnit == "" {
		titleUnit = b.Unit.Name
	}
	return strings.NewReplacer(
		"{单位名称}", b.Unit.Name,
		"{简称}", b.Unit.DisplayShortName(),
		"{年度}", fmt.Sprint(b.Year),
		"{部门}", p.Wording,
		"{表头单位}", titleUnit,
	).Replace(text)
}

// FileStem is the disclosure's file name without extension: the profile's
// file_name with the unit's names made safe for a file name
// (budget.SafeFileName); Validate keeps the profile's own text safe.
func (p *Profile) FileStem(b *budget.Budget) string {
	safe := *b
	safe.Unit.Name = budget.SafeFileName(b.Unit.Name)
	safe.Unit.ShortName = budget.SafeFileName(b.Unit.ShortName)
	safe.ProjectTable.TitleUnit = budget.SafeFileName(b.ProjectTable.TitleUnit)
	return p.Fill(p.FileName, &safe)
}

// Uses reports whether a profile text uses a placeholder.
func Uses(text, placeholder string) bool { return strings.Contains(text, "{"+placeholder+"}") }

// badPlaceholder returns the first {…} in text that is not a placeholder,
// with its rune offset, or "".
func badPlaceholder(text string) (string, int) {
	runes := []rune(text)
	for i := 0; i < len(runes); i++ {
		if runes[i] != '{' {
			continue
		}
		end := i + 1
		for end < len(runes) && runes[end] != '}' {
			end++
		}
		if end == len(runes) {
			return string(runes[i:]), i
		}
		name := string(runes[i+1 : end])
		known := false
		for _, ph := range Placeholders {
			known = known || ph.Name == name
		}
		if !known {
			return string(runes[i : end+1]), i
		}
		i = end
	}
	return "", 0
}

var tenThousand = decimal.NewFromInt(10000)

// Format prints an amount in 元 in the document's unit: 13,567,000 or, in
// 万元, 1,356.70. Auto decimals print whole amounts without decimals.
func (m Money) Format(yuan decimal.Decimal) string {
	d := m.Value(yuan)
	switch m.Decimals {
	case "0":
		return money.Format(d, 0)
	case "2":
		return money.Format(d, 2)
	}
	return money.Yuan(d)
}

// Value is an amount in 元 converted to the document's unit and rounded
// to its decimals (two for 万元 and auto).
func (m Money) Value(yuan decimal.Decimal) decimal.Decimal {
	d := yuan
	if m.Unit == "万元" {
		d = d.Div(tenThousand)
	}
	if m.Decimals == "0" {
		return d.Round(0)
	}
	return d.Round(2)
}

// Places is the decimals a column of these amounts prints: auto gives 0
// when every amount is whole in the unit, else 2.
func (m Money) Places(amounts []decimal.Decimal) int32 {
	switch m.Decimals {
	case "0":
		return 0
	case "2":
		return 2
	}
	for _, a := range amounts {
		if !m.Value(a).IsInteger() {
			return 2
		}
	}
	return 0
}

// UnitLine is the table's unit line: 单位：元.
func (m Money) UnitLine() string { return "单位：" + m.Unit }

// MaxTargetWidth is the widest 指标值 the one-sided form prints on one line,
// in characters (a Latin letter or digit counts half): a wider one is an
// error, so that no value is broken across lines.
const MaxTargetWidth = 15

// TargetWidth is a 指标值's printed width in characters.
func TargetWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2000 || r >= 0xFF61 && r <= 0xFFDC {
			w += 0.5 // Latin, digits, half-width forms
		} else {
			w++
		}
	}
	return w
}
