package entry

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

const samplePath = "../../data/sanmenxia-2021.yaml"

// sampleWorkbook is the sample's entry workbook, changed by edit.
func sampleWorkbook(t *testing.T, edit func(f *excelize.File)) []byte {
	t.Helper()
	b, err := budget.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Write(b)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	edit(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func findings(t *testing.T, data []byte) []string {
	t.Helper()
	_, err := Read("x.xlsx", data)
	fs, ok := err.(budget.Findings)
	if !ok {
		t.Fatalf("want findings, got %v", err)
	}
	var lines []string
	for _, f := range fs {
		lines = append(lines, f.String())
	}
	return lines
}

// A wrong amount, an amount typed as text and a blank required cell are
// three findings, each at its sheet and cell.
func TestFindingsNameTheCell(t *testing.T) {
	data := sampleWorkbook(t, func(f *excelize.File) {
		f.SetCellFloat("项目表", "G9", 25000.125, -1, 64) // rows[7]: three decimals
		f.SetCellStr("项目表", "G10", "20,000元")          // rows[8]
		f.SetCellStr("项目表", "F3", "")                  // rows[1].detail
	})
	got := findings(t, data)
	want := []string{
		"x.xlsx:项目表!G9: error: rows[7].amount: 25000.125 has more than 2 decimal places",
		"x.xlsx:项目表!G10: error: rows[8].amount: the amount \"20,000元\" is text with 元 or thousands separators: enter the number 20000 itself",
		"x.xlsx:项目表!F3: error: rows[1].detail: required field \"detail\" is missing",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no finding starts %q in\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// Findings are in Chinese by default, with the field's Chinese label.
func TestChineseFinding(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.Chinese))
	data := sampleWorkbook(t, func(f *excelize.File) { f.SetCellStr("项目表", "G10", "20,000元") })
	got := strings.Join(findings(t, data), "\n")
	want := "x.xlsx:项目表!G10: 错误：rows[8].amount（金额）：金额“20,000元”是带“元”或千分位逗号的文本：请直接填数字 20000"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got  %s\nwant %s…", got, want)
	}
}

// A text amount without 元 or separators is refused too: Excel would not
// add it up.
func TestTextNumberIsRefused(t *testing.T) {
	data := sampleWorkbook(t, func(f *excelize.File) { f.SetCellStr("收入支出", "B2", "13567000") })
	got := strings.Join(findings(t, data), "\n")
	if !strings.Contains(got, "x.xlsx:收入支出!B2: error: income.general_budget: the amount \"13567000\" is text: enter it as the number 13567000") {
		t.Error(got)
	}
}

// A formula is read by its computed value (with the 15 digits a
// spreadsheet keeps); one saved without a value is refused at its cell.
// The cells are written as Excel saves them: excelize's SetCellFormula
// would keep the old value as text.
func TestFormulas(t *testing.T) {
	plain := sampleWorkbook(t, func(*excelize.File) {})
	data := setCellXML(t, plain, "项目表", "G10", `<c r="G10"><f>10000+10000</f></c>`)
	got := strings.Join(findings(t, data), "\n")
	if !strings.Contains(got, "x.xlsx:项目表!G10: error: rows[8].amount: the formula =10000+10000 has no computed value") {
		t.Error(got)
	}
	data = setCellXML(t, plain, "收入支出", "B9", `<c r="B9"><f>3112000+25000+20000+60000+150000+200000</f><v>3567000</v></c>`)
	data = setCellXML(t, data, "项目表", "G12", `<c r="G12"><f>0.1*1500000</f><v>150000.00000000003</v></c>`)
	back, err := Read("x.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Expenditure.Basic.String() != "3567000" || back.Rows[10].Amount.Decimal.String() != "150000" {
		t.Errorf("basic %s, rows[10] %s", back.Expenditure.Basic, back.Rows[10].Amount.Decimal)
	}
}

// setCellXML replaces a cell's XML in a sheet.
func setCellXML(t *testing.T, data []byte, sheet, cell, xml string) []byte {
	t.Helper()
	f, _ := excelize.OpenReader(bytes.NewReader(data))
	idx, _ := f.GetSheetIndex(sheet)
	f.Close()
	part := fmt.Sprintf("xl/worksheets/sheet%d.xml", idx+1)
	re := regexp.MustCompile(`<c r="` + cell + `"[^>]*?(/>|>.*?</c>)`)
	return rezip(t, data, func(name string, body []byte) []byte {
		if name != part {
			return body
		}
		if !re.Match(body) {
			t.Fatalf("no cell %s in %s", cell, part)
		}
		return re.ReplaceAll(body, []byte(xml))
	})
}

func rezip(t *testing.T, data []byte, edit func(name string, body []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		var body bytes.Buffer
		body.ReadFrom(rc)
		rc.Close()
		w, _ := zw.Create(f.Name)
		w.Write(edit(f.Name, body.Bytes()))
	}
	zw.Close()
	return buf.Bytes()
}

// A value typed beside the table, where no column would read it, is not
// lost silently; neither is a cell far away at XFD5. A cell at XFD1048576
// is refused before the sheet is read.
func TestValueOutsideTheTable(t *testing.T) {
	data := sampleWorkbook(t, func(f *excelize.File) {
		f.SetCellStr("项目表", "P5", "补充说明")
		f.SetCellStr("项目表", "XFD5", "x")
	})
	// Written by hand: excelize would write a million empty rows before it.
	far := rezip(t, data, func(name string, body []byte) []byte {
		if name == "xl/worksheets/sheet6.xml" {
			far := `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`
			return bytes.Replace(body, []byte("</sheetData>"), []byte(far), 1)
		}
		return body
	})
	start := time.Now()
	if got := strings.Join(findings(t, far), "\n"); !strings.Contains(got, "x.xlsx: error: a sheet has a cell on row 1048576") {
		t.Error(got)
	}
	got := strings.Join(findings(t, data), "\n")
	for _, cell := range []string{"项目表!P5", "项目表!XFD5"} {
		if !strings.Contains(got, "x.xlsx:"+cell+": error: a value outside the table's columns") {
			t.Errorf("nothing at %s:\n%s", cell, got)
		}
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("reading took %v", d)
	}
}

// Hostile workbooks are refused by their size before they are read.
func TestHostileWorkbooks(t *testing.T) {
	plain := sampleWorkbook(t, func(*excelize.File) {})
	bomb := rezip(t, plain, func(name string, body []byte) []byte {
		if name == "xl/worksheets/sheet2.xml" {
			return append(body, bytes.Repeat([]byte(" "), maxUnzipped)...)
		}
		return body
	})
	manyStrings := rezip(t, plain, func(name string, body []byte) []byte {
		if name == "xl/sharedStrings.xml" {
			return bytes.Replace(body, []byte("</sst>"), append(bytes.Repeat([]byte("<si><t/></si>"), maxSharedStrings), "</sst>"...), 1)
		}
		return body
	})
	manyCells := rezip(t, plain, func(name string, body []byte) []byte {
		if name == "xl/worksheets/sheet2.xml" {
			return bytes.Replace(body, []byte("</sheetData>"), append([]byte(`<row r="900">`+strings.Repeat(`<c r="A900"/>`, maxCells)+`</row>`), "</sheetData>"...), 1)
		}
		return body
	})
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"zip bomb":       {bomb, "unzips to more than 32 MB"},
		"shared strings": {manyStrings, "shared texts, more than 200000"},
		"cells":          {manyCells, fmt.Sprintf("cells, more than %d", maxCells)},
		"not a zip":      {[]byte("year: 2021\n"), "not an XLSX workbook"},
	} {
		got := strings.Join(findings(t, c.data), "\n")
		if !strings.Contains(got, c.want) || !strings.HasPrefix(got, "x.xlsx: error: ") {
			t.Errorf("%s: %s", name, got)
		}
	}
}

// The disclosure workbook that build writes is not data, and says so.
func TestNotAnEntryWorkbook(t *testing.T) {
	f := excelize.NewFile()
	var buf bytes.Buffer
	f.Write(&buf)
	got := strings.Join(findings(t, buf.Bytes()), "\n")
	if !strings.Contains(got, "not an entry workbook") {
		t.Error(got)
	}
}

// Two writes of the same budget are byte-identical.
func TestWriteIsDeterministic(t *testing.T) {
	b, _ := budget.Load(samplePath)
	one, _ := Write(b)
	two, _ := Write(b)
	if !bytes.Equal(one, two) {
		t.Error("two writes differ")
	}
}

// The checks' findings on a workbook's budget name cells too: a total that
// does not add up is at its cell, and a row named by another finding is
// given by its cell.
func TestCheckFindingsNameTheCell(t *testing.T) {
	row := 0
	for i, f := range sheets[1].Fields {
		if f.Path == "expenditure.basic" {
			row = i + 2
		}
	}
	cell := fmt.Sprintf("B%d", row)
	data := sampleWorkbook(t, func(f *excelize.File) { f.SetCellFloat(sheets[1].Name, cell, 3467000, -1, 64) })
	b, err := Read("x.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	got := budget.Check(b).Error()
	want := "x.xlsx:" + sheets[1].Name + "!" + cell + ": error: expenditure.basic: "
	if !strings.Contains(got, want) {
		t.Errorf("want a finding starting %q in\n%s", want, got)
	}
	if pos := b.Source.Pos("rows[11].amount"); pos.String() != "x.xlsx:项目表!G13" {
		t.Errorf("rows[11].amount is at %s", pos)
	}
}

// A warning about the reasons as a whole (reasons given with no last year's
// file to compare with) is at the sheet they are added on, 变动原因.
func TestReasonsFindingNamesTheReasonsSheet(t *testing.T) {
	b, err := budget.Load("../../data/examples/qingchuan-culture-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	b.PreviousFile, b.Previous = "", nil
	data, err := Write(b)
	if err != nil {
		t.Fatal(err)
	}
	if b, err = Read("x.xlsx", data); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range budget.Check(b) {
		if strings.Contains(f.Message, msg.Sprintf("reasons are given but no previous (last year's file) to compare with")) {
			found = true
			if !strings.HasPrefix(f.Pos.Cell, "变动原因!") {
				t.Errorf("the warning is at %s, want a cell of 变动原因", f.Pos)
			}
		}
	}
	if !found {
		t.Error("no warning that reasons are given without last year's file")
	}
}
