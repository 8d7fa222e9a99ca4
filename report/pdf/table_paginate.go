package pdf

import "math"

// paginate puts the table's rows on pages: the header rows first, then body
// rows while they fit; each continuation page starts with the repeated rows.
// A row is never split: a row taller than a whole page is set alone on its
// page.
func (tl *tableLayouter) paginate() {
	p, t := tl.p, tl.t
	head := make([]int, t.HeaderRows)
	for i := range head {
		head[i] = i
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
	first := tl.sum(head)
	if t.HeaderRows < tl.g.Rows {
		first += tl.heights[t.HeaderRows]
	}
	if p.line > 0 && y+first > bottom() {
		p.newPage()
		y = p.lineTop(0)
	}
	rows, fixed := head, len(head)
	used := y + tl.sum(head)
	for r := t.HeaderRows; r < tl.g.Rows; r++ {
		if used+tl.heights[r] > bottom()+0.01 && len(rows) > fixed {
			tl.draw(rows, y)
			p.newPage()
			y = p.lineTop(0)
			rows, fixed = append([]int(nil), repeat...), len(repeat)
			used = y + tl.sum(repeat)
		}
		rows = append(rows, r)
		used += tl.heights[r]
	}
	tl.draw(rows, y)
	p.line = min(int(math.Ceil((used-p.cur.frame.top)/linePitch-0.01)), p.cur.frame.lines)
}

func (tl *tableLayouter) sum(rows []int) float64 {
	h := 0.0
	for _, r := range rows {
		h += tl.heights[r]
	}
	return h
}
