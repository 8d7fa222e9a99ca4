package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// ExplainStandard composes the standard explanation. Until its sections
// land, budget.Check refuses the standard set, so this is never printed.
func ExplainStandard(b *budget.Budget, attachments []string) *layout.Document {
	return Explain(b, attachments)
}

// StandardTable composes one of the nine tables of the standard set.
func StandardTable(b *budget.Budget, d budget.Document) *layout.Table {
	return &layout.Table{Name: string(d)}
}
