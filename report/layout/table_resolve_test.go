package layout

import (
	"reflect"
	"strings"
	"testing"
)

func cell(s string, rows, cols int) Cell { return Cell{Text: Plain(s), RowSpan: rows, ColSpan: cols} }

func TestResolve(t *testing.T) {
	table := &Table{Name: "t", Columns: make([]Column, 3), Rows: []Row{
		{Cells: []Cell{cell("a", 2, 1), cell("b", 1, 2)}},
		{Cells: []Cell{cell("c", 1, 1), cell("d", 1, 1)}},
	}}
	g, err := Resolve(table)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]string, 0, 6)
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			s := g.Slots[r][c]
			got = append(got, s.Cell.Text.S)
			if origin := g.IsOrigin(r, c); origin != (s.Row == r && s.Col == c) {
				t.Errorf("(%d,%d) origin %v", r, c, origin)
			}
		}
	}
	if strings.Join(got, "") != "abbacd" {
		t.Errorf("grid %v, want a b b / a c d", got)
	}
	for name, rows := range map[string][]Row{
		"past the last column": {{Cells: []Cell{cell("a", 1, 4)}}},
		"past the last row":    {{Cells: []Cell{cell("a", 2, 1), cell("b", 1, 2)}}},
		"too few cells":        {{Cells: []Cell{cell("a", 1, 1)}}},
		"overlap":              {{Cells: []Cell{cell("a", 2, 2), cell("b", 1, 1)}}, {Cells: []Cell{cell("c", 1, 2)}}},
	} {
		if _, err := Resolve(&Table{Name: "t", Columns: make([]Column, 3), Rows: rows}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestRowHeights(t *testing.T) {
	table := &Table{Name: "t", Columns: make([]Column, 2), Rows: []Row{
		{Cells: []Cell{cell("tall", 3, 1), cell("x", 1, 1)}},
		{Cells: []Cell{cell("yy", 1, 1)}},
		{Cells: []Cell{cell("z", 1, 1)}},
	}}
	g, err := Resolve(table)
	if err != nil {
		t.Fatal(err)
	}
	// Heights by text length: "tall" spans three rows and needs 40.
	h := g.RowHeights(10, func(_, _ int, c *Cell) float64 { return float64(10 * len(c.Text.S)) })
	if want := []float64{10, 20, 10}; !reflect.DeepEqual(h, want) {
		t.Errorf("heights %v, want %v (40 fits in 10+20+10)", h, want)
	}
	h = g.RowHeights(10, func(_, _ int, c *Cell) float64 {
		if c.Text.S == "tall" {
			return 100
		}
		return 10
	})
	if want := []float64{10, 10, 80}; !reflect.DeepEqual(h, want) {
		t.Errorf("heights %v, want %v (the rest on the last row)", h, want)
	}
}
