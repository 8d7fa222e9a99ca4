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
	want := []string{"部门支出预算项目表", "智慧经开项目", "云端经开建设费", "专项购置费", "政务服务部工作经费"}
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
		"A2": "政务服务中心2021年部门支出预算项目表", "A3": "单位：元", "A4": "序号", "B4": "功能分类科目",
		"B5": "科目编码", "E5": "明细项目名称", "A6": "1", "B6": "2010301", "D6": "人员支出", "E6": "在职人员",
		"F6": "3112000", "F7": "", "F18": "5000000", "A20": "合计", "F20": "13567000",
	} {
		if got := cell(ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	// Amounts are numbers with #,##0, never text.
	for _, ref := range []string{"F6", "F13", "F20"} {
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
	if formula, _ := f.GetCellFormula(sheet, "F20"); formula != "SUM(F6:F19)" {
		t.Errorf("F20 formula %q, want SUM(F6:F19)", formula)
	}
	merges, _ := f.GetMergeCells(sheet)
	var got []string
	for _, m := range merges {
		got = append(got, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	sort.Strings(got)
	for _, want := range []string{"A2:G2", "A3:G3", "A4:A5", "B4:C4", "D4:E4", "F4:F5", "G4:G5", "D6:D12", "D13:D15", "D16:D17", "D18:D19", "A20:E20"} {
		if i := sort.SearchStrings(got, want); i == len(got) || got[i] != want {
			t.Errorf("no merge %s among %v", want, got)
		}
	}
	layout, _ := f.GetPageLayout(sheet)
	// One page wide, and one page tall as the PDF prints it, at 74%.
	if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 1 {
		t.Errorf("page layout size %d %s fit %d×%d, want A4 (9) landscape fit 1×1", *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
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
	if !strings.HasSuffix(titles, "!$4:$5") {
		t.Errorf("print titles %q, want rows 4:5", titles)
	}
	// Borders run round every cell of a merged range.
	for _, ref := range []string{"D7", "E20", "C4"} {
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
		"A2": "2021年度项目绩效目标申报表", "A3": "项目名称", "C3": "智慧经开项目", "A5": "项目资金（万元）",
		"E5": "3000", "H5": "500", "A10": "绩效指标", "B11": "产出指标", "C11": "数量指标",
		"D11": "数字人才、智慧街道、智慧园区建设工作", "E11": "3项", "G12": "智慧社区试点工程", "H12": "拟选定3个小区",
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
	fontsDir, _ := filepath.Abs("../fonts")
	pdf := testtool.LibreOfficePDF(t, fontsDir, buildWorkbook(t))[0]
	text := testtool.Run(t, "pdftotext", "-layout", pdf, "-")
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
		for ref, want := range map[string]string{"E6": c.wantCell, "A4": c.wantHeader} {
			id, _ := f.GetCellStyle("部门支出预算项目表", ref)
			st, _ := f.GetStyle(id)
			if st.Font == nil || st.Font.Family != want {
				t.Errorf("%s is set in %v, want %s", ref, st.Font, want)
			}
		}
		f.Close()
	}
}
