package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// buildWorkbook is the sample's workbook.
func buildWorkbook(t *testing.T) string { return sampleFile(t, report.XLSX) }

func openWorkbook(t *testing.T) *excelize.File {
	f, err := excelize.OpenFile(buildWorkbook(t), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWorkbookSheets(t *testing.T) {
	f := openWorkbook(t)
	want := []string{"部门支出预算项目表", "智慧经开项目", "“云端经开”建设费", "专项购置费", "政务服务部工作经费"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %q, want %q", got, want)
	}
}

func TestWorkbookProjectTable(t *testing.T) {
	f := openWorkbook(t)
	const sheet = "部门支出预算项目表"
	cell := func(ref string) string {
		v, err := f.GetCellValue(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for ref, want := range map[string]string{
		"A1": "政务服务中心2021年部门支出预算项目表", "A2": "单位：元", "A3": "序号", "B3": "功能分类科目",
		"B4": "科目编码", "E4": "明细项目名称", "A5": "1", "B5": "2010301", "D5": "人员支出", "E5": "在职人员",
		"F5": "3112000", "F6": "", "F17": "5000000", "A19": "合计", "F19": "13567000",
	} {
		if got := cell(ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	// Amounts are numbers with #,##0, never text.
	for _, ref := range []string{"F5", "F12", "F19"} {
		typ, _ := f.GetCellType(sheet, ref)
		if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s is text, want a number", ref)
		}
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		if st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0" {
			t.Errorf("%s number format %v, want #,##0", ref, st.CustomNumFmt)
		}
	}
	if formula, _ := f.GetCellFormula(sheet, "F19"); formula != "SUM(F5:F18)" {
		t.Errorf("F19 formula %q, want SUM(F5:F18)", formula)
	}
	merges, _ := f.GetMergeCells(sheet)
	var got []string
	for _, m := range merges {
		got = append(got, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(got)
	for _, want := range []string{"A1:G1", "A2:G2", "A3:A4", "B3:C3", "D3:E3", "F3:F4", "G3:G4", "D5:D11", "D12:D14", "D15:D16", "D17:D18", "A19:E19"} {
		if i := sort.SearchStrings(got, want); i == len(got) || got[i] != want {
			t.Errorf("no merge %s among %v", want, got)
		}
	}
	layout, _ := f.GetPageLayout(sheet)
	if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
		t.Errorf("page layout size %d %s fit %d×%d, want A4 (9) landscape fit 1 wide", *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
	}
	props, _ := f.GetSheetProps(sheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("fit to page is off")
	}
	hf, _ := f.GetHeaderFooter(sheet)
	if hf == nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
		t.Errorf("footer %+v lacks page numbers", hf)
	}
	titles := ""
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
			titles = dn.RefersTo
		}
	}
	if !strings.HasSuffix(titles, "!$3:$4") {
		t.Errorf("print titles %q, want rows 3:4", titles)
	}
	// Borders run round every cell of a merged range.
	for _, ref := range []string{"D6", "E19", "C3"} {
		id, _ := f.GetCellStyle(sheet, ref)
		st, _ := f.GetStyle(id)
		if len(st.Border) != 4 {
			t.Errorf("%s has %d borders, want 4", ref, len(st.Border))
		}
	}
}

func TestWorkbookForm(t *testing.T) {
	f := openWorkbook(t)
	const sheet = "智慧经开项目"
	for ref, want := range map[string]string{
		"A1": "2021年度项目绩效目标申报表", "A2": "项目名称", "C2": "智慧经开项目", "A4": "项目资金（万元）",
		"E4": "3000", "H4": "500", "A9": "绩效指标", "B10": "产出指标", "C10": "数量指标",
		"D10": "数字人才、智慧街道、智慧园区建设工作", "E10": "3项", "G11": "智慧社区试点工程", "H11": "拟选定3个小区",
	} {
		if got, _ := f.GetCellValue(sheet, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", sheet, ref, got, want)
		}
	}
	layout, _ := f.GetPageLayout(sheet)
	if *layout.Orientation != "portrait" {
		t.Errorf("form orientation %s, want portrait", *layout.Orientation)
	}
}

func TestWorkbookIsByteIdentical(t *testing.T) {
	first, _ := os.ReadFile(buildWorkbook(t))
	b, _ := report.Load(samplePath)
	bl, _ := report.New()
	paths, err := bl.Build(b, t.TempDir(), report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(paths[0])
	if !bytes.Equal(first, second) {
		t.Error("two builds of the workbook differ")
	}
}

// LibreOffice prints the workbook with every row, and no cell too narrow
// for its number (shown as ###).
func TestWorkbookPrintsInLibreOffice(t *testing.T) {
	testtool.Need(t, "soffice")
	dir := t.TempDir()
	// A fresh machine may have no Chinese font: give LibreOffice ours.
	fontsDir, _ := filepath.Abs("../fonts")
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontsDir+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	testtool.RunEnv(t, []string{"FONTCONFIG_FILE=" + conf}, "soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, buildWorkbook(t))
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("LibreOffice wrote %v", pdfs)
	}
	text := testtool.Run(t, "pdftotext", "-layout", pdfs[0], "-")
	if strings.Contains(text, "###") {
		t.Error("a cell prints ###")
	}
	b, _ := report.Load(samplePath)
	flat := squeeze(text)
	for _, r := range b.Rows {
		if !strings.Contains(flat, r.Detail) || !strings.Contains(flat, r.FunctionCode) {
			t.Errorf("LibreOffice's PDF lacks row %s %s", r.FunctionCode, r.Detail)
		}
	}
	for _, want := range []string{"13,567,000", "3,112,000", "智慧社区试点工程", "群众和企业满意度", "3000万元"} {
		if !strings.Contains(flat, want) {
			t.Errorf("LibreOffice's PDF lacks %q", want)
		}
	}
}

func TestWorkbookFonts(t *testing.T) {
	b, _ := report.Load(samplePath)
	for _, c := range []struct{ cell, header, wantCell, wantHeader string }{
		{"", "", "宋体", "黑体"},
		{"仿宋", "楷体", "仿宋", "楷体"},
	} {
		bl, _ := report.New(report.WithSpreadsheetFonts(c.cell, c.header))
		paths, err := bl.Build(b, t.TempDir(), report.XLSX)
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenFile(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		for ref, want := range map[string]string{"E5": c.wantCell, "A3": c.wantHeader} {
			id, _ := f.GetCellStyle("部门支出预算项目表", ref)
			st, _ := f.GetStyle(id)
			if st.Font == nil || st.Font.Family != want {
				t.Errorf("%s is set in %v, want %s", ref, st.Font, want)
			}
		}
		f.Close()
	}
}
