package pdf

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"budgetdoc/fonts"
	"budgetdoc/internal/synth"
	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
	"budgetdoc/report/revision"
)

// stressTables is the sample with a 40-row project table and a form of 30
// indicators a side.
const stressTables = "testdata/stress-tables.yaml"

// Figures with their units, operators and brackets are single pieces; the
// pieces of a cell are its text, in order.
func TestCellPiecesKeepFiguresWhole(t *testing.T) {
	width := func(r rune) float64 {
		if r < 0x2E80 {
			return 0.5
		}
		return 1
	}
	for _, tc := range []struct{ text, piece string }{
		{"财政投入3000万元", "3000万元"},
		{"面积≥13459.00(平方米)", "≥13459.00(平方米)"},
		{"2021年底前完成", "2021年底前"},
		{"满意度≥95%", "≥95%"},
		{"科目2010302行政运行", "2010302行政运"}, // a figure takes at most three characters after it
	} {
		cp := newCellPara([]rune(tc.text), 0, width)
		var pieces []string
		for i := 0; i+1 < len(cp.starts); i++ {
			pieces = append(pieces, string(cp.rs[cp.starts[i]:cp.starts[i+1]]))
		}
		if strings.Join(pieces, "") != tc.text {
			t.Errorf("%q: pieces %q lose text", tc.text, pieces)
		}
		found := false
		for _, p := range pieces {
			found = found || p == tc.piece
		}
		if !found {
			t.Errorf("%q: pieces %q, want %q whole", tc.text, pieces, tc.piece)
		}
	}
}

// A 科目名称 breaks after its `-` separators when that leaves a line at
// least half full; a wrapped cell ends with no lone character.
func TestCellLines(t *testing.T) {
	width := func(r rune) float64 { return 1 }
	cp := newCellPara([]rune("一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务"), 0, width)
	var lines []string
	for _, l := range cp.balanced(16) {
		lines = append(lines, cp.text(l))
	}
	if len(lines) != 3 || !strings.HasSuffix(lines[0], "-") || !strings.HasSuffix(lines[1], "-") {
		t.Errorf("科目名称 at 16 characters: %q, want three lines ending after each -", lines)
	}
	for n := 4; n <= 40; n++ {
		text := strings.Repeat("字", n)
		cp := newCellPara([]rune(text), 0, width)
		for w := cp.min; w <= float64(n); w++ {
			ls := cp.balanced(w)
			if len(ls) > 1 && cp.lone(ls[len(ls)-1]) {
				t.Errorf("%d characters at width %g: the last line is one lone character", n, w)
			}
		}
	}
}

// tablePlan lays out a data file's disclosure and returns its plan and the
// measurer it was set with.
func tablePlan(t *testing.T, path string) (*plan, *measurer) {
	t.Helper()
	doc := disclosure(t, path)
	m := newMeasurer(fonts.Default())
	pl, err := layoutPages(doc, m)
	if err != nil {
		t.Fatal(err)
	}
	return pl, m
}

// Every cell of the sample's and the stress variant's tables: no wrapped
// cell ends with a lone character, 3000万元 is never broken, and every
// amount is right-aligned against its cell's padding.
func TestTableCells(t *testing.T) {
	for _, data := range []string{"../../data/sanmenxia-2021.yaml", stressTables} {
		pl, m := tablePlan(t, data)
		amounts, wrapped := 0, 0
		for pi, pg := range pl.pages {
			for _, part := range pg.tables {
				for _, dc := range part.cells {
					where := func() string { return data + " page " + strconv.Itoa(pi+1) + " cell " + strings.Join(dc.lines, "/") }
					if len(dc.lines) > 1 {
						wrapped++
						last := dc.lines[len(dc.lines)-1]
						n := 0
						for _, r := range last {
							if unicode.IsLetter(r) || unicode.IsDigit(r) {
								n++
							}
						}
						if n == 1 {
							t.Errorf("%s: the last line is one lone character", where())
						}
					}
					if strings.Contains(dc.cell.Text.S, "3000万元") && !strings.Contains(strings.Join(dc.lines, "\n"), "3000万元") {
						t.Errorf("%s: 3000万元 is broken", where())
					}
					// An amount: in 元 with thousands separators, or in 万元.
					if n := dc.cell.Number; n == nil || dc.cell.Text.S == "" || !strings.Contains(n.Format, "#,##0") && !strings.Contains(n.Format, "万元") {
						continue
					}
					amounts++
					if dc.cell.Align != layout.Right {
						t.Errorf("%s: an amount aligned %v, want right", where(), dc.cell.Align)
					}
					end := 0.0
					for _, ri := range dc.runs {
						r := pg.runs[ri]
						end = max(end, r.x+m.textWidth(textStyle{font: r.font, size: r.size}, r.text))
					}
					if want := dc.x + dc.w - dc.pad; math.Abs(end-want) > 0.2 {
						t.Errorf("%s: the amount ends at %.2f, want the cell's right edge less padding, %.2f", where(), end, want)
					}
				}
			}
		}
		if amounts < 10 || wrapped < 10 {
			t.Errorf("%s: %d amounts and %d wrapped cells checked, want the tables' cells", data, amounts, wrapped)
		}
	}
}

// The sample's project table is one landscape page and each form one
// portrait page; the stress variant's long tables go over pages, each
// continuation page opening with 续表.
func TestTablesPages(t *testing.T) {
	for _, tc := range []struct {
		data  string
		pages []int // pages of each table, in order
	}{
		{"../../data/sanmenxia-2021.yaml", []int{1, 1, 1, 1, 1}},
		{stressTables, nil},
	} {
		pl, _ := tablePlan(t, tc.data)
		var tables []*layout.Table
		pagesOf := make(map[*layout.Table]int)
		for _, pg := range pl.pages {
			for _, part := range pg.tables {
				if pagesOf[part.table] == 0 {
					tables = append(tables, part.table)
					if part.table.Orientation == layout.Landscape && pg.orientation != layout.Landscape {
						t.Errorf("%s: the table %q is set on a portrait page", tc.data, part.table.Name)
					}
				} else if len(pg.runs) == 0 || pg.runs[0].text != continuedMark {
					t.Errorf("%s: a continuation page of %q does not open with 续表", tc.data, part.table.Name)
				}
				pagesOf[part.table]++
			}
		}
		var got []int
		for _, tb := range tables {
			got = append(got, pagesOf[tb])
		}
		if tc.pages != nil && !equalInts(got, tc.pages) {
			t.Errorf("%s: tables over %v pages, want %v", tc.data, got, tc.pages)
		}
		if tc.pages == nil && (len(got) < 2 || got[0] < 2 || got[1] < 2) {
			t.Errorf("%s: tables over %v pages, want the long project table and form over several", tc.data, got)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// The stress variant's page plan, so a change in the tables' layout shows
// as a reviewable diff (go test ./report/pdf -update to accept one).
func TestStressTablesPlanGolden(t *testing.T) {
	pl, _ := tablePlan(t, stressTables)
	testtool.Golden(t, filepath.Join("testdata", "stress-tables.pdfplan.golden"), dumpPlan(pl))
}

// A group of rows tied by a merged cell (a category of the project table)
// goes over to the next page whole when it fits one, also when rows move
// back to keep the last page company: cut by the break, the merged cell
// would print in each piece only the lines that piece holds.
func TestMergedGroupsStayTogether(t *testing.T) {
	split := 0
	for _, rows := range []int{24, 27, 30, 33, 36} {
		b := synth.Budget(synth.Options{Seed: int64(rows), Rows: rows})
		doc := compose.Disclosure(b, profile.MustBuiltin("seed"))
		pl, err := layoutPages(doc, newMeasurer(fonts.Default()))
		if err != nil {
			t.Fatal(err)
		}
		pagesOf := make(map[*layout.Cell]map[int]bool)
		for pi, pg := range pl.pages {
			for _, part := range pg.tables {
				for _, dc := range part.cells {
					if rs, _ := dc.cell.Span(); rs > 1 && !dc.cell.Header {
						if pagesOf[dc.cell] == nil {
							pagesOf[dc.cell] = make(map[int]bool)
						}
						pagesOf[dc.cell][pi] = true
					}
				}
			}
		}
		// The first group is cut where it does not fit under the table's
		// title: the header alone at the foot of the page would be worse.
		opening := make(map[*layout.Cell]bool)
		for _, pg := range pl.pages {
			for _, part := range pg.tables {
				if tb := part.table; tb.HeaderRows < len(tb.Rows) {
					for i := range tb.Rows[tb.HeaderRows].Cells {
						opening[&tb.Rows[tb.HeaderRows].Cells[i]] = true
					}
				}
			}
		}
		for cell, pages := range pagesOf {
			if len(pages) > 1 && !opening[cell] {
				split++
				t.Errorf("%d rows: the merged cell %q (%d rows) is cut over %d pages", rows, cell.Text.S, cell.RowSpan, len(pages))
			}
		}
		if len(pl.pages) < 2 {
			t.Fatalf("%d rows: %d pages; the test wants tables over pages", rows, len(pl.pages))
		}
	}
}

// Tables of one kind line up, read back from the 2024 standard example:
// the code tables 表8 and 表9 (科目编码 科目名称 合计 基本支出 项目支出)
// have their columns in the same places, and the two halves of each
// performance form (二级指标 三级指标 指标值) the same widths.
func TestTablesOfAKindLineUp(t *testing.T) {
	ws := words(t, renderFile(t, disclosure(t, "../../data/examples/qingchuan-culture-2024.yaml")))
	center := func(w word) float64 { return (w.xMin + w.xMax) / 2 }
	// lineOf is the words on the line of w, left to right.
	lineOf := func(w word) []word {
		var line []word
		for _, o := range ws {
			if o.page == w.page && math.Abs(o.yMin-w.yMin) < 1 {
				line = append(line, o)
			}
		}
		sort.Slice(line, func(i, j int) bool { return line[i].xMin < line[j].xMin })
		return line
	}
	codeTable := "科目编码 科目名称 合计 基本支出 项目支出"
	var codeTables [][]float64 // the centres of each code table's labels
	forms := 0
	for _, w := range ws {
		switch w.text {
		case "科目编码":
			line := lineOf(w)
			var texts []string
			var xs []float64
			for _, o := range line {
				texts = append(texts, o.text)
				xs = append(xs, center(o))
			}
			if strings.Join(texts, " ") != codeTable {
				continue
			}
			codeTables = append(codeTables, xs)
		case "二级指标":
			var labels []word
			for _, o := range lineOf(w) {
				if o.text == "二级指标" || o.text == "三级指标" || o.text == "指标值" {
					labels = append(labels, o)
				}
			}
			if len(labels) != 6 || labels[0].xMin != w.xMin {
				continue
			}
			forms++
			shift := center(labels[3]) - center(labels[0])
			for i := 1; i < 3; i++ {
				if d := center(labels[i+3]) - center(labels[i]); math.Abs(d-shift) > 0.1 {
					t.Errorf("page %d: the right half's %s is %.2f right of the left's, its 二级指标 %.2f: the halves differ", w.page, labels[i].text, d, shift)
				}
			}
		}
	}
	if n := len(codeTables); n < 3 || forms < 2 {
		t.Fatalf("%d code tables and %d forms found, want 表3, 表8, 表9 and the two forms", n, forms)
	}
	// 表9 is empty: no line of it wraps at 表8's widths.
	t8, t9 := codeTables[len(codeTables)-2], codeTables[len(codeTables)-1]
	for i := range t9 {
		if math.Abs(t9[i]-t8[i]) > 0.1 {
			t.Errorf("表9's %s centred at %.2f, 表8's at %.2f", strings.Fields(codeTable)[i], t9[i], t8[i])
		}
	}
}

// A cell breaks between its words where it has spaces between them, not
// inside a word (项目表第10行 广播电视中/心基本工资 金额).
func TestCellLinesBreakBetweenWords(t *testing.T) {
	width := func(r rune) float64 { return 1 }
	cp := newCellPara([]rune("项目表第10行 广播电视中心基本工资 金额"), 0, width)
	var lines []string
	for _, l := range cp.balanced(12) {
		lines = append(lines, cp.text(l))
	}
	if strings.Join(lines, "/") != "项目表第10行/广播电视中心基本工资/金额" {
		t.Errorf("at 12 characters: %q, want breaks at the spaces", lines)
	}
}

// The revision table's columns: a column that takes more room than its
// widest text needs on one line leaves it to the 位置 column, whose labels
// wrap (the doubling search gave 数据文件 30 pt past its one-line width).
func TestRevisionColumnsNoWiderThanNeeded(t *testing.T) {
	old, err := budget.Load("../../data/examples/qingchuan-culture-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	new, err := budget.Load("../../data/examples/qingchuan-culture-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := compose.Revision(revision.Compare(old, new), "修订对照表", "金额单位：元", new.Date.Time())
	m := newMeasurer(fonts.Default())
	pl, err := layoutPages(doc, m)
	if err != nil {
		t.Fatal(err)
	}
	widest := make(map[float64]float64) // a column's left edge → its widest line
	boxes := make(map[float64]drawnCell)
	wrapped := 0
	for _, pg := range pl.pages {
		for _, part := range pg.tables {
			if part.table.Name != "修订对照表" {
				continue
			}
			for _, dc := range part.cells {
				if dc.cell.Header {
					continue
				}
				boxes[dc.x] = dc
				for _, l := range dc.lines {
					widest[dc.x] = max(widest[dc.x], m.textWidth(textStyle{font: layout.FontTable, size: part.table.Size}, l))
				}
				if dc.x == part.cells[2].x && len(dc.lines) > 1 {
					wrapped++
				}
			}
		}
	}
	for x, dc := range boxes {
		if need := widest[x] + 2*dc.pad; dc.w > need+2 && wrapped > 0 {
			t.Errorf("the column at %.1f is %.1f pt wide, its widest line needs %.1f, while %d 位置 labels wrap", x, dc.w, need, wrapped)
		}
	}
}

// cellRun is the text of one line of a table cell read back by pdftotext
// -bbox: adjacent words on one baseline.
type cellRun struct {
	page             int
	xMin, yMin, xMax float64
	size             float64
	text             string
}

// cellRuns groups a PDF's table-sized words (smaller than body text, whose
// boxes are 1.4 times its size) into the lines of their cells.
func cellRuns(t *testing.T, path string) []cellRun {
	var runs []cellRun
	for _, w := range words(t, path) {
		size := w.yMax - w.yMin
		if size >= 1.25*bodySize {
			continue
		}
		if k := len(runs) - 1; k >= 0 && runs[k].page == w.page && math.Abs(runs[k].yMin-w.yMin) < 1 && w.xMin-runs[k].xMax < 0.25*size {
			runs[k].text += w.text
			runs[k].xMax = w.xMax
			continue
		}
		runs = append(runs, cellRun{w.page, w.xMin, w.yMin, w.xMax, size, w.text})
	}
	return runs
}

// A unit's name in a form's cell (单位名称, 财务核算依托单位名称, 实施单位)
// breaks only between the words of its name: the cell is widened to its
// longest word and breaks at the composer's seams (青川区 | 文化广电和旅游局),
// where it printed 青川区文化广/电和旅游局 and 111 三门峡经济开/发区政务服务部.
// The label 财务核算依托单位名称 beside it breaks between its phrases. The
// sample, the 2024 example, and the example with a 26-character name, once
// with a two-line 项目名称 that holds the name in its first line's end.
func TestFormUnitNamesBreakBetweenWords(t *testing.T) {
	var labels []string // the labels found broken over lines
	for _, c := range []struct {
		data  string
		names []string // with | between their words
		unit  string   // the unit's name put in, if any
		long  bool     // the first form's name starts with the unit's and fills two lines
	}{
		{"../../data/sanmenxia-2021.yaml", []string{"111 三门峡经济开发区|政务服务部", "三门峡经济开发区|政务服务部"}, "", false},
		{"../../data/examples/qingchuan-culture-2024.yaml", []string{"青川区|文化广电和旅游局"}, "", false},
		{"../../data/examples/qingchuan-culture-2024.yaml", []string{longUnitName}, strings.ReplaceAll(longUnitName, "|", ""), false},
		{"../../data/examples/qingchuan-culture-2024.yaml", []string{longUnitName}, strings.ReplaceAll(longUnitName, "|", ""), true},
	} {
		b, err := budget.Load(c.data)
		if err != nil {
			t.Fatal(err)
		}
		if c.unit != "" {
			b.Unit.Name = c.unit
		}
		if c.long {
			b.Forms[0].Name = "支持全区文化事业发展" + b.Unit.Name + "数字文化服务能力提升与智慧旅游综合平台建设项目"
		}
		p, err := profile.Fill(b)
		if err != nil {
			t.Fatal(err)
		}
		doc := compose.Disclosure(b, p)
		if formsAlone(doc) == 0 {
			t.Fatalf("%s: no forms", c.data)
		}
		runs := cellRuns(t, renderFile(t, doc))
		for head := range headBreaks(t, c.data, runs, []string{"财务核算依托|单位名称"}) {
			labels = append(labels, head)
		}
		found := 0
		for _, spelled := range c.names {
			name := []rune(strings.ReplaceAll(strings.ReplaceAll(spelled, "|", ""), " ", ""))
			bounds := map[int]bool{}
			n := 0
			for _, w := range strings.Split(spelled, "|") {
				n += len([]rune(strings.ReplaceAll(w, " ", "")))
				bounds[n] = true
			}
			for i, a := range runs {
				for _, next := range runs[i+1:] {
					if next.page != a.page || math.Abs(next.xMin-a.xMin) > 1 || next.yMin-a.yMin < 0.5*a.size || next.yMin-a.yMin > 1.6*a.size {
						continue
					}
					for k := 1; k < len(name); k++ {
						if strings.HasSuffix(a.text, string(name[:k])) && strings.HasPrefix(string(name[k:]), firstRunes(next.text, min(2, len(name)-k))) {
							found++
							if !bounds[k] {
								t.Errorf("%s page %d: %q / %q splits a word of %q", c.data, a.page, a.text, next.text, string(name))
							}
						}
					}
				}
			}
		}
		if found == 0 {
			t.Errorf("%s: no form's cell breaks a unit's name: the reading is broken", c.data)
		}
		t.Logf("%s: %d lines of a cell break a unit's name", c.data, found)
	}
	if len(labels) == 0 {
		t.Errorf("no form's 财务核算依托单位名称 read back over two lines: the reading is broken")
	}
}

// A column head of the standard tables breaks between its words: the
// funds' names stack as 政府性/基金预算/拨款, and a column narrower than a
// stacked line breaks it at a word again (政府性/基金/预算/拨款), where
// table 2 printed 政府/性基/金预算/拨款. pdftotext -bbox of the 2024
// example's nine tables; a centred cell's lines share their centre.
func TestColumnHeadsBreakBetweenWords(t *testing.T) {
	heads := []string{"一般|公共|预算|拨款", "政府性|基金|预算|拨款", "国有|资本|经营|预算|拨款", "财政|专户|管理|资金",
		"事业|单位|经营|收入", "上级|补助|收入", "附属|单位|上缴|收入", "上年|结转"}
	doc := disclosure(t, "../../data/examples/qingchuan-culture-2024.yaml")
	var tables []layout.Block
	for _, blk := range doc.Blocks {
		if tb, ok := blk.(*layout.Table); ok && tb.HeaderRows > 0 && !strings.Contains(tb.Title.S, "绩效目标") {
			tables = append(tables, &layout.PageBreak{Orientation: tb.Orientation}, tb)
		}
	}
	doc.Blocks = tables
	runs := cellRuns(t, renderFile(t, doc))
	broken := headBreaks(t, "the 2024 example", runs, heads)
	if len(broken) < 5 {
		t.Errorf("%d of the %d heads read back broken over lines, want at least 5: the reading is broken", len(broken), len(heads))
	}
	t.Logf("heads broken over lines: %v", broken)
}

// headBreaks reads the centred or left-aligned heads spelled with | between their words
// from a PDF's cell lines, reports each break inside a word as an error,
// and returns the heads found broken over lines.
func headBreaks(t *testing.T, where string, runs []cellRun, heads []string) map[string]bool {
	t.Helper()
	below := func(a cellRun) (cellRun, bool) { // the next line of a's centred or left-aligned cell
		for _, r := range runs {
			aligned := math.Abs((r.xMin+r.xMax)/2-(a.xMin+a.xMax)/2) < 1 || math.Abs(r.xMin-a.xMin) < 1
			if r.page == a.page && aligned && r.yMin-a.yMin > 0.5*a.size && r.yMin-a.yMin < 1.6*a.size {
				return r, true
			}
		}
		return cellRun{}, false
	}
	broken := map[string]bool{}
	for _, spelled := range heads {
		name := strings.ReplaceAll(spelled, "|", "")
		bounds := map[int]bool{}
		n := 0
		for _, w := range strings.Split(spelled, "|") {
			n += len([]rune(w))
			bounds[n] = true
		}
		for _, a := range runs {
			if !strings.HasPrefix(name, a.text) || a.text == name {
				continue
			}
			text := a.text
			for cur := a; ; {
				next, ok := below(cur)
				if !ok || !strings.HasPrefix(name, text+next.text) {
					break
				}
				broken[name] = true
				if k := len([]rune(text)); !bounds[k] {
					t.Errorf("%s page %d: the head %q breaks as %q / %q, inside a word", where, a.page, name, text, next.text)
				}
				text, cur = text+next.text, next
			}
		}
	}
	return broken
}

// An indicator's name or value in a performance form breaks between its
// words, never inside one, where its column has the room: the 2024 example
// printed 惠民演/出场次, 经济效/益指标 and 游客人/次增长. pdftotext -bbox of
// its forms; the words are spelled here, apart from the composer's list.
// (Where keeping a word whole costs a line, the line wins: the sample's
// forms fit their pages only at 9 pt, and keep 经济效/益指标.)
func TestFormIndicatorsBreakBetweenWords(t *testing.T) {
	spelled := []string{"惠民|演出|场次", "演出|合格率", "观众|人次", "社会|效益|指标", "经济|效益|指标",
		"服务|对象|满意度|指标", "群众|满意度", "游客|满意度", "游客|人次|增长", "新媒体|推送", "宣传|活动",
		"完成|时间", "满意度|指标", "产出|指标", "效益|指标", "数量|指标", "质量|指标", "时效|指标", "覆盖|乡镇|（街道）"}
	doc := disclosure(t, "../../data/examples/qingchuan-culture-2024.yaml")
	formsAlone(doc)
	found := headBreaks(t, "the 2024 example", cellRuns(t, renderFile(t, doc)), spelled)
	t.Logf("indicators broken over lines: %v", found)
	if len(found) < 4 {
		t.Errorf("%d indicators read back broken over lines, want at least 4: the reading is broken", len(found))
	}
}

// Keeping a cell's words whole never costs it a line: where it would, the
// cell breaks as if it had no words.
func TestCellWordsCostNoLine(t *testing.T) {
	width := func(r rune) float64 { return 1 }
	for _, tc := range []struct {
		text  string
		seams []int
		w     float64
		want  []string
	}{
		{"惠民演出场次", []int{2, 4, 6}, 4, []string{"惠民演出", "场次"}},
		{"惠民演出场次", []int{2, 4, 6}, 3, []string{"惠民演", "出场次"}}, // 惠民/演出/场次 is a line more
		{"经济效益指标", []int{2, 4, 6}, 4, []string{"经济效益", "指标"}},
		{"经济效益指标", []int{2, 4, 6}, 3, []string{"经济效", "益指标"}},
	} {
		var seams []layout.Seam
		for _, s := range tc.seams {
			seams = append(seams, layout.Seam{At: s, Weak: true})
		}
		cp := cellParas(layout.Text{S: tc.text, Seams: seams}, 0, width)[0]
		var got []string
		for _, l := range cp.balanced(tc.w) {
			got = append(got, cp.text(l))
		}
		if strings.Join(got, "/") != strings.Join(tc.want, "/") {
			t.Errorf("%s at %v: %q, want %q", tc.text, tc.w, got, tc.want)
		}
	}
}

// Where keeping every word whole costs a line, the cell takes the fewest
// lines and, among those, breaks inside the fewest words: greedy breaking
// split 学/校 and 覆盖/率; one split is all five lines need.
func TestCellFewestSplitWords(t *testing.T) {
	width := func(r rune) float64 { return 1 }
	text := "城乡社区景区学校惠民演出场次服务对象满意度群众满意度覆盖率提升"
	var seams []layout.Seam
	for _, at := range []int{2, 4, 6, 8, 10, 12, 14, 16, 18, 21, 23, 26, 29, 31} {
		seams = append(seams, layout.Seam{At: at, Weak: true})
	}
	cp := cellParas(layout.Text{S: text, Seams: seams}, 0, width)[0]
	var got []string
	for _, l := range cp.lines(7) {
		got = append(got, cp.text(l))
	}
	want := []string{"城乡社区景区学", "校惠民演出场次", "服务对象满意度", "群众满意度", "覆盖率提升"}
	if strings.Join(got, "/") != strings.Join(want, "/") {
		t.Errorf("%q at 7: %q, want %q", text, got, want)
	}
}

// A word or figure wider than a form's column breaks inside its cell
// instead of printing over the next one: the 2024 example with an
// indicator of 54 Latin letters and a value of 20 digits printed both
// across their neighbours' text and squeezed every other column to one
// character. pdftotext -bbox of the forms: no two words overlap, and the
// long word and figure read back whole, in order, line after line.
func TestFormLongWordBreaksInItsCell(t *testing.T) {
	const long = "SupercalifragilisticexpialidociousAntidisestablishment"
	const figure = "12345678901234567890"
	path := testtool.EditCopy(t, "../../data/examples/qingchuan-culture-2024.yaml",
		`{ name: 惠民演出场次, value: "≥52场" }`, `{ name: `+long+`, value: "≥`+figure+`场" }`)
	prev, err := os.ReadFile("../../data/examples/qingchuan-culture-2023.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(filepath.Dir(path), "qingchuan-culture-2023.yaml"), prev, 0o644); err != nil {
		t.Fatal(err)
	}
	doc := disclosure(t, path)
	formsAlone(doc)
	ws := words(t, renderFile(t, doc))
	// Two words overlap when they share more than a point across and half
	// the height of the lower (lines of a cell touch: pdftotext boxes a
	// word from its font's ascent to its descent).
	for i, a := range ws {
		for _, b := range ws[i+1:] {
			across := min(a.xMax, b.xMax) - max(a.xMin, b.xMin)
			down := min(a.yMax, b.yMax) - max(a.yMin, b.yMin)
			if a.page == b.page && across > 1 && down > 0.5*min(a.yMax-a.yMin, b.yMax-b.yMin) {
				t.Errorf("page %d: %q and %q overlap", a.page, a.text, b.text)
			}
		}
	}
	for _, want := range []string{long, "≥" + figure + "场"} {
		// Each line of the broken word is a word of its own, in its cell:
		// the lines, in reading order, spell it.
		got := ""
		for _, w := range ws {
			if strings.HasPrefix(want, got+w.text) {
				got += w.text
				if got == want {
					break
				}
			}
		}
		if got != want {
			t.Errorf("%s reads back as %q", want, got)
		}
	}
}

// formsAlone keeps only doc's performance forms, each on a page of its
// own, and returns how many there are.
func formsAlone(doc *layout.Document) int {
	var forms []layout.Block
	for _, blk := range doc.Blocks {
		if tb, ok := blk.(*layout.Table); ok && strings.Contains(tb.Title.S, "绩效目标") {
			forms = append(forms, &layout.PageBreak{Orientation: tb.Orientation}, tb)
		}
	}
	doc.Blocks = forms
	return len(forms) / 2
}
