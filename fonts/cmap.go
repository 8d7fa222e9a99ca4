package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// glyphIDs reads a font's Unicode cmap into the glyph of every character of
// the Basic Multilingual Plane, 0 for none: the only characters the PDF
// writer embeds. Read in one pass when a face is first used, a character's
// glyph is then an array index: a document looks up a few thousand, and a
// binary search of the cmap for each touched most of its pages.
//
// The subtable is the one golang.org/x/image/font/sfnt uses, which the tests
// check glyph by glyph: a format 12 (full Unicode) subtable if the font has
// one, else format 4 (BMP), of platform 0 (Unicode) or 3 (Windows).
func glyphIDs(cmap []byte) (*[0x10000]uint16, error) {
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
	glyphs := new([0x10000]uint16)
	switch bestFormat {
	case 4:
		return glyphs, format4(best, glyphs)
	case 12:
		return glyphs, format12(best, glyphs)
	}
	return nil, fmt.Errorf("fonts: font has no Unicode cmap of format 4 or 12")
}

// errOverlap refuses a cmap whose ranges overlap or are out of order, as
// the format forbids: read range by range, a font of 20,000 ranges of all
// 65,536 characters each (which sfnt accepts) took seconds. Such a font's
// glyphs are asked of sfnt instead.
var errOverlap = errors.New("fonts: cmap ranges overlap or are out of order")

func format4(sub []byte, glyphs *[0x10000]uint16) error {
	be := binary.BigEndian
	if len(sub) < 14 {
		return fmt.Errorf("fonts: cmap format 4 is cut short")
	}
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	if ranges+2*segs > len(sub) {
		return fmt.Errorf("fonts: cmap format 4 is cut short")
	}
	next := 0 // the lowest character the next segment may start at
	for s := 0; s < segs; s++ {
		end, start := int(be.Uint16(sub[ends+2*s:])), int(be.Uint16(sub[starts+2*s:]))
		delta, rangeOffset := be.Uint16(sub[deltas+2*s:]), int(be.Uint16(sub[ranges+2*s:]))
		if start > end {
			continue // covers nothing
		}
		if start < next {
			return errOverlap
		}
		next = end + 1
		for c := start; c <= end && c <= 0xFFFF; c++ {
			if rangeOffset == 0 {
				glyphs[c] = uint16(c) + delta
				continue
			}
			at := ranges + 2*s + rangeOffset + 2*(c-start)
			if at+2 > len(sub) {
				return fmt.Errorf("fonts: cmap format 4 points past its glyph array")
			}
			if g := be.Uint16(sub[at:]); g != 0 {
				glyphs[c] = g + delta
			}
		}
	}
	glyphs[0xFFFF] = 0 // the closing segment's, not a character
	return nil
}

func format12(sub []byte, glyphs *[0x10000]uint16) error {
	be := binary.BigEndian
	if len(sub) < 16 {
		return fmt.Errorf("fonts: cmap format 12 is cut short")
	}
	groups := int(be.Uint32(sub[12:]))
	if groups > (len(sub)-16)/12 {
		return fmt.Errorf("fonts: cmap format 12 is cut short")
	}
	next := uint32(0)
	for g := 0; g < groups; g++ {
		rec := sub[16+12*g:]
		start, end, glyph := be.Uint32(rec), be.Uint32(rec[4:]), be.Uint32(rec[8:])
		if start > end || start > 0xFFFF {
			continue
		}
		if start < next {
			return errOverlap
		}
		next = min(end, 0xFFFF) + 1
		for c := start; c <= end && c <= 0xFFFF; c++ {
			glyphs[c] = uint16(glyph + c - start)
		}
	}
	return nil
}
