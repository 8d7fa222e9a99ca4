package report_test

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"budgetdoc/report"
)

// codeWord is a function or economic code: 类 3 digits, 款 5, 项 7.
var codeWord = regexp.MustCompile(`^[0-9]{3}([0-9]{2}){0,2}$`)

// depthOf is a code's level below the top: 0 for 类, 1 for 款, 2 for 项.
func depthOf(code string) int { return (len(code) - 3) / 2 }

// The code tables print their tree as the official tables do: in the PDF
// a 款's 科目名称 starts one character right of its 类's, a 项's two.
func TestCodeTreeIndentedInPDF(t *testing.T) {
	words, _ := bboxWords(t, exampleFile(t, report.PDF))
	type line struct {
		page, depth int
		x           float64
	}
	var lines []line
	charW := map[int][]float64{} // the width of a character of the names, by page
	for i, w := range words {
		if !codeWord.MatchString(w.text) {
			continue
		}
		// The name is the nearest word to the right on the same line.
		name := -1
		for j := i + 1; j < len(words) && words[j].page == w.page; j++ {
			v := words[j]
			if math.Abs(v.yMin-w.yMin) < 1 && v.xMin > w.xMax && (name < 0 || v.xMin < words[name].xMin) {
				name = j
			}
		}
		if name < 0 {
			continue
		}
		n := words[name]
		lines = append(lines, line{w.page, depthOf(w.text), n.xMin})
		if rs := []rune(n.text); len(rs) >= 4 && allHan(rs) {
			charW[w.page] = append(charW[w.page], (n.xMax-n.xMin)/float64(len(rs)))
		}
	}
	if len(lines) < 60 || len(charW) == 0 {
		t.Fatalf("%d code lines and %d names measured: the test does not see the tables", len(lines), len(charW))
	}
	left := map[int]float64{} // the 类 names' x on each page
	for _, l := range lines {
		if l.depth == 0 && (left[l.page] == 0 || l.x < left[l.page]) {
			left[l.page] = l.x
		}
	}
	depths := map[int]int{}
	for _, l := range lines {
		base, ok := left[l.page]
		if !ok || len(charW[l.page]) == 0 {
			continue // a page continuing a table under no 类 of its own
		}
		depths[l.depth]++
		// One character per level, of the page's table (tables are set in
		// different sizes), within 15%.
		got := (l.x - base) / median(charW[l.page])
		if math.Abs(got-float64(l.depth)) > 0.15*float64(max(l.depth, 1)) {
			t.Errorf("page %d: a level-%d name starts %.2f characters right of its 类, want %d", l.page, l.depth, got, l.depth)
		}
	}
	if depths[0] == 0 || depths[1] == 0 || depths[2] == 0 {
		t.Errorf("lines by depth %v: the example should have 类, 款 and 项", depths)
	}
}

func allHan(rs []rune) bool {
	for _, r := range rs {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s[len(s)/2]
}

// In the XLSX the names are the names alone, indented by the cell's
// alignment: one level more for each level of the tree (the first keeps
// text clear of the border), so that sorting or looking up a name finds it.
func TestCodeTreeIndentedInXLSX(t *testing.T) {
	f, err := excelize.OpenFile(exampleFile(t, report.XLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[int]int{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			if len(row) < 2 || !codeWord.MatchString(row[0]) {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(2, r+1)
			if strings.TrimLeft(row[1], " 　") != row[1] || row[1] == "" {
				t.Errorf("%s!%s: name %q", sheet, ref, row[1])
			}
			id, err := f.GetCellStyle(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			depth := depthOf(row[0])
			if st.Alignment == nil || st.Alignment.Indent != 1+depth {
				t.Errorf("%s!%s (%s %s): indent %+v, want %d", sheet, ref, row[0], row[1], st.Alignment, 1+depth)
			}
			seen[depth]++
		}
	}
	if seen[0] == 0 || seen[1] == 0 || seen[2] == 0 {
		t.Errorf("names by depth %v: the example should have 类, 款 and 项", seen)
	}
}
