package pdf

import (
	"math"
	"strings"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// plan is a document laid out into pages, ready to draw.
type plan struct {
	pages []*page
	toc   []*tocEntry
}

// page is one page of positioned content.
type page struct {
	orientation layout.Orientation
	frame       frame
	runs        []run
	rules       []rule
	marks       []bookmark
	tables      []tablePart // the table rows set on the page, for tests
}

// tablePart is the rows of a table set on one page, repeated rows first.
type tablePart struct {
	table *layout.Table
	rows  []int
	cells []drawnCell
}

// drawnCell is a cell set on a page: its box's left edge and width, the
// lines it has, and the runs that set them (indexes into the page's runs).
type drawnCell struct {
	cell  *layout.Cell
	x, w  float64
	pad   float64
	lines []string
	runs  []int
}

// run is text drawn at a baseline, with spacing added after every character
// (the PDF Tc operator: tracking plus justification).
type run struct {
	x, y    float64
	text    string
	font    layout.Font
	size    float64
	spacing float64
	// half sets the run in the face's half-width marks (see cjk.Compress).
	half bool
	// mark sets the run apart (struck through or underlined, in colour);
	// width is its width, for the rule.
	mark  layout.Mark
	width float64
	// block and line say which block and which of its lines the run sets,
	// so tests can check pagination against the plan.
	block, line int
}

// rule is a straight line.
type rule struct{ x1, y1, x2, y2, width float64 }

// bookmark is an outline entry pointing at y on its page.
type bookmark struct {
	title string
	level int
	y     float64
}

// tocEntry is a heading listed in the table of contents: the line its
// leader and page number go on, and the page it is printed on.
type tocEntry struct {
	block    layout.Block // the heading listed
	page     *page        // the TOC's page
	x, right float64
	y        float64 // baseline of the entry's last line
	lastW    float64 // width of the text on the last line
	target   int     // page index of the heading
}

// planner flows blocks into pages.
type planner struct {
	m      *measurer
	plan   plan
	cur    *page
	line   int // next free grid line on the current page
	orient layout.Orientation
	toc    []*tocEntry // entries awaiting their heading, in order
	block  int         // index of the block being planned
	blocks []layout.Block
	// kinds are the column widths of the last table of each kind (its
	// header's labels), which the next table of the kind takes if it can.
	kinds map[string][]float64
}

func newPlanner(m *measurer) *planner { return &planner{m: m} }

func (p *planner) newPage() {
	next := &page{orientation: p.orient, frame: frameFor(p.orient)}
	if prev := p.cur; prev != nil {
		// A page is mostly set like the one before (a table's rows): room
		// for as many runs and rules saves growing them run by run.
		next.runs = make([]run, 0, len(prev.runs))
		next.rules = make([]rule, 0, len(prev.rules))
	}
	p.cur = next
	p.plan.pages = append(p.plan.pages, p.cur)
	p.line = 0
}

// ensure starts a new page unless n grid lines are free on this one.
func (p *planner) ensure(n int) {
	if p.cur == nil || p.line+n > p.cur.frame.lines {
		p.newPage()
	}
}

func (p *planner) free() int {
	if p.cur == nil {
		return 0
	}
	return p.cur.frame.lines - p.line
}

// lineTop is the top of grid line i of the current page.
func (p *planner) lineTop(i int) float64 { return p.cur.frame.top + float64(i)*linePitch }

// textStyle is how a run of text is set: its font, size and tracking.
type textStyle struct {
	font     layout.Font
	size     float64
	tracking float64
}

// gridStyle sets text so that characters of body size fall on the
// 28-a-line grid: tracking narrows the 16 pt advance to the grid's pitch.
func gridStyle(font layout.Font, size float64) textStyle {
	if size == 0 {
		size = bodySize
	}
	return textStyle{font: font, size: size, tracking: size * (charPitch/bodySize - 1)}
}

// boxes prepares text for setting in st; the first fixed runes (a list
// label) keep their spacing. Full-width characters carry the grid's
// tracking, Latin letters and digits are set at their own advance, so a
// number is as wide wherever it stands.
func (p *planner) boxes(text string, st textStyle, fixed int) []cjk.Box {
	measure := func(r rune) float64 {
		w := p.m.width(st.font, r) * st.size
		if w >= 0.75*st.size {
			w += st.tracking
		}
		return w
	}
	bs := cjk.Boxes([]rune(text), measure, st.size, fixed)
	cjk.Compress(bs, st.size, func(r rune) (cjk.Ink, float64) {
		h := p.m.half(st.font, r)
		return h.ink, h.width*st.size + st.tracking/2 // half a grid cell
	})
	return bs
}

// markSeams marks on the boxes of text the seams its composer set (after
// the unit's name), where a balanced title or heading breaks best. Boxes
// drop typed spaces, so a seam's rune offset is counted without them.
func markSeams(bs []cjk.Box, text layout.Text) {
	if len(text.Seams) == 0 {
		return
	}
	box := make([]int, 0, len(bs)+1) // the box of each rune offset
	k := 0
	for _, r := range text.S {
		box = append(box, k)
		if r != ' ' {
			k++
		}
	}
	box = append(box, k)
	for _, s := range text.Seams {
		if s.At <= 0 || s.At >= len(box) {
			continue
		}
		if b := box[s.At]; b < len(bs) && bs[b].Break {
			bs[b].NameSeam = true
			bs[b].Weak = s.Weak
		}
	}
}

// setLines breaks boxes into lines of the given widths, filled or
// balanced. The last character's tracking falls past the line's end.
func setLines(bs []cjk.Box, st textStyle, first, width float64, balanced bool) []cjk.BoxLine {
	if balanced {
		return cjk.Balance(bs, first-st.tracking, width-st.tracking, st.size)
	}
	return cjk.BreakBoxes(bs, first-st.tracking, width-st.tracking)
}

// placeLine puts one broken line at grid line top y, from x, in a line of
// width avail, aligned, and returns the width of its text. A justified
// line takes its slack from the glue cjk.Place chooses; the line is set as
// runs of equal spacing, so a number or Latin word is never letter-spaced.
func (p *planner) placeLine(bs []cjk.Box, l cjk.BoxLine, lineNo int, st textStyle, x, y, avail float64, align layout.Align) float64 {
	if l.End == l.Start {
		return 0
	}
	justify := align == layout.Justify && !l.Last
	if justify {
		l = l.Justify(bs, avail-st.tracking, st.size)
	}
	xs, w := cjk.Place(bs, l, avail-st.tracking, st.size, justify)
	// A glyph's kind: Latin, full width, or a mark set half width (its own
	// font). Its advance, and the tracking of the grid after it.
	const latin, full, half = 0, 1, 2
	kind := func(k int) int {
		switch {
		case l.HalfAt(bs, k):
			return half
		case p.m.width(st.font, bs[k].R) >= 0.75:
			return full
		}
		return latin
	}
	advance := func(k int) float64 {
		if kind(k) == half {
			return p.m.half(st.font, bs[k].R).width * st.size
		}
		return p.m.width(st.font, bs[k].R) * st.size
	}
	tracking := func(k int) float64 { return []float64{0, st.tracking, st.tracking / 2}[kind(k)] }
	w -= tracking(l.End - 1) // the last character's tracking is not seen
	switch align {
	case layout.Center:
		x += (avail - w) / 2
	case layout.Right:
		x += avail - w
	}
	base := baseline(y, st.size, linePitch)
	// Boxes go into one run while the space after each glyph is the same
	// and they are all of one kind: a number is a run of its own.
	add := func(from, to int, spacing float64) {
		if to-from == 1 { // a lone glyph's spacing moves nothing
			spacing = tracking(from)
		}
		var text strings.Builder
		for _, b := range bs[from:to] {
			text.WriteRune(b.R)
		}
		p.cur.runs = append(p.cur.runs, run{
			x: x + xs[from-l.Start], y: base, text: text.String(),
			font: st.font, size: st.size, spacing: math.Round(spacing*1e4) / 1e4, half: kind(from) == half, block: p.block, line: lineNo,
		})
	}
	from, spacing := l.Start, 0.0
	for k := l.Start; k+1 < l.End; k++ {
		gap := xs[k+1-l.Start] - xs[k-l.Start] - advance(k)
		switch {
		case kind(k) != kind(k+1) || k > from && math.Abs(gap-spacing) > 1e-3:
			add(from, k+1, spacing)
			from = k + 1
		case k == from:
			spacing = gap
		}
	}
	add(from, l.End, spacing)
	return w
}

// brokenParagraph is a paragraph broken into lines, with where they go:
// the width of the text block and the indents of the first line and of the
// others, in points. A balanced paragraph's lines are not justified.
type brokenParagraph struct {
	st           textStyle
	bs           []cjk.Box
	lines        []cjk.BoxLine
	width        float64
	indent, hang float64
	balanced     bool
}

// breakParagraph breaks a paragraph's text for the current orientation.
// Titles, headings and list items are balanced; other text is filled.
func (p *planner) breakParagraph(text layout.Text, style layout.Style, balanced bool) brokenParagraph {
	bp := brokenParagraph{st: gridStyle(style.Font, style.Size), width: frameFor(p.orient).width, balanced: balanced}
	bp.indent = style.Indent * charPitch
	fixed := 0
	if style.HangAfter != "" && strings.HasPrefix(text.S, style.HangAfter) {
		bp.hang = bp.indent + p.m.textWidth(bp.st, style.HangAfter) + bp.st.tracking
		fixed = len([]rune(style.HangAfter))
	}
	bp.bs = p.boxes(text.S, bp.st, fixed)
	markSeams(bp.bs, text)
	bp.lines = setLines(bp.bs, bp.st, bp.width-bp.indent, bp.width-bp.hang, balanced)
	return bp
}

// paragraph sets a paragraph.
func (p *planner) paragraph(text layout.Text, style layout.Style) {
	p.flow(p.breakParagraph(text, style, balancedStyle(style)), style.Align)
}

// balancedStyle reports whether a paragraph is set in balanced lines, as
// titles and list items are, rather than filled and justified.
func balancedStyle(s layout.Style) bool { return s.Align == layout.Center || s.HangAfter != "" }

// flow places a broken paragraph's lines on the grid, keeping at least two
// lines together at a page's foot and at its head.
func (p *planner) flow(bp brokenParagraph, align layout.Align) {
	left0 := frameFor(p.orient).left
	lines := bp.lines
	for i := 0; i < len(lines); {
		if p.free() == 0 {
			p.newPage()
		}
		n := min(p.free(), len(lines)-i)
		left := len(lines) - i - n
		switch {
		case left == 0:
		case n == 1 && i == 0 && len(lines) > 1:
			p.newPage() // orphan: the first line alone at the foot
			continue
		case left == 1 && n > 2:
			n-- // widow: leave two lines for the next page
		case left == 1:
			p.newPage()
			continue
		}
		for k := 0; k < n; k++ {
			x, av := left0+bp.hang, bp.width-bp.hang
			if i+k == 0 {
				x, av = left0+bp.indent, bp.width-bp.indent
			}
			if bp.balanced && align == layout.Justify {
				align = layout.Left
			}
			p.placeLine(bp.bs, lines[i+k], i+k, bp.st, x, p.lineTop(p.line), av, align)
			p.line++
		}
		i += n
	}
}

// linesOf counts the grid lines a paragraph takes.
func (p *planner) linesOf(text layout.Text, style layout.Style) int {
	return len(p.breakParagraph(text, style, balancedStyle(style)).lines)
}
