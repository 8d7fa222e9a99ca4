package xlsx

import (
	"math"
	"strings"

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
