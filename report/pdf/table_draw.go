package pdf

import (
	"math"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// continued heads the part of a cell's text continued from the page before.
const continued = "（续）"

// ruleWidth is the width of a table's thin rules.
const ruleWidth = 0.5

// draw sets the given rows (repeated rows first, then this page's rows) on
// the current page from y. A cell spanning rows is drawn once over the rows
// of it on the page, so a merged cell cut by a page break is boxed and
// printed again on the next page.
func (tl *tableLayouter) draw(pieces []piece, y float64) {
	g, pg := tl.g, tl.p.cur
	rows := make([]int, len(pieces))
	ys := make([]float64, len(pieces)+1)
	ys[0] = y
	for i, pc := range pieces {
		rows[i] = pc.row
		ys[i+1] = ys[i] + tl.height(pc)
	}
	pg.tables = append(pg.tables, tablePart{table: tl.t, rows: rows})
	done := make(map[[2]int]bool)
	for i, r := range rows {
		for c := 0; c < g.Cols; c++ {
			s := g.Slots[r][c]
			key := [2]int{s.Row, s.Col}
			if done[key] {
				continue
			}
			done[key] = true
			rs, cs := s.Cell.Span()
			j := i
			for j+1 < len(rows) && rows[j+1] >= s.Row && rows[j+1] < s.Row+rs {
				j++
			}
			lines := tl.cells[key]
			if pc := pieces[i]; pc.count > 0 && rs == 1 {
				part := lines[min(pc.first, len(lines)):min(pc.first+pc.count, len(lines))]
				if pc.first > 0 && len(part) > 0 {
					part = append([]cellLine{{text: continued}}, part...)
				}
				lines = part
			}
			tl.drawCell(s.Cell, lines, tl.colX[s.Col], ys[i], tl.colX[s.Col+cs]-tl.colX[s.Col], ys[j+1]-ys[i])
		}
	}
}

// drawCell boxes a cell and sets its lines centred vertically, aligned
// horizontally. A segment too short for all the lines (a merged cell cut
// by a page break) shows as many as fit.
func (tl *tableLayouter) drawCell(c *layout.Cell, lines []cellLine, x, y, w, h float64) {
	pg := tl.p.cur
	pg.rules = append(pg.rules,
		rule{x, y, x + w, y, ruleWidth}, rule{x, y + h, x + w, y + h, ruleWidth},
		rule{x, y, x, y + h, ruleWidth}, rule{x + w, y, x + w, y + h, ruleWidth})
	if fit := max(int(math.Floor((h-2*tl.vpad)/tl.lh+0.01)), 1); len(lines) > fit {
		lines = lines[:fit]
	}
	st := tl.style(c, tl.size)
	top := y + (h-float64(len(lines))*tl.lh)/2
	drawn := drawnCell{cell: c, x: x, w: w, pad: tl.pad}
	indent := float64(c.Indent) * tl.size // characters of the table's text
	for k, line := range lines {
		drawn.lines = append(drawn.lines, line.text)
		lw := tl.p.m.textWidth(st, line.text)
		if c.Number != nil && line.marks == nil {
			// An amount: on tabular figures.
			parts, fw := tl.figures(line.text, st)
			lx := tl.lineX(c.Align, x, w, indent, fw)
			for _, part := range parts {
				drawn.runs = append(drawn.runs, len(pg.runs))
				pg.runs = append(pg.runs, run{
					x: lx + part.dx, y: baseline(top+float64(k)*tl.lh, st.size, tl.lh), text: part.text,
					font: st.font, size: st.size, width: tl.p.m.textWidth(st, part.text), block: tl.p.block, line: k,
				})
			}
			continue
		}
		lx := tl.lineX(c.Align, x, w, indent, lw)
		if c.Align != layout.Center && c.Align != layout.Right {
			// A line that starts with an opening bracket or quote sets
			// its blank half in the padding, so that its ink lines up
			// with the cell's other lines (覆盖乡镇 over （街道）), as
			// running text does.
			if rs := []rune(line.text); len(rs) > 0 {
				lx -= cjk.Lead(rs[0], tl.p.m.width(st.font, rs[0])*st.size, st.size)
			}
		}
		by := baseline(top+float64(k)*tl.lh, st.size, tl.lh)
		// One run for each stretch of the line with the same mark.
		rs := []rune(line.text)
		for i := 0; i < len(rs); {
			j, mark := i+1, layout.Unmarked
			if line.marks != nil {
				mark = line.marks[i]
				for j < len(rs) && line.marks[j] == mark {
					j++
				}
			} else {
				j = len(rs)
			}
			text := string(rs[i:j])
			drawn.runs = append(drawn.runs, len(pg.runs))
			pg.runs = append(pg.runs, run{
				x: lx, y: by, text: text, font: st.font, size: st.size, mark: mark,
				width: tl.p.m.textWidth(st, text), block: tl.p.block, line: k,
			})
			lx += tl.p.m.textWidth(st, string(rs[:j])) - tl.p.m.textWidth(st, string(rs[:i]))
			i = j
		}
	}
	part := &pg.tables[len(pg.tables)-1]
	part.cells = append(part.cells, drawn)
}

// figurePart is a run of a line set on figure widths, dx from its start.
type figurePart struct {
	text string
	dx   float64
}

// figures sets a line of an amount on tabular figures: every digit takes
// the width of the widest digit, centred in it, so the separators of a
// column of amounts line up (the fonts' digits are proportional: 1 is
// narrower than 0). Characters stay in one run while their own advances
// put them where they belong. It returns the runs and the line's width.
func (tl *tableLayouter) figures(line string, st textStyle) ([]figurePart, float64) {
	fig := 0.0
	for r := '0'; r <= '9'; r++ {
		fig = max(fig, tl.p.m.width(st.font, r)*st.size)
	}
	var parts []figurePart
	var cur []rune
	x, next := 0.0, 0.0 // where the slot starts; where the current run's next character falls
	for _, r := range line {
		adv := tl.p.m.width(st.font, r) * st.size
		slot, at := adv, x
		if r >= '0' && r <= '9' {
			slot, at = fig, x+(fig-adv)/2
		}
		if len(cur) > 0 && math.Abs(next-at) > 0.05 {
			parts[len(parts)-1].text = string(cur)
			cur = nil
		}
		if len(cur) == 0 {
			parts = append(parts, figurePart{dx: at})
			next = at
		}
		cur = append(cur, r)
		next += adv
		x += slot
	}
	if len(cur) > 0 {
		parts[len(parts)-1].text = string(cur)
	}
	return parts, x
}

// lineX is where a line width wide starts in the cell at x, w wide: after
// the padding and the indent, centred, or ending before them.
func (tl *tableLayouter) lineX(align layout.Align, x, w, indent, width float64) float64 {
	switch align {
	case layout.Center:
		return x + (w-width)/2
	case layout.Right:
		return x + w - tl.pad - indent - width
	}
	return x + tl.pad + indent
}
