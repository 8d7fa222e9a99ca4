package pdf

import (
	"strings"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// tableLayouter sets one table: column widths and row heights (this file),
// the rows on each page with repeated headers (table_paginate.go), and the
// cells and rules of each page (table_draw.go).
type tableLayouter struct {
	p    *planner
	t    *layout.Table
	g    *layout.Grid
	size float64 // text size
	pad  float64 // horizontal cell padding
	vpad float64 // vertical cell padding
	lh   float64 // line height

	colX    []float64           // left edge of each column, and the right edge last
	cells   map[[2]int][]string // each origin cell's broken lines
	heights []float64           // each row's height
}

// renderTable sets a table's title and unit line on the grid, then the
// table itself, continuing it over as many pages as it needs.
func (p *planner) renderTable(t *layout.Table) error {
	g, err := layout.Resolve(t)
	if err != nil {
		return err
	}
	if p.cur == nil {
		p.newPage()
	}
	tl := &tableLayouter{p: p, t: t, g: g, size: t.Size}
	if tl.size == 0 {
		tl.size = 12 // 小四
	}
	tl.pad, tl.vpad, tl.lh = tl.size*0.4, tl.size*0.3, tl.size*1.35
	tl.columns()
	tl.measure()
	if t.Title.S != "" {
		p.ensure(3)
		p.paragraph(t.Title.S, layout.Style{Font: layout.FontTitle, Size: 18, Align: layout.Center})
	}
	if t.Unit != "" {
		p.ensure(2)
		p.paragraph(t.Unit, layout.Style{Font: layout.FontTable, Size: tl.size, Align: layout.Right})
	}
	tl.paginate()
	return nil
}

// columns scales the relative column widths to the type area's width.
func (tl *tableLayouter) columns() {
	f := tl.p.cur.frame
	total := 0.0
	for _, c := range tl.t.Columns {
		total += c.Width
	}
	x := f.left
	tl.colX = make([]float64, 0, len(tl.t.Columns)+1)
	for _, c := range tl.t.Columns {
		tl.colX = append(tl.colX, x)
		x += c.Width / total * f.width
	}
	tl.colX = append(tl.colX, f.left+f.width)
}

func (tl *tableLayouter) style(c *layout.Cell) textStyle {
	font := layout.FontTable
	if c.Header {
		font = layout.FontTableHeader
	}
	return textStyle{font: font, size: tl.size}
}

// breakCell breaks a cell's text into lines that fit its width; a newline in
// the text starts a new line.
func (tl *tableLayouter) breakCell(c *layout.Cell, width float64) []string {
	st := tl.style(c)
	measure := func(r rune) float64 { return tl.p.m.width(st.font, r) * st.size }
	var out []string
	for _, para := range strings.Split(c.Text.S, "\n") {
		rs := []rune(para)
		for _, l := range cjk.Break(rs, width, width, measure) {
			out = append(out, string(l.Visible(rs)))
		}
	}
	return out
}

// measure breaks every cell and sets each row's height: the tallest of its
// single-row cells, raised where a spanning cell needs more room in its last
// row.
func (tl *tableLayouter) measure() {
	tl.cells = make(map[[2]int][]string)
	tl.heights = tl.g.RowHeights(tl.lh+2*tl.vpad, func(r, c int, cell *layout.Cell) float64 {
		_, cs := cell.Span()
		lines := tl.breakCell(cell, tl.colX[c+cs]-tl.colX[c]-2*tl.pad)
		tl.cells[[2]int{r, c}] = lines
		return float64(max(len(lines), 1))*tl.lh + 2*tl.vpad
	})
}
