package budget

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPreviousReadEarly: Load reads last year's file while this year's is
// decoded when a top-level line names it, and falls back to reading it
// after when the name it finds is not the decoded one (a quoted name with
// an escape): the budget's Previous is last year's file either way.
func TestPreviousReadEarly(t *testing.T) {
	this, err := os.ReadFile("../../data/examples/qingchuan-culture-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	last, err := os.ReadFile("../../data/examples/qingchuan-culture-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write("last.yaml", last)
	line := regexp.MustCompile(`(?m)^previous:.*$`)
	cases := map[string]string{
		"plain":  "previous: last.yaml",
		"quoted": `previous: "last.yaml"  # 2023`,
		"escape": `previous: "l\u0061st.yaml"`, // the line names l\u0061st.yaml: read again
		"flow":   `previous: {"last.yaml": 1}`, // not a name: an error either way
	}
	for name, text := range cases {
		path := write(name+".yaml", line.ReplaceAll(this, []byte(text)))
		b, err := Load(path)
		if name == "flow" {
			if err == nil {
				t.Errorf("%s: loaded, want an error", name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b.Previous == nil || b.Previous.Year != 2023 {
			t.Errorf("%s: last year's budget is not the 2023 file", name)
		}
	}
	if got := previousIn("x.json", []byte(`{"previous": "last.yaml"}`)); got != "" {
		t.Errorf("previousIn of JSON = %q, want none", got)
	}
}
