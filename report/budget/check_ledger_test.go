package budget

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// wantFinding fails unless fs has a finding of the severity at the line
// whose message holds every part.
func wantFinding(t *testing.T, fs Findings, sev Severity, line int, parts ...string) {
	t.Helper()
	for _, f := range fs {
		if f.Severity != sev || f.Pos.Line != line {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(f.String(), p)
		}
		if ok {
			return
		}
	}
	t.Errorf("no %s at line %d with %q among:\n%v", sev, line, parts, fs)
}

func TestLedgerFund(t *testing.T) {
	sample := readSample(t)
	// An unknown fund is named at its line.
	text, line := edit(t, sample, "    detail: 在职人员\n", "    detail: 在职人员\n    fund: 一般预算\n")
	wantFinding(t, findings(text), Error, line+1, "rows[0].fund", "一般预算")
	// A row moved to another fund leaves income.general_budget 3,112,000
	// above its rows, and 政府性基金 3,112,000 below them.
	text, _ = edit(t, sample, "    detail: 在职人员\n", "    detail: 在职人员\n    fund: 政府性基金预算拨款\n")
	fs := findings(text)
	wantFinding(t, fs, Error, lineOf(t, sample, "  general_budget: 13567000"), "income.general_budget", "13,567,000.00", "10,455,000.00", "difference 3,112,000.00")
	wantFinding(t, fs, Error, lineOf(t, sample, "  government_fund: 0"), "income.government_fund", "difference 3,112,000.00")
}

func TestLedgerEconomicCode(t *testing.T) {
	sample := readSample(t)
	for _, c := range []struct{ code, want string }{
		{"3010", "must be 5 digits"},
		{"40101", "class 401 is not"},
		{"30198", "give its name as economic_name"},
	} {
		text, line := edit(t, sample, "    detail: 在职人员\n", "    detail: 在职人员\n    economic_code: \""+c.code+"\"\n")
		wantFinding(t, findings(text), Error, line+1, "rows[0].economic_code", c.want)
	}
	text, _ := edit(t, sample, "    detail: 在职人员\n", "    detail: 在职人员\n    economic_code: \"30101\"\n")
	text, line := edit(t, text, "    detail: 退休人员\n", "    detail: 退休人员\n    economic_code: \"30101\"\n    economic_name: 工资\n")
	wantFinding(t, findings(text), Error, line+2, "economic code 30101 is named \"工资\" here but \"基本工资\" in rows[0]")
}

func TestLedgerFunctionNames(t *testing.T) {
	sample := readSample(t)
	// 20805 is 行政事业单位离退休 in three rows; a fourth calling it
	// otherwise is named with the first row's line.
	text, line := edit(t, sample, "社会保障和就业支出-行政事业单位离退休-机关事业单位职业年金缴费支出",
		"社会保障和就业支出-行政事业单位养老支出-机关事业单位职业年金缴费支出")
	first := lineOf(t, sample, "  - function_code: \"2080502\"")
	wantFinding(t, findings(text), Error, line, "款 code 20805 is named \"行政事业单位养老支出\" here but \"行政事业单位离退休\" in rows[1] (line "+itoa(first)+")")
	// A functions entry and a row that disagree on a 类.
	text = strings.Replace(sample, "\nrows:\n", "\nfunctions:\n  - { code: \"201\", name: 一般公共服务 }\nrows:\n", 1)
	wantFinding(t, findings(text), Error, lineOf(t, text, "function_name: 一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行"),
		"类 code 201 is named \"一般公共服务支出\" here but \"一般公共服务\" in functions[0]")
}

func TestPreviousIsLoaded(t *testing.T) {
	dir := t.TempDir()
	sample := readSample(t)
	last := strings.Replace(strings.Replace(sample, "year: 2021", "year: 2020", 1), "date: 2021-03-17", "date: 2020-03-17", 1)
	if err := os.MkdirAll(filepath.Join(dir, "old"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("old/2020.yaml", last)
	cur := write("2021.yaml", "previous: old/2020.yaml\n"+sample)
	b, err := Load(cur)
	if err != nil {
		t.Fatal(err)
	}
	if b.Previous == nil || b.Previous.Year != 2020 || b.Previous.Source.File != filepath.Join(dir, "old/2020.yaml") {
		t.Fatalf("previous not loaded: %+v", b.Previous)
	}
	if fs := Check(b); len(fs) > 0 {
		t.Errorf("findings: %v", fs)
	}
	// A problem in last year's file is named in that file.
	write("old/2020.yaml", strings.Replace(last, "  general_budget: 13567000", "  general_budget: 1,000", 1))
	_, err = Load(cur)
	if fs, ok := err.(Findings); !ok || len(fs) == 0 || !strings.HasSuffix(fs[0].Pos.File, "2020.yaml") || fs[0].Pos.Line != lineOf(t, last, "  general_budget: 13567000") {
		t.Errorf("error %v, want one in 2020.yaml at general_budget", err)
	}
	// A missing file is named at the previous field; a wrong year too.
	cur = write("2021.yaml", "previous: old/none.yaml\n"+sample)
	if _, err := Load(cur); err == nil || !strings.Contains(err.Error(), "2021.yaml:1:11: error: previous: last year's file cannot be read") {
		t.Errorf("error %v", err)
	}
	write("old/2020.yaml", sample)
	cur = write("2021.yaml", "previous: old/2020.yaml\n"+sample)
	b, err = Load(cur)
	if err != nil {
		t.Fatal(err)
	}
	wantFinding(t, Check(b), Error, 1, "is for 2021, not 2020")
}

func lineOf(t *testing.T, text, s string) int {
	t.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("no %q", s)
	}
	return strings.Count(text[:i], "\n") + 1
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestStatedPerformanceAmount(t *testing.T) {
	sample := readSample(t)
	// The sample's four forms hold 500 + … 万元 a year; 1 元 is less.
	text := strings.Replace(sample, "\nrows:\n", "\nperformance: { projects: 4, amount: 1 }\nrows:\n", 1)
	wantFinding(t, findings(text), Warning, lineOf(t, text, "performance: {"), "performance.amount", "less than the 年度资金总额")
}

// A change without a reason names a fund once (一般公共预算拨款比上年变动, not
// 一般公共预算拨款（一般公共预算拨款）比上年变动) and a 项 by its name with its
// code (the tests print the English messages).
func TestChangeWithoutReasonNamesItOnce(t *testing.T) {
	b, err := Load(filepath.Join("..", "..", "data", "examples", "qingchuan-culture-2024.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range b.Rows {
		if r.Key == "heritage" { // 2070108 文化活动, 一般公共预算拨款, no reason given
			b.Rows[i].Amount.Decimal = r.Amount.Decimal.Mul(decimal.NewFromInt(20))
		}
	}
	var texts []string
	for _, f := range Check(b) {
		if f.Severity == Warning && strings.Contains(f.Message, "has no reason") {
			texts = append(texts, f.Message)
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"一般公共预算拨款 changed by", "一般公共预算拨款 文化活动 (2070108) changed by"} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning with %q among:\n%s", want, all)
		}
	}
	if strings.Contains(all, "一般公共预算拨款 (一般公共预算拨款)") {
		t.Errorf("a fund named twice:\n%s", all)
	}
}
