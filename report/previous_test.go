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
	want := "文化旅游体育与传媒支出（类）文化和旅游（款）文化活动（项）34.00万元，比上年增加8.00万元，增长30.8%，" +
		"主要原因是对外文化交流项目调整至文化活动科目，团组由1个增加到2个。"
	if text := explanation(t, path); !strings.Contains(text, want) {
		t.Errorf("the PDF lacks %q", want)
	}

	path = examplePair(t, append(moved, "  - "+exchangeReason+"\n", ""), nil)
	finding(t, checked(t, path), "warning", lineIn(t, path, "  - { key: total,"),
		"2070108", "30.8%", "add one with key \"2070108\"", "changed in it: exchange")
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
// only last year had — is warned of at its line.
func TestPreviousReasonPrintedNowhere(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	for _, key := range []string{"20701", "2070204", "2070199"} {
		edits := []string{exchangeReason, `{ key: "` + key + `", text: 无处印出的原因 }`}
		if key == "2070199" { // exchange moves to 2070108, leaving 2070199 to last year
			edits = append(edits, `{ key: exchange, function_code: "2070199", function_name: 其他文化和旅游支出,`,
				`{ key: exchange, function_code: "2070108", function_name: 文化活动,`)
		}
		path := examplePair(t, edits, nil)
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

// vanishedEdits remove from the example its 政府性基金 rows (56.00 万元
// last year) and the rows of 类 201 一般公共服务支出 (1.50 万元 last year)
// with their reasons, and restate income and spending, so that a source
// and a 类 of last year have nothing this year. reasons are put first
// under reasons:.
func vanishedEdits(t *testing.T, reasons ...string) []string {
	t.Helper()
	var edits []string
	for _, line := range strings.SplitAfter(string(mustRead(t, examplePath)), "\n") {
		for _, s := range []string{"fund: 政府性基金预算拨款", "{ key: party,", "{ key: archives,",
			`{ key: "201",`, `{ key: "2019999",`, `{ key: "2296003",`} {
			if strings.Contains(line, s) {
				edits = append(edits, line, "")
				break
			}
		}
	}
	edits = append(edits, "government_fund: 520000", "government_fund: 0",
		"general_budget: 9449300", "general_budget: 9338300", // − 111,000 of 201
		"basic: 6730300", "basic: 6715300", // − party
		"running_cost: 515500", "running_cost: 500500", // − party
		"project: 3949000", "project: 3333000", // − films, fitness, archives
		"reasons:\n", "reasons:\n"+strings.Join(reasons, ""))
	return edits
}

// A source and a 类 that existed last year and have nothing now are
// printed with their fall (二, 五（二）), and each is a change that needs a
// reason: without one, a warning at the reasons; with one, no finding and
// the reason printed (the fund's in 八, where its spending is described).
func TestPreviousSourceAndClassFallToZero(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English))
	prevRows, _ := readLedger(t, examplePrevPath)
	fundPrev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "政府性基金预算拨款" })
	classPrev := sumRaw(prevRows, func(r rawRow) bool { return r.fund == "一般公共预算拨款" && r.code[:3] == "201" })
	if fundPrev.IsZero() || classPrev.IsZero() {
		t.Fatal("last year's example should have 政府性基金 and 类 201")
	}
	zero := decimal.Zero
	income := "政府性基金预算拨款收入0.00万元，" + changeWords(zero, fundPrev) + "；上年结转"
	class := "一般公共服务支出0.00万元，" + changeWords(zero, classPrev)
	fund := "本部门2024年无政府性基金预算拨款安排的支出，上年为" + wan(fundPrev) + "万元"

	path := examplePair(t, vanishedEdits(t), nil)
	fs := checked(t, path)
	at := lineIn(t, path, "  - { key: total,")
	finding(t, fs, "warning", at, "政府性基金预算拨款 changed by 100.0%", "560,000.00 → 0.00", `key "政府性基金预算拨款"`)
	finding(t, fs, "warning", at, "一般公共服务支出 (201) changed by 100.0%", "15,000.00 → 0.00", `key "201"`)
	text := explanation(t, path)
	for _, want := range []string{income, class + "；", fund + "。"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("without reasons, the PDF lacks %q", want)
		}
	}

	path = examplePair(t, vanishedEdits(t,
		"  - { key: 政府性基金预算拨款, text: 农村公益电影放映和全民健身器材购置改由上级直接安排 }\n",
		"  - { key: \"201\", text: 档案数字化项目改由区档案馆实施 }\n"), nil)
	if fs := checked(t, path); len(fs) > 0 {
		t.Errorf("with both reasons, findings:\n%v", fs)
	}
	text = explanation(t, path)
	for _, want := range []string{income,
		class + "，主要原因是档案数字化项目改由区档案馆实施；",
		fund + "，主要原因是农村公益电影放映和全民健身器材购置改由上级直接安排。"} {
		if !strings.Contains(text, squeeze(want)) {
			t.Errorf("with reasons, the PDF lacks %q", want)
		}
	}
}
