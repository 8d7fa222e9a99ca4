package fonts

import (
	"encoding/binary"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/image/font/sfnt"
)

// seg4 is a format 4 segment: characters start to end, glyph c+delta, or
// the glyph array's entries from glyphs on (array, when not nil).
type seg4 struct {
	start, end, delta uint16
	array             []uint16
}

// cmapOf is a cmap table of one Windows subtable (encoding 1 for format 4,
// 10 for format 12).
func cmapOf(encoding uint16, sub []byte) []byte {
	be := binary.BigEndian
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1)
	be.PutUint16(cmap[4:], 3)
	be.PutUint16(cmap[6:], encoding)
	be.PutUint32(cmap[8:], 12)
	return append(cmap, sub...)
}

// format4Cmap lays out segs, whose arrays follow the range offsets in
// order; cut drops that many bytes from the end of the table.
func format4Cmap(segs []seg4, cut int) []byte {
	be := binary.BigEndian
	n := len(segs)
	ranges := 16 + 6*n
	arrays := ranges + 2*n
	size := arrays
	for _, s := range segs {
		size += 2 * len(s.array)
	}
	sub := make([]byte, size)
	be.PutUint16(sub, 4)
	be.PutUint16(sub[2:], uint16(min(size-cut, 0xFFFF)))
	be.PutUint16(sub[6:], uint16(2*n))
	at := arrays
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], s.end)
		be.PutUint16(sub[16+2*n+2*i:], s.start)
		be.PutUint16(sub[16+4*n+2*i:], s.delta)
		if s.array != nil {
			be.PutUint16(sub[ranges+2*i:], uint16(at-(ranges+2*i)))
			for j, g := range s.array {
				be.PutUint16(sub[at+2*j:], g)
			}
			at += 2 * len(s.array)
		}
	}
	return cmapOf(1, sub[:size-cut])
}

// format12Cmap lays out groups of first character, last and first glyph.
func format12Cmap(groups [][3]uint32) []byte {
	be := binary.BigEndian
	sub := make([]byte, 16+12*len(groups))
	be.PutUint16(sub, 12)
	be.PutUint32(sub[4:], uint32(len(sub)))
	be.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(sub[16+12*i:], g[0])
		be.PutUint32(sub[20+12*i:], g[1])
		be.PutUint32(sub[24+12*i:], g[2])
	}
	return cmapOf(10, sub)
}

func glyphRun(first uint16, n int) []uint16 {
	a := make([]uint16, n)
	for i := range a {
		if i%7 != 3 { // some characters of the range have no glyph
			a[i] = first + uint16(i)
		}
	}
	return a
}

// Cmaps whose ranges start, end and leave gaps inside the blocks of 256
// characters the glyphs are read in, cross the end of the BMP, lie beyond
// it, or cannot be read range by range (out of order, a glyph array past
// the table): every BMP character has the glyph sfnt gives it, and the
// advance of that glyph, when blocks are read one after another and when
// eight goroutines read a fresh face's blocks at once.
func TestGlyphBlocksMatchSfnt(t *testing.T) {
	closing := seg4{start: 0xFFFF, end: 0xFFFF, delta: 1}
	cases := []struct {
		name string
		cmap []byte
	}{
		{"format 12, groups within, across and past blocks", format12Cmap([][3]uint32{
			{0x20, 0x7E, 3}, {0x100, 0x100, 9}, {0x1FF, 0x201, 20},
			{0x4E00, 0x4E10, 100}, {0x4E20, 0x4E30, 200}, {0x4E80, 0x5210, 300}, {0x6000, 0x6000, 7},
		})},
		{"format 12, a group across the end of the BMP", format12Cmap([][3]uint32{{0x41, 0x5A, 1}, {0xFF00, 0x10100, 2}})},
		{"format 12, groups beyond the BMP", format12Cmap([][3]uint32{
			{0x30, 0x39, 3}, {0x10000, 0x10010, 5}, {0x20000, 0x2FFFF, 6},
		})},
		{"format 12, one group over most blocks", format12Cmap([][3]uint32{{0x180, 0xF0FF, 1}})},
		{"format 12, no groups", format12Cmap(nil)},
		{"format 12, overlapping groups", format12Cmap([][3]uint32{{0x41, 0x60, 36}, {0x50, 0x70, 100}})},
		{"format 4, deltas and glyph arrays across blocks", format4Cmap([]seg4{
			{start: 0x20, end: 0x7E, delta: 3},
			{start: 0x1FF, end: 0x201, delta: 5},
			{start: 0x2FF0, end: 0x3110, array: glyphRun(400, 0x3110-0x2FF0+1)},
			{start: 0x4E00, end: 0x9FFF, delta: 0x100},
			{start: 0xFF01, end: 0xFFFE, array: glyphRun(40, 0xFFFE-0xFF01+1)},
			closing,
		}, 0)},
		{"format 4, segments out of order", format4Cmap([]seg4{
			{start: 0x41, end: 0x5A, delta: 1}, {start: 0x30, end: 0x39, delta: 2}, closing,
		}, 0)},
		{"format 4, a glyph array past the table", format4Cmap([]seg4{
			{start: 0x30, end: 0x39, delta: 2}, {start: 0x41, end: 0x5A, array: glyphRun(10, 26)}, closing,
		}, 20)},
	}
	tabs := smallFontTables(t)
	for _, c := range cases {
		tabs.raw["cmap"] = c.cmap
		data := assemble(tabs.raw)
		parsed, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// The glyphs and advances sfnt's lookup gives, with the face's own
		// metrics, which the blocks do not change.
		var buf sfnt.Buffer
		ref := &Face{Name: "ref", Data: data}
		want := make([]uint16, 0x10000)
		for r := range want {
			if g, err := parsed.GlyphIndex(&buf, rune(r)); err == nil { // an error: none
				want[r] = uint16(g)
			}
		}
		advance := make([]float64, 0x10000)
		for r := range advance {
			advance[r] = float64(ref.thousandths(int(want[r]))) / 1000
		}
		// wrong reports a character whose glyph or advance differs.
		wrong := func(face *Face, r rune) (bool, int, float64) {
			g, _ := face.glyph(r)
			adv := face.Advance(r)
			return g != int(want[r]) || adv != advance[r], g, adv
		}
		alone := &Face{Name: "alone", Data: data}
		differ := 0
		for r := rune(0); r <= 0xFFFF; r++ {
			if bad, g, adv := wrong(alone, r); bad {
				if differ++; differ <= 3 {
					t.Errorf("%s: U+%04X is glyph %d of advance %g, sfnt says %d of %g",
						c.name, r, g, adv, want[r], advance[r])
				}
			}
		}
		fresh := &Face{Name: "fresh", Data: data}
		var wrongAtOnce atomic.Int64
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Go(func() {
				for i := range 0x10000 {
					r := rune((i*40503 + w*4099) & 0xFFFF) // each in another order
					if bad, _, _ := wrong(fresh, r); bad {
						wrongAtOnce.Add(1)
					}
				}
			})
		}
		wg.Wait()
		if n := wrongAtOnce.Load(); n > 0 {
			t.Errorf("%s: read by eight goroutines at once, %d lookups differ from sfnt", c.name, n)
		}
	}
}
