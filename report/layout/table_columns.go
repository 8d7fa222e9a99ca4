package layout

import "sort"

// ColumnWidths shares total among a grid's columns from their content, as
// browsers size a table of automatic layout: every column gets at least its
// minimum (the widest piece of text that cannot break, with padding), and
// the rest of the width is shared in proportion to each column's natural
// width (its text set on one line), up to that natural width. When every
// column has its natural width, what is left is shared the same way.
// extent gives an origin cell's minimum and natural width; a cell spanning
// columns widens them, in proportion to their natural widths, only where
// they are too narrow for it. fits is false when the minimums do not fit
// in total; the widths are then the minimums scaled down.
func (g *Grid) ColumnWidths(total float64, extent func(r, c int, cell *Cell) (min, natural float64)) (widths []float64, fits bool) {
	mins, nats := g.ColumnExtents(extent)
	sumMin, sumNat := 0.0, 0.0
	for c := range mins {
		sumMin += mins[c]
		sumNat += nats[c]
	}
	widths = make([]float64, g.Cols)
	switch {
	case sumNat == 0:
		for c := range widths {
			widths[c] = total / float64(g.Cols)
		}
	case sumNat <= total:
		for c := range widths {
			widths[c] = nats[c] + (total-sumNat)*nats[c]/sumNat
		}
	case sumMin <= total:
		copy(widths, mins)
		Fill(widths, nats, total-sumMin)
	default:
		for c := range widths {
			widths[c] = mins[c] * total / sumMin
		}
		return widths, false
	}
	return widths, true
}

// ColumnExtents is each column's minimum and natural width: the most its
// own cells ask for, widened where a cell spanning columns asks more.
func (g *Grid) ColumnExtents(extent func(r, c int, cell *Cell) (min, natural float64)) (mins, nats []float64) {
	mins, nats = make([]float64, g.Cols), make([]float64, g.Cols)
	type span struct {
		col, cols    int
		min, natural float64
	}
	var spans []span
	for o := range g.Origins() {
		c := o.Col
		mn, nat := extent(o.Row, c, o.Cell)
		nat = max(nat, mn)
		if _, cs := o.Cell.Span(); cs > 1 {
			spans = append(spans, span{c, cs, mn, nat})
			continue
		}
		mins[c], nats[c] = max(mins[c], mn), max(nats[c], nat)
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].cols < spans[j].cols })
	for _, s := range spans {
		widen(mins, nats, s.col, s.cols, s.min)
		widen(nats, nats, s.col, s.cols, s.natural)
	}
	for c := range mins {
		nats[c] = max(nats[c], mins[c])
	}
	return mins, nats
}

// widen raises the columns [col, col+n) of ws so that together they are at
// least need wide, sharing the shortfall in proportion to weights (equally
// when the weights are all zero).
func widen(ws, weights []float64, col, n int, need float64) {
	have, weight := 0.0, 0.0
	for c := col; c < col+n; c++ {
		have += ws[c]
		weight += weights[c]
	}
	if have >= need {
		return
	}
	for c := col; c < col+n; c++ {
		share := 1 / float64(n)
		if weight > 0 {
			share = weights[c] / weight
		}
		ws[c] += (need - have) * share
	}
}

// Fill shares extra among the columns still narrower than their natural
// width, in proportion to it, never past it: what a capped column cannot
// take goes round again to the others. It returns how much it gave.
func Fill(widths, nats []float64, extra float64) float64 {
	total := extra
	for extra > 1e-9 {
		weight := 0.0
		for c := range widths {
			if widths[c] < nats[c] {
				weight += nats[c]
			}
		}
		if weight == 0 {
			break
		}
		given := 0.0
		for c := range widths {
			if widths[c] >= nats[c] {
				continue
			}
			add := min(extra*nats[c]/weight, nats[c]-widths[c])
			widths[c] += add
			given += add
		}
		extra -= given
	}
	return total - extra
}
