package pdf

import (
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"budgetdoc/fonts"
	"budgetdoc/report/layout"
)

func planOf(t testing.TB, doc *layout.Document) *plan {
	t.Helper()
	pl, err := layoutPages(doc, newMeasurer(fonts.Default()))
	if err != nil {
		t.Fatal(err)
	}
	return pl
}

// randomDoc is headings and paragraphs of random lengths, so that page
// breaks fall at every kind of place.
func randomDoc(seed int64) *layout.Document {
	rng := rand.New(rand.NewSource(seed))
	doc := &layout.Document{}
	for i := 0; i < 60; i++ {
		if rng.Intn(4) == 0 {
			doc.Add(&layout.Heading{Level: 1 + rng.Intn(2), Text: layout.Plain("一、标题" + strings.Repeat("节", rng.Intn(5)))})
		}
		n := 1 + rng.Intn(120)
		doc.Add(&layout.Paragraph{Text: layout.Plain(strings.Repeat("预算公开，", n/5) + strings.Repeat("字", n%5) + "。"),
			Style: layout.Style{Font: layout.FontBody, Indent: 2}})
	}
	return doc
}

// Pagination keeps every text, leaves no paragraph with a single line at a
// page's foot or head, and never ends a page with a heading.
func TestPaginationRules(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		doc := randomDoc(seed)
		pl := planOf(t, doc)
		texts := make(map[int]string)
		pagesOf := make(map[int]map[int]int) // block → page → lines on it
		lastLine := make(map[int]string)     // block → its last line
		for pi, pg := range pl.pages {
			seen := make(map[[2]int]bool)
			for _, r := range pg.runs {
				texts[r.block] += r.text
				if pagesOf[r.block] == nil {
					pagesOf[r.block] = make(map[int]int)
				}
				key := [2]int{r.block, r.line}
				if !seen[key] {
					pagesOf[r.block][pi]++
					lastLine[r.block] = ""
				}
				seen[key] = true
				lastLine[r.block] += r.text
			}
			if n := len(pg.runs); n > 0 && pi < len(pl.pages)-1 {
				if _, ok := doc.Blocks[pg.runs[n-1].block].(*layout.Heading); ok {
					t.Errorf("seed %d: page %d ends with heading %q", seed, pi+1, pg.runs[n-1].text)
				}
			}
		}
		for i, b := range doc.Blocks {
			var want string
			switch b := b.(type) {
			case *layout.Paragraph:
				want = b.Text.S
			case *layout.Heading:
				want = b.Text.S
			}
			if texts[i] != want {
				t.Fatalf("seed %d block %d: planned %q, want %q", seed, i, texts[i], want)
			}
			total := 0
			for _, n := range pagesOf[i] {
				total += n
			}
			if last := strings.TrimRight(lastLine[i], "，。、；："); total > 1 && len([]rune(last)) < 2 {
				t.Errorf("seed %d: block %d ends with a line of one character: %q", seed, i, lastLine[i])
			}
			for pi, n := range pagesOf[i] {
				if n == 1 && total > 1 {
					t.Errorf("seed %d: block %d leaves one of its %d lines alone on page %d", seed, i, total, pi+1)
				}
			}
		}
	}
}

func TestTOCTargets(t *testing.T) {
	doc := randomDoc(3)
	var headings []*layout.Heading
	for _, b := range doc.Blocks {
		if h, ok := b.(*layout.Heading); ok {
			h.TOC = true
			headings = append(headings, h)
		}
	}
	doc.Blocks = append([]layout.Block{&layout.TOC{}, &layout.PageBreak{}}, doc.Blocks...)
	pl := planOf(t, doc)
	if len(pl.toc) != len(headings) {
		t.Fatalf("%d TOC entries, want %d", len(pl.toc), len(headings))
	}
	for _, e := range pl.toc {
		found := -1
		for pi, pg := range pl.pages {
			for _, r := range pg.runs {
				if d, ok := doc.Blocks[r.block].(*layout.Heading); ok && d == e.block && found < 0 {
					found = pi
				}
			}
		}
		if found != e.target {
			t.Errorf("TOC entry %q points at page %d, heading is on page %d", e.block.(*layout.Heading).Text.S, e.target+1, found+1)
		}
	}
}

// A row taller than a page continues on the next pages, losing no line,
// each page opening with 续表 and the repeated header, and a （续） over the
// rest of the long cell.
func TestTallRowSplits(t *testing.T) {
	long := strings.Repeat("做好政务服务中心日常运营，确保设备正常运行。", 150)
	table := &layout.Table{
		Name: "长", Columns: []layout.Column{{Width: 4}, {Width: 20}}, HeaderRows: 1,
		Rows: []layout.Row{
			{Cells: []layout.Cell{layout.HeaderCell("项目", 1, 1), layout.HeaderCell("目标", 1, 1)}},
			{Cells: []layout.Cell{layout.TextCell(layout.Plain("甲"), layout.Left), layout.TextCell(layout.Plain("短"), layout.Left)}},
			{Cells: []layout.Cell{layout.TextCell(layout.Plain("乙"), layout.Left), layout.TextCell(layout.Plain(long), layout.Left)}},
			{Cells: []layout.Cell{layout.TextCell(layout.Plain("丙"), layout.Left), layout.TextCell(layout.Plain("尾"), layout.Left)}},
		},
	}
	pl := planOf(t, &layout.Document{Blocks: []layout.Block{table}})
	if len(pl.pages) < 3 {
		t.Fatalf("%d pages, want the long row over at least 3", len(pl.pages))
	}
	var text strings.Builder
	for i, pg := range pl.pages {
		if len(pg.tables) != 1 || pg.tables[0].rows[0] != 0 {
			t.Errorf("page %d does not start with the header row: %v", i+1, pg.tables)
		}
		marks := 0
		for k, r := range pg.runs {
			if (r.text == continuedMark) != (i > 0 && k == 0) {
				t.Errorf("page %d: run %d is %q; 续表 opens every continuation page, and only those", i+1, k, r.text)
			}
			switch r.text {
			case "项目", "目标", continuedMark:
			case continued:
				marks++
			default:
				text.WriteString(r.text)
			}
		}
		// The long row starts on page 1, under 甲; its part on every later
		// page is marked as continued.
		if want := min(i, 1); marks != want {
			t.Errorf("page %d has %d （续） marks, want %d", i+1, marks, want)
		}
	}
	if want := "甲短乙" + long + "丙尾"; text.String() != want {
		t.Errorf("the table's text changed across pages:\n got %d runes\nwant %d runes", len([]rune(text.String())), len([]rune(want)))
	}
}

// The signature does not stand alone on a page: the text's last lines go
// over with it.
func TestSignatureNeverAlone(t *testing.T) {
	for lines := 1; lines <= 80; lines++ {
		doc := &layout.Document{}
		doc.Add(&layout.Paragraph{Text: layout.Plain(strings.Repeat("字", 28*lines-2)), Style: layout.Style{Font: layout.FontBody, Indent: 2}},
			&layout.Signature{Name: layout.Plain("某单位"), Date: layout.Plain("2021年3月17日")})
		pl := planOf(t, doc)
		lastPage := pl.pages[len(pl.pages)-1]
		body := 0
		for _, r := range lastPage.runs {
			if r.block == 0 {
				body++
			}
		}
		if body == 0 {
			t.Errorf("%d lines of text: the signature stands alone on page %d", lines, len(pl.pages))
		}
		for pi, pg := range pl.pages {
			n := 0
			for _, r := range pg.runs {
				if r.block == 0 {
					n++
				}
			}
			if n == 1 && lines > 1 {
				t.Errorf("%d lines of text: page %d holds a single line of it", lines, pi+1)
			}
		}
	}
}

// A short attachment list is kept on one page, with the signature after it.
func TestAttachmentListKeptWhole(t *testing.T) {
	for lines := 10; lines <= 40; lines++ {
		doc := &layout.Document{}
		doc.Add(&layout.Paragraph{Text: layout.Plain(strings.Repeat("字", 28*lines-2)), Style: layout.Style{Font: layout.FontBody, Indent: 2}},
			&layout.Spacer{Lines: 1})
		for i, title := range []string{"项目表", "2021年度项目绩效目标申报表（“云端经开”建设费）", "申报表"} {
			lead := "　　　" + strconv.Itoa(i+1) + ". "
			if i == 0 {
				lead = "附件：1. "
			}
			doc.Add(&layout.Paragraph{Text: layout.Plain(lead + title), Style: layout.Style{Font: layout.FontBody, Indent: 2, HangAfter: lead}})
		}
		doc.Add(&layout.Signature{Name: layout.Plain("某单位"), Date: layout.Plain("2021年3月17日")})
		pl := planOf(t, doc)
		pageOf := make(map[int]int) // block → page of its first line
		for pi, pg := range pl.pages {
			for _, r := range pg.runs {
				if _, ok := pageOf[r.block]; !ok {
					pageOf[r.block] = pi
				}
			}
		}
		for b := 3; b <= 5; b++ {
			if pageOf[b] != pageOf[2] {
				t.Errorf("%d lines of text: the list's item %d is on page %d, its first on page %d", lines, b-1, pageOf[b]+1, pageOf[2]+1)
			}
		}
	}
}
