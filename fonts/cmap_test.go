package fonts

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// The cmap read in one pass gives every character of the Basic Multilingual
// Plane the glyph sfnt's own lookup gives it, in every embedded face.
func TestGlyphIDsMatchSfnt(t *testing.T) {
	for _, f := range []*Face{serif, serifBold, sans, kai, fang} {
		tabs, err := f.parsedTables()
		if err != nil {
			t.Fatal(err)
		}
		parsed, err := sfnt.Parse(f.Data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		differ := 0
		for r := rune(0); r <= 0xFFFF; r++ {
			want, _ := parsed.GlyphIndex(&buf, r)
			if got := tabs.glyphs[r]; got != uint16(want) {
				if differ++; differ <= 5 {
					t.Errorf("%s: U+%04X is glyph %d, sfnt says %d", f.Name, r, got, want)
				}
			}
		}
		if differ > 0 {
			t.Errorf("%s: %d characters differ", f.Name, differ)
		}
	}
}
