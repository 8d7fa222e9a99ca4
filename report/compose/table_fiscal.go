package compose

import (
	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// fiscalBudgets are the three 财政拨款 budgets, in column order.
var fiscalBudgets = []struct{ name, fund string }{
	{budget.FiscalGeneral, budget.DefaultFund},
	{budget.FiscalFund, "政府性基金预算拨款"},
	{budget.FiscalCapital, "国有资本经营预算拨款"},
}

// fiscalFilter selects the rows of one 财政拨款 budget, carry-over included.
func fiscalFilter(name string) func(budget.Row) bool {
	return func(r budget.Row) bool {
		s, ok := budget.FundNamed(r.FundName())
		return ok && s.Fiscal == name
	}
}

// FiscalSummaryTable composes table 4, 财政拨款收支总表: 财政拨款 income of
// the year and carried over on the left, its spending by function class on
// the right in a column per budget.
func FiscalSummaryTable(b *budget.Budget) *layout.Table {
	u := unitOf(b)
	names := b.FunctionNames()
	one := func(d decimal.Decimal) []decimal.Decimal { return []decimal.Decimal{d} }
	left := []sideLine{{label: "一、本年收入", sumOf: []int{1, 2, 3}}}
	for i, f := range fiscalBudgets {
		left = append(left, sideLine{label: "（" + chineseNumber(i+1) + "）" + f.fund, exact: one(b.SumOf(fundFilter(f.fund)))})
	}
	left = append(left, sideLine{label: "二、上年结转", sumOf: []int{5, 6, 7}})
	for i, f := range fiscalBudgets {
		carried := decimal.Zero
		if f.name == budget.FiscalGeneral { // the ledger's 上年结转 is general-budget money
			carried = b.SumOf(fundFilter(budget.CarryoverFund))
		}
		left = append(left, sideLine{label: "（" + chineseNumber(i+1) + "）" + f.fund, exact: one(carried)})
	}
	left = append(left, sideLine{label: "收入总计", sumOf: []int{0, 4}, header: true})
	fiscal := func(r budget.Row) bool { s, _ := budget.FundNamed(r.FundName()); return s.Fiscal != "" }
	var right []sideLine
	var classes []int
	for _, code := range b.FunctionClasses(fiscal) {
		inClass := func(r budget.Row) bool { return len(r.FunctionCode) == 7 && r.FunctionCode[:3] == code }
		exact := []decimal.Decimal{decimal.Zero}
		for _, f := range fiscalBudgets {
			sel := fiscalFilter(f.name)
			exact = append(exact, b.SumOf(func(r budget.Row) bool { return inClass(r) && sel(r) }))
		}
		exact[0] = exact[1].Add(exact[2]).Add(exact[3])
		classes = append(classes, len(right))
		right = append(right, sideLine{label: chineseNumber(len(right)+1) + "、" + names[code], exact: exact})
	}
	right = append(right, sideLine{label: "支出总计", sumOf: classes, header: true})
	sumLines(left, 1)
	sumLines(right, 4)
	t := &layout.Table{
		Name: "财政拨款收支总表", Title: standardTitle(b, "财政拨款收支总表"), Unit: "单位：" + u.name(), Size: 10.5,
		HeaderRows: 2, Orientation: layout.Landscape,
		Rows: []layout.Row{
			{Cells: []layout.Cell{layout.HeaderCell("收入", 1, 2), layout.HeaderCell("支出", 1, 5)}},
			{Cells: []layout.Cell{
				layout.HeaderCell("项目", 1, 1), layout.HeaderCell("预算数", 1, 1), layout.HeaderCell("项目", 1, 1),
				layout.HeaderCell("合计", 1, 1), layout.HeaderCell(budget.FiscalGeneral, 1, 1),
				layout.HeaderCell(budget.FiscalFund, 1, 1), layout.HeaderCell(budget.FiscalCapital, 1, 1),
			}},
		},
	}
	rows := twoSided(u, len(t.Rows), left, right, 1, 1, 1, 4)
	// The right side's 合计 of a class line is the sum of its three budgets.
	for k := range rows {
		c := &rows[k].Cells[3]
		if c.Number != nil && len(c.Number.Terms) == 0 {
			c.Number.Terms = []layout.CellRef{{Row: len(t.Rows) + k, Col: 4}, {Row: len(t.Rows) + k, Col: 5}, {Row: len(t.Rows) + k, Col: 6}}
		}
	}
	t.Rows = append(t.Rows, rows...)
	t.Columns = append(sideWidths(u, left, 1), sideWidths(u, right, 4)...)
	return t
}
