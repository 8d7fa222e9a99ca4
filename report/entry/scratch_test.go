package entry

import (
	"os"
	"testing"

	"budgetdoc/report/budget"
)

func TestScratchWrite(t *testing.T) {
	b, err := budget.Load("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := Write(b)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile("/tmp/h13a/s.xlsx", data, 0o644)
}
