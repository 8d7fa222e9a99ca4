package pdf

import (
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"

	"budgetdoc/fonts"
	"budgetdoc/report/layout"
)

// A user's font with a name table of format 1 (language tags) is embedded
// without a word on standard output: gofpdf printed "Illegal format 1"
// there for it, as for every font problem it met, and went on.
func TestUserFontNameFormat1(t *testing.T) {
	set := fonts.Default()
	data, err := set.Face(fonts.Role(layout.FontBody)).Subset([]rune("部门预算"))
	if err != nil {
		t.Fatal(err)
	}
	be := binary.BigEndian
	for i := 0; i < int(be.Uint16(data[4:])); i++ {
		if rec := data[12+16*i:]; string(rec[:4]) == "name" {
			be.PutUint16(data[be.Uint32(rec[8:]):], 1)
		}
	}
	path := filepath.Join(t.TempDir(), "name1.ttf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := set.Replace(fonts.Role(layout.FontBody), path); err != nil {
		t.Fatal(err)
	}
	doc := &layout.Document{}
	doc.Add(&layout.Paragraph{Text: layout.Plain("部门预算"), Style: layout.Style{Font: layout.FontBody}})

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = w
	_, err = Render(doc, Options{Fonts: set})
	os.Stdout = stdout
	w.Close()
	printed, _ := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(printed) > 0 {
		t.Errorf("rendering printed %q to standard output", printed)
	}
}
