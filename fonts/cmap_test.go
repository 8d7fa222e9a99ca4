package fonts

import (
	"encoding/binary"
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
		matchesSfnt(t, f, tabs.glyphs)
	}
}

// matchesSfnt checks every BMP character's glyph in m against sfnt's
// lookup in f's font.
func matchesSfnt(t *testing.T, f *Face, m *glyphMap) {
	t.Helper()
	parsed, err := sfnt.Parse(f.Data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	differ := 0
	for r := rune(0); r <= 0xFFFF; r++ {
		want, _ := parsed.GlyphIndex(&buf, r)
		if got := m.glyph(r); got != uint16(want) {
			if differ++; differ <= 5 {
				t.Errorf("%s: U+%04X is glyph %d, sfnt says %d", f.Name, r, got, want)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%s: %d characters differ", f.Name, differ)
	}
}

// overlappingCmap is a cmap of one format 4 subtable (Windows, Unicode
// BMP) whose segs segments each map all characters but U+FFFF to glyph
// c+delta, and the closing segment.
func overlappingCmap(segs int, delta uint16) []byte {
	be := binary.BigEndian
	n := segs + 1
	sub := make([]byte, 16+8*n)
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(min(len(sub), 0xFFFF)))
	be.PutUint16(sub[6:], uint16(2*n))
	ends, starts, deltas := 14, 16+2*n, 16+4*n
	for s := 0; s < n; s++ {
		end, start := uint16(0xFFFE), uint16(0)
		if s == segs {
			end, start = 0xFFFF, 0xFFFF
		}
		be.PutUint16(sub[ends+2*s:], end)
		be.PutUint16(sub[starts+2*s:], start)
		be.PutUint16(sub[deltas+2*s:], delta)
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)  // one subtable
	be.PutUint16(cmap[4:], 3)  // Windows
	be.PutUint16(cmap[6:], 1)  // Unicode BMP
	be.PutUint32(cmap[8:], 12) // at the end of the record
	return append(cmap, sub...)
}

// A cmap whose ranges overlap, which sfnt accepts, is not read range by
// range (20,000 ranges of every character took seconds): its glyphs are
// asked of sfnt, and still agree with it.
func TestGlyphIDsOverlappingRanges(t *testing.T) {
	if _, err := newGlyphMap(overlappingCmap(3, 1)); err == nil {
		t.Fatal("overlapping format 4 segments read without an error")
	}
	tabs := smallFontTables(t)
	tabs.raw["cmap"] = overlappingCmap(19999, 1)
	data := assemble(tabs.raw)
	if err := CheckEmbeddable(data); err != nil {
		t.Fatal(err)
	}
	face := &Face{Name: "overlapping", Data: data}
	parsed, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	for _, r := range []rune{1, 2, 'A', '中'} {
		want, _ := parsed.GlyphIndex(&buf, r)
		got, _ := face.glyph(r)
		if got != int(want) {
			t.Errorf("U+%04X is glyph %d, sfnt says %d", r, got, want)
		}
	}
}

// A face's format 4 subtable alone, which a font without a format 12 one
// is read from, gives every BMP character the glyph sfnt gives it; the
// embedded faces have both, and the format 12 is read otherwise.
func TestFormat4MatchesSfnt(t *testing.T) {
	be := binary.BigEndian
	for _, f := range []*Face{serif, kai, fang} {
		tabs, err := readTables(f.Data)
		if err != nil {
			t.Fatal(err)
		}
		cmap := tabs.raw["cmap"]
		var sub []byte
		for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
			rec := cmap[4+8*i:]
			off := be.Uint32(rec[4:])
			if be.Uint16(rec) == 3 && be.Uint16(rec[2:]) == 1 && be.Uint16(cmap[off:]) == 4 {
				sub = cmap[off : int(off)+int(be.Uint16(cmap[off+2:]))]
			}
		}
		if sub == nil {
			t.Fatalf("%s has no Windows BMP format 4 subtable", f.Name)
		}
		only := make([]byte, 12, 12+len(sub))
		be.PutUint16(only[2:], 1)
		be.PutUint16(only[4:], 3)
		be.PutUint16(only[6:], 1)
		be.PutUint32(only[8:], 12)
		m, err := newGlyphMap(append(only, sub...))
		if err != nil {
			t.Fatal(err)
		}
		matchesSfnt(t, f, m)
	}
}
