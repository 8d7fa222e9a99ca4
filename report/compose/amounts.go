package compose

import (
	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/money"
)

// moneyUnit is how the standard documents print amounts: in 元 or in 万元,
// always with two decimals.
type moneyUnit struct{ wan bool }

func unitOf(b *budget.Budget) moneyUnit {
	return moneyUnit{wan: b.Documents.Unit() == budget.TenThousandYuan}
}

var tenThousand = decimal.NewFromInt(10000)

// name is 元 or 万元.
func (u moneyUnit) name() string {
	if u.wan {
		return budget.TenThousandYuan
	}
	return budget.Yuan
}

// round is an amount in 元 in the unit, rounded to two decimals as printed.
func (u moneyUnit) round(d decimal.Decimal) decimal.Decimal {
	if u.wan {
		d = d.Div(tenThousand)
	}
	return d.Round(2)
}

// text is an amount in 元 as running text prints it: 245.60万元.
func (u moneyUnit) text(d decimal.Decimal) string {
	return money.Format(u.round(d), 2) + u.name()
}

// amountFormatStd shows two decimals with separators and a zero as blank,
// so that an empty column's total is blank as its cells are.
const amountFormatStd = "#,##0.00;-#,##0.00;"

// amount is an amount table cell. value is the printed (rounded) value in
// the unit; terms, when given, are the cells it is the sum of. Zero prints
// blank.
func amount(value decimal.Decimal, terms []layout.CellRef) layout.Cell {
	text := ""
	if !value.IsZero() {
		text = money.Format(value, 2)
	}
	return layout.Cell{
		Text:   layout.Plain(text),
		Align:  layout.Right,
		Number: &layout.Number{Value: value.StringFixed(2), Format: amountFormatStd, Terms: terms},
	}
}

// label is a text cell of a table's first columns.
func label(s string, align layout.Align) layout.Cell { return layout.TextCell(layout.Plain(s), align) }

// standardTitle is a standard table's title: <单位名称><年度>年<表名>.
func standardTitle(b *budget.Budget, name string) layout.Text {
	return markName(src{b: b}.text(b.Unit.Name+itoa(b.Year)+"年"+name, "unit.name"), b.Unit.Name)
}

// fundFilter selects the rows of one fund.
func fundFilter(name string) func(budget.Row) bool {
	return func(r budget.Row) bool { return r.FundName() == name }
}

// kindFilter selects the rows whose category is of the kind.
func kindFilter(b *budget.Budget, kind budget.Kind) func(budget.Row) bool {
	kinds := b.KindOf()
	return func(r budget.Row) bool { return kinds[r.Category] == kind }
}

// personnelFilter selects basic rows of 人员经费 (personnel true) or
// 公用经费 (false).
func personnelFilter(b *budget.Budget, personnel bool) func(budget.Row) bool {
	basic := kindFilter(b, budget.Basic)
	return func(r budget.Row) bool { return basic(r) && budget.Personnel(r.EconomicCode) == personnel }
}

// Table widths are in ems of the table's text: a Han character is one, a
// digit about 0.55, a separator 0.3; a cell's padding takes 0.8 more.

// textWidth is the width of a cell holding s, padding included.
func textWidth(s string) float64 {
	w := 1.0
	for _, r := range s {
		switch {
		case r == ',' || r == '.':
			w += 0.3
		case r < 0x2E80:
			w += 0.55
		default:
			w++
		}
	}
	return w
}

// amountWidth is the width of an amount column: its widest figure, at
// least room for a two-character heading a line (an empty column is
// narrow; its heading wraps).
func amountWidth(figures []decimal.Decimal) float64 {
	w := 3.0
	for _, d := range figures {
		if !d.IsZero() {
			w = max(w, textWidth(money.Format(d, 2)), 4.5)
		}
	}
	return w
}
