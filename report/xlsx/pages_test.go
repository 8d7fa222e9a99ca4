package xlsx

import (
	"reflect"
	"testing"

	"budgetdoc/report/layout"
)

func TestPageBreaks(t *testing.T) {
	cell := func(rows int) layout.Cell { return layout.Cell{Text: layout.Plain("x"), RowSpan: rows} }
	// A header row, then rows 1–2 joined, row 3, rows 4–8 joined (taller
	// than a page), row 9.
	table := &layout.Table{Name: "t", Columns: make([]layout.Column, 2), HeaderRows: 1}
	for _, spans := range [][]layout.Cell{
		{cell(1), cell(1)}, {cell(2), cell(1)}, {cell(1)}, {cell(1), cell(1)},
		{cell(5), cell(1)}, {cell(1)}, {cell(1)}, {cell(1)}, {cell(1)}, {cell(1), cell(1)},
	} {
		table.Rows = append(table.Rows, layout.Row{Cells: spans})
	}
	g, err := layout.Resolve(table)
	if err != nil {
		t.Fatal(err)
	}
	heights := []float64{10, 10, 10, 10, 10, 10, 10, 10, 10, 10}
	// Room for three rows on the first page and four on the others: 1–2
	// and 3 fit on page 1; 4–8 is taller than a page, so it starts on
	// page 2 below nothing and breaks after four rows.
	if got, want := pageBreaks(g, heights, 1, 30, 40), []int{4, 8}; !reflect.DeepEqual(got, want) {
		t.Errorf("breaks %v, want %v", got, want)
	}
	// With room for two rows first, 3 goes to page 2, and 4–8 starts
	// after it, filling page 2 before it breaks.
	if got, want := pageBreaks(g, heights, 1, 20, 40), []int{3, 7}; !reflect.DeepEqual(got, want) {
		t.Errorf("breaks %v, want %v", got, want)
	}
	if got, want := pieces(4, 5, []int{3, 7}), [][2]int{{4, 6}, {7, 8}}; !reflect.DeepEqual(got, want) {
		t.Errorf("pieces %v, want %v", got, want)
	}
}
