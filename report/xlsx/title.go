package xlsx

import (
	"math"
	"strings"
	"unicode"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// fitTitle returns the table's title as the sheet prints it, its lines
// joined by line breaks, and the column widths, widened when the title's
// lines need it. A title wider than the table is broken where the composer
// marks its seams and the PDF breaks it too, not wherever a spreadsheet
// wraps (青川区文化广电和旅游局2024年政府性基金预/算支出表): after the
// unit's name, and within a long name after its parts. When a part is
// still wider than the table (the rest of the title over a narrow empty
// table), the columns are widened alike to fit it, as the PDF sets such a
// table across its page; only past the page's width is the title broken
// elsewhere, by the Chinese line-breaking rules and never inside a number
// or between a year and its 年.
func fitTitle(t layout.Text, widths []float64, landscape bool) (string, []float64) {
	width := titleWidth(widths)
	lines := titleLines(t, width)
	need := 0.0
	for _, l := range lines {
		need = max(need, textUnits(l, titleSize))
	}
	if need <= width {
		return strings.Join(lines, "\n"), widths
	}
	if need > pageUnits(len(widths), landscape)-1 {
		return strings.Join(breakTitle(layout.PlainText(t.S), width), "\n"), widths
	}
	wider := make([]float64, len(widths))
	scale := (need + 1) / (width + 1)
	for i, w := range widths {
		wider[i] = math.Ceil(w*scale*100) / 100 // rounded up: the title must fit
	}
	return strings.Join(lines, "\n"), wider
}

// titleLines breaks a title at its seams into lines of at most width
// units where it can: whole if it fits; else the unit's name and the rest,
// the name itself broken after its parts when it is too wide. A line may
// still be wider than width when a part is.
func titleLines(t layout.Text, width float64) []string {
	plain := layout.PlainText(t.S)
	if textUnits(plain, titleSize) <= width {
		return []string{plain}
	}
	rs := []rune(t.S)
	name := -1
	for _, s := range t.Seams {
		if !s.Weak && s.At > 0 && s.At < len(rs) {
			name = s.At // the last unit's name: the rest is the table's own name
		}
	}
	if name < 0 {
		return []string{plain}
	}
	var lines []string
	start := 0
	fits := func(end int) bool {
		return textUnits(layout.PlainText(string(rs[start:end])), titleSize) <= width
	}
	if !fits(name) {
		// The name's parts, each line as many of them as fit.
		last := start
		for _, s := range t.Seams {
			if !s.Weak || s.At <= start || s.At >= name {
				continue
			}
			if !fits(s.At) && last > start {
				lines = append(lines, layout.PlainText(string(rs[start:last])))
				start = last
			}
			last = s.At
		}
		if !fits(name) && last > start {
			lines = append(lines, layout.PlainText(string(rs[start:last])))
			start = last
		}
	}
	lines = append(lines, layout.PlainText(string(rs[start:name])))
	return append(lines, layout.PlainText(string(rs[name:])))
}

// breakTitle breaks a title without seams that fit into lines of at most
// width units, by the Chinese line-breaking rules (report/pdf/cjk), and
// keeps a number with the 年, 月 or 日 after it (2024年).
func breakTitle(s string, width float64) []string {
	rs := []rune(s)
	var lines []string
	start, last := 0, 0 // the line's start, and where it may end last
	clusters := append(cjk.Clusters(rs), len(rs))
	for k := 0; k+1 < len(clusters); k++ {
		a, b := clusters[k], clusters[k+1]
		if a > start && !(isDigit(rs[a-1]) && strings.ContainsRune("年月日", rs[a])) {
			last = a
		}
		if last > start && textUnits(string(rs[start:b]), titleSize) > width {
			lines = append(lines, string(rs[start:last]))
			start = last
		}
	}
	return append(lines, string(rs[start:]))
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// pageUnits is how wide, in column units, a table of n columns can be and
// still print at full size across a page's width (see printScale).
func pageUnits(n int, landscape bool) float64 {
	page := a4Short
	if landscape {
		page = a4Long
	}
	return ((page-2*marginPt)/0.75 - 5*float64(n)) / 7
}

// breakMerged returns the text, with its lines broken, of each merged cell
// (by its table row and column) that a spreadsheet would wrap badly: a
// paragraph across a form (绩效目标, a note). A cell's text is kept as
// typed where it can be, so that an office that edits it or widens a
// column gets its own text back, and its row is made tall enough for the
// lines (rowHeights): neither Excel nor LibreOffice fits a row to a merged
// cell. But a spreadsheet wraps by no rules of Chinese typesetting (see
// badWrap), and where depends on its fonts: where some application would
// wrap the text badly, its lines are broken by the Chinese rules
// (report/pdf/cjk) half a character inside the cell, Latin and marks as
// wide as the widest face sets them, so that no application wraps them
// again; a last line of one character (and its marks) takes one more from
// the line above. A text at
// most a character too wide for one line (a unit's name) has the cell's
// last column widened instead; for a paragraph, widening a column, as
// widenCells does for other cells, would widen and so shrink the whole
// printed form.
func (w *workbook) breakMerged(g *layout.Grid, widths []float64) map[[2]int]string {
	var out map[[2]int]string
	// A broken line must fit the cell in every face wrapsBadly weighs, or
	// the application wraps it again (a lone 开 or ， on a line of its own
	// where LibreOffice sets digits in the wide sans).
	measure := func(r rune) float64 {
		widest := 0.0
		for f := range faces {
			widest = max(widest, f.units(0x4E00, r, w.opts.Size))
		}
		return widest
	}
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			cell := g.Slots[r][c].Cell
			_, cs := cell.Span()
			if !g.IsOrigin(r, c) || cs == 1 || cell.Text.S == "" || len(cell.Runs) > 0 {
				continue
			}
			// Each column is 7w+5 pixels wide in Excel's default font and
			// a cell's padding takes the 5: a merged cell has the padding
			// of the columns it covers beyond its first.
			width := float64(cs-1) * 5 / 7
			if indented(cellStyle(cell)) {
				width -= indentUnits
			}
			for k := c; k < c+cs; k++ {
				width += widths[k]
			}
			var b strings.Builder
			broken := false
			first := true
			for para, ws := range paragraphs(cell.Text) {
				if !first {
					b.WriteByte('\n')
				}
				first = false
				lines := para
				// A text a little wider than its cell (a unit's name) is
				// kept on one line by a wider last column.
				if over := textUnits(para, w.opts.Size) + 0.3 - width; over > 0 && over <= hanWidth*w.opts.Size/11 {
					widths[c+cs-1] = math.Ceil((widths[c+cs-1]+over)*100) / 100
					width += over
				}
				if w.wrapsBadly(para, width, ws) {
					// A line a character short of the cell fits it in
					// every application.
					lines, broken = breakLines(para, width-hanWidth*w.opts.Size/11/2, measure), true
				}
				b.WriteString(lines)
			}
			if broken {
				if out == nil {
					out = make(map[[2]int]string)
				}
				out[[2]int{r, c}] = b.String()
			}
		}
	}
	return out
}

// breakLines breaks s into lines of at most width by the Chinese rules and
// joins them with line breaks; a last line of one character takes one more
// from the line above.
func breakLines(s string, width float64, measure func(rune) float64) string {
	rs := []rune(s)
	lines := keepFigures(rs, width, width, measure)
	if n := len(lines); n > 1 && lone(lines[n-1].Visible(rs)) {
		// Break the last two lines again, the last but one a little
		// narrower.
		prev := lines[n-2]
		tail := rs[prev.Start:]
		short := prev.Width - measure(rs[prev.End-1]) + 1e-6
		again := keepFigures(tail, short, width, measure)
		if len(again) == 2 {
			lines = lines[:n-2]
			for _, l := range again {
				lines = append(lines, cjk.Line{Start: l.Start + prev.Start, End: l.End + prev.Start})
			}
		}
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(rs[l.Start:l.End]))
	}
	return b.String()
}

// lone reports whether a last line holds one character, the marks that
// may not start a line aside (准；).
func lone(rs []rune) bool {
	n := 0
	for _, r := range rs {
		if !cjk.NoStart(r) {
			n++
		}
	}
	return n <= 1
}

// keepFigures is cjk.Break, but a line that would end with a figure whose
// unit starts the next (演出52 / 场) ends before the figure, as the PDF's
// cells keep 52场 whole.
func keepFigures(rs []rune, first, width float64, measure func(rune) float64) []cjk.Line {
	var lines []cjk.Line
	for start := 0; start < len(rs); {
		avail := width
		if len(lines) == 0 {
			avail = first
		}
		end := start + cjk.Break(rs[start:], avail, width, measure)[0].End
		if end < len(rs) && isDigit(rs[end-1]) && unicode.Is(unicode.Han, rs[end]) {
			e := end
			for e > start && (isDigit(rs[e-1]) || rs[e-1] == '.' || rs[e-1] == ',') {
				e--
			}
			if e > start {
				end = e
			}
		}
		l := cjk.Line{Start: start, End: end}
		for _, r := range l.Visible(rs) {
			l.Width += measure(r)
		}
		lines = append(lines, l)
		start = end
	}
	return lines
}
