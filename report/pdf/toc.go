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
func (p *planner) renderTOC(doc *layout.Document) {
	if p.cur == nil {
		p.newPage()
	}
	st := gridStyle(layout.FontBody, bodySize)
	for _, b := range doc.Blocks {
		h, ok := b.(*layout.Heading)
		if !ok || !h.TOC {
			continue
		}
		f := p.cur.frame
		indent := float64(2*h.Level) * charPitch
		avail := f.width - indent - tocReserve*charPitch
		rs, lines := p.setLines(h.Text.S, st, avail, avail)
		e := &tocEntry{heading: h, x: f.left + indent, right: f.left + f.width}
		for i, l := range lines {
			p.ensure(1)
			y := p.lineTop(p.line)
			p.placeLine(rs, l, i, st, e.x, y, avail, layout.Left)
			e.page, e.y, e.lastW = p.cur, baseline(y, st.size, linePitch), l.Width-st.tracking
			p.line++
		}
		p.toc = append(p.toc, e)
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
