package gofpdf

import "testing"

// budgetdoc: a UTF-8 font holds 65,536 widths; the rune just past them
// (U+10000) takes the missing width, not a read past the end.
func TestStringWidthPastWidths(t *testing.T) {
	f := &Fpdf{isCurrentUTF8: true}
	f.currentFont.Cw = make([]uint16, 256*256)
	f.currentFont.Cw['A'] = 600
	f.currentFont.Desc.MissingWidth = 250
	if got := f.GetStringSymbolWidth("A\U00010000"); got != 850 {
		t.Errorf("width of A and U+10000 = %d, want 850", got)
	}
}
