package fonts

import (
	"encoding/binary"
	"math"
)

// Side is the half of its em in which a full-width mark's ink lies, which
// says how the mark is set half width (OpenType's halt feature).
type Side int8

// The sides. A mark whose ink crosses the middle of its em, or that is not
// full width, has no half-width form (NoHalf).
const (
	NoHalf   Side = iota
	InkLeft       // 。，、）》” in Simplified Chinese faces: the right half is cut
	InkRight      // （《“: the glyph moves left over the left half
)

// HalfForm says whether the face can set r at half its advance and how,
// from the glyph's measured ink box (where a face puts its marks differs:
// FandolFang's ？ is centred, Noto's is on the left), and the half form's
// advance at size 1, rounded to 1/1000 em as the PDF declares it (see
// Advance). The ink must lie wholly inside one half of a full-width
// advance, so the half form's box holds all of it.
func (f *Face) HalfForm(r rune) (Side, float64) {
	if r > 0xFFFF {
		return NoHalf, 0
	}
	t, err := f.parsedTables()
	if err != nil {
		return NoHalf, 0
	}
	idx := t.glyphs.glyph(r)
	if idx == 0 || int(idx) >= t.numGlyphs {
		return NoHalf, 0
	}
	g := t.glyph(int(idx))
	if len(g) < 10 {
		return NoHalf, 0 // no outline
	}
	be := binary.BigEndian
	upm := t.unitsPerEm
	xMin, xMax := int(int16(be.Uint16(g[2:]))), int(int16(be.Uint16(g[6:])))
	a, _ := t.metrics(int(idx))
	advance := int(a)
	half := advance / 2
	if upm == 0 || 4*advance < 3*upm {
		return NoHalf, 0
	}
	em := math.Round(1000*float64(half)/float64(upm)) / 1000
	switch {
	case xMin >= 0 && xMax <= half:
		return InkLeft, em
	case xMin >= advance-half && xMax <= advance:
		return InkRight, em
	}
	return NoHalf, 0
}
