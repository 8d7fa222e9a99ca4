package pdf

import (
	"strconv"
	"strings"

	"budgetdoc/report/layout"
)

// tocReserve is the room kept at the right of every entry for the leader
// and a page number of up to three digits, in characters.
const tocReserve = 3

// renderTOC sets one entry per listed heading, indented by level. Page
// numbers are not known yet: fillTOC adds them and the leaders once every
// page is planned. An entry's lines do not depend on its number, so one
// layout pass is enough.
func (p *planner) renderTOC() {
	if p.cur == nil {
		p.newPage()
	}
	st := gridStyle(layout.FontBody, bodySize)
	for _, b := range p.blocks {
		text, level, ok := tocText(b)
		if !ok {
			continue
		}
		f := p.cur.frame
		indent := float64(2*level) * charPitch
		avail := f.width - indent - tocReserve*charPitch
		// A long entry's next lines align with its text after the label
		// (第二部分　, 附件3　).
		hang := 0.0
		if label, _, ok := strings.Cut(text.S, "　"); ok {
			hang = p.m.textWidth(st, label+"　") + st.tracking
		}
		bs := p.boxes(text.S, st, 0)
		markSeams(bs, text)
		lines := setLines(bs, st, avail, avail-hang, true)
		e := &tocEntry{block: b, x: f.left + indent, right: f.left + f.width}
		for i, l := range lines {
			p.ensure(1)
			y := p.lineTop(p.line)
			x, av := e.x, avail
			if i > 0 {
				x, av = e.x+hang, avail-hang
			}
			w := p.placeLine(bs, l, i, st, x, y, av, layout.Left)
			e.page, e.y, e.lastW = p.cur, baseline(y, st.size, linePitch), x-e.x+w
			p.line++
		}
		p.toc = append(p.toc, e)
	}
}

// tocText is a block's entry in the table of contents and the outline:
// headings marked for it, and every attachment.
func tocText(b layout.Block) (text layout.Text, level int, ok bool) {
	switch b := b.(type) {
	case *layout.Heading:
		return b.Text, b.Level, b.TOC
	case *layout.AttachmentHeading:
		return b.Title.Prefixed(b.Label + "　"), 0, true
	}
	return layout.Text{}, 0, false
}

// listed records that block b is printed on the current page, at y, for
// its TOC entry and bookmark.
func (p *planner) listed(b layout.Block, y float64) {
	text, level, ok := tocText(b)
	if !ok {
		return
	}
	p.cur.marks = append(p.cur.marks, bookmark{title: layout.PlainText(text.S), level: level, y: y})
	for _, e := range p.toc {
		if e.block == b {
			e.target = len(p.plan.pages) - 1
		}
	}
}

// fillTOC writes each entry's dotted leader and the number of the page its
// heading is printed on.
func (p *planner) fillTOC() {
	st := textStyle{font: layout.FontBody, size: bodySize}
	dotW := p.m.width(st.font, '.') * st.size
	gap := charPitch / 4
	for _, e := range p.toc {
		num := strconv.Itoa(e.target + 1)
		numW := p.m.textWidth(st, num)
		numX := e.right - numW
		e.page.runs = append(e.page.runs, run{x: numX, y: e.y, text: num, font: st.font, size: st.size})
		from, to := e.x+e.lastW+gap, numX-gap
		if n := int((to - from) / dotW); n > 0 {
			e.page.runs = append(e.page.runs, run{x: to - float64(n)*dotW, y: e.y, text: strings.Repeat(".", n), font: st.font, size: st.size})
		}
	}
	p.plan.toc = p.toc
}
