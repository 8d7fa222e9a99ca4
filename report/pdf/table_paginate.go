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

// tablePage is the pieces of a table set on one page: fixed repeated rows
// first (the header on the first page), then the page's own rows.
type tablePage struct {
	pieces []piece
	fixed  int
}

// paginate puts the table's rows on pages: the header rows first, then body
// rows while they fit; each continuation page starts with 续表 and the
// repeated rows that come before its first row. A row is never split unless it alone is
// taller than a page; then its lines continue on the next pages, under the
// heading rows directly above it and a （续） line, so no text is lost.
// The last page keeps company: rows move back to it so that it holds at
// least two body rows besides its totals.
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
	bottom := p.cur.frame.top + p.cur.frame.height
	y := p.lineTop(p.line)
	// The header does not stand alone at a page's foot: it goes with the
	// first body rows.
	if p.line > 0 && y+tl.opening() > bottom {
		p.newPage()
		y = p.lineTop(0)
	}
	pages := tl.breakPages(y, bottom, repeat)
	tl.keepLastPage(pages, repeat)
	for i, pg := range pages {
		if i > 0 {
			tl.p.newPage()
			y = tl.continued()
		}
		tl.draw(pg.pieces, y)
	}
	used := y + tl.sum(pages[len(pages)-1].pieces)
	p.line = min(int(math.Ceil((used-p.cur.frame.top)/linePitch-0.01)), p.cur.frame.lines)
	return nil
}

// opening is the height the table's first page must have room for: its
// header and its first two body rows, with the totals among them (a 合计
// that opens a code table); a row taller than a page counts one line.
func (tl *tableLayouter) opening() float64 {
	h, body := 0.0, 0
	for r := 0; r < tl.g.Rows && (r < tl.t.HeaderRows || body < 2); r++ {
		rh := tl.heights[r]
		if r >= tl.t.HeaderRows {
			if tl.isBody(r) {
				body++
			}
			if rh > tl.p.cur.frame.height/2 {
				rh = tl.lh + 2*tl.vpad
				body = 2
			}
		}
		h += rh
	}
	return h
}

// isBody reports whether row r is a body row: below the header, neither a
// total nor a row of headings.
func (tl *tableLayouter) isBody(r int) bool {
	return r >= tl.t.HeaderRows && !tl.t.Rows[r].Total && !tl.headingOnly(r)
}

// breakPages fills pages from y down to bottom, the first page with the
// header and continuation pages with the repeated rows.
func (tl *tableLayouter) breakPages(y, bottom float64, repeat []int) []tablePage {
	frame := tl.p.cur.frame
	var pages []tablePage
	cur := tablePage{fixed: min(tl.t.HeaderRows, tl.g.Rows)}
	used, bodyTop := y, y+tl.rowsHeight(0, cur.fixed-1)
	// next ends the page above row r and starts the next with the rows
	// repeated before r. Unless the break is inside a row, it goes back to
	// where no merged cell is cut short of room for its text.
	next := func(r int, inRow bool) {
		s := r
		if !inRow {
			first := cur.pieces[cur.fixed].row
			for s > first && !tl.cleanBreak(s, first, tl.g.Rows-1, false) {
				s--
			}
			if s == first || cur.pieces[len(cur.pieces)-1].count > 0 {
				s = r
			}
		}
		keep := len(cur.pieces) - (r - s)
		carry := append([]piece(nil), cur.pieces[keep:]...)
		cur.pieces = cur.pieces[:keep]
		pages = append(pages, cur)
		cur = tablePage{}
		for _, rr := range tl.repeatedBefore(s, repeat) {
			cur.pieces = append(cur.pieces, piece{row: rr})
		}
		cur.fixed = len(cur.pieces)
		bodyTop = tl.continuedTop() + tl.sum(cur.pieces)
		cur.pieces = append(cur.pieces, carry...)
		used = bodyTop + tl.sum(carry)
	}
	groupEnd := -1
	for r := 0; r < tl.g.Rows; r++ {
		h := tl.heights[r]
		// Rows tied together by a cell spanning them go over together when
		// they fit a page, unless that leaves this page less than half
		// full: then the break comes inside them, where each piece of the
		// merged cell has room for its text (it prints again on the new page).
		if r > groupEnd {
			groupEnd = tl.groupEnd(r)
			gh := tl.rowsHeight(r, groupEnd)
			if groupEnd > r && used+gh > bottom+0.01 && len(cur.pieces) > cur.fixed &&
				gh <= tl.continuedRoom(r, repeat) && used-bodyTop >= (bottom-bodyTop)/2 {
				next(r, false)
			}
		}
		// A row that fits a page goes over whole; one taller than a page
		// starts here, so that the rows above keep it company.
		if used+h > bottom+0.01 && len(cur.pieces) > cur.fixed && h <= frame.height {
			next(r, false)
		}
		if used+h <= bottom+0.01 {
			cur.pieces = append(cur.pieces, piece{row: r})
			used += h
			continue
		}
		// Taller than the page: set as many of its lines as fit, then go on.
		lines := tl.rowLines(r)
		for k := 0; k < lines; {
			pc := piece{row: r, first: k, count: 1}
			n := int(math.Floor((bottom-used-tl.height(pc))/tl.lh+0.01)) + 1
			if n < 1 {
				next(r, true)
				continue
			}
			pc.count = min(n, lines-k)
			cur.pieces = append(cur.pieces, pc)
			used += tl.height(pc)
			k += pc.count
			if k < lines {
				next(r, true)
			}
		}
	}
	return append(pages, cur)
}

// keepLastPage moves rows from the last page but one to the last page when
// the last holds fewer than two body rows, as a typesetter avoids a widow
// row (or a 合计 alone): the break goes back to the latest row where the
// last page gets two body rows, the page before keeps two, no merged cell
// that fits a page is cut and the last page has room for what it gets.
func (tl *tableLayouter) keepLastPage(pages []tablePage, repeat []int) {
	n := len(pages)
	if n < 2 {
		return
	}
	prev, last := pages[n-2], pages[n-1]
	if len(last.pieces) == last.fixed || len(prev.pieces) == prev.fixed || tl.bodyIn(last.pieces[last.fixed:]) >= 2 {
		return
	}
	for _, pc := range append(prev.pieces[prev.fixed:], last.pieces[last.fixed:]...) {
		if pc.count > 0 {
			return // a row split over pages: leave its pieces where they are
		}
	}
	from, to := prev.pieces[prev.fixed].row, last.pieces[len(last.pieces)-1].row
	start := last.pieces[last.fixed].row
	// A break that keeps merged cells whole if there is one, else one that
	// leaves each piece of them room for its text.
	for _, whole := range []bool{true, false} {
		if tl.moveBack(pages, repeat, from, start, to, whole) {
			return
		}
	}
}

// moveBack moves the last break from row start back to the latest row that
// gives the last page two body rows, if the page before keeps two and the
// last page has room.
func (tl *tableLayouter) moveBack(pages []tablePage, repeat []int, from, start, to int, whole bool) bool {
	n := len(pages)
	prev := pages[n-2]
	for s := start - 1; s > from; s-- {
		if !tl.cleanBreak(s, from, to, whole) {
			continue
		}
		moved := make([]piece, 0, to-s+1)
		for r := s; r <= to; r++ {
			moved = append(moved, piece{row: r})
		}
		if tl.bodyIn(moved) < 2 {
			continue
		}
		kept := prev.pieces[:prev.fixed+s-from]
		if tl.bodyIn(kept[prev.fixed:]) < 2 || tl.rowsHeight(s, to) > tl.continuedRoom(s, repeat)+0.01 {
			return false
		}
		if whole && tl.rowsHeight(from, s-1) < tl.continuedRoom(from, repeat)/3 {
			return false // rather cut a merged cell than leave the page before two-thirds empty
		}
		fixed := tl.repeatedBefore(s, repeat)
		pieces := make([]piece, 0, len(fixed)+len(moved))
		for _, rr := range fixed {
			pieces = append(pieces, piece{row: rr})
		}
		pages[n-2].pieces = kept
		pages[n-1] = tablePage{pieces: append(pieces, moved...), fixed: len(fixed)}
		return true
	}
	return false
}

// bodyIn counts the body rows among pieces.
func (tl *tableLayouter) bodyIn(pieces []piece) int {
	n := 0
	for _, pc := range pieces {
		if tl.isBody(pc.row) {
			n++
		}
	}
	return n
}

// cleanBreak reports whether a page may end above row s, for rows from to
// to on the two pages: each cell spanning rows cut there has room for its
// text on both sides of the break and, when whole is set, is taller than
// a page (it must be cut somewhere). A cell of the header goes with the
// repeated header.
func (tl *tableLayouter) cleanBreak(s, from, to int, whole bool) bool {
	room := tl.p.cur.frame.height
	for c := 0; c < tl.g.Cols; c++ {
		slot := tl.g.Slots[s][c]
		if slot.Row >= s || slot.Row < tl.t.HeaderRows || (c > 0 && tl.g.Slots[s][c-1].Row == slot.Row && tl.g.Slots[s][c-1].Col == slot.Col) {
			continue
		}
		rs, _ := slot.Cell.Span()
		end := slot.Row + rs - 1
		if whole && tl.rowsHeight(slot.Row, end) <= room {
			return false
		}
		need := float64(len(tl.cells[[2]int{slot.Row, slot.Col}]))*tl.lh + 2*tl.vpad
		if tl.rowsHeight(max(slot.Row, from), s-1) < need || tl.rowsHeight(s, min(end, to)) < need {
			return false
		}
	}
	return true
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
	for o := range tl.g.Origins() {
		rs, _ := o.Cell.Span()
		lines := len(tl.cells[[2]int{o.Row, o.Col}])
		if need := float64(lines)*tl.lh + 2*tl.vpad; rs > 1 && need > room {
			return &CellError{Origin: o.Cell.Text.Origin, Message: msg.Sprintf(
				"the text (%d characters) is too long for its merged cell: it needs %d lines and a page holds %d; shorten it",
				len([]rune(o.Cell.Text.S)), lines, int((room-2*tl.vpad)/tl.lh))}
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
	return tl.continuedTop()
}

// continuedTop is where a table goes on below 续表 on a continuation page.
func (tl *tableLayouter) continuedTop() float64 { return tl.p.cur.frame.top + tl.lh + tl.vpad }
