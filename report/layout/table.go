package layout

import (
	"strconv"
	"strings"
)

// Table is a grid of cells. Its leading HeaderRows rows are headings,
// repeated on every page the table runs over. Title and Unit are printed
// above it (and in a spreadsheet, as merged rows above the header).
type Table struct {
	Name    string // a short name, e.g. for the spreadsheet's sheet
	Title   Text
	Unit    string  // 单位：元, printed above the table's right edge
	Size    float64 // text size in points; 0 means 小四, 12 pt
	Columns []Column
	Rows    []Row
	// HeaderRows leading rows are the table's heading, set in the header
	// face.
	HeaderRows int
	// Repeat are the rows printed again at the top of every page the table
	// continues on; the zero value means the header rows.
	Repeat RowRange
	// Orientation is the page orientation the table is meant for, used by
	// spreadsheets' print setup.
	Orientation Orientation
}

// RepeatRows returns the rows repeated on continuation pages, as an
// inclusive range, and whether there are any.
func (t *Table) RepeatRows() (RowRange, bool) {
	if t.Repeat != (RowRange{}) {
		return t.Repeat, true
	}
	if t.HeaderRows > 0 {
		return RowRange{0, t.HeaderRows - 1}, true
	}
	return RowRange{}, false
}

// Column is a column's relative width, in characters of body text.
type Column struct{ Width float64 }

// Row is one row of cells, left to right, leaving out positions covered by
// a span from an earlier cell. Total marks a total line (合计, 收入总计):
// a renderer keeps it with body lines when the table goes over pages.
type Row struct {
	Cells []Cell
	Total bool
}

// Cell is one table cell. RowSpan and ColSpan of zero mean 1.
type Cell struct {
	Text             Text
	RowSpan, ColSpan int
	Align            Align
	Header           bool // set in the table-header face
	// Indent sets the text in from the edge it is aligned to by this many
	// characters, on every line: a 款 one under its 类, a 项 two. A
	// spreadsheet indents the cell as many levels.
	Indent int
	Number *Number // a numeric value, for spreadsheets
	// Runs, when set, are the text in stretches with marks (a revision's
	// deleted and inserted words); Text.S is their concatenation.
	Runs []Run
}

// Run is a stretch of a cell's text set with one mark.
type Run struct {
	S    string
	Mark Mark
}

// Mark is how a run of text is set apart.
type Mark int

// The marks.
const (
	Unmarked Mark = iota
	Deleted       // struck through in red: words taken out
	Inserted      // underlined in blue: words put in
)

// MarkedCell is a cell of text in runs, aligned left.
func MarkedCell(runs []Run) Cell {
	var s strings.Builder
	for _, r := range runs {
		s.WriteString(r.S)
	}
	return Cell{Text: Plain(s.String()), Align: Left, Runs: runs}
}

// Number is a cell's numeric value in decimal text, with its display format.
type Number struct {
	Value  string // decimal, e.g. 13567000 or 1234.50
	Format string // spreadsheet number format, e.g. #,##0
	// Sum, when set, makes the cell the sum of the same column's rows
	// [FirstRow, LastRow] (table row indexes); Value is the cached result.
	Sum *RowRange
	// Terms, when set, makes the cell the sum of the cells at these
	// positions, anywhere in the table; Value is the cached result. A
	// spreadsheet writes it as a SUM formula, so that totals follow an
	// edited cell.
	Terms []CellRef
	// Difference, when set, makes the cell its row's column New minus
	// column Old (table column indexes); Value is the cached result.
	Difference *Difference
}

// Difference is a cell's formula: one column of its row less another.
type Difference struct{ New, Old int }

// CellRef is a cell's position: table row index and column.
type CellRef struct{ Row, Col int }

// RowRange is an inclusive range of table rows.
type RowRange struct{ FirstRow, LastRow int }

// Span returns the cell's row and column span, at least 1.
func (c Cell) Span() (rows, cols int) {
	return max(c.RowSpan, 1), max(c.ColSpan, 1)
}

// TextCell is a cell of text with an alignment.
func TextCell(s Text, align Align) Cell { return Cell{Text: s, Align: align} }

// HeaderCell is a centred heading cell spanning rows × cols.
func HeaderCell(s string, rows, cols int) Cell {
	return Cell{Text: Plain(s), RowSpan: rows, ColSpan: cols, Align: Center, Header: true}
}

// SerialCell is a row's 序号, centred: a whole number in a spreadsheet, so
// that it sorts and Excel does not flag it as a number stored as text.
func SerialCell(n int) Cell {
	s := strconv.Itoa(n)
	return Cell{Text: Plain(s), Align: Center, Number: &Number{Value: s, Format: "0"}}
}
