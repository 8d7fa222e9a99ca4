package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// ExpenditureTable composes table 3, 部门支出总表: by function code, 合计 =
// 基本支出 + 项目支出.
func ExpenditureTable(b *budget.Budget) *layout.Table {
	return functionTable(b, codeTable{
		doc: budget.ExpenditureTable, name: "部门支出总表",
		rows: func(budget.Row) bool { return true },
		cols: []column{
			{head: "合计", sumOf: []int{1, 2}},
			{head: "基本支出", of: kindFilter(b, budget.Basic)},
			{head: "项目支出", of: kindFilter(b, budget.Project)},
		},
		empty: "本部门（单位）无支出预算，故本表为空表。",
	})
}
