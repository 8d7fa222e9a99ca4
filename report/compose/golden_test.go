package compose

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"budgetdoc/report/layout"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The sample's composed disclosure, as layout.Dump prints it, is kept in
// testdata: a change to any composer shows there as a reviewable diff.
// Run `go test ./report/compose -update` to accept a change.
func TestDisclosureGolden(t *testing.T) {
	got := layout.Dump(Disclosure(sample(t)))
	path := filepath.Join("testdata", "sanmenxia-2021.layout.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report/compose -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the composed disclosure differs from %s; run with -update if the change is meant", path)
	}
}
