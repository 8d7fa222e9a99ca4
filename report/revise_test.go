package report_test

import (
	"bytes"
	"os"
	"path/filepath"
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

// The revision table of a one-sided budget speaks as its documents do:
// 单位预算 in the title, and every amount in 元 (its forms' funds too).
func TestRevisionTableFollowsTheProfile(t *testing.T) {
	const data = "../data/examples/one-sided-qingchuan-library-2024.yaml"
	old, err := report.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	new, err := report.Load(testtool.EditCopy(t, data, "amount: 180000", "amount: 190000"))
	if err != nil {
		t.Fatal(err)
	}
	bl, err := report.New()
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := bl.RenderRevision(report.Diff(old, new), new, report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", path, "-")), "")
	if !strings.Contains(text, "单位预算修订对照表") || strings.Contains(text, "部门预算修订对照表") {
		t.Errorf("the title does not say 单位预算:\n%s", text)
	}
	if !strings.Contains(text, "金额单位：元") || strings.Contains(text, "万元") {
		t.Errorf("the unit line is not 金额单位：元 alone:\n%s", text)
	}
}
