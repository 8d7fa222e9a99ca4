package budget

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds the loader arbitrary files: it must return a budget or
// findings, never panic, and checks must run on whatever it returns.
func FuzzParse(f *testing.F) {
	f.Add([]byte(readSample(f)))
	f.Add([]byte(`{"year": 2021, "rows": [{"amount": 1.005}]}`))
	f.Add([]byte("year: [\n"))
	// The command's corpus of bad inputs: every mistake it names.
	bad, err := filepath.Glob("../../cmd/budgetdoc/testdata/bad/*.*")
	if err != nil || len(bad) < 60 {
		f.Fatalf("the bad-input corpus has %d files (%v)", len(bad), err)
	}
	for _, path := range bad {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.yaml", data)
		if err != nil {
			if _, ok := err.(Findings); !ok {
				t.Fatalf("error is %T, not Findings", err)
			}
			return
		}
		Check(b)
	})
}
