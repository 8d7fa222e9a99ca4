package compose

import (
	"path/filepath"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/layout"
)

// The sample's composed disclosure, as layout.Dump prints it, is kept in
// testdata: a change to any composer shows there as a reviewable diff.
// Run `go test ./report/compose -update` to accept a change.
func TestDisclosureGolden(t *testing.T) {
	got := layout.Dump(Disclosure(sample(t), seed))
	testtool.Golden(t, filepath.Join("testdata", "sanmenxia-2021.layout.golden"), got)
}
