package layout

import (
	"fmt"
	"iter"
	"sort"
)

// Grid is a table resolved into a dense grid: every position either holds
// the origin of a cell or is covered by the origin at (Row, Col).
type Grid struct {
	Rows, Cols int
	Slots      [][]Slot
}

// Slot is one position of a grid.
type Slot struct {
	Row, Col int   // the origin cell's position
	Cell     *Cell // the origin cell
}

// Origins yields each cell of the grid once, at its top-left slot, row by
// row: the walk over a table's cells that every backend makes.
func (g *Grid) Origins() iter.Seq[Slot] {
	return func(yield func(Slot) bool) {
		for r := range g.Rows {
			for c := range g.Cols {
				if s := g.Slots[r][c]; s.Row == r && s.Col == c && !yield(s) {
					return
				}
			}
		}
	}
}

// IsOrigin reports whether the slot at (r, c) is its cell's top-left.
func (g *Grid) IsOrigin(r, c int) bool {
	s := g.Slots[r][c]
	return s.Row == r && s.Col == c
}

// Resolve places a table's cells into a grid, filling each row's free
// positions left to right. It rejects overlapping spans, spans past the
// table's edge and rows with too few or too many cells.
func Resolve(t *Table) (*Grid, error) {
	cols := len(t.Columns)
	g := &Grid{Rows: len(t.Rows), Cols: cols, Slots: make([][]Slot, len(t.Rows))}
	for r := range g.Slots {
		g.Slots[r] = make([]Slot, cols)
		for c := range g.Slots[r] {
			g.Slots[r][c].Row = -1
		}
	}
	for r, row := range t.Rows {
		c := 0
		for i := range row.Cells {
			cell := &row.Cells[i]
			for c < cols && g.Slots[r][c].Row >= 0 {
				c++
			}
			rs, cs := cell.Span()
			if c+cs > cols {
				return nil, fmt.Errorf("layout: table %q row %d: cell %d (%q) runs past the last column", t.Name, r, i, cell.Text.S)
			}
			if r+rs > len(t.Rows) {
				return nil, fmt.Errorf("layout: table %q row %d: cell %d (%q) spans past the last row", t.Name, r, i, cell.Text.S)
			}
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					if g.Slots[r+dr][c+dc].Row >= 0 {
						return nil, fmt.Errorf("layout: table %q row %d: cell %d (%q) overlaps another cell", t.Name, r, i, cell.Text.S)
					}
					g.Slots[r+dr][c+dc] = Slot{Row: r, Col: c, Cell: cell}
				}
			}
			c += cs
		}
		for c := 0; c < cols; c++ {
			if g.Slots[r][c].Row < 0 {
				return nil, fmt.Errorf("layout: table %q row %d: column %d has no cell", t.Name, r, c)
			}
		}
	}
	return g, nil
}

// RowHeights sizes the rows of a grid: each row is as tall as the tallest
// cell that lies in it alone (at least min), and a cell spanning rows that
// needs more than its rows give it adds the rest to its last row, smaller
// spans first. need gives an origin cell's height, in the backend's unit.
func (g *Grid) RowHeights(min float64, need func(r, c int, cell *Cell) float64) []float64 {
	heights := make([]float64, g.Rows)
	for r := range heights {
		heights[r] = min
	}
	type span struct {
		r, rows int
		need    float64
	}
	var spans []span
	for o := range g.Origins() {
		h := need(o.Row, o.Col, o.Cell)
		if rs, _ := o.Cell.Span(); rs > 1 {
			spans = append(spans, span{o.Row, rs, h})
		} else if h > heights[o.Row] {
			heights[o.Row] = h
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].rows < spans[j].rows })
	for _, s := range spans {
		have := 0.0
		for r := s.r; r < s.r+s.rows; r++ {
			have += heights[r]
		}
		if have < s.need {
			heights[s.r+s.rows-1] += s.need - have
		}
	}
	return heights
}
