package cjk

import (
	"math"
	"unicode"
)

// Running text is set as boxes, one per character, with the space before
// each: what a typesetter adds (a quarter em between Chinese and Latin or
// digits, never typed), what punctuation compression takes away, and how
// that space may stretch when a line is justified. Break fills lines with
// the boxes, Balance breaks them evenly at the seams of the text's
// structure, and Place gives each box its position on the line.

// Glue says how the space before a box may stretch when a line is
// justified. The slack of a line is taken first from Mixed, then from
// Punctuation, only then from Ideographic (clreq, W3C JLReq); Fixed never
// stretches: inside a number or a Latin word, after an opening mark or
// before a closing one, around an ideographic space that aligns a list.
type Glue int8

// The kinds of glue, in the order slack is given to them last to first.
const (
	Fixed Glue = iota
	Ideographic
	Punctuation
	Mixed
)

// Box is one character to set.
type Box struct {
	R     rune
	Width float64 // advance, tracking included
	// Space is set before the box when it is not the first of its line:
	// a quarter em between Chinese and Latin, or a Latin word space.
	Space float64
	Glue  Glue
	// Lead is the blank left half of a full-width opening mark, dropped
	// when the mark starts a line (clreq): its ink then lines up with the
	// margin instead of standing half an em in.
	Lead float64
	// Break is set when a line may start with the box; Seam when such a
	// break falls at a seam of the text (before a number or Latin word,
	// before an opening mark, after a closing one), where a title or
	// heading breaks best.
	Break, Seam bool
	// NameSeam is set by the caller where the text's composer marked the
	// end of a name (Weak: the end of one of its parts); see Balance.
	NameSeam, Weak bool
	// Half is the advance of the mark's half-width form, 0 when it has
	// none; Halved is set when the box is set in it, against a mark it
	// meets (Compress). The half-width form is a glyph of its own, with
	// half the advance in the embedded font's widths (the PDF writer sets
	// it from a second font per face, as OpenType's halt feature gives):
	// a shorter advance by Tc or a moved glyph overlaps the glyphs' boxes
	// as poppler takes them from the widths, and pdftotext -layout and
	// -raw then break the line (”\n、“ at 0.2 em of overlap).
	Half   float64
	Halved bool
	full   float64 // the width of a halved box's full form
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isLatin is what stands a quarter em apart from Chinese: Latin letters,
// digits and the percent sign that goes with them.
func isLatin(r rune) bool { return isWordRune(r) || r == '%' }

// Boxes turns text into boxes. measure gives a rune's advance with any
// tracking; em is the body size, the unit of the added spaces. A typed
// space next to a Chinese character or mark is dropped: the typesetter
// sets its own gap there (2021 年 and 2021年 print alike). The first
// fixed runes (a list label such as 附件：1.) and the box after them keep
// their spacing.
func Boxes(text []rune, measure func(rune) float64, em float64, fixed int) []Box {
	wide := func(r rune) bool { return measure(r) >= 0.75*em }
	bs := make([]Box, 0, len(text))
	space := 0.0 // typed spaces since the last box
	for i, r := range text {
		if r == ' ' {
			space += measure(r)
			continue
		}
		b := Box{R: r, Width: measure(r), Break: i == 0}
		if k := len(bs); k > 0 {
			p := bs[k-1]
			typed := space > 0 && (i <= fixed || !wide(p.R) && !wide(r))
			b.Glue = glueBetween(p.R, r, typed)
			switch {
			case typed:
				b.Space = space
			case isHan(p.R) && isLatin(r) || isLatin(p.R) && isHan(r):
				b.Space = em / 4
			}
			if i < fixed+1 {
				b.Glue = Fixed
			}
		}
		b.Lead = Lead(r, b.Width, em)
		bs = append(bs, b)
		space = 0
	}
	markBreaks(bs)
	return bs
}

// Lead is the blank left half of a full-width opening mark r of advance
// width at body size em, 0 for any other character: what a line starting
// with r sets outside its measure (clreq), in running text and in table
// cells alike.
func Lead(r rune, width, em float64) float64 {
	if width >= 0.75*em && halfBlankOpeningSet.has(r) {
		return width / 2
	}
	return 0
}

// halfBlankOpening are the opening marks whose glyph fills the right half
// of a full-width box (GB/T 15834).
const halfBlankOpening = "（【「『《〈“‘〔"

// glueBetween is the glue between two neighbouring characters.
func glueBetween(p, r rune, typed bool) Glue {
	switch {
	case p == '\u3000' || r == '\u3000':
		return Fixed
	case noEndSet.has(p) || noStartSet.has(r):
		return Fixed
	case inseparableSet.has(p) && p == r:
		return Fixed
	case typed:
		return Mixed
	case p <= '~' && r <= '~':
		return Fixed // inside Latin text: 3.5, A-1, an address
	case isHan(p) && isLatin(r) || isLatin(p) && isHan(r):
		return Mixed
	case noStartSet.has(p) || noEndSet.has(r):
		return Punctuation
	}
	return Ideographic
}

// markBreaks sets where lines may break: between the clusters of the
// line-breaking rules, and inside an address (URL or e-mail) after its
// separators.
func markBreaks(bs []Box) {
	rs := make([]rune, len(bs))
	for i, b := range bs {
		rs[i] = b.R
	}
	for _, s := range Clusters(rs) {
		bs[s].Break = true
		if s > 0 {
			bs[s].Seam = bs[s].Glue == Mixed && isLatin(rs[s]) || noEndSet.has(rs[s]) || noStartSet.has(rs[s-1])
		}
	}
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] > ' ' && rs[j] <= '~' {
			j++
		}
		if j == i {
			i++
			continue
		}
		if isAddress(rs[i:j]) {
			for k := i + 1; k < j; k++ {
				bs[k].Break = urlSeparatorSet.has(rs[k-1]) && !urlSeparatorSet.has(rs[k])
			}
		}
		i = j
	}
}

// isAddress reports whether a run of printable ASCII is a URL or an e-mail
// address, which may break after its separators.
func isAddress(rs []rune) bool {
	s := string(rs)
	for _, mark := range []string{"://", "www.", "@"} {
		if len(s) > len(mark) && contains(s, mark) {
			return true
		}
	}
	return false
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// lineWidth is the natural width of boxes [s, e) set as one line: the first
// box's space and blank left half are dropped.
func lineWidth(bs []Box, s, e int) float64 {
	if e <= s {
		return 0
	}
	w := -bs[s].Lead
	for k := s; k < e; k++ {
		if k > s {
			w += bs[k].Space
		}
		w += bs[k].Width
	}
	return w
}

// width is the natural width of line l, its marks set as HalfAt says.
func (l BoxLine) width(bs []Box) float64 {
	w := lineWidth(bs, l.Start, l.End)
	for k := l.Start; k < l.End; k++ {
		w += l.boxWidth(bs, k) - bs[k].Width
	}
	return w
}

// boxWidth is the width of box k set in line l.
func (l BoxLine) boxWidth(bs []Box, k int) float64 {
	if l.HalfAt(bs, k) {
		return bs[k].Half
	}
	return bs[k].fullWidth()
}

// fits reports whether boxes [s, e) fit in avail.
func fits(bs []Box, s, e int, avail float64) bool {
	const slack = 0.01 // points: rounding must not push a full line's last character down
	return lineWidth(bs, s, e) <= avail+slack
}

// fitLine sets boxes [s, e) as a line in avail: ok when they fit, at need
// with the closing mark that ends them set half width (HalfEnd).
func fitLine(bs []Box, s, e int, avail float64) (l BoxLine, ok bool) {
	l = BoxLine{Start: s, End: e}
	if fits(bs, s, e, avail) {
		return l, true
	}
	if last := bs[e-1]; e-1 > s && last.Half > 0 && !last.Halved && noStartSet.has(last.R) {
		l.HalfEnd = true
		const slack = 0.01
		return l, l.width(bs) <= avail+slack
	}
	return l, false
}

// BoxLine is one line of boxes [Start, End); Last marks a paragraph's last
// line, which is not justified. HalfEnd is set when the closing mark that
// ends the line is set half width to make it fit; Plain when its
// compressed marks are set full width again (see Justify).
type BoxLine struct {
	Start, End     int
	Last           bool
	HalfEnd, Plain bool
}

// BreakBoxes fills lines greedily: first is the first line's width, width
// the others'. A paragraph's last line is never a single character (务。
// alone): the break before it moves back to bring one more down.
func BreakBoxes(bs []Box, first, width float64) []BoxLine {
	var lines []BoxLine
	line := BoxLine{}
	avail := first
	for s := 0; s < len(bs); {
		e := s + 1
		for e < len(bs) && !bs[e].Break {
			e++
		}
		if l, ok := fitLine(bs, line.Start, e, avail); ok {
			line = l
			s = e
			continue
		}
		switch {
		case line.End > line.Start:
			lines = append(lines, line)
			line = BoxLine{Start: s, End: s}
			avail = width
			continue
		default:
			// A cluster wider than a whole line: split it by boxes.
			for k := s; k < e; k++ {
				if k > line.Start && !fits(bs, line.Start, k+1, avail) {
					lines = append(lines, line)
					line = BoxLine{Start: k, End: k}
					avail = width
				}
				line.End = k + 1
			}
		}
		s = e
	}
	lines = append(lines, line)
	lines[len(lines)-1].Last = true
	if n := len(lines); n > 1 && letters(bs[lines[n-1].Start:lines[n-1].End]) < 2 {
		pullDown(bs, &lines[n-2], &lines[n-1], width)
	}
	return lines
}

// pullDown moves the last cluster of prev down to last when last can take it.
func pullDown(bs []Box, prev, last *BoxLine, width float64) {
	for k := prev.End - 1; k > prev.Start; k-- {
		if bs[k].Break {
			if fits(bs, k, last.End, width) {
				prev.End, last.Start, prev.HalfEnd = k, k, false
			}
			return
		}
	}
}

// letters counts the characters of boxes that are not punctuation.
func letters(bs []Box) int {
	n := 0
	for _, b := range bs {
		if unicode.IsLetter(b.R) || unicode.IsDigit(b.R) {
			n++
		}
	}
	return n
}

// Balance breaks boxes into as many lines as BreakBoxes does, but as even
// as they can be and at the text's seams where there is one (after the
// unit's name, before a number or a bracket), for titles, headings and
// entries of the table of contents (GB/T 9704 7.3.1: 梯形或菱形, no word
// split). When those lines do not end at the end of a name its composer
// marked, one more line is taken if one then ends there, every line ends
// at a seam and the lines stay even: 第二部分
// <单位名称> / 2021年度部门预算情况说明 rather than two lines filled to the
// edge, nor a last line of 概况 alone.
func Balance(bs []Box, first, width, em float64) []BoxLine {
	greedy := BreakBoxes(bs, first, width)
	n := len(greedy)
	if n < 2 {
		return greedy
	}
	lines, atName := balance(bs, n, first, width, em, false)
	if lines == nil {
		return greedy
	}
	if !atName && named(bs) {
		if more, ok := balance(bs, n+1, first, width, em, true); ok && even(bs, more) {
			return more
		}
	}
	return lines
}

// named reports whether the composer marked the end of a name in bs
// before its last box.
func named(bs []Box) bool {
	for _, b := range bs {
		if b.NameSeam && !b.Weak {
			return true
		}
	}
	return false
}

// even reports whether no line is shorter than half the longest.
func even(bs []Box, lines []BoxLine) bool {
	shortest, longest := math.Inf(1), 0.0
	for _, l := range lines {
		w := l.width(bs)
		shortest, longest = min(shortest, w), max(longest, w)
	}
	return shortest >= longest/2
}

// balance breaks boxes into n lines of the least cost, nil when they do
// not fit; atName reports a line ending at the end of a name. With
// seamsOnly every line must end at a seam.
func balance(bs []Box, n int, first, width, em float64, seamsOnly bool) (lines []BoxLine, atName bool) {
	var cands []int
	for k := 1; k < len(bs); k++ {
		if bs[k].Break {
			cands = append(cands, k)
		}
	}
	cands = append([]int{0}, append(cands, len(bs))...)
	// cost[j][c] is the least cost of j+1 lines ending at cands[c].
	inf := 1e300
	cost := make([][]float64, n)
	from := make([][]int, n)
	for j := range cost {
		cost[j] = make([]float64, len(cands))
		from[j] = make([]int, len(cands))
		for c := range cost[j] {
			cost[j][c] = inf
		}
	}
	const unseamed = 36 // a break that splits the text where it has no seam
	lineCost := func(s, e int, avail float64) float64 {
		l, ok := fitLine(bs, s, e, avail)
		if !ok {
			return inf
		}
		slack := (avail - l.width(bs)) / em
		c := slack * slack
		switch {
		case e == len(bs) || bs[e].Seam || bs[e].NameSeam && !bs[e].Weak:
		case bs[e].Weak:
			c += 9 // after a part of a name: a weaker seam
		case seamsOnly:
			return inf
		default:
			c += unseamed
		}
		return c
	}
	for c := 1; c < len(cands); c++ {
		cost[0][c] = lineCost(0, cands[c], first)
	}
	for j := 1; j < n; j++ {
		for c := 1; c < len(cands); c++ {
			for a := 1; a < c; a++ {
				if cost[j-1][a] >= inf {
					continue
				}
				if lc := lineCost(cands[a], cands[c], width); lc < inf && cost[j-1][a]+lc < cost[j][c] {
					cost[j][c], from[j][c] = cost[j-1][a]+lc, a
				}
			}
		}
	}
	last := len(cands) - 1
	if cost[n-1][last] >= inf {
		return nil, false
	}
	lines = make([]BoxLine, n)
	for j, c := n-1, last; j >= 0; j-- {
		a := 0
		if j > 0 {
			a = from[j][c]
		}
		avail := width
		if j == 0 {
			avail = first
		}
		lines[j], _ = fitLine(bs, cands[a], cands[c], avail)
		if e := cands[c]; e < len(bs) && bs[e].NameSeam && !bs[e].Weak {
			atName = true
		}
		c = a
	}
	lines[n-1].Last = true
	return lines, atName
}

// Place returns the position of each box of l, from the line's start, in a
// line avail wide, and the line's width. When justify is set the line's
// slack is shared out as a typesetter does (see stretch).
func Place(bs []Box, l BoxLine, avail, em float64, justify bool) (xs []float64, w float64) {
	s, e := l.Start, l.End
	xs = make([]float64, e-s)
	if e == s {
		return xs, 0
	}
	w = l.width(bs)
	extra := make([]float64, e-s)
	if justify && avail-w > 0.01 {
		extra = stretch(bs, l, avail-w, em)
	}
	x := -bs[s].Lead
	for k := s; k < e; k++ {
		if k > s {
			x += bs[k].Space + extra[k-s]
		}
		xs[k-s] = x
		x += l.boxWidth(bs, k)
	}
	return xs, w
}

// stretch shares a line's slack out over its gaps and returns the space
// added before each box. The room its compressed marks save goes to the
// gaps between Chinese characters, up to IdeographicStretch each, where
// text extraction does not read it as spaces (given to the gaps at marks,
// it would be read as spaces beside them); the rest is shared as glue
// does.
func stretch(bs []Box, l BoxLine, slack, em float64) []float64 {
	room := min(l.saved(bs), slack)
	ideographic := func(g Glue) bool { return g == Ideographic }
	n := count(bs, l.Start, l.End, ideographic)
	if room <= 1e-9 || n == 0 {
		return glue(bs, l, slack, em)
	}
	extra := glue(bs, l, slack-room, em)
	k := l.Start + 1
	for bs[k].Glue != Ideographic {
		k++
	}
	used := min(room, float64(n)*max(0, IdeographicStretch*em-extra[k-l.Start]))
	if used < room {
		extra = glue(bs, l, slack-used, em)
	}
	for k := l.Start + 1; k < l.End; k++ {
		if bs[k].Glue == Ideographic {
			extra[k-l.Start] += used / float64(n)
		}
	}
	return extra
}

// glue shares slack out over a line's gaps as their glue says: each
// Chinese–Latin gap first takes up to a quarter em more and each gap at a
// mark as much (a full-width mark's blank half already widens that gap:
// half an em more at once read as an empty character after 设置： on a
// line one em short); then every stretchable gap, between Chinese
// characters too, takes an equal share of what is left, up to
// IdeographicStretch; a loose line's gaps at marks then take another
// quarter em, its Chinese–Latin and punctuation gaps up to a fifth of an
// em more (about 0.8 em in all), and only what is still left is spread
// over every gap. Text extraction reads a gap of an em as a column break
// (poppler, measured: 0.9 em keeps a line whole, 1.0 em splits it into
// blocks), a worse fault than the spaces it reads between Chinese
// characters on such a line.
func glue(bs []Box, l BoxLine, slack, em float64) []float64 {
	s, e := l.Start, l.End
	extra := make([]float64, e-s)
	spread := func(ok func(Glue) bool, most float64) {
		n := count(bs, s, e, ok)
		if n == 0 || slack <= 1e-9 {
			return
		}
		each := min(slack/float64(n), most)
		for k := s + 1; k < e; k++ {
			if ok(bs[k].Glue) {
				extra[k-s] += each
			}
		}
		slack -= each * float64(n)
	}
	is := func(g Glue) func(Glue) bool { return func(x Glue) bool { return x == g } }
	stretches := func(x Glue) bool { return x != Fixed }
	spread(is(Mixed), em/4)
	spread(is(Punctuation), em/4)
	spread(stretches, IdeographicStretch*em)
	spread(is(Punctuation), em/4)
	spread(func(x Glue) bool { return x == Mixed || x == Punctuation }, em/5)
	spread(stretches, math.Inf(1))
	return extra
}

// IdeographicStretch, in ems, is the most a gap between Chinese characters
// is opened: text extraction reads a gap over a tenth of an em as a word
// break (poppler's minWordBreakSpace, measured: 0.10 em reads whole,
// 0.11 em puts a space after every character), so a loose line's
// characters are spread by less than that.
const IdeographicStretch = 0.09

// count is how many boxes of (s, e), after the first, have glue ok.
func count(bs []Box, s, e int, ok func(Glue) bool) int {
	n := 0
	for k := s + 1; k < e; k++ {
		if ok(bs[k].Glue) {
			n++
		}
	}
	return n
}
