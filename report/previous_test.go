package report_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"budgetdoc/report"
	"budgetdoc/report/msg"
)

// examplePair writes copies of the standard example and last year's file,
// each with its edits (old, new, …) applied once, into one folder and
// returns the copy of this year's.
func examplePair(t *testing.T, edits, prevEdits []string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []struct {
		path  string
		edits []string
	}{{examplePath, edits}, {examplePrevPath, prevEdits}} {
		text := string(mustRead(t, f.path))
		for i := 0; i+1 < len(f.edits); i += 2 {
			if !strings.Contains(text, f.edits[i]) {
				t.Fatalf("%s has no %q", f.path, f.edits[i])
			}
			text = strings.Replace(text, f.edits[i], f.edits[i+1], 1)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f.path)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, filepath.Base(examplePath))
}

// checked loads a data file and returns its findings, in English.
func checked(t *testing.T, path string) report.Findings {
	t.Helper()
	b, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return report.Check(b)
}

// finding fails unless there is a finding of the severity at the line whose text holds
// every part, (messages in English).
func finding(t *testing.T, fs report.Findings, severity string, line int, parts ...string) {
	t.Helper()
	for _, f := range fs {
		if f.Severity.String() == severity && f.Pos.Line == line && containsAll(f.String(), parts) {
			return
		}
	}
	t.Errorf("no %s at line %d with %q among:\n%v", severity, line, parts, fs)
}

func lineIn(t *testing.T, path, s string) int {
	t.Helper()
	text := string(mustRead(t, path))
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%s has no %q", path, s)
	}
	return strings.Count(text[:i], "\n") + 1
}

// explanation builds a data file's PDF and returns its text without white
// space and page numbers, so that a paragraph reads whole across a page
// break.
func explanation(t *testing.T, path string) string {
	t.Helper()
	pdf, err := buildFile(path, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	return folio.ReplaceAllString(strings.Join(rawPages(t, pdf), ""), "")
}

var folio = regexp.MustCompile(`—[0-9]+—`)

const exchangeReason = `{ key: "2070199", text: 对外文化交流团组由1个增加到2个 }`

// A project that moved to another function code is matched with last
// year's row by its key: a reason keyed by the row explains the change of
// the 项 it moved into (文化活动 26.00 → 34.00 万元), and without one the
// warning names the row.
func TestPreviousRowMovedFunctionCode(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	moved := []string{
		`{ key: exchange, function_code: "2070199", function_name: 其他文化和旅游支出,`,
		`{ key: exchange, function_code: "2070108", function_name: 文化活动,`,
	}
	path := examplePair(t, append(moved, exchangeReason,
		`{ key: exchange, text: 对外文化交流项目调整至文化活动科目，团组由1个增加到2个 }`), nil)
	if fs := checked(t, path); len(fs) > 0 {
		t.Errorf("findings:\n%v", fs)
	}
	// The 项 it left is printed with its fall, explained by the same row.
	text := explanation(t, path)
	for _, want := range []string{
		"文化旅游体育与传媒支出（类）文化和旅游（款）文化活动（项）34.00万元，比上年增加8.00万元，增长30.8%，" +
			"主要原因是对外文化交流项目调整至文化活动科目，团组由1个增加到2个。",
		"文化旅游体育与传媒支出（类）文化和旅游（款）其他文化和旅游支出（项）0.00万元，比上年减少6.00万元，下降100.0%，" +
			"主要原因是对外文化交流项目调整至文化活动科目，团组由1个增加到2个。",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}

	// Without reasons, the 项 it moved into is warned of at its first row,
	// the 项 it left at the reasons: key (it has no row this year).
	path = examplePair(t, append(moved, "  - "+exchangeReason+"\n", ""), nil)
	fs := checked(t, path)
	finding(t, fs, "warning", lineIn(t, path, `{ key: heritage, function_code: "2070108"`), "rows[", ".function_code",
		"2070108", "30.8%", "add one under reasons with key \"2070108\"", "changed in it: exchange")
	finding(t, fs, "warning", lineStarting(t, path, "reasons:"), "warning: reasons:",
		"2070199", "100.0%", "add one under reasons with key \"2070199\"", "changed in it: exchange")
}

// Two projects under one 项 are told apart by their keys: the 项's
// paragraph gives the reasons of both rows that changed, in row order,
// and none of the row that did not.
func TestPreviousTwoRowsOneCode(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	path := examplePair(t, []string{
		`{ key: "2070109", text: 文化惠民演出由40场增加到52场 }`,
		`{ key: shows, text: 文化惠民演出由40场增加到52场 }
  - { key: village-shows, text: 新增送戏下乡 }
  - { key: heritage, text: 展演场次不变 }`,
		`detail: 文化惠民演出, economic_code: "30227", amount: 1200000 }`,
		`detail: 文化惠民演出, economic_code: "30227", amount: 1200000 }
  - { key: village-shows, function_code: "2070109", function_name: 群众文化, category: 专项业务经费, detail: 送戏下乡, economic_code: "30227", amount: 200000 }`,
		"general_budget: 9449300", "general_budget: 9649300",
		"project: 3949000", "project: 4149000",
	}, nil)
	fs := checked(t, path)
	// heritage is in the same 项 with the same amount: its reason would be
	// lost, and is warned of at its line.
	finding(t, fs, "warning", lineIn(t, path, "{ key: heritage, text:"), "reasons[", "heritage", "printed nowhere")
	if len(fs) != 1 {
		t.Errorf("findings:\n%v", fs)
	}
	want := "群众文化（项）140.00万元，比上年增加45.00万元，增长47.4%，主要原因是文化惠民演出由40场增加到52场；新增送戏下乡。"
	text := explanation(t, path)
	if !strings.Contains(text, want) {
		t.Errorf("the PDF lacks %q", want)
	}
	if strings.Contains(text, "展演场次不变") {
		t.Error("the reason of an unchanged row is printed")
	}
}

// A reason keyed by something that does not exist, or by a key that is
// both a row's and a figure's, is an error at the reason's line.
func TestPreviousReasonKeys(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	path := examplePair(t, []string{exchangeReason, `{ key: exchang, text: 对外文化交流团组增加 }`}, nil)
	finding(t, checked(t, path), "error", lineIn(t, path, "{ key: exchang,"), "reasons[", `a reason for "exchang"`, "a row key")

	// Last year's row keys count: a row dropped this year may be explained
	// (its 项 keeps other rows).
	path = examplePair(t, []string{exchangeReason, `{ key: exchange, text: 对外文化交流团组由1个增加到2个 }`}, nil)
	for _, f := range checked(t, path) {
		if f.Severity.String() == "error" {
			t.Errorf("error for a reason keyed by an existing row: %v", f)
		}
	}

	path = examplePair(t, []string{"{ key: archives,", "{ key: total,"}, nil)
	finding(t, checked(t, path), "error", lineIn(t, path, "{ key: total, text:"), `a reason for "total", which is both a row's key and a figure`)
}

// Every reason the example gives is printed, after 主要原因是: none is
// lost.
func TestPreviousEveryReasonPrinted(t *testing.T) {
	var data struct {
		Reasons []struct{ Key, Text string } `yaml:"reasons"`
	}
	if err := yaml.Unmarshal(mustRead(t, examplePath), &data); err != nil {
		t.Fatal(err)
	}
	text := folio.ReplaceAllString(exampleText(t), "")
	for _, r := range data.Reasons {
		if !strings.Contains(text, squeeze("主要原因是"+r.Text)) {
			t.Errorf("the reason for %s, %q, is not printed", r.Key, r.Text)
		}
	}
	if len(data.Reasons) < 10 {
		t.Errorf("only %d reasons", len(data.Reasons))
	}
}

// A reason that no sentence of the explanation prints — for a 款, for a
// 项 of a fund the explanation does not describe item by item, for a code
// only last year had in such a fund — is warned of at its line.
func TestPreviousReasonPrintedNowhere(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	for _, key := range []string{"20701", "2070204", "2070205"} {
		edits := []string{exchangeReason, `{ key: "` + key + `", text: 无处印出的原因 }`}
		var prevEdits []string
		if key == "2070205" { // last year's 上年结转 row moves to 2070205 博物馆, a code this year lacks
			prevEdits = []string{`{ key: creation, function_code: "2070111", function_name: 文化创作与保护,`,
				`{ key: creation, function_code: "2070205", function_name: 博物馆,`}
		}
		path := examplePair(t, edits, prevEdits)
		finding(t, checked(t, path), "warning", lineIn(t, path, `{ key: "`+key+`", text: 无处印出的原因 }`),
			"reasons[", `the reason for "`+key+`" is printed nowhere`)
	}
}

// A row last year had and this year has not is matched by its key too:
// its reason explains the fall of the 项 it was in, after the 项's own.
func TestPreviousRowDropped(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	path := examplePair(t, []string{
		`{ key: "2070109", text: 文化惠民演出由40场增加到52场 }`,
		`{ key: "2070109", text: 文化惠民演出由40场增加到52场 }
  - { key: village-shows, text: 送戏下乡并入文化惠民演出 }`,
	}, []string{
		`detail: 文化惠民演出, economic_code: "30227", amount: 950000 }`,
		`detail: 文化惠民演出, economic_code: "30227", amount: 950000 }
  - { key: village-shows, function_code: "2070109", function_name: 群众文化, category: 专项业务经费, detail: 送戏下乡, economic_code: "30227", amount: 100000 }`,
		"general_budget: 8861200", "general_budget: 8961200",
		"project: 2995000", "project: 3095000",
	})
	for _, f := range checked(t, path) {
		if strings.Contains(f.String(), "village-shows") || f.Severity.String() == "error" {
			t.Errorf("finding: %v", f)
		}
	}
	want := "群众文化（项）120.00万元，比上年增加15.00万元，增长14.3%，主要原因是文化惠民演出由40场增加到52场；送戏下乡并入文化惠民演出。"
	if text := explanation(t, path); !strings.Contains(text, want) {
		t.Errorf("the PDF lacks %q", want)
	}
}

// dropLines are edits that remove from the example each line holding one
// of parts.
func dropLines(t *testing.T, parts ...string) []string {
	t.Helper()
	var edits []string
	for _, line := range strings.SplitAfter(string(mustRead(t, examplePath)), "\n") {
		for _, s := range parts {
			if strings.Contains(line, s) {
				edits = append(edits, line, "")
				break
			}
		}
	}
	return edits
}

// lineStarting is the number of the first line of path that starts with s.
func lineStarting(t *testing.T, path, s string) int {
	t.Helper()
	return lineIn(t, path, "\n"+s) + 1
}

// vanishedEdits remove from the example its 政府性基金 rows (56.00 万元
// last year) and the rows of 类 201 一般公共服务支出 (1.50 万元 last year)
// with their reasons, and restate income and spending, so that a source
// and a 类 of last year have nothing this year. reasons are put first
// under reasons:.
func vanishedEdits(t *testing.T, reasons ...string) []string {
	t.Helper()
	edits := dropLines(t, "fund: 政府性基金预算拨款", "{ key: party,", "{ key: archives,",
		`{ key: "201",`, `{ key: "2019999",`, `{ key: "2296003",`)
	return append(edits, "government_fund: 520000", "government_fund: 0",
		"general_budget: 9449300", "general_budget: 9338300", // − 111,000 of 201
		"basic: 6730300", "basic: 6715300", // − party
		"running_cost: 515500", "running_cost: 500500", // − party
		"project: 3949000", "project: 3333000", // − films, fitness, archives
		"reasons:\n", "reasons:\n"+strings.Join(reasons, ""))
}

// A source, a 类 and a 项 that existed last year and have nothing now are
// printed with their fall (二, 五（二）, 五（三）), and each is a change
// that needs a reason: without one, a warning at the figure's place (the
// source's income line) or, when it has none this year, at the reasons:
// key; with one, no finding and the reason printed (the fund's in 八,
// where its spending is described). A fund with nothing this year is one
// sentence in 八: its 项 are not listed.
func TestPreviousSourceAndClassFallToZero(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	prevRows, _ := readLedger(t, examplePrevPath)
	fundPrev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "政府性基金预算拨款" })
	classPrev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "一般公共预算拨款" && r.code[:3] == "201" })
	itemPrev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "一般公共预算拨款" && r.code == "2019999" })
	if fundPrev.IsZero() || classPrev.IsZero() || itemPrev.IsZero() {
		t.Fatal("last year's example should have 政府性基金, 类 201 and 项 2019999")
	}
	zero := decimal.Zero
	income := "政府性基金预算拨款收入0.00万元，" + changeWords(zero, fundPrev) + "；上年结转"
	class := "一般公共服务支出0.00万元，" + changeWords(zero, classPrev)
	item := "1. 一般公共服务支出（类）其他一般公共服务支出（款）其他一般公共服务支出（项）0.00万元，" + changeWords(zero, itemPrev)
	fund := "本部门2024年无政府性基金预算拨款安排的支出，上年为" + wan(fundPrev) + "万元"

	path := examplePair(t, vanishedEdits(t), nil)
	fs := checked(t, path)
	reasons := lineStarting(t, path, "reasons:")
	finding(t, fs, "warning", lineIn(t, path, "  government_fund: 0"), "income.government_fund",
		"政府性基金预算拨款 changed by 100.0%", "560,000.00 → 0.00", `key "政府性基金预算拨款"`)
	finding(t, fs, "warning", reasons, "warning: reasons:", "一般公共服务支出 (201) changed by 100.0%", "15,000.00 → 0.00", `key "201"`)
	finding(t, fs, "warning", reasons, "warning: reasons:", "其他一般公共服务支出 (2019999) changed by 100.0%", "15,000.00 → 0.00",
		`key "2019999"`, "changed in it: party")
	if len(fs) != 3 {
		t.Errorf("findings:\n%v", fs)
	}
	text := explanation(t, path)
	for _, want := range []string{income, class + "；", item + "。", fund + "。"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("without reasons, the PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "资助国产影片放映（项）") {
		t.Error("a 项 of a fund with nothing this year is listed")
	}

	path = examplePair(t, vanishedEdits(t,
		"  - { key: 政府性基金预算拨款, text: 农村公益电影放映和全民健身器材购置改由上级直接安排 }\n",
		"  - { key: \"201\", text: 档案数字化项目改由区档案馆实施 }\n",
		"  - { key: party, text: 党建工作经费改由区委统一安排 }\n"), nil)
	if fs := checked(t, path); len(fs) > 0 {
		t.Errorf("with the three reasons, findings:\n%v", fs)
	}
	text = explanation(t, path)
	for _, want := range []string{income,
		class + "，主要原因是档案数字化项目改由区档案馆实施；",
		item + "，主要原因是党建工作经费改由区委统一安排。",
		fund + "，主要原因是农村公益电影放映和全民健身器材购置改由上级直接安排。"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("with reasons, the PDF lacks %q", want)
		}
	}
}

// marketEdits remove from the example its row of 项 2070112 文化和旅游市场管理
// (一般公共预算拨款, 项目支出), which last year's file has too, and restate
// income and spending, so that a 项 of last year has nothing this year.
// reasons are put first under reasons:.
func marketEdits(t *testing.T, reasons ...string) []string {
	t.Helper()
	rows, _ := readLedger(t, examplePath)
	amount := sumRaw(rows, func(r rawRow) bool { return r.code == "2070112" })
	restate := func(field string, d decimal.Decimal) []string {
		return []string{field + d.String(), field + d.Sub(amount).String()}
	}
	edits := dropLines(t, "{ key: market,")
	edits = append(edits, restate("general_budget: ", decimal.NewFromInt(9449300))...)
	edits = append(edits, restate("project: ", decimal.NewFromInt(3949000))...)
	return append(edits, "reasons:\n", "reasons:\n"+strings.Join(reasons, ""))
}

// A 项 that last year had and this year has not is printed in 具体使用情况
// in its place by code, with its fall to 0 (减少…，下降100.0%), and is a
// change that needs a reason: without one, a warning at the reasons: key
// (the 项 has no row this year); with one, keyed by its code or by the
// row that left it, no finding and the reason printed. The 类 of
// （二）结构情况 still equal the sums of their 项 in （三）.
func TestPreviousItemFallsToZero(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	prevRows, _ := readLedger(t, examplePrevPath)
	prev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "一般公共预算拨款" && r.code == "2070112" })
	if prev.IsZero() {
		t.Fatal("last year's example should have 项 2070112")
	}
	item := "文化旅游体育与传媒支出（类）文化和旅游（款）文化和旅游市场管理（项）0.00万元，" + changeWords(decimal.Zero, prev)
	if !strings.Contains(item, "减少") || !strings.Contains(item, "下降100.0%") {
		t.Fatalf("changeWords: %q", item)
	}

	path := examplePair(t, marketEdits(t), nil)
	fs := checked(t, path)
	finding(t, fs, "warning", lineStarting(t, path, "reasons:"), "warning: reasons:",
		"文化和旅游市场管理 (2070112) changed by 100.0%", yuan(prev)+" → 0.00", `add one under reasons with key "2070112"`, "changed in it: market")
	if len(fs) != 1 {
		t.Errorf("findings:\n%v", fs)
	}
	text := explanation(t, path)
	section := itemSection(t, text)
	parts := itemParagraphs(t, path, examplePrevPath)
	if missing, ok := inOrder(section, parts); !ok {
		t.Errorf("具体使用情况 lacks %q (in order) in:\n%s", missing, section)
	}
	if !strings.Contains(section, squeeze(item)+"。") {
		t.Errorf("具体使用情况 lacks %q", item)
	}
	// By code among the others of its 款: after 群众文化 (2070109), before 旅游宣传 (2070113).
	if missing, ok := inOrder(section, []string{"群众文化（项）", item, "旅游宣传（项）"}); !ok {
		t.Errorf("具体使用情况 lacks %q in order", missing)
	}
	classesAddUp(t, text)

	for _, reason := range []string{
		"  - { key: \"2070112\", text: 文化旅游市场执法检查改由区综合行政执法局承担 }\n",
		"  - { key: market, text: 文化旅游市场执法检查改由区综合行政执法局承担 }\n",
	} {
		path = examplePair(t, marketEdits(t, reason), nil)
		if fs := checked(t, path); len(fs) > 0 {
			t.Errorf("with the reason %s findings:\n%v", reason, fs)
		}
		want := squeeze(item + "，主要原因是文化旅游市场执法检查改由区综合行政执法局承担。")
		if section := itemSection(t, explanation(t, path)); !strings.Contains(section, want) {
			t.Errorf("with the reason %s, 具体使用情况 lacks %q", reason, want)
		}
	}
}

// yuan is an amount in 元 as the findings print it: 90,000.00.
func yuan(d decimal.Decimal) string {
	s := d.StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return whole + "." + frac
}

var itemParagraph = regexp.MustCompile(`[0-9]+\.([^（）。；]+)（类）[^（）]+（款）[^（）]+（项）([0-9,]+\.[0-9]{2})万元`)

// classesAddUp checks, on the printed text, that each 类 of 五（二）结构情况
// is printed with the sum of its 项 in 五（三）具体使用情况.
func classesAddUp(t *testing.T, text string) {
	t.Helper()
	sums := map[string]decimal.Decimal{}
	for _, m := range itemParagraph.FindAllStringSubmatch(itemSection(t, text), -1) {
		sums[m[1]] = sums[m[1]].Add(decimal.RequireFromString(strings.ReplaceAll(m[2], ",", "")))
	}
	start := strings.Index(text, "（二）结构情况")
	end := strings.Index(text, "（三）具体使用情况")
	if start < 0 || end < start || len(sums) == 0 {
		t.Fatal("no （二）结构情况 before the 项 of （三）")
	}
	for class, sum := range sums {
		if want := class + wan(sum.Mul(decimal.NewFromInt(10000))) + "万元"; !strings.Contains(text[start:end], want) {
			t.Errorf("（二）结构情况 lacks %q, the sum of its 项 in （三）", want)
		}
	}
}

// Each finding about a reason names the place that locates it: a missing
// reason the figure's own place this year (the first row of its 项 or 类,
// its stated amount) or, when it has none, the reasons: key itself (not
// its first entry), or previous: when there is no reasons: key; an unused
// reason its own entry. Lines are found in the mutated text.
func TestReasonFindingsAtTheirEntry(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	for _, c := range []struct {
		name        string
		edits       []string
		path, at    string // the finding's field (or its start) and the text at its line
		atLineStart bool   // at starts its line
		message     string
	}{
		{"项", dropLines(t, `{ key: "2070109", text:`), "rows[", `{ key: shows, function_code: "2070109"`, false, "群众文化 (2070109) changed by"},
		{"类", dropLines(t, `{ key: "201", text:`), "rows[", `{ key: party, function_code: "2019999"`, false, "一般公共服务支出 (201) changed by"},
		{"fund", dropLines(t, `{ key: 上年结转, text:`), "income.carryover", "  carryover: 710000", false, "上年结转 changed by"},
		{"项目支出", dropLines(t, `{ key: project, text:`), "expenditure.project", "  project: 3949000", false, "项目支出 (project) changed by"},
		{"三公 kind", dropLines(t, `{ key: three_public.reception, text:`), "three_public.reception", "  reception: 36000", false, "公务接待费 (three_public.reception) changed by"},
		{"机关运行经费", append(dropLines(t, `{ key: running_cost, text:`), "reason_threshold: 10", "reason_threshold: 1"), "running_cost", "running_cost: 515500", true, "机关运行经费 (running_cost) changed by"},
		{"三公", append(dropLines(t, `{ key: three_public, text:`), "reason_threshold: 10", "reason_threshold: 1"), "three_public", "three_public:", true, "“三公”经费 (three_public) changed by"},
		{"total", dropLines(t, `{ key: total, text:`), "reasons", "reasons:", true, "收支总计 (total) changed by"},
		{"no reasons key", dropLines(t, "reasons:", ", text: "), "previous", "previous:", true, "收支总计 (total) changed by"},
		{"no previous", dropLines(t, "previous: "), "reasons", "reasons:", true, "reasons are given but no previous"},
		{"unused", []string{"  - { key: project, text:", "  - { key: \"20701\", text: 无处印出的原因 }\n  - { key: project, text:"},
			"reasons[", `  - { key: "20701", text:`, false, `the reason for "20701" is printed nowhere`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := examplePair(t, c.edits, nil)
			line := lineIn(t, path, c.at)
			if c.atLineStart {
				line = lineStarting(t, path, c.at)
			}
			var found []report.Finding
			for _, f := range checked(t, path) {
				if strings.Contains(f.Message, c.message) {
					found = append(found, f)
				}
			}
			if len(found) != 1 {
				t.Fatalf("%d findings with %q: %v", len(found), c.message, found)
			}
			f := found[0]
			if f.Pos.File != path || f.Pos.Line != line || !strings.HasPrefix(f.Path, c.path) {
				t.Errorf("finding at %s, field %s; want line %d, field %s…: %v", f.Pos, f.Path, line, c.path, f)
			}
		})
	}
}

// What the explanation prints of last year's file alone must have a name:
// a 类 and 款 that have nothing this year and are named by neither year's
// functions nor a 类-款-项 function_name are an error at last year's row,
// in last year's file; named there, they print.
func TestPreviousVanishedCodesNeedNames(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	unnamed := []string{
		"  - { code: \"201\", name: 一般公共服务支出 }\n", "",
		"  - { code: \"20199\", name: 其他一般公共服务支出 }\n", "",
	}
	party := `{ key: party, function_code: "2019999", function_name: 其他一般公共服务支出,`
	path := examplePair(t, append(vanishedEdits(t), unnamed...), unnamed)
	prevPath := filepath.Join(filepath.Dir(path), filepath.Base(examplePrevPath))
	fs := checked(t, path)
	var errs []report.Finding
	for _, f := range fs {
		if f.Severity.String() == "error" {
			errs = append(errs, f)
		}
	}
	if len(errs) != 2 {
		t.Fatalf("errors:\n%v", fs)
	}
	line := lineIn(t, prevPath, party)
	for i, code := range []string{"201", "20199"} {
		f := errs[i]
		if f.Pos.File != prevPath || f.Pos.Line != line || !strings.HasSuffix(f.Path, ".function_name") ||
			!strings.Contains(f.Message, "function code "+code+" of last year's file") {
			t.Errorf("want an error for %s at %s:%d: %v", code, prevPath, line, f)
		}
	}

	path = examplePair(t, append(vanishedEdits(t), unnamed...), append(unnamed, party,
		`{ key: party, function_code: "2019999", function_name: 一般公共服务支出-其他一般公共服务支出-其他一般公共服务支出,`))
	for _, f := range checked(t, path) {
		if f.Severity.String() == "error" {
			t.Errorf("named in last year's row: %v", f)
		}
	}
	want := "1. 一般公共服务支出（类）其他一般公共服务支出（款）其他一般公共服务支出（项）0.00万元"
	if text := explanation(t, path); !strings.Contains(text, squeeze(want)) {
		t.Errorf("the PDF lacks %q", want)
	}
}

// A 项 of 政府性基金 that fell to zero while the fund still has spending is
// listed in 八 like one of 一般公共预算拨款 in 五（三）: by code, with its
// fall and its reason.
func TestPreviousFundItemFallsToZero(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	prevRows, _ := readLedger(t, examplePrevPath)
	prev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "政府性基金预算拨款" && r.code == "2296003" })
	rows, _ := readLedger(t, examplePath)
	films := sumRaw(rows, func(r rawRow) bool { return r.fund == "政府性基金预算拨款" && r.code == "2070701" })
	edits := append(dropLines(t, "{ key: fitness,"),
		"government_fund: 520000", "government_fund: "+films.String(),
		"project: 3949000", "project: "+decimal.NewFromInt(3949000).Sub(decimal.NewFromInt(520000)).Add(films).String())
	path := examplePair(t, edits, nil)
	for _, f := range checked(t, path) {
		if f.Severity.String() == "error" {
			t.Errorf("error: %v", f)
		}
	}
	text := explanation(t, path)
	start := strings.Index(text, "八、政府性基金预算支出情况")
	start += strings.Index(text[start+1:], "八、政府性基金预算支出情况") + 1 // after the table of contents
	end := strings.Index(text[start:], "九、")
	if start <= 0 || end < 0 {
		t.Fatal("no section 八 before 九")
	}
	want := []string{"1. 文化旅游体育与传媒支出（类）国家电影事业发展专项资金安排的支出（款）资助国产影片放映（项）" + wan(films) + "万元",
		"2. 其他支出（类）彩票公益金安排的支出（款）用于体育事业的彩票公益金（项）0.00万元，" + changeWords(decimal.Zero, prev) +
			"，主要原因是上年已完成部分乡镇健身器材更新。"}
	if missing, ok := inOrder(text[start:start+end], want); !ok {
		t.Errorf("八 lacks %q in:\n%s", missing, text[start:start+end])
	}
}
