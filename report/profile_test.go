package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

const oneSidedExample = "../data/examples/one-sided-qingchuan-library-2024.yaml"

// The one-sided example is worded 单位 and printed with the one-sided form:
// its file name, title, headings and tables say 单位预算, and its first form
// — 43 indicator rows, 23 under its first 一级指标 — takes at most two pages
// with every 指标值 whole on one line, read back from the PDF.
func TestOneSidedExampleInPDF(t *testing.T) {
	b, err := report.Load(oneSidedExample)
	if err != nil {
		t.Fatal(err)
	}
	path, err := buildFile(oneSidedExample, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Base(path); got != "青川县图书馆2024年单位预算.pdf" {
		t.Errorf("file name %s", got)
	}
	pages := rawPages(t, path)
	all := strings.Join(pages, "")
	for _, want := range []string{"2024年单位预算情况说明", "二、单位预算单位构成", "第二部分青川县图书馆2024年度单位预算情况说明",
		"青川县图书馆2024年单位支出预算项目表", "2024年度财政项目支出绩效目标填报表"} {
		if !strings.Contains(all, want) {
			t.Errorf("the PDF lacks %s", want)
		}
	}
	if strings.Contains(all, "部门预算") || strings.Contains(all, "实施期") {
		t.Error("the PDF has 部门预算 or the two-sided form's 实施期")
	}
	// The pages of the first form: from 附件2 up to 附件3.
	first, last := -1, -1
	for i, p := range pages {
		if strings.HasPrefix(p, "附件2") {
			first = i
		}
		if strings.HasPrefix(p, "附件3") {
			last = i - 1
		}
	}
	if first < 0 || last < first {
		t.Fatalf("no pages for the first form (附件2 at %d, 附件3 after %d)", first, last)
	}
	if n := last - first + 1; n > 2 {
		t.Errorf("the 43-row form takes %d pages, want at most 2", n)
	}
	form := b.Forms[0]
	rows := 0
	for _, l1 := range form.Targets {
		for _, g := range l1.Groups {
			rows += len(g.Items)
		}
	}
	if rows != 43 {
		t.Fatalf("the example's first form has %d indicator rows, want 43", rows)
	}
	// Every value whole: each is on one line of pdftotext's output.
	text := testtool.Run(t, "pdftotext", "-raw", "-f", fmt.Sprint(first+1), "-l", fmt.Sprint(last+1), path, "-")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = squeeze(l)
	}
	for _, l1 := range form.Targets {
		for _, g := range l1.Groups {
			for _, it := range g.Items {
				whole := false
				for _, l := range lines {
					whole = whole || strings.Contains(l, squeeze(it.Value))
				}
				if !whole {
					t.Errorf("指标值 %s is not whole on one line", it.Value)
				}
			}
		}
	}
	// The first 一级指标 is merged over its 23 rows and printed again on the
	// page it continues on.
	if n := strings.Count(strings.Join(pages[first:last+1], ""), form.Targets[0].Name); n < 2 {
		t.Errorf("%s printed %d times over the form's pages, want once per page", form.Targets[0].Name, n)
	}
	doc, err := report.Compose(b)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, blk := range doc.Blocks {
		if tb, ok := blk.(*layout.Table); ok && tb.Name == form.Name {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Text.S == form.Targets[0].Name && c.RowSpan == 23 {
						found = true
					}
				}
			}
		}
	}
	if !found {
		t.Errorf("no %s cell merged over 23 rows", form.Targets[0].Name)
	}
}

// A project row without a form is no warning where the profile publishes
// forms for selected projects; the one-sided example has one.
func TestSelectedFormsNoWarning(t *testing.T) {
	b, err := report.Load(oneSidedExample)
	if err != nil {
		t.Fatal(err)
	}
	if fs := report.Check(b); len(fs) > 0 {
		t.Errorf("findings: %v", fs)
	}
	data, _ := os.ReadFile(oneSidedExample)
	if !strings.Contains(string(data), "古籍修复（未列绩效目标表）") {
		t.Error("the example lost its project row without a form")
	}
}

// data/examples holds a budget for every built-in profile; each builds, and
// its PDF, read back, has the profile's titles: the explanation's, every
// table's and the forms', in the profile's wording (部门 or 单位).
func TestExamplesFollowTheirProfiles(t *testing.T) {
	examples, _ := filepath.Glob("../data/examples/*.yaml")
	covered := map[string]bool{}
	for _, path := range examples {
		t.Run(filepath.Base(path), func(t *testing.T) {
			b, err := report.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			p, err := profile.For(b)
			if err != nil {
				t.Fatal(err)
			}
			covered[p.Name] = true
			pdf, err := buildFile(path, t.TempDir(), report.PDF)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := filepath.Base(pdf), p.FileStem(b)+".pdf"; got != want {
				t.Errorf("file %s, want %s", got, want)
			}
			text := strings.Join(rawPages(t, pdf), "")
			want := append([]string(nil), p.Explanation.Title...)
			for _, part := range p.Explanation.Parts {
				want = append(want, part.Heading)
				for _, s := range part.Sections {
					if s.Heading != "" {
						want = append(want, s.Heading)
					}
				}
			}
			if p.Has(profile.DocProjectTable) {
				want = append(want, p.ProjectTable.Title)
			}
			for _, tt := range p.Tables.Texts {
				if p.Has(tt.Document) && tt.Title != "" {
					want = append(want, tt.Title)
				}
			}
			if p.Has(profile.DocForms) && len(b.Forms) > 0 {
				want = append(want, p.Forms.Title)
			}
			for _, w := range want {
				if s := squeeze(p.Fill(w, b)); !strings.Contains(text, s) {
					t.Errorf("the PDF lacks %s", s)
				}
			}
			other := map[string]string{"部门": "单位", "单位": "部门"}[p.Wording]
			if strings.Contains(text, other+"预算情况说明") || !strings.Contains(text, p.Wording+"预算情况说明") {
				t.Errorf("the PDF is not worded %s预算", p.Wording)
			}
		})
	}
	for _, name := range profile.Builtins() {
		if !covered[name] {
			t.Errorf("data/examples has no budget of the built-in profile %s", name)
		}
	}
}
