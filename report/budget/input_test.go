package budget

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// A sample saved as GBK or UTF-16 by a Windows editor reads as the UTF-8
// one, with a warning that names the encoding.
func TestGBKAndUTF16AreReadWithAWarning(t *testing.T) {
	sample := readSample(t)
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().String(sample)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, data, want string }{
		{"GBK", gbk, "GBK"},
		{"UTF-16", utf16, "UTF-16"},
	} {
		b, err := Parse("x.yaml", []byte(c.data))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if b.Unit.Name != "三门峡经济开发区政务服务部" {
			t.Errorf("%s: unit name read as %q", c.name, b.Unit.Name)
		}
		fs := Check(b)
		if len(fs) != 1 || fs[0].Severity != Warning || fs[0].Pos.Line != 1 || !strings.Contains(fs[0].Message, c.want) {
			t.Errorf("%s: want one warning at line 1 naming %s, got\n%v", c.name, c.want, fs)
		}
	}
}

// Latin-1 is not called GBK: the file is refused at its first bad byte.
func TestLatin1IsNotCalledGBK(t *testing.T) {
	fs := findings("year: 2021\nunit:\n  name: Caf\xe9 de la Paix\n")
	if len(fs) != 1 || fs[0].Severity != Error || fs[0].Pos.Line != 3 || fs[0].Pos.Col != 12 ||
		strings.Contains(fs[0].Message, "read as GBK") || !strings.Contains(fs[0].Message, "Latin-1") {
		t.Errorf("want one error at 3:12 naming Latin-1, got %v", fs)
	}
}

func TestSyntaxMistakesPlacedWithAHint(t *testing.T) {
	sample := readSample(t)
	for _, c := range []struct {
		name, old, new string
		col            int
		want           string
	}{
		{"tab", "  name: 三门峡经济开发区政务服务部", "\tname: 三门峡经济开发区政务服务部", 1, "tab"},
		{"colon", "  short_name: 开发区政务服务部", "  short_name: 开发区: 政务服务部", 18, `":" inside a text`},
		{"quote", "  short_name: 开发区政务服务部", `  short_name: "开发区政务服务部`, 15, "quote"},
		{"bracket", "  short_name: 开发区政务服务部", `  short_name: [开发区政务服务部`, 15, "bracket"},
	} {
		text, line := edit(t, sample, c.old, c.new)
		fs := findings(text)
		if len(fs) != 1 || fs[0].Pos.Line != line || fs[0].Pos.Col != c.col || !strings.Contains(fs[0].Message, c.want) {
			t.Errorf("%s: want one error at %d:%d naming %s, got\n%v", c.name, line, c.col, c.want, fs)
		}
	}
	fs := findings("year: 2021\nrows: *nope\n")
	if len(fs) != 1 || fs[0].Pos.Line != 2 || fs[0].Pos.Col != 7 || !strings.Contains(fs[0].Message, "&nope") {
		t.Errorf("unknown anchor: %v", fs)
	}
}

func TestNotABudget(t *testing.T) {
	for _, text := range []string{"~\n", "- 1\n- 2\n", "预算\n", "null"} {
		fs := findings(text)
		if len(fs) != 1 || fs[0].Pos.Line != 1 || !strings.Contains(fs[0].Message, "not a budget") {
			t.Errorf("%q: %v", text, fs)
		}
	}
}

func TestEmptyRequiredLists(t *testing.T) {
	sample := readSample(t)
	rows := sample[:strings.Index(sample, "\nrows:")] + "\nrows: []\n"
	for _, c := range []struct{ text, path string }{
		{rows, "rows"},
	} {
		fs := findings(c.text)
		found := false
		for _, f := range fs {
			found = found || f.Path == c.path && strings.Contains(f.Message, "is empty")
		}
		if !found {
			t.Errorf("%s: []: %v", c.path, fs)
		}
	}
	text, line := edit(t, sample, "  duties:\n", "  duties: []\n  x:\n")
	found := false
	for _, f := range findings(text) {
		found = found || f.Path == "overview.duties" && f.Pos.Line == line && strings.Contains(f.Message, "is empty")
	}
	if !found {
		t.Errorf("duties: [] is not refused at line %d: %v", line, findings(text))
	}
}

func TestSignificantDigits(t *testing.T) {
	for _, c := range []struct {
		amount string
		digits int
	}{{"13567000", 8}, {"1234.50", 5}, {"0.05", 1}, {"99999999999999999999.99", 22}, {"0", 0}} {
		fs := findings("year: 2021\nincome: { general_budget: " + c.amount + " }\n")
		refused := false
		for _, f := range fs {
			refused = refused || f.Path == "income.general_budget" && strings.Contains(f.Message, "significant digits")
		}
		if refused != (c.digits > MaxDigits) {
			t.Errorf("%s: refused = %v:\n%v", c.amount, refused, fs)
		}
	}
}

// An alias bomb, a small file whose aliases expand to a billion values
// (1,000 一级指标 × 1,000 二级指标 × 1,000 三级指标), is refused at once.
func TestAliasBombIsRefusedQuickly(t *testing.T) {
	times := func(alias string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(alias+", ", 1000), ", ") + "]"
	}
	text := "x: &x {name: 指标, value: 值}\n" +
		"i: &i " + times("*x") + "\n" +
		"g: &g {name: 二级, items: *i}\n" +
		"gs: &gs " + times("*g") + "\n" +
		"l: &l {name: 一级, groups: *gs}\n" +
		"forms: [{indicators: {period: " + times("*l") + "}}]\n"
	if len(text) > 20000 {
		t.Fatalf("the bomb is %d bytes", len(text))
	}
	start := time.Now()
	fs := findings(text)
	if took := time.Since(start); took > time.Second {
		t.Errorf("refusing the bomb took %v", took)
	}
	if !strings.Contains(fs.Error(), "aliases (*name) expand the file") {
		t.Errorf("the bomb is not refused for its aliases:\n%v", fs)
	}
}
