package entry

import (
	"slices"
	"testing"
)

// Every value the data format holds has a cell in the workbook, so a field
// added to the model must be given one here before it can be written.
func TestEveryFieldHasACell(t *testing.T) {
	cells := specLeaves()
	for _, leaf := range modelLeaves() {
		if !slices.Contains(cells, leaf) {
			t.Errorf("the model's field %s has no cell in the entry workbook (add it to sheets in spec.go)", leaf)
		}
	}
	seen := map[string]bool{}
	for _, c := range cells {
		if seen[c] {
			t.Errorf("%s has two cells", c)
		}
		seen[c] = true
		if _, err := infoAt(c); err != nil {
			t.Errorf("spec: %v", err)
		}
	}
}
