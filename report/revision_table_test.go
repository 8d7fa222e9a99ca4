package report_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// fieldPath is what an internal field path looks like: rows[12].amount,
// overview.duties[0], forms[0].indicators….
var fieldPath = regexp.MustCompile(`[a-z_]+\[\d+\]|[a-z]+\.[a-z_]+`)

// The places of the five edits, as the revision table names them.
var editPlaces = []string{
	"概况·主要职责 第 1 段", "项目表第 2 行 离休人员", "项目表第 13 行 云端经开建设费 金额",
	"项目表原第 6 行 公务员医疗补助", "绩效目标表 智慧经开项目 指标值",
}

func sampleRevision(t *testing.T) (*report.Revision, *report.Budget) {
	old, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	new, err := report.Load(testtool.EditCopy(t, samplePath, testtool.SampleRevision...))
	if err != nil {
		t.Fatal(err)
	}
	return report.Diff(old, new), new
}

func TestRevisionTextNamesPlacesInChinese(t *testing.T) {
	rev, _ := sampleRevision(t)
	var out strings.Builder
	if err := rev.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range append(editPlaces, "[-权限-]{+授权+}", "{+投资+}") {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if p := fieldPath.FindString(text); p != "" {
		t.Errorf("the text shows the field path %q:\n%s", p, text)
	}
}

func TestRevisionPDF(t *testing.T) {
	rev, new := sampleRevision(t)
	bl, _ := report.New()
	data, err := bl.RenderRevision(rev, new, report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "rev.pdf")
	os.WriteFile(file, data, 0o644)
	pages := testtool.PDFPages(t, file)
	// In the order the PDF draws its text a wrapped cell's lines follow
	// each other.
	all := squeeze(testtool.Run(t, "pdftotext", "-raw", file, "-"))
	for _, want := range editPlaces {
		if !strings.Contains(all, squeeze(want)) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if p := fieldPath.FindString(all); p != "" {
		t.Errorf("the PDF shows the field path %q", p)
	}
	// The totals table is on one page, whole.
	whole := 0
	for _, p := range pages {
		if flat := squeeze(p); strings.Contains(flat, "合计对照") && strings.Contains(flat, "收入合计") && strings.Contains(flat, "“三公”经费") {
			whole++
		}
	}
	if whole != 1 {
		t.Errorf("%d pages hold the whole totals table, want 1", whole)
	}
	// Deleted words are printed in red and inserted ones in blue: count
	// the pixels of each colour on the rendered first page.
	red, blue := colouredPixels(t, file)
	if red < 20 || blue < 20 {
		t.Errorf("%d red and %d blue pixels on page 1, want the marked words in colour", red, blue)
	}
}

// colouredPixels renders a PDF's first page and counts its clearly red and
// clearly blue pixels.
func colouredPixels(t *testing.T, pdf string) (red, blue int) {
	out := testtool.Run(t, "pdftoppm", "-r", "72", "-f", "1", "-l", "1", pdf)
	// A binary PPM: P6, width height, 255, then RGB triples.
	var w, h, max int
	fields := strings.SplitN(out, "\n", 4)
	if len(fields) < 4 || fields[0] != "P6" {
		t.Fatalf("pdftoppm wrote no PPM")
	}
	if _, err := fmtSscan(fields[1]+" "+fields[2], &w, &h, &max); err != nil {
		t.Fatal(err)
	}
	px := []byte(fields[3])
	for i := 0; i+2 < len(px); i += 3 {
		r, g, b := int(px[i]), int(px[i+1]), int(px[i+2])
		switch {
		case r > 150 && g < 90 && b < 90:
			red++
		case b > 130 && r < 90 && g < 130:
			blue++
		}
	}
	return red, blue
}

func TestRevisionWorkbook(t *testing.T) {
	rev, new := sampleRevision(t)
	bl, _ := report.New()
	data, err := bl.RenderRevision(rev, new, report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "修订对照表"
	rows, _ := f.GetRows(sheet)
	var text strings.Builder
	for _, row := range rows {
		text.WriteString(strings.Join(row, "|") + "\n")
	}
	for _, want := range editPlaces {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the workbook lacks %q", want)
		}
	}
	if p := fieldPath.FindString(text.String()); p != "" {
		t.Errorf("the workbook shows the field path %q", p)
	}
	formulas, struck, underlined := 0, false, false
	for r, row := range rows {
		n := r + 1
		if len(row) > 2 && row[2] == "项目表第 13 行 云端经开建设费 金额" {
			formula, _ := f.GetCellFormula(sheet, "G"+itoa(n))
			if formula != "F"+itoa(n)+"-E"+itoa(n) {
				t.Errorf("差额 G%d is %q, want =F%d-E%d", n, formula, n, n)
			}
			if v, _ := f.GetCellValue(sheet, "G"+itoa(n)); v != "+100,000.00" {
				t.Errorf("差额 G%d shows %q, want its cached +100,000.00", n, v)
			}
			formulas++
		}
		if len(row) > 2 && row[2] == "概况·主要职责 第 1 段" {
			for _, ref := range []string{"E", "F"} {
				runs, _ := f.GetCellRichText(sheet, ref+itoa(n))
				for _, run := range runs {
					if run.Font == nil {
						continue
					}
					if run.Font.Strike && run.Text == "权限" && run.Font.Color != "" {
						struck = true
					}
					if run.Font.Underline == "single" && run.Text == "授权" && run.Font.Color != "" {
						underlined = true
					}
				}
			}
		}
	}
	if formulas != 1 || !struck || !underlined {
		t.Errorf("formula rows %d, 权限 struck %v, 授权 underlined %v", formulas, struck, underlined)
	}
	totals, _ := f.GetRows("合计对照")
	for r := range totals {
		if r < 3 {
			continue // the title, unit and header rows
		}
		n := itoa(r + 1)
		if formula, _ := f.GetCellFormula("合计对照", "D"+n); formula != "C"+n+"-B"+n {
			t.Errorf("合计对照!D%s is %q, want =C%s-B%s", n, formula, n, n)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func fmtSscan(s string, args ...any) (int, error) { return fmt.Sscan(s, args...) }
