package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// GovernmentFundTable composes table 8, 政府性基金预算支出表: the rows of
// 政府性基金预算拨款 by function code.
func GovernmentFundTable(b *budget.Budget) *layout.Table {
	return fundTable(b, budget.GovernmentFundTable, "政府性基金预算支出表", "政府性基金预算拨款")
}

// fundTable is a function-code table of one fund's rows: 合计 = 基本支出 +
// 项目支出; tables 8 and 9.
func fundTable(b *budget.Budget, doc budget.Document, name, fund string) *layout.Table {
	return functionTable(b, codeTable{
		doc: doc, name: name, rows: fundFilter(fund),
		cols: []column{
			{head: "合计", sumOf: []int{1, 2}},
			{head: "基本支出", of: kindFilter(b, budget.Basic)},
			{head: "项目支出", of: kindFilter(b, budget.Project)},
		},
		empty: "本部门（单位）无" + fund + "安排的支出，故本表为空表。",
	})
}
