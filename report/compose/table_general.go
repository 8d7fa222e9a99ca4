package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// GeneralBudgetTable composes table 5, 一般公共预算支出表: the rows of
// 一般公共预算拨款 by function code; 基本支出 split into 人员经费 and
// 公用经费 by economic code.
func GeneralBudgetTable(b *budget.Budget) *layout.Table {
	return functionTable(b, codeTable{
		doc: budget.GeneralBudgetTable, name: "一般公共预算支出表",
		rows: fundFilter(budget.DefaultFund),
		cols: []column{
			{head: "合计", sumOf: []int{1, 4}},
			{head: "小计", group: "基本支出", sumOf: []int{2, 3}},
			{head: "人员经费", group: "基本支出", of: personnelFilter(b, true)},
			{head: "公用经费", group: "基本支出", of: personnelFilter(b, false)},
			{head: "项目支出", of: kindFilter(b, budget.Project)},
		},
		empty: "本部门（单位）无一般公共预算拨款安排的支出，故本表为空表。",
	})
}
