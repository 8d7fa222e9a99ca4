package pdf

import (
	"math"

	"budgetdoc/report/layout"
)

// piece is a table row set on a page: the whole row, or, for a row taller
// than a page, count of its lines from first.
type piece struct {
	row          int
	first, count int // count 0: the whole row
}

// paginate puts the table's rows on pages: the header rows first, then body
// rows while they fit; each continuation page starts with 续表 and the
// repeated rows.
// A row is never split unless it alone is taller than a page; then its
// lines continue on the next pages.
func (tl *tableLayouter) paginate() {
	p, t := tl.p, tl.t
	var head, repeat []piece
	for r := 0; r < t.HeaderRows; r++ {
		head = append(head, piece{row: r})
	}
	if rr, ok := t.RepeatRows(); ok {
		for r := rr.FirstRow; r <= rr.LastRow; r++ {
			repeat = append(repeat, piece{row: r})
		}
	}
	bottom := func() float64 { return p.cur.frame.top + p.cur.frame.height }
	y := p.lineTop(p.line)
	// The header does not stand alone at a page's foot: it goes with the
	// first body row.
	first := tl.sum(head)
	if t.HeaderRows < tl.g.Rows {
		first += min(tl.heights[t.HeaderRows], tl.lh+2*tl.vpad)
	}
	if p.line > 0 && y+first > bottom() {
		p.newPage()
		y = p.lineTop(0)
	}
	pieces, fixed := head, len(head)
	used := y + tl.sum(head)
	newPage := func() {
		tl.draw(pieces, y)
		p.newPage()
		y = tl.continued()
		pieces, fixed = append([]piece(nil), repeat...), len(repeat)
		used = y + tl.sum(repeat)
	}
	for r := t.HeaderRows; r < tl.g.Rows; r++ {
		h := tl.heights[r]
		if used+h > bottom()+0.01 && len(pieces) > fixed {
			newPage()
		}
		if used+h <= bottom()+0.01 {
			pieces = append(pieces, piece{row: r})
			used += h
			continue
		}
		// Taller than the page: set as many of its lines as fit, then go on.
		lines := tl.rowLines(r)
		for k := 0; k < lines; {
			n := int((bottom() - used - 2*tl.vpad) / tl.lh)
			if n < 1 {
				newPage()
				continue
			}
			n = min(n, lines-k)
			pc := piece{row: r, first: k, count: n}
			pieces = append(pieces, pc)
			used += tl.height(pc)
			k += n
			if k < lines {
				newPage()
			}
		}
	}
	tl.draw(pieces, y)
	p.line = min(int(math.Ceil((used-p.cur.frame.top)/linePitch-0.01)), p.cur.frame.lines)
}

// rowLines is the most lines any single-row cell of row r has.
func (tl *tableLayouter) rowLines(r int) int {
	n := 1
	for c := 0; c < tl.g.Cols; c++ {
		if tl.g.IsOrigin(r, c) {
			n = max(n, len(tl.cells[[2]int{r, c}]))
		}
	}
	return n
}

// height is the height a piece takes on its page.
func (tl *tableLayouter) height(pc piece) float64 {
	if pc.count == 0 {
		return tl.heights[pc.row]
	}
	return float64(pc.count)*tl.lh + 2*tl.vpad
}

func (tl *tableLayouter) sum(pieces []piece) float64 {
	h := 0.0
	for _, pc := range pieces {
		h += tl.height(pc)
	}
	return h
}

// continuedMark heads every page a table continues on.
const continuedMark = "续表"

// continued sets 续表 flush left on a continuation page's first line, with
// the table's unit flush right, and returns where the table goes on.
func (tl *tableLayouter) continued() float64 {
	pg, f := tl.p.cur, tl.p.cur.frame
	st := textStyle{font: layout.FontTable, size: tl.size}
	y := baseline(f.top, st.size, tl.lh)
	pg.runs = append(pg.runs, run{x: f.left, y: y, text: continuedMark, font: st.font, size: st.size, block: tl.p.block})
	if tl.t.Unit != "" {
		x := f.left + f.width - tl.p.m.textWidth(st, tl.t.Unit)
		pg.runs = append(pg.runs, run{x: x, y: y, text: tl.t.Unit, font: st.font, size: st.size, block: tl.p.block, line: 1})
	}
	return f.top + tl.lh + tl.vpad
}
