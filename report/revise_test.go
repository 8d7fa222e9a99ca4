package report_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// loadRevised loads the sample with text edits applied.
func loadRevised(t *testing.T, edits ...string) *report.Budget {
	b, err := report.Load(testtool.EditCopy(t, samplePath, edits...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A revision regenerates every document with its new figures; a revision
// that breaks a check leaves the previous documents as they were.
func TestRevisionRegeneratesAndFailedBuildKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	bl, _ := report.New()
	b, _ := report.Load(samplePath)
	if _, err := bl.Build(b, dir, report.PDF, report.XLSX); err != nil {
		t.Fatal(err)
	}
	revised := loadRevised(t,
		"amount: 5000000", "amount: 5100000",
		"project: 10000000", "project: 10100000",
		"general_budget: 13567000", "general_budget: 13667000",
		"      total: 500\n      fiscal: 500\n      goals:\n        - 2021", "      total: 510\n      fiscal: 510\n      goals:\n        - 2021")
	paths, err := bl.Build(revised, dir, report.PDF, report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	text := testtool.Run(t, "pdftotext", paths[0], "-")
	for _, want := range []string{"2021 年收入预算 13,667,000 元", "项目支出 10,100,000 元", "13,667,000", "510万元"} {
		if !strings.Contains(text, want) {
			t.Errorf("the regenerated PDF lacks %q", want)
		}
	}
	f, err := excelize.OpenFile(paths[1], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("部门支出预算项目表", "F20"); v != "13667000" {
		t.Errorf("the regenerated workbook's 合计 is %s", v)
	}
	f.Close()

	before := [][]byte{}
	for _, p := range paths {
		data, _ := os.ReadFile(p)
		before = append(before, data)
	}
	broken := loadRevised(t, "amount: 5000000", "amount: 5200000")
	if _, err := bl.Build(broken, dir, report.PDF, report.XLSX); err == nil {
		t.Fatal("a revision that breaks its checks built")
	}
	for i, p := range paths {
		after, _ := os.ReadFile(p)
		if !bytes.Equal(before[i], after) {
			t.Errorf("the failed build changed %s", p)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the output folder holds %d files, want 2", len(entries))
	}
}
