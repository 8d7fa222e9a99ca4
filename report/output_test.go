package report

import (
	"os"
	"path/filepath"
	"testing"
)

// A document that cannot be written leaves every old file as it was, the
// ones written beside it too, and no temporary file behind.
func TestWriteAllFailureKeepsOldFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.pdf", "a.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("old "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// "blocked" is a file, so nothing can be written under it.
	if err := os.WriteFile(filepath.Join(dir, "blocked"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	docs := []Document{{"a.pdf", []byte("new pdf")}, {"blocked/a-附件1.pdf", []byte("new")}, {"a.xlsx", []byte("new xlsx")}}
	if written, err := writeAll(dir, docs); err == nil {
		t.Fatalf("writeAll wrote %v, want an error", written)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 3 {
		t.Errorf("folder holds %q, want a.pdf, a.xlsx and blocked only", names)
	}
	for _, name := range []string{"a.pdf", "a.xlsx"} {
		if data, _ := os.ReadFile(filepath.Join(dir, name)); string(data) != "old "+name {
			t.Errorf("%s holds %q, want the old file", name, data)
		}
	}
}
