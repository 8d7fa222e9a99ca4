package report_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
)

// The standard set's example, a fictional district bureau, and last year's
// file it compares with.
const (
	examplePath     = "../data/examples/qingchuan-culture-2024.yaml"
	examplePrevPath = "../data/examples/qingchuan-culture-2023.yaml"
	exampleUnit     = "青川区文化广电和旅游局"
)

var exampleBuilds = map[report.Format]*sampleBuild{report.PDF: {}, report.XLSX: {}}

// exampleFile builds the example in one format, once.
func exampleFile(t *testing.T, f report.Format) string {
	t.Helper()
	eb := exampleBuilds[f]
	eb.once.Do(func() {
		dir, err := os.MkdirTemp("", "budgetdoc-example")
		if err == nil {
			eb.path, err = buildFile(examplePath, dir, f)
		}
		eb.err = err
	})
	if eb.err != nil {
		t.Fatal(eb.err)
	}
	return eb.path
}

// rawLedger is a data file read with a plain YAML decoder, not the
// project's loader, so that the sums below are independent of the code
// under test.
type rawLedger struct {
	Functions []struct {
		Code string `yaml:"code"`
		Name string `yaml:"name"`
	} `yaml:"functions"`
	Categories []struct {
		Name string `yaml:"name"`
		Kind string `yaml:"kind"`
	} `yaml:"categories"`
	Rows []struct {
		FunctionCode string `yaml:"function_code"`
		FunctionName string `yaml:"function_name"`
		Category     string `yaml:"category"`
		Fund         string `yaml:"fund"`
		EconomicCode string `yaml:"economic_code"`
		Amount       string `yaml:"amount"`
	} `yaml:"rows"`
}

type rawRow struct {
	code, fund, econ string
	basic            bool
	amount           decimal.Decimal
}

func readLedger(t *testing.T, path string) (rows []rawRow, names map[string]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw rawLedger
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	basic := map[string]bool{}
	for _, c := range raw.Categories {
		basic[c.Name] = c.Kind == "basic"
	}
	names = map[string]string{}
	for _, f := range raw.Functions {
		names[f.Code] = f.Name
	}
	for _, r := range raw.Rows {
		fund := r.Fund
		if fund == "" {
			fund = "一般公共预算拨款"
		}
		amount := decimal.Zero
		if r.Amount != "" {
			amount = decimal.RequireFromString(r.Amount)
		}
		names[r.FunctionCode] = r.FunctionName
		rows = append(rows, rawRow{r.FunctionCode, fund, r.EconomicCode, basic[r.Category], amount})
	}
	return rows, names
}

func sumRaw(rows []rawRow, sel func(rawRow) bool) decimal.Decimal {
	total := decimal.Zero
	for _, r := range rows {
		if sel(r) {
			total = total.Add(r.amount)
		}
	}
	return total
}

// wan is an amount in 元 as the tables print it in 万元.
func wan(d decimal.Decimal) string {
	s := d.Div(decimal.NewFromInt(10000)).StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return whole + "." + frac
}

var exampleTables = []string{"部门收支总表", "部门收入总表", "部门支出总表", "财政拨款收支总表", "一般公共预算支出表",
	"一般公共预算基本支出表", "一般公共预算“三公”经费支出表", "政府性基金预算支出表", "国有资本经营预算支出表"}

var standardSections = []string{"一、收支预算总体情况", "二、收入预算情况", "三、支出预算情况", "四、财政拨款收支预算总体情况",
	"五、一般公共预算当年拨款情况", "六、一般公共预算基本支出情况", "七、“三公”经费预算情况", "八、政府性基金预算支出情况",
	"九、国有资本经营预算支出情况", "十、机关运行经费", "十一、政府采购情况", "十二、国有资产占用情况", "十三、预算绩效情况"}

func exampleText(t *testing.T) string {
	return strings.Join(rawPages(t, exampleFile(t, report.PDF)), "")
}

// The PDF holds the nine tables, the thirteen sections in order, and a
// 具体使用情况 paragraph for every 项 of the general budget whose amount
// and change against last year are the independent sums of the two files.
func TestStandardExamplePDF(t *testing.T) {
	text := exampleText(t)
	for _, name := range exampleTables {
		if !strings.Contains(text, squeeze(exampleUnit+"2024年"+name)) {
			t.Errorf("the PDF lacks the table title %s", name)
		}
	}
	if missing, ok := inOrder(text, append(standardSections, "第三部分名词解释")); !ok {
		t.Errorf("the PDF lacks the section %q (in order)", missing)
	}
	parts := itemParagraphs(t, examplePath, examplePrevPath)
	if missing, ok := inOrder(itemSection(t, text), parts); !ok {
		t.Errorf("具体使用情况 lacks %q", missing)
	}
	words := map[string]int{}
	for _, p := range parts {
		for _, word := range []string{"上年无此项", "持平", "增加", "减少"} {
			if strings.Contains(p, word) {
				words[word]++
			}
		}
	}
	if words["增加"] == 0 || words["减少"] == 0 || words["持平"] == 0 {
		t.Errorf("the example should show 增加, 减少 and 持平: %v", words)
	}
}

// itemParagraphs are the starts of the 具体使用情况 paragraphs that the
// ledgers of a data file and of its last year's file give, independently
// of the composer: one per 项 of 一般公共预算拨款 of this year's rows or of
// last year's with an amount (a 项 that fell to zero), by code, each with
// its number, names, amount and change.
func itemParagraphs(t *testing.T, path, prevPath string) []string {
	t.Helper()
	rows, names := readLedger(t, path)
	prevRows, prevNames := readLedger(t, prevPath)
	for code, name := range prevNames {
		if _, ok := names[code]; !ok {
			names[code] = name
		}
	}
	general := func(code string) func(rawRow) bool {
		return func(r rawRow) bool { return r.fund == "一般公共预算拨款" && r.code == code }
	}
	var codes []string
	seen := map[string]bool{}
	for _, r := range rows {
		if r.fund == "一般公共预算拨款" && !seen[r.code] {
			seen[r.code] = true
			codes = append(codes, r.code)
		}
	}
	for _, r := range prevRows {
		if r.fund == "一般公共预算拨款" && !seen[r.code] && !r.amount.IsZero() {
			seen[r.code] = true
			codes = append(codes, r.code)
		}
	}
	if sumRaw(rows, func(r rawRow) bool { return r.fund == "一般公共预算拨款" }).IsZero() {
		t.Fatal("without general budget spending this year, no 项 of last year is listed")
	}
	sort.Strings(codes)
	var parts []string
	for _, code := range codes {
		cur, prev := sumRaw(rows, general(code)), sumRaw(prevRows, general(code))
		parts = append(parts, fmt.Sprintf("%d. %s（类）%s（款）%s（项）%s万元，%s", len(parts)+1,
			names[code[:3]], names[code[:5]], names[code], wan(cur), changeWords(cur, prev)))
	}
	return parts
}

// itemSection is the text of 五（三）具体使用情况, up to section 六.
func itemSection(t *testing.T, text string) string {
	t.Helper()
	start := strings.Index(text, "（三）具体使用情况")
	if start < 0 {
		t.Fatal("no （三）具体使用情况")
	}
	end := strings.Index(text[start:], "六、一般公共预算基本支出情况")
	if end < 0 {
		t.Fatal("no 六 after （三）具体使用情况")
	}
	return text[start : start+end]
}

// tableFilters are what each code table sums, and its code: by the sheet's
// table name, independently of the composer.
var tableFilters = map[string]struct {
	rows func(rawRow) bool
	code func(rawRow) string
}{
	"部门收入总表":      {func(rawRow) bool { return true }, func(r rawRow) string { return r.code }},
	"部门支出总表":      {func(rawRow) bool { return true }, func(r rawRow) string { return r.code }},
	"一般公共预算支出表":   {func(r rawRow) bool { return r.fund == "一般公共预算拨款" }, func(r rawRow) string { return r.code }},
	"一般公共预算基本支出表": {func(r rawRow) bool { return r.fund == "一般公共预算拨款" && r.basic }, func(r rawRow) string { return r.econ }},
	"政府性基金预算支出表":  {func(r rawRow) bool { return r.fund == "政府性基金预算拨款" }, func(r rawRow) string { return r.code }},
	"国有资本经营预算支出表": {func(r rawRow) bool { return r.fund == "国有资本经营预算拨款" }, func(r rawRow) string { return r.code }},
}

// columnFilter is what a column heading sums.
func columnFilter(head string) func(rawRow) bool {
	personnel := func(r rawRow) bool { return strings.HasPrefix(r.econ, "301") || strings.HasPrefix(r.econ, "303") }
	switch head {
	case "合计":
		return func(rawRow) bool { return true }
	case "基本支出", "小计":
		return func(r rawRow) bool { return r.basic }
	case "项目支出":
		return func(r rawRow) bool { return !r.basic }
	case "人员经费":
		return func(r rawRow) bool { return r.basic && personnel(r) }
	case "公用经费":
		return func(r rawRow) bool { return r.basic && !personnel(r) }
	}
	return func(r rawRow) bool { return r.fund == head }
}

// sheetTable reads a code table's sheet: its column headings (the lowest
// heading over each column) and its lines from 合计 on.
func sheetTable(t *testing.T, f *excelize.File, sheet string) (heads []string, lines [][]string, firstLine int) {
	t.Helper()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	firstLine, unitLine := -1, -1
	for i, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "单位：") && unitLine < 0 {
			unitLine = i
		}
		if len(r) > 0 && r[0] == "合计" {
			firstLine = i
			break
		}
	}
	if firstLine < 0 || unitLine < 0 {
		t.Fatalf("%s: no unit line or no 合计 line", sheet)
	}
	cols := 0
	for _, r := range rows[unitLine+1 : firstLine] {
		cols = max(cols, len(r))
	}
	heads = make([]string, cols)
	for _, r := range rows[unitLine+1 : firstLine] {
		for c, v := range r {
			if v != "" {
				heads[c] = strings.ReplaceAll(v, "\n", "") // a heading may be stacked over lines
			}
		}
	}
	return heads, rows[firstLine:], firstLine
}

// Every line of every code table, in the workbook and in the PDF, holds the
// independent sums of the ledger: a 类 or 款 line the rows under its code,
// 合计 all of the table's rows, each column by its heading.
func TestStandardExampleTotalsAreLedgerSums(t *testing.T) {
	rows, _ := readLedger(t, examplePath)
	book := exampleFile(t, report.XLSX)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text := exampleText(t)
	checked := 0
	for _, name := range exampleTables {
		filter, ok := tableFilters[name]
		if !ok {
			continue
		}
		sheet := sheetOf(t, f, name)
		heads, lines, _ := sheetTable(t, f, sheet)
		for _, line := range lines {
			code := line[0]
			if strings.HasPrefix(code, "本部门") { // an empty table's note
				continue
			}
			var printed []string
			pdfLine := code
			if code != "合计" {
				pdfLine += line[1]
			}
			for c := 2; c < len(heads); c++ {
				sel, col := filter.rows, columnFilter(heads[c])
				want := sumRaw(rows, func(r rawRow) bool {
					return sel(r) && col(r) && (code == "合计" || strings.HasPrefix(filter.code(r), code))
				})
				got := decimal.Zero
				if c < len(line) && line[c] != "" {
					got = decimal.RequireFromString(line[c])
				}
				if !got.Equal(decimal.RequireFromString(strings.ReplaceAll(wan(want), ",", ""))) {
					t.Errorf("%s line %s column %s: workbook %s, ledger %s万元", name, code, heads[c], got, wan(want))
				}
				if !want.IsZero() {
					printed = append(printed, wan(want))
				}
				checked++
			}
			pdfLine += strings.Join(printed, "")
			if !strings.Contains(text, squeeze(pdfLine)) {
				t.Errorf("%s: the PDF lacks the line %q", name, pdfLine)
			}
		}
	}
	// The two-sided tables: income = spending = the ledger's total (their
	// other lines: TestStandardExampleSidesAreLedgerSums).
	total := wan(sumRaw(rows, func(rawRow) bool { return true }))
	for _, want := range []string{"收入总计" + total + "支出总计" + total} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if checked < 100 {
		t.Errorf("only %d cells checked", checked)
	}
}

// sheetOf finds the sheet of a table by its title in its first rows.
func sheetOf(t *testing.T, f *excelize.File, table string) string {
	t.Helper()
	for _, s := range f.GetSheetList() {
		for _, ref := range []string{"A1", "A2", "A3"} {
			// A title wider than its table is broken after the unit's name.
			if v, _ := f.GetCellValue(s, ref); strings.ReplaceAll(v, "\n", "") == exampleUnit+"2024年"+table {
				return s
			}
		}
	}
	t.Fatalf("no sheet titled %s", table)
	return ""
}

// Every total in the workbook is a formula, and LibreOffice, computing the
// formulas itself, arrives at the printed values.
func TestStandardExampleFormulasRecalculate(t *testing.T) {
	book := exampleFile(t, report.XLSX)
	recalc := testtool.LibreOfficeRecalculated(t, blankCachedValues(t, book))
	orig, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	again, err := excelize.OpenFile(recalc)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	formulas := 0
	for _, name := range exampleTables {
		sheet := sheetOf(t, orig, name)
		rows, err := orig.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := orig.GetCellFormula(sheet, ref)
				if formula == "" {
					continue
				}
				formulas++
				got, _ := again.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				if got == "" {
					got = "0"
				}
				g, err1 := decimal.NewFromString(got)
				w, err2 := decimal.NewFromString(v)
				if err1 != nil || err2 != nil || !g.Round(2).Equal(w) {
					t.Errorf("%s!%s = %s: LibreOffice computes %q, the file prints %q", sheet, ref, formula, got, v)
				}
			}
		}
	}
	if formulas < 50 {
		t.Errorf("only %d formulas in the nine tables", formulas)
	}
}

// blankCachedValues writes a copy of the workbook whose formulas have no
// cached values, so that LibreOffice cannot pass by showing ours.
func blankCachedValues(t *testing.T, book string) string {
	t.Helper()
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					if err := f.SetCellFormula(sheet, ref, formula); err != nil {
						t.Fatal(err)
					}
					if err := f.SetCellValue(sheet, ref, nil); err != nil {
						t.Fatal(err)
					}
					if err := f.SetCellFormula(sheet, ref, formula); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	out := t.TempDir() + "/blank.xlsx"
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

// Mutations of the example are caught, each at its line.
func TestStandardExampleMutations(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English)) // the messages' keys
	data, err := os.ReadFile(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	sample := string(data)
	lineOf := func(s string) int {
		i := strings.Index(sample, s)
		if i < 0 {
			t.Fatalf("the example has no %q", s)
		}
		return strings.Count(sample[:i], "\n") + 1
	}
	for _, m := range []struct {
		name, old, new, at string
		want               []string
	}{
		{"fund total differs from income", "  government_fund: 520000", "  government_fund: 530000", "  government_fund: 520000",
			[]string{"income.government_fund", "政府性基金预算拨款", "difference 10,000.00"}},
		{"类 code with two names", "function_name: 图书馆,", "function_name: 文化旅游与传媒支出-文化和旅游-图书馆,", "function_name: 图书馆,",
			[]string{"类 code 207 is named \"文化旅游与传媒支出\" here but \"文化旅游体育与传媒支出\" in functions[2]"}},
		{"基本支出 row without economic code", `detail: 办公费, economic_code: "30201",`, `detail: 办公费,`, `detail: 办公费, economic_code: "30201",`,
			[]string{".economic_code", "基本支出 row \"办公费\" has no economic code"}},
		{"reason for a code that does not exist", `key: "2070113"`, `key: "2070114"`, `key: "2070113"`,
			[]string{"reasons[3].key", "a reason for \"2070114\""}},
	} {
		t.Run(m.name, func(t *testing.T) {
			path := testtool.EditCopy(t, examplePath, m.old, m.new)
			if err := os.WriteFile(strings.TrimSuffix(path, "qingchuan-culture-2024.yaml")+"qingchuan-culture-2023.yaml", mustRead(t, examplePrevPath), 0o644); err != nil {
				t.Fatal(err)
			}
			b, err := report.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			line := lineOf(m.at)
			for _, f := range report.Check(b) {
				if f.Pos.Line == line && f.Severity.String() == "error" && containsAll(f.String(), m.want) {
					return
				}
			}
			t.Errorf("no error at line %d with %q among:\n%v", line, m.want, report.Check(b))
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// The example is clean: no error, no warning, no rounding notice.
func TestStandardExampleIsClean(t *testing.T) {
	b, err := report.Load(examplePath)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := report.New()
	if err != nil {
		t.Fatal(err)
	}
	if fs := bl.Check(b); len(fs) > 0 {
		t.Errorf("findings:\n%v", fs)
	}
	rows, _ := readLedger(t, examplePath)
	classes := map[string]bool{}
	funds := map[string]bool{}
	for _, r := range rows {
		classes[r.code[:3]], funds[r.fund] = true, true
	}
	if len(rows) < 30 || len(classes) < 6 || len(funds) < 3 || len(b.Forms) < 2 {
		t.Errorf("the example has %d lines, %d classes, %d funds, %d forms; the issue asks for 30, 6, 3, 2", len(rows), len(classes), len(funds), len(b.Forms))
	}
}

// documents: chooses 元 for the standard documents and attaches the
// project table before the forms.
func TestStandardDocumentsField(t *testing.T) {
	path := testtool.EditCopy(t, examplePath, "profile: national\n", "profile: national\ndocuments: { money_unit: 元, project_table: true }\n")
	if err := os.WriteFile(strings.TrimSuffix(path, "qingchuan-culture-2024.yaml")+"qingchuan-culture-2023.yaml", mustRead(t, examplePrevPath), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := report.Compose(b)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	units := map[string]bool{}
	for _, blk := range doc.Blocks {
		switch x := blk.(type) {
		case *layout.AttachmentHeading:
			titles = append(titles, x.Title.S)
		case *layout.Table:
			for _, name := range exampleTables {
				if strings.HasSuffix(x.Title.S, name) {
					units[x.Unit] = true
				}
			}
		}
	}
	if len(titles) != 12 || !strings.HasSuffix(titles[9], "部门支出预算项目表") || !strings.Contains(titles[10], "绩效目标申报表") {
		t.Errorf("attachments %q: want the nine tables, the project table, the two forms", titles)
	}
	if len(units) != 1 || !units["单位：元"] {
		t.Errorf("the nine tables' units %v, want 单位：元 (money_unit: 元)", units)
	}
	rows, _ := readLedger(t, examplePath)
	total := sumRaw(rows, func(rawRow) bool { return true }).StringFixed(2)
	for _, blk := range doc.Blocks {
		if x, ok := blk.(*layout.Table); ok && x.Name == "部门收支总表" {
			found := false
			for _, row := range x.Rows {
				for _, c := range row.Cells {
					found = found || c.Number != nil && c.Number.Value == total
				}
			}
			if !found {
				t.Errorf("部门收支总表 has no cell of the total %s 元", total)
			}
		}
	}
}

// A character no font has, inside a reason that a generated sentence
// prints, is an error at the reason's line.
func TestStandardGlyphInReasonIsPositioned(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	path := testtool.EditCopy(t, examplePath, "文化惠民演出由40场增加到52场", "文化惠民演出由40场增加到52场\uE000")
	if err := os.WriteFile(strings.TrimSuffix(path, "qingchuan-culture-2024.yaml")+"qingchuan-culture-2023.yaml", mustRead(t, examplePrevPath), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := report.New()
	if err != nil {
		t.Fatal(err)
	}
	text := string(mustRead(t, path))
	line := strings.Count(text[:strings.Index(text, "\uE000")], "\n") + 1
	found := false
	for _, f := range bl.Check(b) {
		if f.Severity.String() != "error" {
			continue
		}
		if f.Pos.Line != line || !strings.HasPrefix(f.Path, "reasons[") || !strings.Contains(f.Message, "U+E000") {
			t.Errorf("a glyph error not at the reason's line %d: %v", line, f)
		}
		found = true
	}
	if !found {
		t.Errorf("no error for U+E000 in the reason")
	}
}

// A workbook title wider than its table is broken after the unit's name,
// as the PDF breaks it, and one that fits its table is one line.
func TestWorkbookTitlesBreakAfterTheUnitName(t *testing.T) {
	f, err := excelize.OpenFile(exampleFile(t, report.XLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	title := func(table string) string {
		v, _ := f.GetCellValue(sheetOf(t, f, table), "A2")
		return v
	}
	if got, want := title("政府性基金预算支出表"), exampleUnit+"\n2024年政府性基金预算支出表"; got != want {
		t.Errorf("the 政府性基金 table's title is %q, want %q", got, want)
	}
	if got := title("一般公共预算支出表"); strings.Contains(got, "\n") {
		t.Errorf("the 一般公共预算支出表's title fits its table but is broken: %q", got)
	}
}
