package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync/atomic"
)

// glyphMap is a font's Unicode cmap as the glyph of every character of the
// Basic Multilingual Plane, 0 for none: the only characters the PDF writer
// embeds. It is read 256 characters at a time, a block when one of its
// characters is first asked for: a document uses a few dozen blocks, and a
// table of all 65,536 glyphs for each face was 128 KB of fresh memory that
// a cold build paid for page by page. A character's glyph is then two
// array indexes; a binary search of the cmap for each touched most of its
// pages. Blocks are filled by whichever goroutine asks first, so a face
// serves concurrent documents.
//
// The subtable is the one golang.org/x/image/font/sfnt uses, which the tests
// check glyph by glyph: a format 12 (full Unicode) subtable if the font has
// one, else format 4 (BMP), of platform 0 (Unicode) or 3 (Windows).
type glyphMap struct {
	sub    []byte // the subtable, checked by newGlyphMap
	format int    // 4 or 12; 0 when every block was filled when made
	// first is each block's first segment (format 4) or group (format 12)
	// holding one of its characters, -1 for none: the segments and groups
	// are in order of character, those covering nothing aside.
	first  [256]int32
	blocks [256]atomic.Pointer[[256]uint16]
}

// glyph is r's glyph, 0 for none; r must be in the BMP.
func (m *glyphMap) glyph(r rune) uint16 {
	hi := r >> 8
	b := m.blocks[hi].Load()
	if b == nil {
		b = m.fill(int(hi))
	}
	return b[r&0xFF]
}

// fill reads block hi from the subtable and keeps it, or the block another
// goroutine kept first (the same glyphs).
func (m *glyphMap) fill(hi int) *[256]uint16 {
	b := new([256]uint16)
	lo := hi << 8
	if from := int(m.first[hi]); from >= 0 {
		switch m.format {
		case 4:
			format4Block(m.sub, from, lo, b)
		case 12:
			format12Block(m.sub, from, lo, b)
		}
	}
	if m.blocks[hi].CompareAndSwap(nil, b) {
		return b
	}
	return m.blocks[hi].Load()
}

// newGlyphMap finds the cmap's subtable and checks it whole, so that reading
// a block later cannot fail.
func newGlyphMap(cmap []byte) (*glyphMap, error) {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil, fmt.Errorf("fonts: cmap table is cut short")
	}
	var best []byte
	bestFormat := 0
	n := int(be.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil, fmt.Errorf("fonts: cmap table is cut short")
		}
		platform, encoding := be.Uint16(cmap[rec:]), be.Uint16(cmap[rec+2:])
		off := int(be.Uint32(cmap[rec+4:]))
		if off+2 > len(cmap) {
			return nil, fmt.Errorf("fonts: cmap subtable runs past the table")
		}
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		format := int(be.Uint16(cmap[off:]))
		if unicode && (format == 4 || format == 12) && format > bestFormat {
			best, bestFormat = cmap[off:], format
		}
	}
	m := &glyphMap{sub: best, format: bestFormat}
	for i := range m.first {
		m.first[i] = -1
	}
	var err error
	switch bestFormat {
	case 4:
		err = indexFormat4(best, &m.first)
	case 12:
		err = indexFormat12(best, &m.first)
	default:
		return nil, fmt.Errorf("fonts: font has no Unicode cmap of format 4 or 12")
	}
	if err != nil {
		return nil, err
	}
	return m, nil
}

// note records that range number i covers characters start to end (in
// the BMP) in the blocks it reaches first.
func note(first *[256]int32, i, start, end int) {
	for hi := start >> 8; hi <= min(end, 0xFFFF)>>8; hi++ {
		if first[hi] < 0 {
			first[hi] = int32(i)
		}
	}
}

// filledGlyphMap is a glyphMap of glyphs already known, every block filled.
func filledGlyphMap(glyphs *[0x10000]uint16) *glyphMap {
	m := &glyphMap{}
	for hi := range m.blocks {
		b := new([256]uint16)
		copy(b[:], glyphs[hi<<8:])
		m.blocks[hi].Store(b)
	}
	return m
}

// errOverlap refuses a cmap whose ranges overlap or are out of order, as
// the format forbids: read range by range, a font of 20,000 ranges of all
// 65,536 characters each (which sfnt accepts) took seconds. Such a font's
// glyphs are asked of sfnt instead.
var errOverlap = errors.New("fonts: cmap ranges overlap or are out of order")

// format4 is a format 4 subtable's segments: the offsets of its four arrays.
type format4 struct {
	segs                         int
	ends, starts, deltas, ranges int
}

func format4Of(sub []byte) (format4, error) {
	if len(sub) < 14 {
		return format4{}, fmt.Errorf("fonts: cmap format 4 is cut short")
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	f := format4{segs: segs, ends: 14, starts: 16 + 2*segs, deltas: 16 + 4*segs, ranges: 16 + 6*segs}
	if f.ranges+2*segs > len(sub) {
		return format4{}, fmt.Errorf("fonts: cmap format 4 is cut short")
	}
	return f, nil
}

// segment is segment s's first and last character, delta and range offset.
func (f format4) segment(sub []byte, s int) (start, end int, delta uint16, rangeOffset int) {
	be := binary.BigEndian
	return int(be.Uint16(sub[f.starts+2*s:])), int(be.Uint16(sub[f.ends+2*s:])),
		be.Uint16(sub[f.deltas+2*s:]), int(be.Uint16(sub[f.ranges+2*s:]))
}

// indexFormat4 notes each block's first segment, refusing segments out of
// order and glyph indexes past the table.
func indexFormat4(sub []byte, first *[256]int32) error {
	f, err := format4Of(sub)
	if err != nil {
		return err
	}
	next := 0 // the lowest character the next segment may start at
	for s := 0; s < f.segs; s++ {
		start, end, _, rangeOffset := f.segment(sub, s)
		if start > end {
			continue // covers nothing
		}
		if start < next {
			return errOverlap
		}
		next = end + 1
		if rangeOffset != 0 && f.ranges+2*s+rangeOffset+2*(end-start)+2 > len(sub) {
			return fmt.Errorf("fonts: cmap format 4 points past its glyph array")
		}
		note(first, s, start, end)
	}
	return nil
}

// format4Block reads the glyphs of characters lo to lo+255 from the
// segments from the block's first on.
func format4Block(sub []byte, from, lo int, b *[256]uint16) {
	f, _ := format4Of(sub) // indexed
	hi := lo + 255
	for s := from; s < f.segs; s++ {
		start, end, delta, rangeOffset := f.segment(sub, s)
		if start > end {
			continue
		}
		if start > hi {
			break
		}
		for c := max(start, lo); c <= min(end, hi); c++ {
			if rangeOffset == 0 {
				b[c-lo] = uint16(c) + delta
			} else if g := binary.BigEndian.Uint16(sub[f.ranges+2*s+rangeOffset+2*(c-start):]); g != 0 {
				b[c-lo] = g + delta
			}
		}
	}
	if lo == 0xFF00 {
		b[0xFF] = 0 // the closing segment's, not a character
	}
}

// format12 is a format 12 subtable's number of groups and group g.
func format12Groups(sub []byte) int { return int(binary.BigEndian.Uint32(sub[12:])) }

func format12Group(sub []byte, g int) (start, end, glyph uint32) {
	be := binary.BigEndian
	rec := sub[16+12*g:]
	return be.Uint32(rec), be.Uint32(rec[4:]), be.Uint32(rec[8:])
}

// indexFormat12 notes each block's first group, refusing groups out of
// order.
func indexFormat12(sub []byte, first *[256]int32) error {
	if len(sub) < 16 {
		return fmt.Errorf("fonts: cmap format 12 is cut short")
	}
	groups := format12Groups(sub)
	if groups > (len(sub)-16)/12 {
		return fmt.Errorf("fonts: cmap format 12 is cut short")
	}
	next := uint32(0)
	for g := 0; g < groups; g++ {
		start, end, _ := format12Group(sub, g)
		if start > end || start > 0xFFFF {
			continue
		}
		if start < next {
			return errOverlap
		}
		next = min(end, 0xFFFF) + 1
		note(first, g, int(start), int(min(end, 0xFFFF)))
	}
	return nil
}

// format12Block reads the glyphs of characters lo to lo+255 from the
// groups from the block's first on.
func format12Block(sub []byte, from, lo int, b *[256]uint16) {
	hi := uint32(lo + 255)
	for g := from; g < format12Groups(sub); g++ {
		start, end, glyph := format12Group(sub, g)
		if start > end || start > 0xFFFF {
			continue
		}
		if start > hi {
			break
		}
		for c := max(start, uint32(lo)); c <= min(end, hi); c++ {
			b[c-uint32(lo)] = uint16(glyph + c - start)
		}
	}
}
