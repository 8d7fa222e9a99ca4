package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// IncomeTable composes table 2, 部门收入总表: by function code, 合计 then
// one column per fund, 上年结转 first.
func IncomeTable(b *budget.Budget) *layout.Table {
	cols := []column{{head: "合计"}, {head: budget.CarryoverFund, of: fundFilter(budget.CarryoverFund)}}
	for _, s := range budget.FundSources {
		if s.Name != budget.CarryoverFund {
			cols = append(cols, column{head: s.Name, of: fundFilter(s.Name)})
		}
	}
	for k := 1; k < len(cols); k++ {
		cols[0].sumOf = append(cols[0].sumOf, k)
	}
	return functionTable(b, codeTable{
		doc: budget.IncomeTable, name: "部门收入总表",
		rows: func(budget.Row) bool { return true }, cols: cols,
		empty: "本部门（单位）无收入预算，故本表为空表。",
	})
}
