package compose

import (
	"github.com/shopspring/decimal"

	"budgetdoc/report/layout"
)

// A two-sided table (收支总表) prints income lines on the left and
// spending lines on the right, side by side, each side's totals at the
// bottom. Its line has a label and amounts; a total line's amounts are the
// sums of other lines of its side.

// sideLine is one line of a side: a label and amounts in 元 (exact), or a
// total of other lines (indexes into the side).
type sideLine struct {
	label  string
	exact  []decimal.Decimal
	sumOf  []int
	header bool // set the label in the header face (total lines)
}

// twoSided lays out the two sides: body lines top-aligned, then the total
// lines of both sides paired from the bottom. leftCols and rightCols are
// the amount columns of each side; cells of a side's column 0 are its
// labels. Returns the body rows and each side's line → table row map.
func twoSided(u moneyUnit, first int, left, right []sideLine, leftTotals, rightTotals int, leftCols, rightCols int) []layout.Row {
	body := max(len(left)-leftTotals, len(right)-rightTotals)
	totals := max(leftTotals, rightTotals)
	n := body + totals
	place := func(side []sideLine, nTotals int) []int {
		rows := make([]int, len(side))
		for i := range side {
			if i < len(side)-nTotals {
				rows[i] = first + i
			} else {
				rows[i] = first + n - (len(side) - i)
			}
		}
		return rows
	}
	lrow, rrow := place(left, leftTotals), place(right, rightTotals)
	rows := make([]layout.Row, n)
	fill := func(side []sideLine, at []int, offset, cols int) {
		byRow := make(map[int]int)
		for i, r := range at {
			byRow[r] = i
		}
		for k := 0; k < n; k++ {
			i, ok := byRow[first+k]
			if !ok {
				rows[k].Cells = append(rows[k].Cells, label("", layout.Left))
				for c := 0; c < cols; c++ {
					rows[k].Cells = append(rows[k].Cells, label("", layout.Right))
				}
				continue
			}
			l := side[i]
			cell := label(l.label, layout.Left)
			if l.header {
				cell.Align, cell.Header = layout.Center, true
			}
			rows[k].Cells = append(rows[k].Cells, cell)
			for c := 0; c < cols; c++ {
				var terms []layout.CellRef
				for _, j := range l.sumOf {
					terms = append(terms, layout.CellRef{Row: at[j], Col: offset + 1 + c})
				}
				rows[k].Cells = append(rows[k].Cells, amount(u.round(l.exact[c]), terms))
			}
		}
	}
	fill(left, lrow, 0, leftCols)
	fill(right, rrow, 1+leftCols, rightCols)
	for k := body; k < n; k++ {
		rows[k].Total = true
	}
	return rows
}

// sumLines sets each total line's exact amounts from the lines it sums,
// which may come before or after it and may be totals themselves.
func sumLines(side []sideLine, cols int) {
	var resolve func(i int) []decimal.Decimal
	resolve = func(i int) []decimal.Decimal {
		l := &side[i]
		if len(l.sumOf) == 0 || l.exact != nil {
			return l.exact
		}
		l.exact = make([]decimal.Decimal, cols)
		for _, j := range l.sumOf {
			for c, d := range resolve(j) {
				l.exact[c] = l.exact[c].Add(d)
			}
		}
		return l.exact
	}
	for i := range side {
		resolve(i)
	}
}

// sideWidths are the widths of a side's columns: its labels, then each
// amount column by its widest figure.
func sideWidths(u moneyUnit, side []sideLine, cols int) []layout.Column {
	w := 6.0
	for _, l := range side {
		w = max(w, textWidth(l.label))
	}
	out := []layout.Column{{Width: w}}
	for c := 0; c < cols; c++ {
		var figures []decimal.Decimal
		for _, l := range side {
			figures = append(figures, u.round(l.exact[c]))
		}
		out = append(out, layout.Column{Width: max(amountWidth(figures), 4.5)})
	}
	return out
}
