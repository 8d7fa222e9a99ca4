package pdf

import (
	"fmt"
	"strings"

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
	for o := range g.Origins() {
		font := tl.style(o.Cell, 1).font
		tl.paras[[2]int{o.Row, o.Col}] = cellParas(o.Cell.Text, o.Cell.Indent, func(r rune) float64 { return p.m.width(font, r) })
	}
	size := t.Size
	if size == 0 {
		size = 12 // 小四
	}
	fits := fitsFor(size)
	head := 0 // grid lines above the table
	titleStyle := layout.Style{Font: layout.FontTitle, Size: 18, Align: layout.Center}
	if t.Title.S != "" {
		head += p.linesOf(t.Title, titleStyle)
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
		// Over pages: at its own size with tight padding, or the largest
		// smaller size at which no figure has to break.
		f := fits[len(fits)-1]
		for _, c := range fits[1:] {
			if tl.columns(c) {
				f = c
				break
			}
		}
		tl.columns(f)
		tl.measure()
		// The title goes over with the header and the first body rows when
		// they do not fit under it here.
		if !kept && tl.opening() > room(false) {
			p.newPage()
		}
	}
	if t.Title.S != "" {
		p.ensure(head)
		p.paragraph(t.Title, titleStyle)
	}
	if t.Unit != "" {
		p.ensure(1)
		p.paragraph(layout.Plain(t.Unit), layout.Style{Font: layout.FontTable, Size: tl.size, Align: layout.Right})
	}
	tl.keepKind()
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
// must not break has room; when not, the minimums are scaled down.
func (tl *tableLayouter) columns(f tableFit) bool {
	tl.tableFit = f
	fr := tl.p.cur.frame
	mins, nats := tl.g.ColumnExtents(func(r, c int, _ *layout.Cell) (float64, float64) {
		mn, nat := 0.0, 0.0
		for _, cp := range tl.paras[[2]int{r, c}] {
			mn, nat = max(mn, cp.min), max(nat, cp.nat)
		}
		return mn*f.size + 2*f.pad, nat*f.size + 2*f.pad
	})
	widths, ok := tl.shareWidth(mins, nats, fr.width)
	if ok {
		tl.evenColumns(widths, mins)
		widths = tl.likeKind(widths, mins)
	}
	x := fr.left
	tl.colX = make([]float64, 0, len(widths)+1)
	for _, w := range widths {
		tl.colX = append(tl.colX, x)
		x += w
	}
	tl.colX = append(tl.colX, fr.left+fr.width)
	return ok
}

// evenColumns gives the columns of a table that share a label the same
// width, their mean, when it is no narrower than any one's minimum: the two
// halves of a performance form (二级指标 三级指标 指标值 twice).
func (tl *tableLayouter) evenColumns(widths, mins []float64) {
	groups := make(map[string][]int)
	var labels []string
	for c, l := range tl.columnLabels() {
		if l == "" {
			continue
		}
		if groups[l] == nil {
			labels = append(labels, l)
		}
		groups[l] = append(groups[l], c)
	}
	for _, l := range labels {
		cols := groups[l]
		if len(cols) < 2 {
			continue
		}
		mean := 0.0
		for _, c := range cols {
			mean += widths[c] / float64(len(cols))
		}
		fits := true
		for _, c := range cols {
			fits = fits && mean >= mins[c]-1e-9
		}
		if fits {
			for _, c := range cols {
				widths[c] = mean
			}
		}
	}
}

// columnLabels is each column's label: the text of the lowest header cell
// that covers the column alone.
func (tl *tableLayouter) columnLabels() []string {
	labels := make([]string, tl.g.Cols)
	for c := range labels {
		for r := min(tl.t.HeaderRows, tl.g.Rows) - 1; r >= 0; r-- {
			if cell := tl.g.Slots[r][c].Cell; cell.Header && max(cell.ColSpan, 1) == 1 {
				labels[c] = cell.Text.S
				break
			}
		}
	}
	return labels
}

// likeKind returns the widths of the last table of the same kind set
// before, so that tables of one kind side by side (表8 and 表9, one form
// and the next) line up, when they give each column its minimum and cost
// the table no line; else the table's own widths.
func (tl *tableLayouter) likeKind(widths, mins []float64) []float64 {
	kind, ok := tl.p.kinds[tl.kind()]
	if !ok || len(kind) != len(widths) {
		return widths
	}
	for c := range kind {
		if kind[c] < mins[c]-1e-9 {
			return widths
		}
	}
	rows := tl.sampleRows()
	if tl.lines(kind, rows) > tl.lines(widths, rows) {
		return widths
	}
	return append([]float64(nil), kind...)
}

// keepKind records the table's column widths for the next table of its
// kind.
func (tl *tableLayouter) keepKind() {
	if tl.p.kinds == nil {
		tl.p.kinds = make(map[string][]float64)
	}
	widths := make([]float64, len(tl.colX)-1)
	for c := range widths {
		widths[c] = tl.colX[c+1] - tl.colX[c]
	}
	tl.p.kinds[tl.kind()] = widths
}

// kind names the table's kind: its orientation and its header's cells,
// the labels with their spans (a form's header holds its project's texts
// too, which do not count).
func (tl *tableLayouter) kind() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %d", tl.p.orient, tl.g.Cols)
	for r := 0; r < min(tl.t.HeaderRows, tl.g.Rows); r++ {
		b.WriteString("\n")
		for _, cell := range tl.t.Rows[r].Cells {
			rs, cs := cell.Span()
			text := ""
			if cell.Header {
				text = cell.Text.S
			}
			fmt.Fprintf(&b, "|%s %d %d", text, rs, cs)
		}
	}
	return b.String()
}

// sampleRows are the rows a table's column widths are weighed on: every
// row of a short table, evenly spread rows of a long one, the header rows
// always.
func (tl *tableLayouter) sampleRows() []int {
	step := max(1, (tl.g.Rows+sampleRows-1)/sampleRows)
	var rows []int
	for r := 0; r < tl.g.Rows; r++ {
		if r < tl.t.HeaderRows || r%step == 0 {
			rows = append(rows, r)
		}
	}
	return rows
}

// lines is how many lines the given rows take at the given column widths,
// counting the cells that span neither rows nor columns.
func (tl *tableLayouter) lines(widths []float64, rows []int) int {
	n := 0
	var buf []span
	for _, r := range rows {
		most := 1
		for c := 0; c < tl.g.Cols; c++ {
			if !tl.g.IsOrigin(r, c) {
				continue
			}
			if rs, cs := tl.g.Slots[r][c].Cell.Span(); rs > 1 || cs > 1 {
				continue
			}
			k := 0
			for _, cp := range tl.paras[[2]int{r, c}] {
				buf = cp.appendLines(buf[:0], (widths[c]-2*tl.pad)/tl.size)
				k += len(buf)
			}
			most = max(most, k)
		}
		n += most
	}
	return n
}

// sampleRows is how many rows of a long table the column widths are
// weighed on: enough to see its texts, few enough to stay fast.
const sampleRows = 300

// shareWidth gives every column its minimum, then hands out the rest of
// the width where it saves the most lines of the table per point, as a
// typesetter widens the column whose cells wrap most; width that saves no
// line goes to the columns in proportion to their natural width. A table
// wider than its minimums gets them scaled down, and false.
func (tl *tableLayouter) shareWidth(mins, nats []float64, total float64) ([]float64, bool) {
	g := tl.g
	sumMin := sum(mins)
	widths := append([]float64(nil), mins...)
	if sumMin > total {
		for c := range widths {
			widths[c] *= total / sumMin
		}
		return widths, false
	}
	// The cells of one row and one column, on the sampled rows.
	rows := tl.sampleRows()
	lines := make([][]int, len(rows))        // lines[i][c]: lines of the cell at rows[i], c; 0 for none
	paras := make([][][]cellPara, len(rows)) // paras[i][c]: the paragraphs of the cell at rows[i], c
	for i, r := range rows {
		paras[i] = make([][]cellPara, g.Cols)
		for c := range paras[i] {
			paras[i][c] = tl.paras[[2]int{r, c}]
		}
	}
	var buf []span
	count := func(i, c int, w float64) int {
		n := 0
		for _, cp := range paras[i][c] {
			if cp.fits((w - 2*tl.pad) / tl.size) {
				n++
				continue
			}
			buf = cp.appendLines(buf[:0], (w-2*tl.pad)/tl.size)
			n += len(buf)
		}
		return n
	}
	// single[i][c]: the cell at rows[i], c spans neither rows nor columns.
	single := make([][]bool, len(rows))
	for i, r := range rows {
		single[i] = make([]bool, g.Cols)
		for c := range single[i] {
			if g.IsOrigin(r, c) {
				rs, cs := g.Slots[r][c].Cell.Span()
				single[i][c] = rs == 1 && cs == 1
			}
		}
	}
	// tallest[i] is the most lines of a cell of rows[i], and second the most
	// of the cells besides one cell with that many, so that the row's
	// height without column c is at hand.
	tallest, second := make([]int, len(rows)), make([]int, len(rows))
	rank := func(i int) {
		tallest[i], second[i] = 0, 0
		for _, l := range lines[i] {
			if l > tallest[i] {
				tallest[i], second[i] = l, tallest[i]
			} else if l > second[i] {
				second[i] = l
			}
		}
	}
	for i := range rows {
		lines[i] = make([]int, g.Cols)
		for c := 0; c < g.Cols; c++ {
			if single[i][c] {
				lines[i][c] = count(i, c, widths[c])
			}
		}
		rank(i)
	}
	// saved is how many lines the table loses when column c is w wide.
	saved := func(c int, w float64) int {
		n := 0
		for i, ls := range lines {
			if !single[i][c] {
				continue
			}
			other := tallest[i]
			if ls[c] == tallest[i] {
				other = second[i]
			}
			n += tallest[i] - max(other, count(i, c, w))
		}
		return n
	}
	// The cells spanning columns, by their natural width.
	type spanning struct {
		first, last int
		nat         float64
	}
	var spans []spanning
	for o := range g.Origins() {
		if _, cs := o.Cell.Span(); cs > 1 {
			nat := 0.0
			for _, cp := range tl.paras[[2]int{o.Row, o.Col}] {
				nat = max(nat, cp.nat)
			}
			spans = append(spans, spanning{o.Col, o.Col + cs - 1, nat*tl.size + 2*tl.pad})
		}
	}
	wraps := func(c int) bool {
		for _, sp := range spans {
			if sp.first <= c && c <= sp.last && sum(widths[sp.first:sp.last+1]) < sp.nat {
				return true
			}
		}
		return false
	}
	// canSave says whether widening column c can save a line: only where
	// its cell alone is the row's tallest, on more than one line (saved is
	// 0 at every width otherwise, which the doubling below asked for each
	// column and width).
	canSave := func(c int) bool {
		for i, ls := range lines {
			if single[i][c] && ls[c] > 1 && ls[c] == tallest[i] && second[i] < tallest[i] {
				return true
			}
		}
		return false
	}
	left := total - sumMin
	quantum := tl.size
	for left >= quantum/2 {
		best, bestAdd, bestRate := -1, 0.0, 0.0
		for c := range widths {
			if !canSave(c) {
				continue
			}
			for add := min(quantum, left); add <= left+1e-9; add *= 2 {
				if s := saved(c, widths[c]+add); s > 0 {
					if rate := float64(s) / add; rate > bestRate {
						best, bestAdd, bestRate = c, add, rate
					}
					break
				}
				if add == left {
					break
				}
				if add*2 > left {
					add = left / 2 // the last try is all that is left
				}
			}
		}
		if best < 0 {
			break
		}
		// The doubling overshoots: the least width that saves as many
		// lines leaves the rest to the other columns (a revision table's
		// 数据文件 took 30 pt past its one-line width from its 位置), unless
		// a cell across the column wraps, which the count does not see.
		if want, lo := saved(best, widths[best]+bestAdd), 0.0; bestAdd > quantum/2 && !wraps(best) {
			for bestAdd-lo > 0.5 {
				if mid := (lo + bestAdd) / 2; saved(best, widths[best]+mid) >= want {
					bestAdd = mid
				} else {
					lo = mid
				}
			}
		}
		widths[best] += bestAdd
		left -= bestAdd
		for i := range rows {
			if single[i][best] {
				lines[i][best] = count(i, best, widths[best])
				rank(i)
			}
		}
	}
	left -= layout.Fill(widths, nats, left)
	if left > 0 {
		all := sum(widths)
		for c := range widths {
			widths[c] += left * widths[c] / all
		}
	}
	return widths, true
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
