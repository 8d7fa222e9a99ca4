package entry

import (
	"path/filepath"
	"testing"

	"budgetdoc/report/budget"
	"budgetdoc/report/revision"
)

// dataFiles are the sample and every example: what the round trip must keep.
func dataFiles(t *testing.T) []string {
	files := []string{"../../data/sanmenxia-2021.yaml"}
	more, _ := filepath.Glob("../../data/examples/*.yaml")
	return append(files, more...)
}

// Writing a budget's workbook and reading it back gives the same budget:
// the revision comparison finds nothing, and the YAML encodings agree.
func TestRoundTrip(t *testing.T) {
	for _, path := range dataFiles(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, err := budget.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			data, err := Write(b)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Read("x.xlsx", data)
			if err != nil {
				t.Fatal(err)
			}
			if rev := revision.Compare(b, back); !rev.Same() {
				t.Errorf("the workbook's budget differs: %+v", rev.Changes)
			}
			want, _ := budget.Encode(b)
			got, _ := budget.Encode(back)
			if string(want) != string(got) {
				t.Errorf("encodings differ:\n%s\n----\n%s", want, got)
			}
		})
	}
}
