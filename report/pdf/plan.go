package pdf

import (
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
}

// run is text drawn at a baseline, with spacing added after every character
// (the PDF Tc operator: tracking plus justification).
type run struct {
	x, y    float64
	text    string
	font    layout.Font
	size    float64
	spacing float64
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
}

func newPlanner(m *measurer) *planner { return &planner{m: m} }

func (p *planner) newPage() {
	p.cur = &page{orientation: p.orient, frame: frameFor(p.orient)}
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

// setLines breaks text and returns its lines, without placing them.
func (p *planner) setLines(text string, st textStyle, first, width float64) ([]rune, []cjk.Line) {
	rs := []rune(text)
	measure := func(r rune) float64 { return p.m.width(st.font, r)*st.size + st.tracking }
	// The last character's tracking falls past the line's end.
	return rs, cjk.Break(rs, first-st.tracking, width-st.tracking, measure)
}

// placeLine puts one broken line at grid line top y, from x, in a line of
// width avail, aligned.
func (p *planner) placeLine(rs []rune, l cjk.Line, lineNo int, st textStyle, x, y, avail float64, align layout.Align) {
	vis := l.Visible(rs)
	if len(vis) == 0 {
		return
	}
	visible := l.Width - st.tracking // the last character's tracking is not seen
	spacing := st.tracking
	switch align {
	case layout.Justify:
		if !l.Last && len(vis) > 1 {
			spacing += (avail - visible) / float64(len(vis)-1)
		}
	case layout.Center:
		x += (avail - visible) / 2
	case layout.Right:
		x += avail - visible
	}
	p.cur.runs = append(p.cur.runs, run{
		x: x, y: baseline(y, st.size, linePitch), text: string(vis),
		font: st.font, size: st.size, spacing: spacing, block: p.block, line: lineNo,
	})
}

// brokenParagraph is a paragraph broken into lines, with where they go:
// the width of the text block and the indents of the first line and of the
// others, in points.
type brokenParagraph struct {
	st           textStyle
	rs           []rune
	lines        []cjk.Line
	width        float64
	indent, hang float64
}

// breakParagraph breaks a paragraph's text for the current orientation.
func (p *planner) breakParagraph(text string, style layout.Style) brokenParagraph {
	bp := brokenParagraph{st: gridStyle(style.Font, style.Size), width: frameFor(p.orient).width}
	bp.indent = style.Indent * charPitch
	if style.HangAfter != "" && strings.HasPrefix(text, style.HangAfter) {
		bp.hang = bp.indent + p.m.textWidth(bp.st, style.HangAfter) + bp.st.tracking
	}
	bp.rs, bp.lines = p.setLines(text, bp.st, bp.width-bp.indent, bp.width-bp.hang)
	return bp
}

// paragraph flows a paragraph's lines onto the grid, keeping at least two
// lines together at a page's foot and at its head.
func (p *planner) paragraph(text string, style layout.Style) {
	bp := p.breakParagraph(text, style)
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
			p.placeLine(bp.rs, lines[i+k], i+k, bp.st, x, p.lineTop(p.line), av, style.Align)
			p.line++
		}
		i += n
	}
}

// linesOf counts the grid lines a paragraph takes.
func (p *planner) linesOf(text string, style layout.Style) int {
	return len(p.breakParagraph(text, style).lines)
}
