package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/fonts"
)

// Check finds what Build would refuse: a page-number font without the
// dashes of — 1 — is an error of Check too, not only of Build.
func TestCheckFindsGlyphsOnlyTheRendererSets(t *testing.T) {
	digits, err := fonts.Default().Face(fonts.Role("page-number")).Subset([]rune("0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "digits.ttf")
	if err := os.WriteFile(path, digits, 0o644); err != nil {
		t.Fatal(err)
	}
	bl, err := New(WithFont("page-number", path))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	findings := bl.Check(b)
	if !findings.HasErrors() || !strings.Contains(findings.Error(), "U+2014") {
		t.Errorf("Check with a page-number font without —: %v", findings)
	}
	if _, err := bl.Build(b, t.TempDir(), PDF); err == nil || !strings.Contains(err.Error(), "U+2014") {
		t.Errorf("Build with a page-number font without —: %v", err)
	}
}
