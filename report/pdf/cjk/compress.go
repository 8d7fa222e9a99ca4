package cjk

// Punctuation compression (clreq 3.1.6, 标点挤压). A full-width mark's ink
// fills one half of its em and leaves the other blank: a closing mark
// (。，、）》” in Simplified Chinese faces) on the left, an opening one
// (（《“) on the right. Where two marks meet, their blanks add up to an em
// or more between two inks (》（, ”、“, ）、, 。”), and one of them is set
// in its half-width form: the first when it is a closing mark, else the
// second when it is an opening one. A line may also end with a closing
// mark set half width when that lets it fit, rather than leaving the line
// loose; justification gives the room saved to the gaps between Chinese
// characters (see stretch and Justify). The half-width form is a glyph of
// its own (see Box.Half); which marks have one depends on the face: the
// caller measures each glyph's ink.

// Ink is the half of its full-width em in which a mark's ink lies.
type Ink int8

// The halves. NoHalf: the ink crosses the middle (FandolFang's ？), or
// the mark is not full width; it has no half-width form.
const (
	NoHalf Ink = iota
	InkLeft
	InkRight
)

// Compress sets adjacent full-width marks by the rule above. half gives a
// mark's half-width form in the face: which half its ink lies in and its
// advance, tracking included. It records every box's half form (Half),
// which BreakBoxes uses at a line's end.
func Compress(bs []Box, em float64, half func(rune) (Ink, float64)) {
	for i := range bs {
		if r := bs[i].R; noStartSet.has(r) || noEndSet.has(r) {
			ink, w := half(r)
			if ink == InkLeft && noStartSet.has(r) || ink == InkRight && noEndSet.has(r) {
				bs[i].Half = w
			}
		}
	}
	mark := func(b Box) bool { return b.Width >= 0.75*em && (noStartSet.has(b.R) || noEndSet.has(b.R)) }
	for i := 0; i+1 < len(bs); i++ {
		a, b := &bs[i], &bs[i+1]
		if b.Space != 0 || !mark(*a) || !mark(*b) {
			continue
		}
		closing, opening := noStartSet.has(a.R), noEndSet.has(b.R)
		switch {
		case closing && a.Half > 0:
			a.halve()
		case opening && b.Half > 0 && (!closing || a.Half == 0):
			b.halve()
		}
	}
}

// halve sets the box in its half-width form, which has no blank half to
// drop at a line's start.
func (b *Box) halve() {
	b.full = b.Width
	b.Halved, b.Width, b.Lead = true, b.Half, 0
}

// saved is the room the line's compressed marks save.
func (l BoxLine) saved(bs []Box) float64 {
	w := 0.0
	for k := l.Start; k < l.End; k++ {
		if l.HalfAt(bs, k) {
			w += bs[k].fullWidth() - bs[k].Half
		}
	}
	return w
}

// fullWidth is the box's width in its full form.
func (b Box) fullWidth() float64 {
	if b.Halved {
		return b.full
	}
	return b.Width
}

// Justify returns line l as it is best justified in avail: its compressed
// marks go back to full width (Plain) when the line still fits so and
// text extraction would read more of its gaps as spaces with them
// compressed (see stretch).
func (l BoxLine) Justify(bs []Box, avail, em float64) BoxLine {
	plain := l
	plain.Plain = true
	if l.Plain || plain.saved(bs) == l.saved(bs) || plain.width(bs) > avail+0.01 {
		return l
	}
	if spaces(bs, plain, avail, em) < spaces(bs, l, avail, em) {
		return plain
	}
	return l
}

// spaces counts the gaps of line l justified in avail that text extraction
// reads as spaces: those opened by more than IdeographicStretch.
func spaces(bs []Box, l BoxLine, avail, em float64) int {
	slack := avail - l.width(bs)
	if slack <= 0.01 {
		return 0
	}
	n := 0
	for i, x := range stretch(bs, l, slack, em) {
		if bs[l.Start+i].Space == 0 && x > IdeographicStretch*em+1e-9 {
			n++
		}
	}
	return n
}

// HalfAt reports whether box k of line l is set in its half-width form:
// compressed against its neighbour, unless the line is Plain, or a closing
// mark ending the line (HalfEnd).
func (l BoxLine) HalfAt(bs []Box, k int) bool {
	if l.HalfEnd && k == l.End-1 {
		return true
	}
	// A line's first box keeps its form: a halved opening mark has no
	// blank half left to drop.
	return bs[k].Halved && !(l.Plain && k > l.Start)
}
