package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// Disclosure is the whole disclosure as one document: the explanatory
// document followed by its attachments.
func Disclosure(b *budget.Budget) *layout.Document {
	return Explain(b, nil)
}
