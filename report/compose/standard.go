package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// standardTables compose the nine tables of the standard set, one compose
// file each (table_*.go).
var standardTables = map[budget.Document]func(b *budget.Budget) *layout.Table{
	budget.Summary:             SummaryTable,
	budget.IncomeTable:         IncomeTable,
	budget.ExpenditureTable:    ExpenditureTable,
	budget.FiscalSummary:       FiscalSummaryTable,
	budget.GeneralBudgetTable:  GeneralBudgetTable,
	budget.GeneralBasicTable:   GeneralBasicTable,
	budget.ThreePublicTable:    ThreePublicTable,
	budget.GovernmentFundTable: GovernmentFundTable,
	budget.StateCapitalTable:   StateCapitalTable,
}

// StandardTable composes one of the nine tables of the standard set.
func StandardTable(b *budget.Budget, d budget.Document) *layout.Table {
	return standardTables[d](b)
}

// functionTable is a code table over function codes 类/款/项.
func functionTable(b *budget.Budget, ct codeTable) *layout.Table {
	names := b.FunctionNames()
	ct.codes = "科目编码"
	ct.levels = []int{3, 5, 7}
	ct.code = func(r budget.Row) string { return r.FunctionCode }
	ct.names = func(code string) string {
		return budget.FunctionParts(names[code])[len(budget.FunctionParts(names[code]))-1]
	}
	return ct.compose(b)
}
