package pdf

import (
	"budgetdoc/report/layout"
)

// tableLayouter sets one table: how it fits and its column widths and row
// heights (this file), the cells' lines (table_text.go), the rows on each
// page with repeated headers (table_paginate.go), and the cells and rules
// of each page (table_draw.go).
type tableLayouter struct {
	p     *planner
	t     *layout.Table
	g     *layout.Grid
	paras map[[2]int][]cellPara // each origin cell's text, measured at 1 pt

	tableFit
	colX    []float64             // left edge of each column, and the right edge last
	cells   map[[2]int][]cellLine // each origin cell's broken lines
	heights []float64             // each row's height
}

// tableFit is a size and padding a table is set in.
type tableFit struct {
	size float64 // text size
	pad  float64 // horizontal cell padding
	vpad float64 // vertical cell padding
	lh   float64 // line height
}

// fitsFor lists the settings a table of the given size tries, in order:
// its own size, then tighter padding and leading, then sizes half a point
// smaller at a time down to 小五, 9 pt, never below.
func fitsFor(size float64) []tableFit {
	fits := []tableFit{{size, size * 0.4, size * 0.3, size * 1.35}}
	for s := size; s >= minTableSize; s -= 0.5 {
		fits = append(fits, tableFit{s, s * 0.35, s * 0.15, s * 1.2})
	}
	return fits
}

// minTableSize is the smallest size a table is set in to fit a page: 小五.
const minTableSize = 9

// renderTable sets a table's title and unit line, then the table. It
// keeps the table on one page when it can: first at its own size on this
// page or a new one, then tighter, then smaller, and only then lets it run
// over pages at its own size.
func (p *planner) renderTable(t *layout.Table) error {
	g, err := layout.Resolve(t)
	if err != nil {
		return err
	}
	if p.cur == nil {
		p.newPage()
	}
	tl := &tableLayouter{p: p, t: t, g: g, paras: make(map[[2]int][]cellPara)}
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			if g.IsOrigin(r, c) {
				cell := g.Slots[r][c].Cell
				font := tl.style(cell, 1).font
				tl.paras[[2]int{r, c}] = cellParas(cell.Text.S, func(r rune) float64 { return p.m.width(font, r) })
			}
		}
	}
	size := t.Size
	if size == 0 {
		size = 12 // 小四
	}
	fits := fitsFor(size)
	head := 0 // grid lines above the table
	titleStyle := layout.Style{Font: layout.FontTitle, Size: 18, Align: layout.Center}
	if t.Title.S != "" {
		head += p.linesOf(t.Title.S, titleStyle)
	}
	if t.Unit != "" {
		head++
	}
	frame := frameFor(p.orient)
	room := func(fresh bool) float64 {
		start := p.line
		if fresh {
			start = 0
		}
		return frame.height - float64(start+head)*linePitch
	}
	// A new page is no help at the head of a page, nor after a heading
	// or an attachment's label, which stay with the table.
	kept := p.line == 0
	if p.block > 0 {
		switch p.blocks[p.block-1].(type) {
		case *layout.Heading, *layout.AttachmentHeading:
			kept = true
		}
	}
	chosen := false
	for _, fresh := range []bool{false, true} {
		if fresh && kept {
			continue
		}
		for _, f := range fits {
			if float64(g.Rows)*(f.lh+2*f.vpad) > room(fresh) || !tl.columns(f) {
				continue
			}
			tl.measure()
			tl.tighten()
			if sum(tl.heights) <= room(fresh)+0.01 {
				chosen = true
				if fresh {
					p.newPage()
				}
				break
			}
		}
		if chosen {
			break
		}
	}
	if !chosen {
		// Over pages: the largest size at which no figure has to break.
		f := fits[len(fits)-1]
		for _, c := range fits {
			if tl.columns(c) {
				f = c
				break
			}
		}
		tl.columns(f)
		tl.measure()
		tl.tighten()
		// The title goes over with the header and the first row when they
		// do not fit under it here.
		first := 0.0
		for r := 0; r <= min(t.HeaderRows, g.Rows-1); r++ {
			first += tl.heights[r]
		}
		if !kept && first > room(false) {
			p.newPage()
		}
	}
	if t.Title.S != "" {
		p.ensure(head)
		p.paragraph(t.Title.S, titleStyle)
	}
	if t.Unit != "" {
		p.ensure(1)
		p.paragraph(t.Unit, layout.Style{Font: layout.FontTable, Size: tl.size, Align: layout.Right})
	}
	return tl.paginate()
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// columns sets the fit and sizes the columns from their content to fill
// the type area's width. It reports whether every figure and word that
// must not break has room.
func (tl *tableLayouter) columns(f tableFit) bool {
	tl.tableFit = f
	fr := tl.p.cur.frame
	widths, ok := tl.g.ColumnWidths(fr.width, func(r, c int, _ *layout.Cell) (float64, float64) {
		mn, nat := 0.0, 0.0
		for _, cp := range tl.paras[[2]int{r, c}] {
			mn, nat = max(mn, cp.min), max(nat, cp.nat)
		}
		return mn*f.size + 2*f.pad, nat*f.size + 2*f.pad
	})
	x := fr.left
	tl.colX = make([]float64, 0, len(widths)+1)
	for _, w := range widths {
		tl.colX = append(tl.colX, x)
		x += w
	}
	tl.colX = append(tl.colX, fr.left+fr.width)
	return ok
}

func (tl *tableLayouter) style(c *layout.Cell, size float64) textStyle {
	font := layout.FontTable
	if c.Header {
		font = layout.FontTableHeader
	}
	return textStyle{font: font, size: size}
}

// breakCell breaks an origin cell's paragraphs into balanced lines that
// fit its width.
func (tl *tableLayouter) breakCell(r, c int, width float64) []cellLine {
	var marks []layout.Mark // of every rune of the cell's text, newlines included
	for _, run := range tl.g.Slots[r][c].Cell.Runs {
		for range run.S {
			marks = append(marks, run.Mark)
		}
	}
	var out []cellLine
	at := 0 // the paragraph's first rune in the cell's text
	for _, cp := range tl.paras[[2]int{r, c}] {
		for _, l := range cp.balanced(width / tl.size) {
			line := cellLine{text: cp.text(l)}
			if marks != nil && l.from < l.to {
				start := at + cp.starts[l.from]
				line.marks = marks[start : start+len([]rune(line.text))]
			}
			out = append(out, line)
		}
		at += len(cp.rs) + 1
	}
	return out
}

// cellLine is one line of a cell, with the mark of each of its runes when
// the cell's text is marked (a revision's deleted and inserted words).
type cellLine struct {
	text  string
	marks []layout.Mark
}

// measure breaks every cell and sets each row's height: the tallest of its
// single-row cells, raised where a spanning cell needs more room in its last
// row.
func (tl *tableLayouter) measure() {
	tl.cells = make(map[[2]int][]cellLine)
	tl.heights = tl.g.RowHeights(tl.lh+2*tl.vpad, func(r, c int, cell *layout.Cell) float64 {
		_, cs := cell.Span()
		lines := tl.breakCell(r, c, tl.colX[c+cs]-tl.colX[c]-2*tl.pad)
		tl.cells[[2]int{r, c}] = lines
		return float64(max(len(lines), 1))*tl.lh + 2*tl.vpad
	})
}

// tighten narrows every column to what its lines use and gives the width
// it frees to the columns whose cells wrap, in proportion to their
// natural width, so that a cell widens where there is room rather than
// leave it blank beside short texts; then it breaks the cells again.
func (tl *tableLayouter) tighten() {
	g, cols := tl.g, tl.g.Cols
	for round := 0; round < 2; round++ {
		used, nats := make([]float64, cols), make([]float64, cols)
		wraps := make([]bool, cols)
		type spanNeed struct {
			c, n  int
			need  float64
			wraps bool
		}
		var spans []spanNeed
		for r := 0; r < g.Rows; r++ {
			for c := 0; c < cols; c++ {
				if !g.IsOrigin(r, c) {
					continue
				}
				cell := g.Slots[r][c].Cell
				st := tl.style(cell, tl.size)
				lines := tl.cells[[2]int{r, c}]
				w, nat := 0.0, 0.0
				for _, l := range lines {
					w = max(w, tl.p.m.textWidth(st, l.text))
				}
				for _, cp := range tl.paras[[2]int{r, c}] {
					nat = max(nat, cp.nat*tl.size)
				}
				w += 2 * tl.pad
				if _, cs := cell.Span(); cs > 1 {
					spans = append(spans, spanNeed{c, cs, w, len(lines) > len(tl.paras[[2]int{r, c}])})
					continue
				}
				used[c], nats[c] = max(used[c], w), max(nats[c], nat+2*tl.pad)
				wraps[c] = wraps[c] || len(lines) > len(tl.paras[[2]int{r, c}])
			}
		}
		for _, s := range spans {
			have := 0.0
			for c := s.c; c < s.c+s.n; c++ {
				have += used[c]
			}
			for c := s.c; c < s.c+s.n; c++ {
				if have < s.need {
					used[c] += (s.need - have) / float64(s.n)
				}
				wraps[c] = wraps[c] || s.wraps
			}
		}
		free := tl.colX[cols] - tl.colX[0] - sum(used)
		targets := make([]float64, cols) // how far each wrapping column may grow
		any := false
		for c := range targets {
			if wraps[c] {
				targets[c], any = max(nats[c], used[c]), true
			} else {
				targets[c] = used[c]
			}
		}
		if free < 1 || !any {
			return
		}
		widths := append([]float64(nil), used...)
		free -= layout.Fill(widths, targets, free)
		if free > 0 { // every wrapping column is whole: share the rest
			for c := range widths {
				widths[c] += free * widths[c] / sum(used)
			}
		}
		x := tl.colX[0]
		for c, w := range widths {
			tl.colX[c] = x
			x += w
		}
		tl.measure()
	}
}
