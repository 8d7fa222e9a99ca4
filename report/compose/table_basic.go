package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// GeneralBasicTable composes table 6, 一般公共预算基本支出表: the 基本支出
// rows of 一般公共预算拨款 by economic code 类/款, 合计 = 人员经费 + 公用经费.
func GeneralBasicTable(b *budget.Budget) *layout.Table {
	basic := kindFilter(b, budget.Basic)
	items := make(map[string]string)
	for _, r := range b.Rows {
		if _, ok := items[r.EconomicCode]; !ok {
			items[r.EconomicCode] = r.EconomicItemName()
		}
	}
	ct := codeTable{
		doc: budget.GeneralBasicTable, name: "一般公共预算基本支出表", codes: "经济分类科目编码",
		rows:   func(r budget.Row) bool { return r.FundName() == budget.DefaultFund && basic(r) },
		levels: []int{3, 5},
		code:   func(r budget.Row) string { return r.EconomicCode },
		names: func(code string) string {
			if len(code) == 3 {
				return budget.EconomicClasses[code]
			}
			return items[code]
		},
		cols: []column{
			{head: "合计", sumOf: []int{1, 2}},
			{head: "人员经费", of: personnelFilter(b, true)},
			{head: "公用经费", of: personnelFilter(b, false)},
		},
		empty: "本部门（单位）无一般公共预算基本支出，故本表为空表。",
	}
	return ct.compose(b)
}
