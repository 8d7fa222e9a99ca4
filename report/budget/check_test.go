package budget

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

const samplePath = "../../data/sanmenxia-2021.yaml"

func readSample(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit replaces the first occurrence of old in the sample and returns the
// edited text and the 1-based line the change is on.
func edit(t *testing.T, sample, old, new string) (string, int) {
	t.Helper()
	i := strings.Index(sample, old)
	if i < 0 {
		t.Fatalf("sample has no %q", old)
	}
	return sample[:i] + new + sample[i+len(old):], strings.Count(sample[:i], "\n") + 1
}

// findings loads and checks text as a data file and returns every finding.
func findings(text string) Findings {
	b, err := Parse("x.yaml", []byte(text))
	if err != nil {
		return err.(Findings)
	}
	return Check(b)
}

func TestSampleIsClean(t *testing.T) {
	if fs := findings(readSample(t)); len(fs) > 0 {
		t.Fatalf("the sample has findings:\n%v", fs)
	}
}

func TestSampleFigures(t *testing.T) {
	b, err := Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, got, want string }{
		{"rows", fmt.Sprint(len(b.Rows)), "14"},
		{"forms", fmt.Sprint(len(b.Forms)), "4"},
		{"income", b.Income.Total().String(), "13567000"},
		{"table", RowTotal(b.Rows).String(), "13567000"},
		{"basic rows", RowTotal(b.RowsOf(Basic)).String(), "3567000"},
		{"project rows", RowTotal(b.RowsOf(Project)).String(), "10000000"},
		{"date", b.Date.Chinese(), "2021年3月17日"},
		{"form 4 indicators via alias", b.Forms[3].Indicators.Annual[0].Groups[0].Items[1].Name, "工作宣传"},
	} {
		if c.got != c.want {
			t.Errorf("%s = %s, want %s", c.name, c.got, c.want)
		}
	}
}

// Each edit of the sample must give an error at the edited line (or a
// message that names it) containing every one of want.
func TestEditsAreCaught(t *testing.T) {
	sample := readSample(t)
	cases := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"changed amount", "amount: 5000000", "amount: 5000100",
			[]string{"forms[1].annual.total", "5,000,000.00", "5,000,100.00", "difference 100.00"}},
		{"unknown key", "    detail: 福利费\n", "    detail: 福利费\n    amout: 5\n",
			[]string{`unknown key "amout"`, `did you mean "amount"`}},
		{"three decimals", "amount: 25000", "amount: 25000.125", []string{"more than 2 decimal places"}},
		{"missing row", "row: smart", "row: smrat", []string{`no row has the key "smrat"`, `did you mean "smart"`}},
		{"two names for a code", "function_name: 一般公共服务支出-市场监督管理事务-行政运行\n    category: 公用及运转支出\n    detail: 工会经费",
			"function_name: 一般公共服务支出-市场监督管理事务-一般行政管理事务\n    category: 公用及运转支出\n    detail: 工会经费",
			[]string{"function code 2013801", "rows[7]"}},
		{"negative", "amount: 60000", "amount: -60000", []string{"negative"}},
		{"missing field", "    detail: 办公经费\n", "", []string{`required field "detail"`}},
		{"stated total", "basic: 3567000", "basic: 3467000",
			[]string{"基本支出 3,467,000.00 ≠ sum of its rows 3,567,000.00 (difference 100,000.00)"}},
		{"date far from year", "date: 2021-03-17", "date: 2019-03-17", []string{"not in or just before the budget year 2021"}},
		{"bad code", `function_code: "2210201"`, `function_code: "221020"`, []string{"must be 7 digits"}},
		{"duplicate key", "    detail: 退休人员\n", "    detail: 退休人员\n    detail: 退休\n", []string{`duplicate key "detail"`}},
		{"form sum", "      total: 3000\n      fiscal: 3000", "      total: 3000\n      fiscal: 2900",
			[]string{"实施期资金总额 3,000.00 ≠ 财政拨款 + 其他资金 2,900.00"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, line := edit(t, sample, c.old, c.new)
			if c.name == "unknown key" || c.name == "duplicate key" {
				line++ // the added key is on the line after the edit's start
			}
			if c.name == "missing field" {
				line = 0 // reported at the row's mapping, checked by message
			}
			fs := findings(text)
			if !fs.HasErrors() {
				t.Fatalf("no error for the edit")
			}
			for _, f := range fs {
				if line != 0 && f.Pos.Line != line && !strings.Contains(f.Message, fmt.Sprintf("(line %d)", line)) {
					continue
				}
				if containsAll(f.String(), c.want) {
					return
				}
			}
			t.Errorf("no error at line %d containing %q; findings:\n%v", line, c.want, fs)
		})
	}
}

func TestSyntaxErrorNamesLine(t *testing.T) {
	sample := readSample(t)
	text, line := edit(t, sample, "  - { name: 人员支出, kind: basic }", "  - { name: 人员支出, kind: basic")
	fs := findings(text)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "YAML syntax") {
		t.Fatalf("want one syntax finding, got %v", fs)
	}
	// The parser notices the unclosed brace at the latest on the next line.
	if got := fs[0].Pos.Line; got < line || got > line+1 {
		t.Errorf("syntax error reported on line %d, want %d or %d", got, line, line+1)
	}
}

func TestAllFindingsReported(t *testing.T) {
	sample := readSample(t)
	text, _ := edit(t, sample, "amount: 25000", "amount: 25000.125")
	text, _ = edit(t, text, "    detail: 工会经费\n", "    detail: 工会经费\n    amout: 1\n")
	text, _ = edit(t, text, "date: 2021-03-17", "date: 2021-13-17")
	if fs := findings(text); len(fs) != 3 {
		t.Errorf("want 3 findings, got %d:\n%v", len(fs), fs)
	}
}

func TestJSONHasTheSameShape(t *testing.T) {
	json := `{"year": 2021, "date": "2021-03-17", "unit": {"name": "某单位"},
  "overview": {"organization": ["a"], "duties": ["b"], "composition": ["c"]},
  "income": {"general_budget": 100}, "expenditure": {"basic": 100, "project": 0},
  "categories": [{"name": "人员支出", "kind": "basic"}],
  "rows": [{"function_code": "2010301", "function_name": "x", "category": "人员支出", "detail": "在职人员", "amount": 100}]}`
	b, err := Parse("x.json", []byte(json))
	if err != nil {
		t.Fatal(err)
	}
	if fs := Check(b); len(fs) > 0 {
		t.Fatalf("findings: %v", fs)
	}
	if got := b.Source.Pos("rows[0].amount"); got.Line != 5 {
		t.Errorf("rows[0].amount read at %v, want line 5", got)
	}
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func TestWarnings(t *testing.T) {
	sample := readSample(t)
	text, line := edit(t, sample, "{ name: 财政投入, value: 500万元 }", "{ name: 财政投入, value: 400万元 }")
	fs := findings(text)
	if fs.HasErrors() || len(fs) != 1 || fs[0].Severity != Warning || fs[0].Pos.Line != line ||
		!strings.Contains(fs[0].Message, "财政投入 400万元 ≠ the form's 年度财政拨款 500万元") {
		t.Errorf("want one warning at line %d, got %v", line, fs)
	}
}
