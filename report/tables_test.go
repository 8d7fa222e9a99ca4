package report_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"budgetdoc/internal/synth"
	"budgetdoc/internal/testtool"
	"budgetdoc/report"
	"budgetdoc/report/budget"
	"budgetdoc/report/money"
)

// rawPages is pdftotext's text in content order, page by page, with white
// space squeezed out: a table's cells in the order they are set.
func rawPages(t *testing.T, path string) []string {
	text := testtool.Run(t, "pdftotext", "-raw", path, "-")
	pages := strings.Split(text, "\f")
	pages = pages[:len(pages)-1]
	for i := range pages {
		pages[i] = squeeze(pages[i])
	}
	return pages
}

// inOrder reports the first of parts that text lacks after the previous one.
func inOrder(text string, parts []string) (missing string, ok bool) {
	at := 0
	for _, p := range parts {
		i := strings.Index(text[at:], squeeze(p))
		if i < 0 {
			return p, false
		}
		at += i + len(squeeze(p))
	}
	return "", true
}

func TestSampleProjectTableInPDF(t *testing.T) {
	b, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(rawPages(t, buildSample(t)), "")
	start := strings.Index(text, "附件1")
	if start < 0 {
		t.Fatal("no 附件1 in the PDF")
	}
	parts := []string{"政务服务中心2021年部门支出预算项目表", "单位：元", "序号", "功能分类科目", "预算项目", "金额", "备注",
		"科目编码", "科目名称", "项目名称", "明细项目名称"}
	for i, r := range b.Rows {
		parts = append(parts, fmt.Sprint(i+1), r.FunctionCode, r.FunctionName)
		if i == 0 || b.Rows[i-1].Category != r.Category {
			parts = append(parts, r.Category)
		}
		parts = append(parts, r.Detail)
		if r.Amount.Valid {
			parts = append(parts, money.Format(r.Amount.Decimal, 0))
		}
	}
	parts = append(parts, "合计", "13,567,000")
	if missing, ok := inOrder(text[start:], parts); !ok {
		t.Errorf("the project table lacks %q in its place", missing)
	}
}

func TestSampleFormsInPDF(t *testing.T) {
	b, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(rawPages(t, buildSample(t)), "")
	for i, f := range b.Forms {
		start := strings.Index(text, fmt.Sprintf("附件%d", i+2))
		if start < 0 {
			t.Fatalf("no 附件%d", i+2)
		}
		parts := []string{"2021年度项目绩效目标申报表", "项目名称", f.Name, "实施期资金总额", f.Period.Total.String() + "万元",
			"年度资金总额", f.Annual.Total.String() + "万元", "实施期目标", "年度目标"}
		parts = append(parts, f.Period.Goals...)
		parts = append(parts, f.Annual.Goals...)
		parts = append(parts, "一级指标", "二级指标", "三级指标", "指标值")
		// Every indicator of both trees, each tree in its order.
		for _, tree := range [][]budget.Level1{f.Indicators.Period, f.Indicators.Annual} {
			var want []string
			for _, l1 := range tree {
				for _, g := range l1.Groups {
					for _, it := range g.Items {
						want = append(want, it.Name+it.Value)
					}
				}
			}
			for _, w := range want {
				if !strings.Contains(text[start:], squeeze(w)) {
					t.Errorf("form %d (%s) lacks the indicator %q", i+1, f.Name, w)
				}
			}
		}
		if missing, ok := inOrder(text[start:], parts); !ok {
			t.Errorf("form %d (%s) lacks %q in its place", i+1, f.Name, missing)
		}
	}
}

// A long project table and a long form: every page of each starts with its
// header rows (continuation pages with 续表 first), every row is set exactly once and whole, the total adds up.
func TestLongTablesPaginate(t *testing.T) {
	b := synth.Budget(synth.Options{Seed: 1, Rows: 300, Forms: 1, Indicators: 60})
	bl, _ := report.New()
	start := time.Now()
	paths, err := bl.Build(b, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("300 rows and a 60-indicator form built in %v", time.Since(start))
	pages := rawPages(t, paths[0])
	header := squeeze("序号 功能分类科目 预算项目 金额 备注 科目编码 科目名称 项目名称 明细项目名称")
	formHeader := squeeze("绩效指标 一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值")
	var tablePages, formPages []string
	for _, p := range pages {
		switch {
		case strings.HasPrefix(p, "附件1") || len(tablePages) > 0 && len(formPages) == 0 && !strings.HasPrefix(p, "附件2"):
			tablePages = append(tablePages, p)
		case strings.HasPrefix(p, "附件2") || len(formPages) > 0:
			formPages = append(formPages, p)
		}
	}
	if len(tablePages) < 10 || len(formPages) < 2 {
		t.Fatalf("%d table pages and %d form pages, want a long table and a form over two pages", len(tablePages), len(formPages))
	}
	for i, p := range tablePages {
		if i == 0 {
			p = p[strings.Index(p, "单位：元")+len("单位：元"):]
		} else if !strings.HasPrefix(p, "续表单位：元") {
			t.Errorf("project table page %d does not start with 续表 and the unit: %.40s", i+1, p)
		} else {
			p = strings.TrimPrefix(p, "续表单位：元")
		}
		if !strings.HasPrefix(p, header) {
			t.Errorf("project table page %d does not start with the header: %.40s", i+1, p)
		}
	}
	all := strings.Join(tablePages, "")
	for i, r := range b.Rows {
		// Each row's cells are set together, so its detail (unique) and its
		// amount follow each other, once, within one page.
		cells := r.Detail
		if r.Amount.Valid {
			cells += money.Format(r.Amount.Decimal, 0)
		}
		found := 0
		for _, p := range tablePages {
			found += strings.Count(p, cells)
		}
		if found != 1 {
			t.Errorf("row %d (%s) is not whole on one page (%d)", i+1, cells, found)
		}
	}
	if want := "合计" + money.Format(budget.RowTotal(b.Rows), 0); !strings.Contains(all, want) {
		t.Errorf("the table lacks %q", want)
	}
	for i, p := range formPages {
		if i > 0 && !strings.HasPrefix(p, "续表"+formHeader) {
			t.Errorf("form page %d does not start with the indicator header: %.40s", i+1, p)
		}
	}
	form := strings.Join(formPages, "")
	for _, tree := range [][]budget.Level1{b.Forms[0].Indicators.Period, b.Forms[0].Indicators.Annual} {
		for _, l1 := range tree {
			for _, g := range l1.Groups {
				for _, it := range g.Items {
					if !strings.Contains(form, it.Name+it.Value) {
						t.Errorf("the form lacks %s %s", it.Name, it.Value)
					}
				}
			}
		}
	}
}
