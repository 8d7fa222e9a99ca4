package pdf

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"budgetdoc/internal/synth"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// tableSeries is one table of each size from 1 to 80 body lines, each an
// attachment of one document; key picks out the word that names a body
// line, its first group unique in the table.
type tableSeries struct {
	name  string
	doc   *layout.Document
	keys  [][]string // each table's body lines, in order
	key   *regexp.Regexp
	total string
}

// projectSeries is the project table of 1 to 80 rows: its 明细项目名称
// end in the row's number (办公经费0012, on the cell's last line), 合计 last.
func projectSeries() tableSeries {
	s := tableSeries{name: "project table", doc: &layout.Document{}, key: regexp.MustCompile(`^\p{Han}[^\d,]*(\d{4})$`), total: "合计"}
	for n := 1; n <= 80; n++ {
		b := synth.Budget(synth.Options{Seed: int64(n), Rows: n})
		tb := compose.Projects(b, profile.MustBuiltin("seed"))
		var keys []string
		for _, r := range b.Rows {
			keys = append(keys, r.Detail[len(r.Detail)-4:])
		}
		s.keys = append(s.keys, keys)
		s.doc.Add(&layout.AttachmentHeading{Label: fmt.Sprintf("附件%d", n), Title: tb.Title, Orientation: tb.Orientation}, tb)
	}
	return s
}

// functionSeries is the standard set's 部门支出总表 over 1 to 78 function
// codes of one 类 and 款 (so 4 to 81 lines, 合计 first), each after a
// paragraph of a different length, so that the tables start at every
// height of a page.
func functionSeries() tableSeries {
	s := tableSeries{name: "function table", doc: &layout.Document{}, key: regexp.MustCompile(`^(201(03(\d\d)?)?)$`), total: "合计"}
	for n := 1; n <= 78; n++ {
		b := synth.Budget(synth.Options{Seed: int64(n), Rows: n, Standard: true})
		keys := []string{"201", "20103"}
		for i := range b.Rows {
			r := &b.Rows[i]
			r.FunctionCode = fmt.Sprintf("20103%02d", i+1)
			r.FunctionName = fmt.Sprintf("一般公共服务支出-政府办公厅（室）及相关机构事务-事务%d", i+1)
			r.Fund = ""
			r.Amount = decimal.NewNullDecimal(decimal.NewFromInt(int64(1000 * (i + 1))))
			keys = append(keys, r.FunctionCode)
		}
		tb := compose.StandardTable(b, budget.ExpenditureTable)
		s.keys = append(s.keys, keys)
		s.doc.Add(&layout.AttachmentHeading{Label: fmt.Sprintf("附件%d", n), Title: tb.Title, Orientation: tb.Orientation},
			&layout.Paragraph{Text: layout.Plain(strings.Repeat("说明文字，", 6*(n%20))), Style: layout.Style{Font: layout.FontBody, Indent: 2}},
			tb)
	}
	return s
}

// A table over pages keeps company, read back from the PDF: its last page
// holds at least two body lines besides 合计, its first page (wherever on
// the page the table starts) at least two, 合计 has a body line beside it,
// every line is printed once and in order, and each continuation page
// opens with 续表.
func TestTablePagesKeepCompany(t *testing.T) {
	for _, s := range []tableSeries{projectSeries(), functionSeries()} {
		var ws []word
		all := words(t, renderFile(t, s.doc))
		for i := 0; i < len(all); i++ {
			if all[i].text == "—" && i+2 < len(all) && all[i+2].text == "—" {
				i += 2 // a page number, — 3 —
				continue
			}
			ws = append(ws, all[i])
		}
		sort.SliceStable(ws, func(i, j int) bool {
			if ws[i].page != ws[j].page {
				return ws[i].page < ws[j].page
			}
			return ws[i].yMin < ws[j].yMin-1 || ws[i].yMin <= ws[j].yMin+1 && ws[i].xMin < ws[j].xMin
		})
		type tablePage struct {
			keys  []string
			total bool
		}
		pages := make([][]*tablePage, len(s.keys)) // each table's pages
		started := func(pgs []*tablePage) bool {
			for _, pg := range pgs {
				if len(pg.keys) > 0 || pg.total {
					return true
				}
			}
			return false
		}
		table := -1
		first := true // the page's first word
		page := 0
		for _, w := range ws {
			if w.page != page {
				page, first = w.page, true
			}
			if first {
				first = false
				if w.text == "附件" {
					table++
				} else if w.text != continuedMark && started(pages[table]) {
					t.Errorf("%s %d: page %d opens with %q, want 续表", s.name, table+1, page, w.text)
				}
				pages[table] = append(pages[table], &tablePage{})
			}
			pg := pages[table][len(pages[table])-1]
			switch {
			case s.key.MatchString(w.text):
				pg.keys = append(pg.keys, s.key.FindStringSubmatch(w.text)[1])
			case w.text == s.total:
				pg.total = true
			}
		}
		over := 0
		for i, keys := range s.keys {
			var got []string
			for _, pg := range pages[i] {
				got = append(got, pg.keys...)
			}
			if strings.Join(got, " ") != strings.Join(keys, " ") {
				t.Errorf("%s %d: lines read back %q, want %q", s.name, i+1, got, keys)
				continue
			}
			pgs := pages[i]
			for len(pgs) > 0 && len(pgs[0].keys) == 0 && !pgs[0].total {
				pgs = pgs[1:] // the attachment's text before its table
			}
			for k, pg := range pgs {
				if pg.total && len(pg.keys) == 0 {
					t.Errorf("%s %d: 合计 alone on page %d of %d", s.name, i+1, k+1, len(pgs))
				}
			}
			if len(pgs) < 2 {
				continue
			}
			over++
			if n := len(pgs[len(pgs)-1].keys); n < 2 && len(keys) >= 4 {
				t.Errorf("%s %d: the last of %d pages holds %d body lines, want 2", s.name, i+1, len(pgs), n)
			}
			if n := len(pgs[0].keys); n < 2 && len(keys) >= 4 {
				t.Errorf("%s %d: the first of %d pages holds %d body lines, want 2", s.name, i+1, len(pgs), n)
			}
		}
		if over < 20 {
			t.Errorf("%s: %d tables go over pages, want most of them", s.name, over)
		}
	}
}
