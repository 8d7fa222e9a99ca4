package pdf

import (
	"fmt"

	"budgetdoc/report/layout"
)

func (p *planner) renderTable(t *layout.Table) error {
	return fmt.Errorf("pdf: table %q: tables are not rendered yet", t.Name)
}
