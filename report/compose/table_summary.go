package compose

import (
	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// SummaryTable composes table 1, 部门收支总表: income by fund on the left,
// spending by function class on the right; 收入总计 = 支出总计.
func SummaryTable(b *budget.Budget) *layout.Table {
	u := unitOf(b)
	names := b.FunctionNames()
	var left []sideLine
	var sources []int
	for _, s := range budget.FundSources {
		if s.Name == budget.CarryoverFund {
			continue
		}
		sources = append(sources, len(left))
		left = append(left, sideLine{
			label: chineseNumber(len(left)+1) + "、" + incomeLabel(s.Name),
			exact: []decimal.Decimal{b.SumOf(fundFilter(s.Name))},
		})
	}
	current := len(left)
	left = append(left,
		sideLine{label: "本年收入合计", sumOf: sources, header: true},
		sideLine{label: "上年结转", exact: []decimal.Decimal{b.SumOf(fundFilter(budget.CarryoverFund))}},
		sideLine{label: "收入总计", sumOf: []int{current, current + 1}, header: true},
	)
	var right []sideLine
	var classes []int
	all := func(budget.Row) bool { return true }
	for _, code := range b.FunctionClasses(all) {
		classes = append(classes, len(right))
		right = append(right, sideLine{
			label: chineseNumber(len(right)+1) + "、" + names[code],
			exact: []decimal.Decimal{b.SumOf(func(r budget.Row) bool { return len(r.FunctionCode) == 7 && r.FunctionCode[:3] == code })},
		})
	}
	spent := len(right)
	right = append(right,
		sideLine{label: "本年支出合计", sumOf: classes, header: true},
		sideLine{label: "结转下年", exact: []decimal.Decimal{decimal.Zero}},
		sideLine{label: "支出总计", sumOf: []int{spent, spent + 1}, header: true},
	)
	sumLines(left, 1)
	sumLines(right, 1)
	t := &layout.Table{
		Name: "部门收支总表", Title: standardTitle(b, "部门收支总表"), Unit: "单位：" + u.name(), Size: 10.5,
		HeaderRows: 2,
		Rows: []layout.Row{
			{Cells: []layout.Cell{layout.HeaderCell("收入", 1, 2), layout.HeaderCell("支出", 1, 2)}},
			{Cells: []layout.Cell{layout.HeaderCell("项目", 1, 1), layout.HeaderCell("预算数", 1, 1), layout.HeaderCell("项目", 1, 1), layout.HeaderCell("预算数", 1, 1)}},
		},
	}
	t.Rows = append(t.Rows, twoSided(u, len(t.Rows), left, right, 3, 3, 1, 1)...)
	t.Columns = append(sideWidths(u, left, 1), sideWidths(u, right, 1)...)
	return t
}

// incomeLabel is a fund's line in the income side: 一般公共预算拨款收入.
func incomeLabel(fund string) string {
	switch fund {
	case "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", budget.CarryoverFund:
		return fund
	}
	return fund + "收入"
}
