package pdf

import (
	"fmt"
	"math"

	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
)

// piece is a table row set on a page: the whole row, or, for a row taller
// than a page, count of its lines from first.
type piece struct {
	row          int
	first, count int // count 0: the whole row
}

// paginate puts the table's rows on pages: the header rows first, then body
// rows while they fit; each continuation page starts with 续表 and the
// repeated rows that come before its first row. A row is never split unless it alone is
// taller than a page; then its lines continue on the next pages, under the
// heading rows directly above it and a （续） line, so no text is lost.
func (tl *tableLayouter) paginate() error {
	p, t := tl.p, tl.t
	if err := tl.checkSpans(); err != nil {
		return err
	}
	var repeat []int
	if rr, ok := t.RepeatRows(); ok {
		for r := rr.FirstRow; r <= rr.LastRow; r++ {
			repeat = append(repeat, r)
		}
	}
	bottom := func() float64 { return p.cur.frame.top + p.cur.frame.height }
	y := p.lineTop(p.line)
	// The header does not stand alone at a page's foot: it goes with the
	// first body row.
	first := 0.0
	for r := 0; r < t.HeaderRows; r++ {
		first += tl.heights[r]
	}
	if t.HeaderRows < tl.g.Rows {
		first += min(tl.heights[t.HeaderRows], tl.lh+2*tl.vpad)
	}
	if p.line > 0 && y+first > bottom() {
		p.newPage()
		y = p.lineTop(0)
	}
	var pieces []piece
	fixed := 0
	used := y
	// newPage ends the page and starts the next with the rows repeated
	// before row r.
	newPage := func(r int) {
		tl.draw(pieces, y)
		p.newPage()
		y = tl.continued()
		pieces = nil
		for _, rr := range tl.repeatedBefore(r, repeat) {
			pieces = append(pieces, piece{row: rr})
		}
		fixed = len(pieces)
		used = y + tl.sum(pieces)
	}
	groupEnd := -1
	for r := 0; r < tl.g.Rows; r++ {
		h := tl.heights[r]
		// Rows tied together by a cell spanning them go over together when
		// they fit a page: a merged cell cut by a break prints in each piece
		// only the lines that piece has room for, and the rest is lost.
		if r > groupEnd {
			groupEnd = tl.groupEnd(r)
			gh := tl.rowsHeight(r, groupEnd)
			if groupEnd > r && used+gh > bottom()+0.01 && len(pieces) > fixed && gh <= tl.continuedRoom(r, repeat) {
				newPage(r)
			}
		}
		// A row that fits a page goes over whole; one taller than a page
		// starts here, so that the rows above keep it company.
		if used+h > bottom()+0.01 && len(pieces) > fixed && h <= p.cur.frame.height {
			newPage(r)
		}
		if used+h <= bottom()+0.01 {
			pieces = append(pieces, piece{row: r})
			used += h
			continue
		}
		// Taller than the page: set as many of its lines as fit, then go on.
		lines := tl.rowLines(r)
		for k := 0; k < lines; {
			pc := piece{row: r, first: k, count: 1}
			n := int(math.Floor((bottom()-used-tl.height(pc))/tl.lh+0.01)) + 1
			if n < 1 {
				newPage(r)
				continue
			}
			pc.count = min(n, lines-k)
			pieces = append(pieces, pc)
			used += tl.height(pc)
			k += pc.count
			if k < lines {
				newPage(r)
			}
		}
	}
	tl.draw(pieces, y)
	p.line = min(int(math.Ceil((used-p.cur.frame.top)/linePitch-0.01)), p.cur.frame.lines)
	return nil
}

// groupEnd is the last row of the group that starts at row r: the rows that
// cells spanning rows tie to it (r itself when none does).
func (tl *tableLayouter) groupEnd(r int) int {
	end := r
	for q := r; q <= end; q++ {
		for c := 0; c < tl.g.Cols; c++ {
			if tl.g.IsOrigin(q, c) {
				rs, _ := tl.g.Slots[q][c].Cell.Span()
				end = max(end, q+rs-1)
			}
		}
	}
	return end
}

// rowsHeight is the height of rows first to last.
func (tl *tableLayouter) rowsHeight(first, last int) float64 {
	h := 0.0
	for r := first; r <= last; r++ {
		h += tl.heights[r]
	}
	return h
}

// continuedRoom is the height a continuation page that starts at row r has
// for body rows: below its 续表 line and the rows repeated before r.
func (tl *tableLayouter) continuedRoom(r int, repeat []int) float64 {
	room := tl.p.cur.frame.height - (tl.lh + tl.vpad)
	for _, rr := range tl.repeatedBefore(r, repeat) {
		room -= tl.heights[rr]
	}
	return room
}

// repeatedBefore lists the rows a page that starts at row r begins with:
// the table's repeated rows above r, then the heading rows directly above r
// (a form's 实施期目标 | 年度目标 over its goals).
func (tl *tableLayouter) repeatedBefore(r int, repeat []int) []int {
	var rows []int
	for _, rr := range repeat {
		if rr < r {
			rows = append(rows, rr)
		}
	}
	above := r
	for above > 0 && tl.headingOnly(above-1) && (len(rows) == 0 || above-1 > rows[len(rows)-1]) {
		above--
	}
	for ; above < r; above++ {
		rows = append(rows, above)
	}
	return rows
}

// headingOnly reports whether every slot of row r is a header cell.
func (tl *tableLayouter) headingOnly(r int) bool {
	for c := 0; c < tl.g.Cols; c++ {
		if !tl.g.Slots[r][c].Cell.Header {
			return false
		}
	}
	return true
}

// CellError is a table cell whose text cannot be printed whole: a merged
// cell (spanning rows) taller than a page, which cannot be split.
type CellError struct {
	Origin  layout.Origin
	Message string
}

func (e *CellError) Error() string {
	where := ""
	if e.Origin.File != "" {
		where = fmt.Sprintf("%s:%d:%d: ", e.Origin.File, e.Origin.Line, e.Origin.Col)
	}
	if e.Origin.Path != "" {
		where += e.Origin.Path + ": "
	}
	return where + e.Message
}

// checkSpans refuses a cell spanning rows that needs more height than a
// page has: its rows could split, but its text would not follow.
func (tl *tableLayouter) checkSpans() error {
	room := tl.p.cur.frame.height
	for r := 0; r < tl.g.Rows; r++ {
		for c := 0; c < tl.g.Cols; c++ {
			if !tl.g.IsOrigin(r, c) {
				continue
			}
			cell := tl.g.Slots[r][c].Cell
			rs, _ := cell.Span()
			lines := len(tl.cells[[2]int{r, c}])
			if need := float64(lines)*tl.lh + 2*tl.vpad; rs > 1 && need > room {
				return &CellError{Origin: cell.Text.Origin, Message: msg.Sprintf(
					"the text (%d characters) is too long for its merged cell: it needs %d lines and a page holds %d; shorten it",
					len([]rune(cell.Text.S)), lines, int((room-2*tl.vpad)/tl.lh))}
			}
		}
	}
	return nil
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
	lines := pc.count
	if pc.first > 0 {
		lines++ // the （续） line
	}
	return float64(lines)*tl.lh + 2*tl.vpad
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
