package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// StateCapitalTable composes table 9, 国有资本经营预算支出表: the rows of
// 国有资本经营预算拨款 by function code.
func StateCapitalTable(b *budget.Budget) *layout.Table {
	return fundTable(b, budget.StateCapitalTable, "国有资本经营预算支出表", "国有资本经营预算拨款")
}
