package pdf

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// The running-text stress variant: a 30-character unit name, long
// punctuated paragraphs with URLs, an e-mail address and Latin words.
const stressText = "testdata/stress-text.yaml"

// disclosure is the composed disclosure of a data file, as the build
// composes it (the profile fills the document set: the nine tables in 万元).
func disclosure(t testing.TB, path string) *layout.Document {
	t.Helper()
	b, err := budget.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Fill(b)
	if err != nil {
		t.Fatal(err)
	}
	return compose.Disclosure(b, p)
}

// renderFile renders doc into a temporary PDF file.
func renderFile(t *testing.T, doc *layout.Document) string {
	t.Helper()
	data, err := Render(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// word is a word of pdftotext -bbox output.
type word struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	bboxPage = regexp.MustCompile(`<page `)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func words(t *testing.T, path string) []word {
	out := testtool.Run(t, "pdftotext", "-bbox", path, "-")
	var ws []word
	for i, chunk := range bboxPage.Split(out, -1) {
		for _, m := range bboxWord.FindAllStringSubmatch(chunk, -1) {
			w := word{page: i, text: m[5]}
			for k, f := range []*float64{&w.xMin, &w.yMin, &w.xMax, &w.yMax} {
				*f, _ = strconv.ParseFloat(m[k+1], 64)
			}
			ws = append(ws, w)
		}
	}
	return ws
}

var amount = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)

// No number is letter-spaced: every occurrence of an amount in running
// text is one word of the same width, wherever its line is justified.
func TestNumbersNotLetterSpaced(t *testing.T) {
	for _, data := range []string{"../../data/sanmenxia-2021.yaml", stressText} {
		doc := disclosure(t, data)
		// The explanatory document only: the tables set amounts in cells.
		for i, b := range doc.Blocks {
			if _, ok := b.(*layout.AttachmentHeading); ok {
				doc.Blocks = doc.Blocks[:i]
				break
			}
		}
		widths := make(map[string][]float64)
		for _, w := range words(t, renderFile(t, doc)) {
			if amount.MatchString(w.text) {
				widths[w.text] = append(widths[w.text], w.xMax-w.xMin)
			}
		}
		if n := len(widths["13,567,000"]); n < 4 {
			t.Errorf("%s: 13,567,000 found %d times as a word, want at least 4", data, n)
		}
		for text, ws := range widths {
			for _, w := range ws[1:] {
				if math.Abs(w-ws[0]) > 0.01 {
					t.Errorf("%s: %s is %.2f pt wide in one place, %.2f in another", data, text, ws[0], w)
				}
			}
		}
	}
}

// pdftotext reads every number, Latin word and address of the text whole:
// no space inside a word, and a URL broken over lines loses nothing.
func TestWordsWholeInExtractedText(t *testing.T) {
	doc := disclosure(t, stressText)
	text := testtool.Run(t, "pdftotext", renderFile(t, doc), "-")
	text = regexp.MustCompile(`(?m)^—\d+—$`).ReplaceAllString(text, "") // page numbers
	for _, want := range []string{"Microsoft Excel 或 WPS", " PDF ", "13,567,000", "411200", "budget-2021-v2"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	// An address may break over lines after its separators, and only there.
	flat := squeeze(text)
	for _, want := range []string{
		"https://www.smxzwfw.gov.cn/portal/service/index.html?area=411200&type=2&page=1",
		"http://www.hnzwfw.gov.cn/", "zwfwzx.service@smx-kfq.gov.cn",
		"https://www.smxzwfw.gov.cn/download/templates/budget-2021-v2.xlsx",
		"（三办文【2020】17号）",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if m := regexp.MustCompile(`[!-~]+$`).FindString(line); strings.Contains(m, "://") && !strings.ContainsAny(m[len(m)-1:], "/.-?&") {
			t.Errorf("a line breaks an address after %q, not after a separator: %q", m[len(m)-1:], line)
		}
	}
	// The typesetter's gap: typed (2021 年) or not (2021年), the same.
	for _, want := range []string{"2021 年全年预算 13,567,000 元", "2020 年同期为 13,567,000 元"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the text lacks %q with the typesetter's gaps", want)
		}
	}
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// The signature (GB/T 9704 7.3.5.2): the name ends two characters from the
// right edge, the date starts two characters right of the name's start; a
// 30-character name is wrapped inside the type area.
func TestSignaturePlacement(t *testing.T) {
	f := frameFor(layout.Portrait)
	right := f.left + f.width - 2*charPitch
	for _, c := range []struct {
		data  string
		lines int
	}{{"../../data/sanmenxia-2021.yaml", 1}, {stressText, 2}} {
		doc := disclosure(t, c.data)
		var sig *layout.Signature
		for i, b := range doc.Blocks {
			if s, ok := b.(*layout.Signature); ok {
				sig, doc.Blocks = s, doc.Blocks[:i+1]
			}
		}
		ws := words(t, renderFile(t, doc))
		// The last lines of the document: the name's lines and the date.
		var lines [][]word
		for _, w := range ws {
			if n := len(lines); n > 0 && math.Abs(lines[n-1][0].yMin-w.yMin) < 1 && lines[n-1][0].page == w.page {
				lines[n-1] = append(lines[n-1], w)
			} else {
				lines = append(lines, []word{w})
			}
		}
		lines = lines[:len(lines)-1] // the page number
		date, names := lines[len(lines)-1], lines[len(lines)-1-c.lines:len(lines)-1]
		var name strings.Builder
		nameLeft, nameRight := math.Inf(1), 0.0
		for _, l := range names {
			for _, w := range l {
				name.WriteString(w.text)
			}
			nameLeft, nameRight = math.Min(nameLeft, l[0].xMin), math.Max(nameRight, l[len(l)-1].xMax)
		}
		if name.String() != sig.Name.S {
			t.Fatalf("%s: the signature's %d lines read %q, want %q", c.data, c.lines, name.String(), sig.Name.S)
		}
		if math.Abs(nameRight-right) > 0.5 || nameLeft < f.left {
			t.Errorf("%s: the name spans %.1f–%.1f; it should end at %.1f, inside the type area from %.1f", c.data, nameLeft, nameRight, right, f.left)
		}
		if got := date[0].xMin; math.Abs(got-(nameLeft+2*charPitch)) > 0.5 {
			t.Errorf("%s: the date starts at %.1f, want two characters right of the name, %.1f", c.data, got, nameLeft+2*charPitch)
		}
	}
}

// Titles, headings and TOC entries break at the seams of their text and
// evenly: after the unit's name, before a bracket, never inside a word.
func TestBalancedTitles(t *testing.T) {
	text := testtool.Run(t, "pdftotext", "-l", "1", renderFile(t, disclosure(t, stressText)), "-")
	for _, want := range []string{
		"三门峡经济开发区管理委员会\n政务服务部行政审批项目落地服务中心\n2021 年部门预算情况说明\n",
		"2021 年度项目绩效目标申报表\n（“云端经开”建设费）",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("page 1 lacks the lines\n%s\nit reads:\n%s", want, text)
		}
	}
}

// maxJustifiedGap bounds the space between two words on a justified line
// of running text (pdftotext -bbox): a Chinese–Latin or punctuation gap
// stretches to about 0.8 em (0.85 em read back after a Latin word) before
// a loose line's Chinese characters are spread further apart. Text
// extraction splits a line into blocks at a gap of an em.
var maxJustifiedGap = 0.9 * bodySize

// No gap on a justified line of running text is wider than
// maxJustifiedGap, and text extraction reads a space between two Chinese
// characters only on a line whose other gaps are stretched to their most
// (the stress text's line that a 9-letter Microsoft could not join).
func TestJustifiedGaps(t *testing.T) {
	han := regexp.MustCompile(`^\p{Han}`)
	right := mm(28) + typeWidth
	for _, data := range []string{"../../data/sanmenxia-2021.yaml", stressText} {
		doc := disclosure(t, data)
		var blocks []layout.Block
		for _, b := range doc.Blocks {
			if _, ok := b.(*layout.AttachmentHeading); ok {
				break
			}
			if _, ok := b.(*layout.TOC); !ok {
				blocks = append(blocks, b)
			}
		}
		doc.Blocks = blocks
		type key struct {
			page int
			y    int
		}
		lines := make(map[key][]word)
		var order []key
		for _, w := range words(t, renderFile(t, doc)) {
			// Body-size words only: titles and the page number are set larger or smaller.
			if h := w.yMax - w.yMin; h < 0.9*bodySize || h > 1.1*bodySize {
				continue
			}
			k := key{w.page, int(math.Round(w.yMax))}
			if lines[k] == nil {
				order = append(order, k)
			}
			lines[k] = append(lines[k], w)
		}
		widest, checked, spaced := 0.0, 0, 0
		for _, k := range order {
			ws := lines[k]
			if math.Abs(ws[len(ws)-1].xMax-right) > 2 {
				continue // not a full line: a paragraph's last, a title, the signature
			}
			checked++
			lineWidest, hanBreak := 0.0, ""
			for j := 1; j < len(ws); j++ {
				gap := ws[j].xMin - ws[j-1].xMax
				lineWidest = max(lineWidest, gap)
				if gap > maxJustifiedGap {
					t.Errorf("%s page %d: %.1f pt between %q and %q, over %.1f", data, k.page, gap, ws[j-1].text, ws[j].text, maxJustifiedGap)
				}
				prev := []rune(ws[j-1].text)
				if han.MatchString(string(prev[len(prev)-1])) && han.MatchString(ws[j].text) {
					hanBreak = ws[j-1].text + "|" + ws[j].text
				}
			}
			widest = max(widest, lineWidest)
			if hanBreak != "" {
				spaced++
				if lineWidest < 0.78*bodySize {
					t.Errorf("%s page %d: text extraction reads a space in %q on a line whose widest gap is %.1f pt", data, k.page, hanBreak, lineWidest)
				}
			}
		}
		if checked < 10 {
			t.Errorf("%s: %d justified lines found, want at least 10", data, checked)
		}
		t.Logf("%s: %d justified lines, widest gap %.2f pt, %d read with spaces between Chinese characters", data, checked, widest, spaced)
	}
}

// longUnitName is a 26-character unit name, its words separated by |.
const longUnitName = "青川区|文化广电和旅游局|直属|文物保护|和|公共文化服务中心"

// With a long unit name no title, heading, TOC entry or attachment title
// (text set at 16 pt or larger, not a justified line of running text)
// ends inside a word of the name, and a multi-line title or heading is
// even: no line shorter than half the longest (pdftotext -bbox).
func TestLongUnitNameBreaks(t *testing.T) {
	name := strings.ReplaceAll(longUnitName, "|", "")
	bounds := map[int]bool{}
	n := 0
	for _, w := range strings.Split(longUnitName, "|") {
		n += len([]rune(w))
		bounds[n] = true
	}
	right := mm(28) + typeWidth
	for _, data := range []string{"../../data/sanmenxia-2021.yaml", "../../data/examples/qingchuan-culture-2024.yaml"} {
		b, err := budget.Load(data)
		if err != nil {
			t.Fatal(err)
		}
		b.Unit.Name = name
		p, err := profile.For(b)
		if err != nil {
			t.Fatal(err)
		}
		type line struct {
			page       int
			size, xMax float64
			text       string
		}
		var lines []line
		for _, w := range words(t, renderFile(t, compose.Disclosure(b, p))) {
			size := w.yMax - w.yMin
			if size < 0.95*bodySize {
				continue // table cells, page numbers
			}
			if k := len(lines) - 1; k >= 0 && lines[k].page == w.page && math.Abs(lines[k].size-size) < 0.1 && w.xMin > lines[k].xMax-1 {
				lines[k].text += w.text
				lines[k].xMax = w.xMax
				continue
			}
			lines = append(lines, line{w.page, size, w.xMax, w.text})
		}
		breaks, titles := 0, 0
		for i := 0; i+1 < len(lines); i++ {
			l, next := lines[i], lines[i+1]
			if l.page != next.page || l.size == bodySize && math.Abs(l.xMax-right) < 1 {
				continue // a justified line of running text breaks where it fills
			}
			for k := 2; k < len([]rune(name)); k++ {
				head, tail := string([]rune(name)[:k]), string([]rune(name)[k:])
				if strings.HasSuffix(l.text, head) && strings.HasPrefix(tail, firstRunes(next.text, 2)) {
					breaks++
					if !bounds[k] {
						t.Errorf("%s page %d: %q / %q splits a word of the unit's name", data, l.page, l.text, next.text)
					}
				}
			}
			// A centred title: its lines, from the one with the name on.
			if l.size > bodySize+0.5 && strings.HasPrefix(name, firstRunes(l.text, 3)) {
				titles++
				group := []string{l.text}
				for j := i + 1; j < len(lines) && lines[j].page == l.page && math.Abs(lines[j].size-l.size) < 0.1 && !strings.HasPrefix(lines[j].text, "单位"); j++ {
					group = append(group, lines[j].text)
				}
				shortest, longest := 1000, 0
				for _, g := range group {
					shortest, longest = min(shortest, len([]rune(g))), max(longest, len([]rune(g)))
				}
				if shortest*2 < longest {
					t.Errorf("%s page %d: the title %q is uneven", data, l.page, group)
				}
			}
		}
		if breaks == 0 || titles == 0 {
			t.Errorf("%s: the check found %d lines breaking the name and %d titles: the reading is broken", data, breaks, titles)
		}
		t.Logf("%s: %d lines break the name, %d titles", data, breaks, titles)
	}
}

func firstRunes(s string, n int) string {
	rs := []rune(s)
	return string(rs[:min(n, len(rs))])
}

// The close of the explanation stays together: the attachment list's last
// two items are on the signature's page, with every line of theirs, however
// the list falls over the page (the 2024 example, whose item 11 stood alone
// with the signature at the head of page 12; with a long unit name, which
// wraps more items; with fewer and more attachments). pdftotext -layout.
func TestAttachmentListKeptWithSignature(t *testing.T) {
	label := regexp.MustCompile(`(?m)^\s*(?:附件：)?(\d+)\. `)
	splits := map[int]bool{} // where the list broke over a page: the first item on the signature's page
	for _, c := range []struct {
		name  string
		alter func(b *budget.Budget)
	}{
		{"the example", func(*budget.Budget) {}},
		{"a long unit name", func(b *budget.Budget) { b.Unit.Name = strings.ReplaceAll(longUnitName, "|", "") }},
		{"one form", func(b *budget.Budget) { b.Forms = b.Forms[:1] }},
		{"the project table", func(b *budget.Budget) { b.Documents.ProjectTable = true }},
		{"four forms", func(b *budget.Budget) {
			for _, f := range b.Forms[:2] {
				f.Name += "（二期）"
				b.Forms = append(b.Forms, f)
			}
		}},
		{"four forms, a long unit name", func(b *budget.Budget) {
			b.Unit.Name = strings.ReplaceAll(longUnitName, "|", "")
			for _, f := range b.Forms[:2] {
				f.Name += "（二期）"
				b.Forms = append(b.Forms, f)
			}
		}},
	} {
		b, err := budget.Load("../../data/examples/qingchuan-culture-2024.yaml")
		if err != nil {
			t.Fatal(err)
		}
		p, err := profile.Fill(b) // as the build does: in 万元
		if err != nil {
			t.Fatal(err)
		}
		c.alter(b)
		doc := compose.Disclosure(b, p)
		var sig *layout.Signature
		items := 0
		for i, blk := range doc.Blocks {
			if para, ok := blk.(*layout.Paragraph); ok && para.Style.HangAfter != "" {
				items++
			}
			if s, ok := blk.(*layout.Signature); ok {
				sig, doc.Blocks = s, doc.Blocks[:i+1] // the explanation is enough
				break
			}
		}
		if sig == nil || items < 3 {
			t.Fatalf("%s: no signature after a list of at least three items (%d)", c.name, items)
		}
		// The signature's page: the first with the date from the list's on.
		last := ""
		listed := false
		for _, pg := range strings.Split(testtool.Run(t, "pdftotext", "-layout", renderFile(t, doc), "-"), "\f") {
			listed = listed || strings.Contains(pg, "附件：1. ")
			if listed && strings.Contains(squeeze(pg), squeeze(sig.Date.S)) {
				last = pg
				break
			}
		}
		if last == "" {
			t.Fatalf("%s: no page after the list's start holds the date %q", c.name, sig.Date.S)
		}
		var onPage []int
		for _, m := range label.FindAllStringSubmatch(last, -1) {
			n, _ := strconv.Atoi(m[1])
			onPage = append(onPage, n)
		}
		if len(onPage) < 2 || onPage[len(onPage)-1] != items || onPage[len(onPage)-2] != items-1 {
			t.Errorf("%s: the signature's page holds items %v of the %d-item list, want at least %d and %d:\n%s", c.name, onPage, items, items-1, items, last)
			continue
		}
		if onPage[0] != 1 {
			splits[onPage[0]] = true
		}
		t.Logf("%s: items %d–%d of %d on the signature's page", c.name, onPage[0], items, items)
	}
	if len(splits) < 2 {
		t.Errorf("the list broke over a page at %d different places, want at least 2: the cases do not test the rule", len(splits))
	}
}
