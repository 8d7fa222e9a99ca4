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

// A user's font whose PostScript name record points past its name table
// (which sfnt, reading only the family name, accepts) is an error of the
// document: gofpdf's parser read past the end of the file and panicked.
func TestUserFontNameRecordPastTheTable(t *testing.T) {
	set := fonts.Default()
	data, err := set.Face(fonts.Role(layout.FontBody)).Subset([]rune("部门预算"))
	if err != nil {
		t.Fatal(err)
	}
	be := binary.BigEndian
	broken := 0
	for i := 0; i < int(be.Uint16(data[4:])); i++ {
		if rec := data[12+16*i:]; string(rec[:4]) == "name" {
			name := data[be.Uint32(rec[8:]):]
			for r := 0; r < int(be.Uint16(name[2:])); r++ {
				if nr := name[6+12*r:]; be.Uint16(nr[6:]) == 6 { // the PostScript name
					be.PutUint16(nr[10:], 0xFFF0)
					broken++
				}
			}
		}
	}
	if broken == 0 {
		t.Fatal("the font has no PostScript name to break")
	}
	path := filepath.Join(t.TempDir(), "badname.ttf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := set.Replace(fonts.Role(layout.FontBody), path); err != nil {
		t.Skipf("refused when given, which is as good: %v", err)
	}
	doc := &layout.Document{}
	doc.Add(&layout.Paragraph{Text: layout.Plain("部门预算"), Style: layout.Style{Font: layout.FontBody}})
	if _, err := Render(doc, Options{Fonts: set}); err == nil {
		t.Error("a font gofpdf cannot read was embedded")
	}
}
