package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// A CJK face holds some 30,000 glyphs, and the PDF writer reads every one of
// them for each document it embeds the face in. Subset gives it instead a
// small TrueType font with only the characters a document prints; the
// face's tables are read once per process and shared by every document.

// tables is a TrueType font read into its parts.
type tables struct {
	raw         map[string][]byte
	glyf, loca  []byte
	longLoca    bool // loca holds 32-bit offsets, not 16-bit halves
	numGlyphs   int
	numHMetrics int
	hmtx        []byte    // the advances and side bearings, read per character
	glyphs      *glyphMap // each BMP character's glyph
	unitsPerEm  int
}

// parsedTables reads the face's table directory, the fields the subsetter
// needs and the glyph of every BMP character (its cmap), once.
func (f *Face) parsedTables() (*tables, error) {
	f.tablesOnce.Do(func() {
		f.tables, f.tablesErr = readTables(f.Data)
		if f.tablesErr != nil {
			return
		}
		f.tables.glyphs, f.tablesErr = newGlyphMap(f.tables.raw["cmap"])
		if f.tablesErr != nil { // a cmap of another format: asked of sfnt, glyph by glyph
			f.tables.glyphs, f.tablesErr = f.glyphIDsOfSfnt()
		}
	})
	return f.tables, f.tablesErr
}

func (f *Face) glyphIDsOfSfnt() (*glyphMap, error) {
	parsed, err := f.font()
	if err != nil {
		return nil, err
	}
	glyphs := new([0x10000]uint16)
	var buf sfnt.Buffer
	for r := rune(1); r < 0xFFFF; r++ {
		if g, err := parsed.GlyphIndex(&buf, r); err == nil {
			glyphs[r] = uint16(g)
		}
	}
	return filledGlyphMap(glyphs), nil
}

func readTables(data []byte) (*tables, error) {
	be := binary.BigEndian
	if len(data) < 12 {
		return nil, fmt.Errorf("fonts: font too short")
	}
	n := int(be.Uint16(data[4:]))
	t := &tables{raw: make(map[string][]byte, n)}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		if len(rec) < 16 {
			return nil, fmt.Errorf("fonts: font table directory is cut short")
		}
		off, length := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("fonts: font table %q runs past the end of the file", rec[:4])
		}
		t.raw[string(rec[:4])] = data[off : off+length]
	}
	for _, need := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "name", "OS/2", "post"} {
		if t.raw[need] == nil {
			return nil, fmt.Errorf("fonts: font has no %q table", need)
		}
	}
	// The fields read below, and one long metric at least.
	for _, need := range []struct {
		tag  string
		size int
	}{{"head", 54}, {"hhea", 36}, {"maxp", 6}, {"hmtx", 4}, {"post", 32}} {
		if len(t.raw[need.tag]) < need.size {
			return nil, fmt.Errorf("fonts: font's %q table is cut short", need.tag)
		}
	}
	t.numGlyphs = int(be.Uint16(t.raw["maxp"][4:]))
	t.numHMetrics = int(be.Uint16(t.raw["hhea"][34:]))
	t.hmtx = t.raw["hmtx"]
	if t.numHMetrics == 0 || len(t.hmtx) < 4*t.numHMetrics {
		return nil, fmt.Errorf("fonts: font's hmtx table is cut short")
	}
	t.unitsPerEm = int(be.Uint16(t.raw["head"][18:]))
	if t.unitsPerEm == 0 {
		return nil, fmt.Errorf("fonts: font's head table gives 0 units per em")
	}
	t.longLoca = be.Uint16(t.raw["head"][50:]) == 1
	t.glyf, t.loca = t.raw["glyf"], t.raw["loca"]
	size := 2
	if t.longLoca {
		size = 4
	}
	if len(t.loca) < size*(t.numGlyphs+1) {
		return nil, fmt.Errorf("fonts: font's loca table is cut short")
	}
	return t, nil
}

// glyph is a glyph's outline data; the offsets are read from loca when
// asked, since a document uses a few thousand of the font's glyphs.
func (t *tables) glyph(gid int) []byte {
	from, to := t.glyphAt(gid), t.glyphAt(gid+1)
	if from > to || to > len(t.glyf) {
		return nil // a broken loca entry: no outline rather than a crash
	}
	return t.glyf[from:to]
}

func (t *tables) glyphAt(gid int) int {
	if t.longLoca {
		return int(binary.BigEndian.Uint32(t.loca[4*gid:]))
	}
	return 2 * int(binary.BigEndian.Uint16(t.loca[2*gid:]))
}

// Composite glyph flags.
const (
	argsAreWords   = 0x0001
	argsAreXY      = 0x0002
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// components calls fn with the offset of every component's glyph index in
// a composite glyph.
func components(g []byte, fn func(at int)) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return
	}
	for at := 10; at+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[at:])
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return
		}
	}
}

// Subset returns a TrueType font with the face's glyphs for runes (those it
// has) and the glyphs they are built from, with the same metrics.
func (f *Face) Subset(runes []rune) ([]byte, error) { return f.subset(runes, false) }

// HalfSubset returns a TrueType font with the half-width forms (see
// HalfForm) of those runes that have one, as OpenType's halt feature sets
// them: a closing mark is its own glyph with half the advance; an opening
// mark is a composite glyph, half as wide, that draws the original glyph
// moved left by the other half. The PDF writer registers it as a font of
// its own, so the advance it declares for a compressed mark is the one the
// typesetter used and the glyph's box holds its ink.
func (f *Face) HalfSubset(runes []rune) ([]byte, error) { return f.subset(runes, true) }

// subset builds Subset's font, or HalfSubset's when half is set.
func (f *Face) subset(runes []rune, half bool) ([]byte, error) {
	t, err := f.parsedTables()
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.Name, err)
	}
	// The glyphs to keep: .notdef, each rune's, and their components.
	keep := make(map[int]bool, len(runes)+1)
	keep[0] = true
	cmap := make(map[rune]int)
	var add func(gid int)
	add = func(gid int) {
		if keep[gid] || gid >= t.numGlyphs {
			return
		}
		keep[gid] = true
		components(t.glyph(gid), func(at int) { add(int(binary.BigEndian.Uint16(t.glyph(gid)[at:]))) })
	}
	halved := make(map[int]bool) // glyphs set in half their advance
	var moved []rune             // opening marks, drawn by a composite glyph
	for _, r := range runes {
		if r > 0xFFFF {
			continue
		}
		idx := t.glyphs.glyph(r)
		if idx == 0 {
			continue
		}
		if half {
			switch side, _ := f.HalfForm(r); side {
			case InkLeft:
				halved[int(idx)] = true
			case InkRight:
				moved = append(moved, r)
			default:
				continue
			}
		}
		cmap[r] = int(idx)
		add(int(idx))
	}
	old := make([]int, 0, len(keep))
	for gid := range keep {
		old = append(old, gid)
	}
	sort.Ints(old)
	newID := make(map[int]int, len(old))
	for i, gid := range old {
		newID[gid] = i
	}

	be := binary.BigEndian
	size := 20 * len(moved) // the composites
	for _, gid := range old {
		size += (len(t.glyph(gid)) + 3) &^ 3
	}
	glyf := make([]byte, 0, size)
	n := len(old) + len(moved)
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	// put appends glyph i, and returns its bytes in glyf.
	put := func(i int, g []byte, advance, lsb uint16) []byte {
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		at := len(glyf)
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		be.PutUint16(hmtx[4*i:], advance)
		be.PutUint16(hmtx[4*i+2:], lsb)
		return glyf[at : at+len(g)]
	}
	for i, gid := range old {
		advance, lsb := t.metrics(gid)
		if halved[gid] {
			advance /= 2
		}
		g := put(i, t.glyph(gid), advance, lsb)
		components(g, func(at int) { be.PutUint16(g[at:], uint16(newID[int(be.Uint16(g[at:]))])) })
	}
	chars := make(map[rune]int, len(cmap)) // rune to glyph of the new font
	for r, gid := range cmap {
		chars[r] = newID[gid]
	}
	for j, r := range moved {
		gid := cmap[r]
		advance, lsb := t.metrics(gid)
		shift := advance - advance/2
		put(len(old)+j, shiftedGlyph(t.glyph(gid), newID[gid], shift), advance/2, lsb-shift)
		chars[r] = len(old) + j
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := append([]byte(nil), t.raw["head"]...)
	be.PutUint32(head[8:], 0) // checkSumAdjustment, set once the file is whole
	be.PutUint16(head[50:], 1)
	hhea := append([]byte(nil), t.raw["hhea"]...)
	be.PutUint16(hhea[34:], uint16(n))
	maxp := append([]byte(nil), t.raw["maxp"]...)
	be.PutUint16(maxp[4:], uint16(n))
	if len(moved) > 0 && len(maxp) >= 32 {
		// The composites added: one component, one level above the glyph.
		be.PutUint16(maxp[28:], max(be.Uint16(maxp[28:]), 1)) // maxComponentElements
		be.PutUint16(maxp[30:], be.Uint16(maxp[30:])+1)       // maxComponentDepth
	}
	post := append([]byte(nil), t.raw["post"][:32]...)
	be.PutUint32(post, 0x00030000) // no glyph names

	out := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "loca": loca, "glyf": glyf,
		"cmap": cmapTable(chars), "post": post, "name": nameFormat0(t.raw["name"]), "OS/2": t.raw["OS/2"],
	}
	// Hinting programs that the glyphs' instructions may call.
	for _, tag := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		if d := t.raw[tag]; d != nil {
			out[tag] = d
		}
	}
	return assemble(out), nil
}

// shiftedGlyph is a composite glyph drawing glyph component (the glyph
// data g, in the new font) moved left by shift font units.
func shiftedGlyph(g []byte, component int, shift uint16) []byte {
	be := binary.BigEndian
	out := make([]byte, 18)
	be.PutUint16(out, 0xFFFF)                                           // numberOfContours -1: a composite
	copy(out[2:10], g[2:10])                                            // the bounds
	be.PutUint16(out[2:], uint16(int16(be.Uint16(g[2:]))-int16(shift))) // xMin
	be.PutUint16(out[6:], uint16(int16(be.Uint16(g[6:]))-int16(shift))) // xMax
	be.PutUint16(out[10:], argsAreWords|argsAreXY)
	be.PutUint16(out[12:], uint16(component))
	be.PutUint16(out[14:], uint16(-int16(shift)))
	be.PutUint16(out[16:], 0)
	return out
}

// nameFormat0 is a name table as format 0, the only one gofpdf reads: a
// format 1 table (language-tag records after the name records) is the same
// table with its format changed, the tags left unread.
func nameFormat0(name []byte) []byte {
	if len(name) < 2 || binary.BigEndian.Uint16(name) != 1 {
		return name
	}
	out := append([]byte(nil), name...)
	binary.BigEndian.PutUint16(out, 0)
	return out
}

// metrics is a glyph's advance width and left side bearing.
func (t *tables) metrics(gid int) (advance, lsb uint16) {
	be := binary.BigEndian
	h := t.hmtx
	if gid < t.numHMetrics {
		return be.Uint16(h[4*gid:]), be.Uint16(h[4*gid+2:])
	}
	advance = be.Uint16(h[4*(t.numHMetrics-1):])
	at := 4*t.numHMetrics + 2*(gid-t.numHMetrics)
	if at+2 <= len(h) {
		lsb = be.Uint16(h[at:])
	}
	return advance, lsb
}

// cmapTable is a cmap with one format 4 subtable (Windows, Unicode BMP),
// a segment per character, mapping each to its glyph.
func cmapTable(cmap map[rune]int) []byte {
	chars := make([]rune, 0, len(cmap))
	for r := range cmap {
		chars = append(chars, r)
	}
	sort.Slice(chars, func(i, j int) bool { return chars[i] < chars[j] })
	segs := len(chars) + 1 // and the closing 0xFFFF segment
	be := binary.BigEndian
	sub := make([]byte, 16+8*segs)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*segs))
	search := 1
	for search*2 <= segs {
		search *= 2
	}
	be.PutUint16(sub[8:], uint16(2*search))
	entry := 0
	for 1<<(entry+1) <= search {
		entry++
	}
	be.PutUint16(sub[10:], uint16(entry))
	be.PutUint16(sub[12:], uint16(2*segs-2*search))
	ends, starts := 14, 16+2*segs
	deltas, ranges := 16+4*segs, 16+6*segs
	for i, r := range chars {
		be.PutUint16(sub[ends+2*i:], uint16(r))
		be.PutUint16(sub[starts+2*i:], uint16(r))
		be.PutUint16(sub[deltas+2*i:], uint16(cmap[r]-int(r)))
		be.PutUint16(sub[ranges+2*i:], 0)
	}
	last := len(chars)
	be.PutUint16(sub[ends+2*last:], 0xFFFF)
	be.PutUint16(sub[starts+2*last:], 0xFFFF)
	be.PutUint16(sub[deltas+2*last:], 1)
	head := make([]byte, 12)
	be.PutUint16(head[2:], 1)  // one subtable
	be.PutUint16(head[4:], 3)  // Windows
	be.PutUint16(head[6:], 1)  // Unicode BMP
	be.PutUint32(head[8:], 12) // right after this header
	return append(head, sub...)
}

// assemble writes the tables as a TrueType file with its directory and
// checksums.
func assemble(tabs map[string][]byte) []byte {
	tags := make([]string, 0, len(tabs))
	for tag := range tabs {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	be := binary.BigEndian
	n := len(tags)
	size := 12 + 16*n
	for _, data := range tabs {
		size += (len(data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	search := 1
	for search*2 <= n {
		search *= 2
	}
	entry := 0
	for 1<<(entry+1) <= search {
		entry++
	}
	be.PutUint16(out[6:], uint16(16*search))
	be.PutUint16(out[8:], uint16(entry))
	be.PutUint16(out[10:], uint16(16*n-16*search))
	headAt := 0
	for i, tag := range tags {
		data := tabs[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(data))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var word [4]byte
		copy(word[:], data[i:])
		sum += binary.BigEndian.Uint32(word[:])
	}
	return sum
}
