package revision

import (
	"os"
	"strings"
	"testing"

	"budgetdoc/report/budget"
)

const samplePath = "../../data/sanmenxia-2021.yaml"

func readSample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func parse(t *testing.T, name, text string) *budget.Budget {
	t.Helper()
	b, err := budget.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func replace(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("the sample has no %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// revise makes the five edits of a typical revision: an amount, a row
// inserted in the middle, a row removed, a sentence of 主要职责 and an
// indicator value.
func revise(t *testing.T, s string) string {
	s = replace(t, s, "amount: 5000000", "amount: 5100000")
	s = replace(t, s, `  - function_code: "2080502"`, `  - function_code: "2080501"
    function_name: 社会保障和就业支出-行政事业单位离退休-行政单位离退休
    category: 人员支出
    detail: 离休人员
    amount: 1000
  - function_code: "2080502"`)
	start := strings.Index(s, `  - function_code: "2101103"`)
	end := strings.Index(s, `  - function_code: "2210201"`)
	s = s[:start] + s[end:]
	s = replace(t, s, "集中办理开发区管委会权限范围内行政审批和项目服务", "集中办理开发区管委会授权范围内行政审批和投资项目服务")
	return replace(t, s, "{ name: 群众满意度, value: 100% }", "{ name: 群众满意度, value: 98% }")
}

func TestCompareReportsExactlyTheEdits(t *testing.T) {
	sample := readSample(t)
	old := parse(t, "old.yaml", sample)
	new := parse(t, "new.yaml", revise(t, sample))
	r := Compare(old, new)
	type want struct {
		kind  Kind
		path  string
		delta string
		text  string
	}
	wants := []want{
		{Changed, "overview.duties[0]", "", "…作，集中办理开发区管委会[-权限-]{+授权+}范围内行政审批和{+投资+}项目服务；依托三门峡市大…"},
		{Added, "rows[1]", "1000", "离休人员"},
		{Changed, "rows[12].amount", "100000", "5,000,000.00 → 5,100,000.00（+100,000.00）"},
		{Removed, "rows[5]", "", "公务员医疗补助"},
		{Changed, "forms[0].indicators.period[2].groups[0].items[0].value", "", "100% → 98%"},
	}
	if len(r.Changes) != len(wants) {
		for _, ch := range r.Changes {
			t.Logf("%s %s %s", ch.Kind, ch.Path, ch.Describe())
		}
		t.Fatalf("%d changes, want %d", len(r.Changes), len(wants))
	}
	for i, w := range wants {
		ch := r.Changes[i]
		delta := ""
		if ch.Delta != nil {
			delta = ch.Delta.String()
		}
		if ch.Kind != w.kind || ch.Path != w.path || delta != w.delta || !strings.Contains(ch.Describe(), w.text) {
			t.Errorf("change %d: %s %s Δ%s %q; want %s %s Δ%s containing %q", i, ch.Kind, ch.Path, delta, ch.Describe(), w.kind, w.path, w.delta, w.text)
		}
	}
	for _, tot := range r.Totals {
		if tot.Name == "项目表合计" && tot.Delta.String() != "101000" {
			t.Errorf("项目表合计 moved by %s, want 101000", tot.Delta)
		}
	}
}

func TestCompareSelfIsSame(t *testing.T) {
	sample := readSample(t)
	r := Compare(parse(t, "a.yaml", sample), parse(t, "b.yaml", sample))
	if !r.Same() || len(r.Totals) != 0 {
		t.Fatalf("a budget differs from itself: %+v", r.Changes)
	}
	var out strings.Builder
	if err := r.WriteText(&out); err != nil || out.Len() != 0 {
		t.Errorf("the text of no change is %q", out.String())
	}
}

func TestSpan(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"一二三四五", "一二三四五六", "一二三四五{+六+}"},
		{"甲乙丙", "甲丁丙", "甲[-乙-]{+丁+}丙"},
		{strings.Repeat("前", 20) + "旧" + strings.Repeat("后", 20), strings.Repeat("前", 20) + "新" + strings.Repeat("后", 20),
			"…" + strings.Repeat("前", 12) + "[-旧-]{+新+}" + strings.Repeat("后", 12) + "…"},
	} {
		if got := Span(c.old, c.new); got != c.want {
			t.Errorf("Span(%q, %q) = %q, want %q", c.old, c.new, got, c.want)
		}
	}
	if o, n := Sides("甲乙丙", "甲丁丙"); o != "甲【乙】丙" || n != "甲【丁】丙" {
		t.Errorf("Sides = %q, %q", o, n)
	}
}

func TestCompareGlossaryCategoriesForms(t *testing.T) {
	sample := readSample(t)
	new := replace(t, sample, "  - { name: 重点项目, kind: project }", "  - { name: 重点项目, kind: basic }\n  - { name: 新分类, kind: project }")
	new = replace(t, new, "categories:", "glossary:\n  entries:\n    - { term: 项目支出, definition: 新的解释。 }\n    - { term: 新名词, definition: 是指新的。 }\ncategories:")
	new = replace(t, new, "name: 专项购置费", "name: 专项购置经费")
	r := Compare(parse(t, "old.yaml", sample), parse(t, "new.yaml", new))
	var got []string
	for _, ch := range r.Changes {
		got = append(got, string(ch.Kind)+" "+ch.Section+" "+ch.Label)
	}
	want := []string{
		"changed 名词解释 项目支出", "added 名词解释 新名词",
		"changed 项目表 分类 重点项目 的支出类型", "added 项目表 分类 新分类",
		"changed 绩效目标 绩效目标表 专项购置经费 项目名称",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("changes\n got %q\nwant %q", got, want)
	}
}
