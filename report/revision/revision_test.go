package revision

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
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
	for i := 0; i < len(testtool.SampleRevision); i += 2 {
		s = replace(t, s, testtool.SampleRevision[i], testtool.SampleRevision[i+1])
	}
	return s
}

func TestCompareReportsExactlyTheEdits(t *testing.T) {
	sample := readSample(t)
	old := parse(t, "old.yaml", sample)
	new := parse(t, "new.yaml", revise(t, sample))
	r := Compare(old, new)
	type want struct {
		kind  Kind
		path  string
		label string // where, as a reader names it
		delta string
		text  string
	}
	wants := []want{
		{Changed, "overview.duties[0]", "概况·主要职责 第 1 段", "", "…作，集中办理开发区管委会[-权限-]{+授权+}范围内行政审批和{+投资+}项目服务；依托三门峡市大…"},
		{Added, "rows[1]", "项目表第 2 行 离休人员", "1000", "离休人员"},
		{Changed, "rows[12].amount", "项目表第 13 行 云端经开建设费 金额", "100000", "5,000,000.00 → 5,100,000.00（+100,000.00）"},
		{Removed, "rows[5]", "项目表原第 6 行 公务员医疗补助", "", "公务员医疗补助"},
		{Changed, "forms[0].indicators.period[2].groups[0].items[0].value", "绩效目标表 智慧经开项目 指标值 实施期 满意度指标/服务对象满意度指标/群众满意度", "", "100% → 98%"},
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
		if ch.Kind != w.kind || ch.Path != w.path || ch.Label != w.label || delta != w.delta || !strings.Contains(ch.Describe(), w.text) {
			t.Errorf("change %d: %s %s %q Δ%s %q; want %s %s %q Δ%s containing %q", i, ch.Kind, ch.Path, ch.Label, delta, ch.Describe(), w.kind, w.path, w.label, w.delta, w.text)
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
	o, n := Marked("甲乙丙", "甲丁丙")
	if want := []Piece{{"甲", false}, {"乙", true}, {"丙", false}}; !reflect.DeepEqual(o, want) {
		t.Errorf("Marked old = %v, want %v", o, want)
	}
	if want := []Piece{{"甲", false}, {"丁", true}, {"丙", false}}; !reflect.DeepEqual(n, want) {
		t.Errorf("Marked new = %v, want %v", n, want)
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
		"changed 名词解释 名词解释·项目支出", "added 名词解释 名词解释·新名词",
		"changed 项目表 项目表·分类 重点项目 的支出类型", "added 项目表 项目表·分类 新分类",
		"changed 绩效目标 绩效目标表 专项购置经费 项目名称",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("changes\n got %q\nwant %q", got, want)
	}
}

// JSON keeps the field paths for programs and writes every amount as a
// decimal string with two places.
func TestJSONAmountsHaveTwoPlaces(t *testing.T) {
	sample := readSample(t)
	r := Compare(parse(t, "old.yaml", sample), parse(t, "new.yaml", revise(t, sample)))
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Changes []map[string]any `json:"changes"`
		Totals  []map[string]any `json:"totals"`
	}
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	amount := regexp.MustCompile(`^-?\d+\.\d\d$`)
	found := false
	for _, ch := range back.Changes {
		if ch["path"] == "rows[12].amount" {
			found = true
			if ch["old"] != "5000000.00" || ch["new"] != "5100000.00" || ch["delta"] != "100000.00" {
				t.Errorf("the amount change is %v", ch)
			}
		}
		if d, ok := ch["delta"]; ok && !amount.MatchString(fmt.Sprint(d)) {
			t.Errorf("delta %#v of %v is not a decimal string with two places", d, ch["path"])
		}
	}
	if !found {
		t.Errorf("no change at rows[12].amount in %s", data)
	}
	for _, tot := range back.Totals {
		for _, k := range []string{"old", "new", "delta"} {
			if !amount.MatchString(fmt.Sprint(tot[k])) {
				t.Errorf("total %v %s = %#v", tot["name"], k, tot[k])
			}
		}
	}
}

// An added or removed form is named like every other change: the 变动
// column says 新增 or 删除, so the 位置 does not say it again.
func TestAddedAndRemovedFormsNamedOnce(t *testing.T) {
	read := func(name string) *budget.Budget {
		data, err := os.ReadFile("../../data/examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return parse(t, name, string(data))
	}
	old, new := read("qingchuan-culture-2023.yaml"), read("qingchuan-culture-2024.yaml")
	seen := map[Kind]int{}
	for _, r := range []*Revision{Compare(old, new), Compare(new, old)} {
		for _, ch := range r.Changes {
			if ch.Section != "绩效目标" || ch.Kind == Changed {
				continue
			}
			seen[ch.Kind]++
			name := ch.New + ch.Old
			if ch.Label != "绩效目标表 "+name {
				t.Errorf("%s form %q is labelled %q, want %q", ch.Kind, name, ch.Label, "绩效目标表 "+name)
			}
		}
	}
	if seen[Added] == 0 || seen[Removed] == 0 {
		t.Fatalf("the culture files add and remove no form either way: %v", seen)
	}
}
