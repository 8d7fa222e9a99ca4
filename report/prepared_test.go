package report_test

import (
	"bytes"
	"os"
	"testing"

	"budgetdoc/report"
)

// A budget prepared once builds the same bytes with its composed disclosure
// kept and after Lean dropped it (a big batch composes again at build).
func TestLeanPreparedBuildsTheSame(t *testing.T) {
	bud, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := report.New()
	if err != nil {
		t.Fatal(err)
	}
	pr, findings := bl.Prepare(bud)
	if pr == nil {
		t.Fatal(findings)
	}
	kept, err := bl.BuildPrepared(pr, t.TempDir(), report.PDF, report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	pr.Lean()
	lean, err := bl.BuildPrepared(pr, t.TempDir(), report.PDF, report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	for i := range kept {
		a, _ := os.ReadFile(kept[i])
		b, _ := os.ReadFile(lean[i])
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: %d bytes kept, %d lean, not the same", kept[i], len(a), len(b))
		}
	}
}

// A Prepared made by hand, not by Prepare, is refused, not a panic.
func TestHandMadePreparedIsRefused(t *testing.T) {
	bud, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	bl, _ := report.New()
	if _, err := bl.BuildPrepared(&report.Prepared{Budget: bud}, t.TempDir(), report.PDF); err == nil {
		t.Error("a hand-made Prepared was built")
	}
}
