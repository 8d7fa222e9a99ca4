package report_test

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"budgetdoc/internal/synth"
	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// bboxWord is a word of pdftotext -bbox with its page (from 1) and box.
type bboxWordBox struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

// bboxPageSize is a page's width and height in points.
type bboxPageSize struct{ w, h float64 }

var (
	bboxPageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	bboxWordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bboxWords reads every word of the PDF with its box, and the pages' sizes.
func bboxWords(t *testing.T, path string) ([]bboxWordBox, []bboxPageSize) {
	out := testtool.Run(t, "pdftotext", "-bbox", path, "-")
	var words []bboxWordBox
	var pages []bboxPageSize
	for _, chunk := range strings.Split(out, "<page ")[1:] {
		m := bboxPageRe.FindStringSubmatch("<page " + chunk)
		w, _ := strconv.ParseFloat(m[1], 64)
		h, _ := strconv.ParseFloat(m[2], 64)
		pages = append(pages, bboxPageSize{w, h})
		for _, m := range bboxWordRe.FindAllStringSubmatch(chunk, -1) {
			wb := bboxWordBox{page: len(pages), text: m[5]}
			wb.xMin, _ = strconv.ParseFloat(m[1], 64)
			wb.yMin, _ = strconv.ParseFloat(m[2], 64)
			wb.xMax, _ = strconv.ParseFloat(m[3], 64)
			wb.yMax, _ = strconv.ParseFloat(m[4], 64)
			words = append(words, wb)
		}
	}
	return words, pages
}

// pageNumberBox finds — N — on page n and returns the box of all of it.
func pageNumberBox(words []bboxWordBox, n int) (bboxWordBox, bool) {
	for i := 1; i+1 < len(words); i++ {
		w := words[i]
		if w.page == n && w.text == strconv.Itoa(n) && words[i-1].text == "—" && words[i+1].text == "—" {
			a, b := words[i-1], words[i+1]
			return bboxWordBox{page: n, xMin: min(a.xMin, b.xMin), yMin: min(a.yMin, b.yMin), xMax: max(a.xMax, b.xMax), yMax: max(a.yMax, b.yMax)}, true
		}
	}
	return bboxWordBox{}, false
}

// A landscape page is bound turned a quarter with its head toward the
// binding: its page number, turned with it, is where a portrait page of the
// same parity has its number once the sheet is turned back.
func TestLandscapePageNumbers(t *testing.T) {
	b := synth.Budget(synth.Options{Seed: 3, Rows: 60, Forms: 1})
	words, pages := bboxWords(t, buildBudget(t, b))
	var portrait [2]*bboxWordBox
	landscape := 0
	for n := 1; n <= len(pages); n++ {
		box, ok := pageNumberBox(words, n)
		if !ok {
			t.Fatalf("page %d has no page number — %d —", n, n)
		}
		if pages[n-1].w < pages[n-1].h && portrait[n%2] == nil {
			portrait[n%2] = &box
		}
	}
	for n := 1; n <= len(pages); n++ {
		pg := pages[n-1]
		if pg.w < pg.h {
			continue
		}
		landscape++
		p := portrait[n%2]
		if p == nil {
			t.Fatalf("no portrait page of the parity of page %d", n)
		}
		box, _ := pageNumberBox(words, n)
		// Turning the landscape page back a quarter clockwise: its x is
		// the portrait page's distance from the foot, its y the portrait x.
		h := pages[p.page-1].h
		want := bboxWordBox{xMin: h - p.yMax, yMin: p.xMin, xMax: h - p.yMin, yMax: p.xMax}
		// Odd pages' numbers end where the portrait ones end, even pages'
		// start where theirs start; numbers differ in length.
		along := math.Abs(box.yMin - want.yMin)
		if n%2 == 1 {
			along = math.Abs(box.yMax - want.yMax)
		}
		if math.Abs(box.xMin-want.xMin) > 1 || math.Abs(box.xMax-want.xMax) > 1 || along > 1 {
			t.Errorf("page %d (landscape): number at x %.1f–%.1f y %.1f–%.1f, want x %.1f–%.1f y %.1f–%.1f", n,
				box.xMin, box.xMax, box.yMin, box.yMax, want.xMin, want.xMax, want.yMin, want.yMax)
		}
	}
	if landscape < 2 {
		t.Fatalf("%d landscape pages, want a table over two or more", landscape)
	}
}

// Every outline entry points into its page, landscape pages too.
func TestOutlineDestinationsInsidePages(t *testing.T) {
	path := buildSample(t)
	_, pages := bboxWords(t, path)
	out := testtool.Run(t, "qpdf", "--json", "--json-key=outlines", path)
	type outline struct {
		Title string
		Dest  []any
		Page  int `json:"destpageposfrom1"`
		Kids  []outline
	}
	var doc struct{ Outlines []outline }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var check func([]outline)
	n := 0
	check = func(os []outline) {
		for _, o := range os {
			n++
			y, ok := o.Dest[3].(float64)
			if !ok || o.Page < 1 || o.Page > len(pages) {
				t.Errorf("outline %q: destination %v", o.Title, o.Dest)
				continue
			}
			if h := pages[o.Page-1].h; y <= 0 || y > h {
				t.Errorf("outline %q points at y = %.1f on page %d, which is %.1f pt high", o.Title, y, o.Page, h)
			}
			check(o.Kids)
		}
	}
	check(doc.Outlines)
	if n < 8 {
		t.Errorf("%d outline entries, want the parts and the five attachments", n)
	}
}

// The tables read back from the PDF: the sample's project table is one
// landscape page and each form one page; the stress variant's 40-row table
// and 30-indicator form go over pages that open with 续表; 3000万元 is one
// word wherever it is printed; the amounts of the project table end on one
// right edge down every page.
func TestTablesReadBack(t *testing.T) {
	for _, tc := range []struct {
		data  string
		pages []int // pages of each attachment; nil: the first two go over
	}{
		{samplePath, []int{1, 1, 1, 1, 1}},
		{"pdf/testdata/stress-tables.yaml", nil},
	} {
		path, err := buildFile(tc.data, t.TempDir(), report.PDF)
		if err != nil {
			t.Fatal(err)
		}
		words, pages := bboxWords(t, path)
		first := make(map[int][]bboxWordBox) // each page's words, without its page number
		for _, w := range words {
			if box, ok := pageNumberBox(words, w.page); ok && w.xMin >= box.xMin-0.1 && w.xMax <= box.xMax+0.1 && w.yMin >= box.yMin-0.1 && w.yMax <= box.yMax+0.1 {
				continue
			}
			first[w.page] = append(first[w.page], w)
		}
		var starts []int // the page each attachment starts on
		for n := 1; n <= len(pages); n++ {
			if ws := first[n]; len(ws) > 0 && strings.HasPrefix(ws[0].text, "附件") && !strings.HasPrefix(ws[0].text, "附件：") {
				starts = append(starts, n)
			}
		}
		var got []int
		for i, s := range starts {
			end := len(pages) + 1
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			got = append(got, end-s)
			for n := s + 1; n < end; n++ {
				if ws := first[n]; len(ws) == 0 || ws[0].text != "续表" {
					t.Errorf("%s: page %d continues attachment %d without 续表", tc.data, n, i+1)
				}
			}
		}
		if len(starts) == 0 || pages[starts[0]-1].w < pages[starts[0]-1].h {
			t.Fatalf("%s: attachments start on pages %v; the first is not landscape", tc.data, starts)
		}
		if tc.pages != nil && fmt.Sprint(got) != fmt.Sprint(tc.pages) {
			t.Errorf("%s: attachments over %v pages, want %v", tc.data, got, tc.pages)
		}
		if tc.pages == nil && (len(got) < 2 || got[0] < 2 || got[1] < 2) {
			t.Errorf("%s: attachments over %v pages, want the first two over several", tc.data, got)
		}
		whole := 0
		for _, w := range words {
			if strings.Contains(w.text, "3000") {
				if !strings.Contains(w.text, "3000万元") {
					t.Errorf("%s page %d: %q, 3000万元 broken", tc.data, w.page, w.text)
				}
				whole++
			}
		}
		if whole < 2 {
			t.Errorf("%s: 3000万元 printed %d times, want the forms' figures", tc.data, whole)
		}
		amount := regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
		end, total := starts[0]+got[0], 0
		for n := starts[0]; n < end; n++ {
			right, count := 0.0, 0
			for _, w := range first[n] {
				if !amount.MatchString(w.text) {
					continue
				}
				if count > 0 && math.Abs(w.xMax-right) > 0.3 {
					t.Errorf("%s page %d: %s ends at %.2f, the amounts above it at %.2f", tc.data, n, w.text, w.xMax, right)
				}
				right = w.xMax
				count++
			}
			total += count
		}
		if total < 8 {
			t.Errorf("%s: %d amounts of the project table read back, want its amounts", tc.data, total)
		}
	}
}

// A wrapped cell line that starts with an opening bracket sets the
// bracket's blank half outside the text's edge, as running text does: the
// ink of （街道） lines up under 覆盖乡镇 (the standard example's forms), half
// an em left of the other line's box.
func TestCellLineStartingWithBracketHangs(t *testing.T) {
	words, _ := bboxWords(t, exampleFile(t, report.PDF))
	n := 0
	for i := 1; i < len(words); i++ {
		above, w := words[i-1], words[i]
		if w.text != "（街道）" || above.text != "覆盖乡镇" || above.page != w.page {
			continue
		}
		n++
		em := (above.xMax - above.xMin) / 4
		if d := above.xMin - w.xMin; math.Abs(d-em/2) > 0.1 {
			t.Errorf("page %d: （街道） starts %.2f pt left of 覆盖乡镇 above it, want half an em (%.2f pt)", w.page, d, em/2)
		}
	}
	if n == 0 {
		t.Fatal("no cell line （街道） under 覆盖乡镇 in the example's forms")
	}
}
