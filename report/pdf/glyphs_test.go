package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"budgetdoc/fonts"
	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
)

// A face that lacks a character only the renderer sets (here the dashes of
// the page number, — 1 —) is an error naming the page, not an empty box.
func TestMissingGlyphOfPageNumber(t *testing.T) {
	set := fonts.Default()
	digits, err := set.Face(fonts.Role(layout.FontPageNumber)).Subset([]rune("0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "digits.ttf")
	if err := os.WriteFile(path, digits, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := set.Replace(fonts.Role(layout.FontPageNumber), path); err != nil {
		t.Fatal(err)
	}
	doc := &layout.Document{}
	doc.Add(&layout.Paragraph{Text: layout.Plain("部门预算"), Style: layout.Style{Font: layout.FontBody}})
	_, err = Render(doc, Options{Fonts: set})
	var errs GlyphErrors
	if !errors.As(err, &errs) {
		t.Fatalf("rendered with a page-number font without —: %v", err)
	}
	want := GlyphError{Char: '—', Face: "user-page-number", Role: layout.FontPageNumber,
		Origin: layout.Origin{Path: msg.Sprintf("page %d of the PDF", 1)}}
	if len(errs) != 1 || errs[0] != want {
		t.Errorf("errors %v, want %v", errs, want)
	}
	if err := CheckLayout(doc, Options{Fonts: set}); !errors.As(err, &errs) {
		t.Errorf("CheckLayout: %v", err)
	}
}
