package xlsx

import (
	"math"

	"budgetdoc/report/layout"
)

// Print geometry. Spreadsheets choose their own page breaks from their own
// row heights, and put them through merged cells; the workbook sets its own
// breaks instead, from the row heights it writes, so that a merged range and
// a table row stay on one page.
const (
	a4Short, a4Long = 595.3, 841.9 // A4 in points
	marginInches    = 0.6          // every side
	marginPt        = marginInches * 72
	// pageFill is the share of a page's height the breaks fill, leaving room
	// for an application's rounding so it never adds a break of its own.
	pageFill = 0.97
)

// printScale is the zoom that fits the sheet to one page wide, as Excel
// computes it: whole percent, never enlarged. A column w characters wide is
// 7w+5 pixels at 96 dpi in Excel's default font (Calibri 11); a wider
// default font in another application gives a smaller zoom, so more rows
// fit on its pages than the breaks ask for, never fewer.
func printScale(widths []float64, pageWidth float64) float64 {
	sheet := 0.0
	for _, w := range widths {
		sheet += (7*w + 5) * 0.75
	}
	if sheet <= pageWidth {
		return 1
	}
	return math.Floor(100*pageWidth/sheet) / 100
}

// pageRoom is the height, in the sheet's points, that a page prints.
func pageRoom(widths []float64, landscape bool) float64 {
	w, h := a4Short, a4Long
	if landscape {
		w, h = h, w
	}
	return (h - 2*marginPt) * pageFill / printScale(widths, w-2*marginPt)
}

// minPrintedSize is the smallest size, in points, that a table's text is
// printed at to fit it on fewer pages: 8 pt, between 小五 (9 pt, the PDF's
// tables) and 六号 (7.5 pt).
const minPrintedSize = 8

// pageBreaks returns the table rows that start a new page. first is the
// room for body rows on the first page (after the rows above the table and
// its header rows), next the room on every later page (after the repeated
// rows). Body rows joined by a cell spanning them go together on a page; a
// group taller than a page starts where the page has got to and breaks
// between its rows, and a single row taller than a page is left whole.
func pageBreaks(g *layout.Grid, heights []float64, headerRows int, first, next float64) []int {
	// end[r] is the last row that must go with the group starting at r.
	end := make([]int, g.Rows)
	for r := range end {
		end[r] = r
	}
	for r := headerRows; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			if g.IsOrigin(r, c) {
				rs, _ := g.Slots[r][c].Cell.Span()
				end[r] = max(end[r], r+rs-1)
			}
		}
	}
	var breaks []int
	room, used := first, 0.0
	newPage := func(r int) {
		breaks = append(breaks, r)
		room, used = next, 0
	}
	for r := headerRows; r < g.Rows; {
		last := end[r]
		for k := r; k <= last; k++ {
			last = max(last, end[k])
		}
		h := 0.0
		for k := r; k <= last; k++ {
			h += heights[k]
		}
		if used > 0 && used+h > room && h <= next {
			newPage(r)
		}
		if used+h <= room {
			used += h
			r = last + 1
			continue
		}
		// The group is taller than a page: it fills this page and goes on
		// row by row.
		for k := r; k <= last; k++ {
			if used > 0 && used+heights[k] > room {
				newPage(k)
			}
			used += heights[k]
		}
		r = last + 1
	}
	return breaks
}

// pieces splits the rows [r, r+rows) at the page breaks, so that no merged
// range runs over a break.
func pieces(r, rows int, breaks []int) [][2]int {
	var out [][2]int
	start := r
	for _, b := range breaks {
		if b > start && b < r+rows {
			out = append(out, [2]int{start, b - 1})
			start = b
		}
	}
	return append(out, [2]int{start, r + rows - 1})
}
