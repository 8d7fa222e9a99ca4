package xlsx

import (
	"fmt"
	"iter"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// hanWidth is the width of a Han character in Excel's column units (the
// width of a digit) at 11 pt.
const hanWidth = 2.1

// renderTable writes one table as a sheet: its attachment label, title and
// unit rows, then the table with its page breaks. The stream writer needs
// its calls in order: sheet properties, column widths, rows, merges and
// page setup, then Flush.
func (w *workbook) renderTable(t *layout.Table) error {
	g, err := layout.Resolve(t)
	if err != nil {
		return err
	}
	label := w.label
	w.label = ""
	name := w.sheetName(t.Name)
	f := w.f
	if len(w.names) == 1 {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return err
	}
	fit, one := true, 1
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	title, widths := fitTitle(t.Title, w.columnWidths(t), t.Orientation == layout.Landscape)
	w.widenCells(g, widths)
	texts := w.breakMerged(g, widths)
	for c, width := range widths {
		if err := sw.SetColWidth(c+1, c+1, width); err != nil {
			return err
		}
	}
	cols := len(t.Columns)
	last, _ := excelize.ColumnNumberToName(cols)
	row, above := 1, 0.0
	// The attachment label, the title and the unit rows, each merged across
	// the table.
	for _, line := range []struct {
		text   string
		style  styleKey
		height float64
	}{
		{label, styleKey{label: true, align: layout.Left, plain: true}, 24},
		{title, styleKey{title: true, align: layout.Center}, titleHeight(title, widths)},
		{t.Unit, styleKey{align: layout.Right, plain: true}, 20},
	} {
		if line.text == "" {
			continue
		}
		id, err := w.style(line.style)
		if err != nil {
			return err
		}
		cells := make([]any, cols)
		cells[0] = excelize.Cell{StyleID: id, Value: line.text}
		for c := 1; c < cols; c++ {
			cells[c] = excelize.Cell{StyleID: id}
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", row), cells, excelize.RowOpts{Height: line.height}); err != nil {
			return err
		}
		if err := sw.MergeCell(fmt.Sprintf("A%d", row), fmt.Sprintf("%s%d", last, row)); err != nil {
			return err
		}
		row++
		above += line.height
	}
	first := row // the sheet row of table row 0
	heights := w.rowHeights(g, widths, texts)
	rr, repeat := t.RepeatRows()
	room := pageRoom(widths, t.Orientation == layout.Landscape)
	head, again := 0.0, 0.0
	for r := 0; r < min(t.HeaderRows, g.Rows); r++ {
		head += heights[r]
	}
	if repeat {
		for r := rr.FirstRow; r <= rr.LastRow; r++ {
			again += heights[r]
		}
	}
	breaks := pageBreaks(g, heights, t.HeaderRows, room-above-head, room-again)
	// A table that breaks over more pages than it would at the smallest
	// legible scale is fitted to that many pages instead, as the PDF sets
	// it on as few: a form on one. The application then chooses the scale
	// and, past one page, the breaks, which may only fall between rows
	// that no cell joins.
	tall := 0
	if len(breaks) > 0 {
		least := w.opts.Size / minPrintedSize * pageRoom(nil, t.Orientation == layout.Landscape)
		fewest := pageBreaks(g, heights, t.HeaderRows, least-above-head, least-again)
		if len(fewest) < len(breaks) && (len(fewest) == 0 || !bodyMerged(g, t.HeaderRows)) {
			breaks, tall = nil, len(fewest)+1
		}
	}
	startsPage := make(map[int]bool, len(breaks))
	for _, b := range breaks {
		startsPage[b] = true
	}
	for r := 0; r < g.Rows; r++ {
		cells := make([]any, cols)
		for c := 0; c < cols; c++ {
			s := g.Slots[r][c]
			id, err := w.style(cellStyle(s.Cell))
			if err != nil {
				return err
			}
			// Covered positions carry the origin's style, so a merged
			// range's borders print whole; a merged cell continued on a
			// new page prints its text again there.
			cell := excelize.Cell{StyleID: id}
			switch {
			case g.IsOrigin(r, c):
				if cell, err = w.value(s.Cell, id, r, c, first); err != nil {
					return fmt.Errorf("table %q row %d: %w", t.Name, r, err)
				}
				if text, ok := texts[[2]int{r, c}]; ok {
					cell.Value = text
				}
			case startsPage[r] && s.Col == c && s.Cell.Text.S != "":
				cell.Value = s.Cell.Text.S
			}
			cells[c] = cell
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", first+r), cells, excelize.RowOpts{Height: heights[r]}); err != nil {
			return err
		}
	}
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < cols; c++ {
			if !g.IsOrigin(r, c) {
				continue
			}
			rs, cs := g.Slots[r][c].Cell.Span()
			if rs == 1 && cs == 1 {
				continue
			}
			for _, p := range pieces(r, rs, breaks) {
				if p[0] == p[1] && cs == 1 {
					continue
				}
				tl, _ := excelize.CoordinatesToCellName(c+1, first+p[0])
				br, _ := excelize.CoordinatesToCellName(c+cs, first+p[1])
				if err := sw.MergeCell(tl, br); err != nil {
					return err
				}
			}
		}
	}
	orientation, a4 := "portrait", 9
	if t.Orientation == layout.Landscape {
		orientation = "landscape"
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	margin, edge, centred := marginInches, 0.3, true
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge, Horizontally: &centred}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	if repeat {
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: name,
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, first+rr.FirstRow, first+rr.LastRow),
		}); err != nil {
			return err
		}
	}
	for _, b := range breaks {
		if err := f.InsertPageBreak(name, fmt.Sprintf("A%d", first+b)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// value is a cell's content: a number with its format, a formula with its
// value cached, text (rich text when it has marks), or nothing for a blank
// cell (which keeps its style for its borders). r and col are its table
// row and column, first the sheet row of table row 0.
func (w *workbook) value(c *layout.Cell, style, r, col, first int) (excelize.Cell, error) {
	if c.Number == nil {
		switch {
		case c.Text.S == "":
			return excelize.Cell{StyleID: style}, nil
		case len(c.Runs) > 0:
			return excelize.Cell{StyleID: style, Value: w.richText(c)}, nil
		}
		return excelize.Cell{StyleID: style, Value: c.Text.S}, nil
	}
	d, err := decimal.NewFromString(c.Number.Value)
	if err != nil {
		return excelize.Cell{}, fmt.Errorf("number %q: %w", c.Number.Value, err)
	}
	v, _ := d.Float64()
	cell := excelize.Cell{StyleID: style, Value: v}
	column := func(c int) string { name, _ := excelize.ColumnNumberToName(c + 1); return name }
	if s := c.Number.Sum; s != nil {
		cell.Formula = fmt.Sprintf("SUM(%s%d:%s%d)", column(col), first+s.FirstRow, column(col), first+s.LastRow)
	}
	if d := c.Number.Difference; d != nil {
		cell.Formula = fmt.Sprintf("%s%d-%s%d", column(d.New), first+r, column(d.Old), first+r)
	}
	if len(c.Number.Terms) > 0 {
		cell.Formula = sumFormula(c.Number.Terms, first)
	}
	return cell, nil
}

// maxArgs is how many arguments a spreadsheet function takes at most.
const maxArgs = 255

// sumFormula is SUM over the cells of terms, with runs of rows in one
// column written as ranges (SUM(C7,C9:C11,D7)); past maxArgs arguments the
// sum is nested.
func sumFormula(terms []layout.CellRef, first int) string {
	refs := append([]layout.CellRef(nil), terms...)
	sort.Slice(refs, func(i, j int) bool {
		if refs[i].Col != refs[j].Col {
			return refs[i].Col < refs[j].Col
		}
		return refs[i].Row < refs[j].Row
	})
	var args []string
	for i := 0; i < len(refs); {
		j := i
		for j+1 < len(refs) && refs[j+1].Col == refs[i].Col && refs[j+1].Row == refs[j].Row+1 {
			j++
		}
		a, _ := excelize.CoordinatesToCellName(refs[i].Col+1, first+refs[i].Row)
		if j > i {
			b, _ := excelize.CoordinatesToCellName(refs[j].Col+1, first+refs[j].Row)
			a += ":" + b
		}
		args = append(args, a)
		i = j + 1
	}
	for len(args) > maxArgs {
		var nested []string
		for i := 0; i < len(args); i += maxArgs {
			nested = append(nested, "SUM("+strings.Join(args[i:min(i+maxArgs, len(args))], ",")+")")
		}
		args = nested
	}
	return "SUM(" + strings.Join(args, ",") + ")"
}

// richText is a marked cell's runs: deleted words struck through in red,
// inserted ones underlined in blue, the rest in the cell's font.
func (w *workbook) richText(c *layout.Cell) []excelize.RichTextRun {
	family := w.opts.CellFont
	if c.Header {
		family = w.opts.HeaderFont
	}
	out := make([]excelize.RichTextRun, len(c.Runs))
	for i, r := range c.Runs {
		font := &excelize.Font{Family: family, Size: w.opts.Size}
		switch r.Mark {
		case layout.Deleted:
			font.Strike, font.Color = true, "C00000"
		case layout.Inserted:
			font.Underline, font.Color = "single", "0050B0"
		}
		out[i] = excelize.RichTextRun{Text: r.S, Font: font}
	}
	return out
}

// columnWidths turns the layout's relative widths (characters of body
// text) into Excel widths where a column holds that many Han characters.
func (w *workbook) columnWidths(t *layout.Table) []float64 {
	scale := w.opts.Size / 11 * hanWidth
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		out[i] = math.Round((c.Width*scale+1)*100) / 100
	}
	return out
}

// widenCells widens a column where a spreadsheet would wrap a cell badly
// (see badWrap: 国有资/本, 前期拆除、线路改造/、设计费), by as little as
// brings the offending character up or another one down: a spreadsheet
// wraps a cell at the column's width, by no rules of Chinese typesetting,
// as the PDF's balanced cells do not. A merged cell, whose widening would
// widen the whole table, has its lines set by breakMerged instead. A
// column w wide holds about w digits' width of text; Excel and LibreOffice
// differ by a few pixels, so the wrap must be good at a little
// less and a little more. A column widened for one cell can wrap another
// anew, so the cells are weighed again until none needs more. A cell
// four characters wider still wrapping badly (a long Latin word) is left.
func (w *workbook) widenCells(g *layout.Grid, widths []float64) {
	bad := w.wrapsBadly
	step := hanWidth * w.opts.Size / 11 / 4
	for pass := 0; pass < 4; pass++ {
		widened := false
		for r := 0; r < g.Rows; r++ {
			for c := 0; c < g.Cols; c++ {
				cell := g.Slots[r][c].Cell
				if _, cs := cell.Span(); !g.IsOrigin(r, c) || cell.Text.S == "" || cs > 1 {
					continue // a merged cell's lines are set by breakMerged
				}
				last := c
				indent := 0.0
				if indented(cellStyle(cell)) {
					indent = indentUnits
				}
				for para, words := range paragraphs(cell.Text) {
					width := widths[c] - indent
					extra := 0.0
					for n := 0; n < 16 && bad(para, width+extra, words); n++ {
						extra += step
					}
					// A cell four characters wider still wraps badly (a
					// long Latin word): widening it gains nothing.
					if extra > 0 && !bad(para, width+extra, words) {
						widths[last] = math.Round((widths[last]+extra)*100) / 100
						widened = true
					}
				}
			}
		}
		if !widened {
			return
		}
	}
}

// wrapsBadly reports whether s wraps badly (see badWrap) in width units,
// at a little less or a little more, in a face it may be set in: 宋体,
// whose Latin is half a Han character wide and whose quotation marks are
// full width; or a proportional Latin face beside a Chinese one
// (LibreOffice's Carlito and Noto), whose marks and spaces are a quarter
// of a Han character wide and whose quotation marks are full width after
// Chinese, as its Asian font draws them, and narrow after anything else;
// or a wide sans, in which LibreOffice sets the Latin of a 宋体 cell when
// it lacks 宋体 (DejaVu Sans).
func (w *workbook) wrapsBadly(s string, width float64, ws words) bool {
	for f := range faces {
		units := func(prev, r rune) float64 { return f.units(prev, r, w.opts.Size) }
		if badWrap(s, width-0.3, units, ws) || badWrap(s, width+0.3, units, ws) {
			return true
		}
	}
	return false
}

// mostLines is the most lines s takes in any face of wrapsBadly's, wrapped
// a character at a time in a little less than width units.
func (w *workbook) mostLines(s string, width float64) int {
	most := 1
	for f := range faces {
		lines, used := 1, 0.0
		prev := rune(0)
		for _, r := range s {
			u := f.units(prev, r, w.opts.Size)
			if used > 0 && used+u > width-0.3+1e-9 {
				lines, used = lines+1, 0
			}
			used += u
			prev = r
		}
		most = max(most, lines)
	}
	return most
}

// face is a face a cell may be set in (see wrapsBadly).
type face int

const (
	simsun       face = iota // 宋体
	proportional             // Carlito beside Noto
	wide                     // a wide sans: DejaVu Sans, digits 0.64 of a Han character
	faces                    // how many
)

// units is the width of r after prev in the face, at size points. The
// marks are as wide as the widest of LibreOffice's faces draws them
// (DejaVu Sans: % 0.95 of a Han character, ≥ 0.84, ( / 0.39; Carlito:
// % 0.71): a lighter measure let a broken goal's line thick with 95% and
// ≥ run wider than its cell, and LibreOffice wrapped it again.
func (f face) units(prev, r rune, size float64) float64 {
	han := hanWidth * size / 11
	switch {
	case fullWidthSymbol(r):
		return han // 宋体 and the CJK faces draw them full width
	case f == simsun:
		return textUnits(string(r), size)
	case r >= 0x2E80 || strings.ContainsRune("“”‘’", r) && prev >= 0x2E80:
		return han
	case f == proportional && wideMark(r):
		return han * 0.72
	case f == proportional && (isLatin(r) || strings.ContainsRune("“”‘’", r)):
		return han / 2
	case f == proportional:
		return han / 4
	case wideMark(r):
		return han * 0.96
	case isLatin(r) || strings.ContainsRune("“”‘’", r):
		return han * 0.64
	}
	return han * 0.4
}

// fullWidthSymbol reports whether r is a symbol of forms' values that 宋体
// and the CJK faces draw a Han character wide.
func fullWidthSymbol(r rune) bool {
	switch r {
	case '≥', '≤', '≠', '±', '×', '÷', '≈':
		return true
	}
	return false
}

// wideMark reports whether r is an ASCII mark wider than a digit in the
// Latin faces.
func wideMark(r rune) bool {
	switch r {
	case '%', '=', '+', '<', '>', '~', '#', '&', '@', '$':
		return true
	}
	return false
}

// badWrap reports whether s, wrapped a character at a time in width units
// as a spreadsheet wraps Chinese, breaks a rule a typesetter keeps: its
// last line holds one character and its marks, a line starts with a closing mark (，。、）)
// or ends with an opening one (（“), a number or Latin word is split, a
// number is parted from the unit after it (2024年12 / 月底前, which the
// PDF's cells keep together), or one of the words ws marks.
// units measures a character after the one before it.
func badWrap(s string, width float64, units func(prev, r rune) float64, ws words) bool {
	lines, last, used := 1, 0, 0.0
	prev := rune(0)
	i := 0
	for _, r := range s {
		u := units(prev, r)
		if used > 0 && used+u > width+1e-9 {
			if cjk.NoStart(r) || cjk.NoEnd(prev) || isLatin(r) && isLatin(prev) ||
				isDigit(prev) && unicode.Is(unicode.Han, r) ||
				unicode.Is(unicode.Han, prev) && unicode.Is(unicode.Han, r) && ws.inside(i) {
				return true
			}
			lines, last, used = lines+1, 0, 0
		}
		used += u
		if !cjk.NoStart(r) {
			last++ // the last line's characters, its marks aside (作。)
		}
		prev = r
		i++
	}
	return lines > 1 && last <= 1
}

// words are the words of a paragraph of a cell's text, runes [from, end)
// of it: the Han characters from one of the composer's seams to the next
// are one (惠民 | 演出 | 场次), as the PDF keeps them.
type words struct {
	seams     []layout.Seam
	from, end int
}

// paragraphs yields each paragraph of a cell's text (its lines as typed)
// with the seams that fall in it.
func paragraphs(t layout.Text) iter.Seq2[string, words] {
	return func(yield func(string, words) bool) {
		from := 0 // the paragraph's first rune in the text
		for rest, more := t.S, true; more; {
			var para string
			para, rest, more = strings.Cut(rest, "\n")
			n := utf8.RuneCountInString(para)
			if !yield(para, words{t.Seams, from, from + n}) {
				return
			}
			from += n + 1
		}
	}
}

// inside reports whether a break before the paragraph's i-th character
// falls between two seams, none at it, the next within the paragraph.
func (ws words) inside(i int) bool {
	k, next := ws.from+i, -1
	if i == 0 {
		return false // the paragraph's start
	}
	for _, s := range ws.seams { // in any order
		switch {
		case s.At == k:
			return false
		case s.At > k && (next < 0 || s.At < next):
			next = s.At
		}
	}
	return next >= 0 && next <= ws.end
}

// isLatin reports whether r is an ASCII letter or digit, of a run a line
// must not split (2021, 70%).
func isLatin(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// textUnits is the width of s in Excel units: Han characters two, others
// one. Quotation marks, the dash and the ellipsis are set full width beside
// Chinese text, as Chinese fonts draw them (宋体, and LibreOffice in its
// Asian font).
func textUnits(s string, size float64) float64 {
	u := 0.0
	for _, r := range s {
		if r < 0x2E80 && !strings.ContainsRune("“”‘’—…", r) {
			u += hanWidth / 2
		} else {
			u += hanWidth
		}
	}
	return u * size / 11
}

// rowHeights estimates each row's height in points from its wrapped text,
// since Excel and LibreOffice do not fit rows with merged cells themselves.
func (w *workbook) rowHeights(g *layout.Grid, widths []float64, texts map[[2]int]string) []float64 {
	// A line of Chinese text takes 1.45 times its size in LibreOffice's
	// Noto faces and 1.3 in 宋体; half a point more keeps descenders clear.
	line := w.opts.Size * lineSpacing
	heights := g.RowHeights(line+6, func(r, c int, cell *layout.Cell) float64 {
		_, cs := cell.Span()
		width := -1.0 // cell padding
		if indented(cellStyle(cell)) {
			width -= indentUnits
		}
		for k := c; k < c+cs; k++ {
			width += widths[k]
		}
		text, ok := texts[[2]int{r, c}]
		if !ok {
			text = cell.Text.S
		}
		// A merged cell's text as typed wraps where the application's
		// faces put it: its row holds the most lines any of them makes.
		typed := !ok && cs > 1
		lines := 0
		for rest, more := text, true; more; {
			var para string
			para, rest, more = strings.Cut(rest, "\n")
			if typed {
				lines += w.mostLines(para, width)
			} else {
				lines += wrappedLines(para, width, w.opts.Size)
			}
		}
		return float64(lines)*line + 6
	})
	// A spreadsheet row is at most 409 points high: a taller row is set to
	// that and its cells wrap; their whole text stays in the cells.
	for r := range heights {
		heights[r] = min(heights[r], excelize.MaxRowHeight)
	}
	return heights
}

// bodyMerged reports whether a cell below the header rows spans rows.
func bodyMerged(g *layout.Grid, headerRows int) bool {
	for r := headerRows; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			if rs, _ := g.Slots[r][c].Cell.Span(); g.IsOrigin(r, c) && rs > 1 {
				return true
			}
		}
	}
	return false
}

// lineSpacing is a cell's line height over its font size.
const lineSpacing = 1.5

// wrappedLines is how many lines s takes when a spreadsheet wraps it a
// character at a time in width units; a line can end short of the width
// (a Han character that does not fit goes down whole), so it can be more
// than the text's width over the line's.
func wrappedLines(s string, width, size float64) int {
	lines, used := 1, 0.0
	for _, r := range s {
		u := textUnits(string(r), size)
		if used > 0 && used+u > width+1e-9 {
			lines, used = lines+1, 0
		}
		used += u
	}
	return lines
}

// titleSize is the title's font size in points.
const titleSize = 18

// titleHeight is the title row's height: 36 points for one line, and a
// line more for each time the title wraps in the table's width (a narrow
// empty table, a long department name), since a spreadsheet does not fit a
// merged row to its text and would cut the title off.
func titleHeight(title string, widths []float64) float64 {
	lines := 0.0
	for _, line := range strings.Split(title, "\n") {
		lines += max(1, math.Ceil(textUnits(line, titleSize)/titleWidth(widths)))
	}
	return 36 + (lines-1)*titleSize*1.7
}

// titleWidth is the width the title's merged cell gives its text.
func titleWidth(widths []float64) float64 {
	width := -1.0 // cell padding
	for _, w := range widths {
		width += w
	}
	return width
}

// indentUnits is the width one indent level takes from a cell's text.
const indentUnits = 1.5

// sheetName makes the short name an office would type for a sheet: no
// quotation marks, none of the characters Excel forbids (: \ / ? * [ ]),
// at most 31 characters, and unique in the workbook.
func (w *workbook) sheetName(name string) string {
	clean := strings.Map(func(r rune) rune {
		switch {
		case strings.ContainsRune(`"'“”‘’「」『』`, r):
			return -1
		case strings.ContainsRune(`:\/?*[]`, r):
			return '_'
		}
		return r
	}, name)
	clean = strings.TrimSpace(clean)
	if clean == "" {
		clean = "表"
	}
	base := []rune(clean)
	candidate := string(base[:min(len(base), 31)])
	// Excel compares sheet names without regard to case.
	for n := 2; w.names[strings.ToLower(candidate)]; n++ {
		suffix := []rune(fmt.Sprintf("(%d)", n))
		candidate = string(base[:min(len(base), 31-len(suffix))]) + string(suffix)
	}
	w.names[strings.ToLower(candidate)] = true
	return candidate
}
