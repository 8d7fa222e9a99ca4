package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// longGoal is n characters of goal text whose every stretch is distinct,
// so that a lost or repeated line shows.
func longGoal(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < 4*n; i++ {
		fmt.Fprintf(&b, "第%d项：提升政务服务中心的群众满意度，推进一网通办建设。", i)
	}
	return string([]rune(b.String())[:n])
}

// columnText reads the PDF back with pdftotext and returns, page by page,
// the lines set in the column headed heading, top to bottom: between the
// right edge of the line left and as far right of the heading's centre (a
// form's 实施期目标 column lies right of its 绩效目标 label).
func columnText(t *testing.T, path, left, heading string) string {
	pages := make(map[int][]bboxLine)
	var order []int
	for _, l := range bboxLines(t, path) {
		if pages[l.page] == nil {
			order = append(order, l.page)
		}
		pages[l.page] = append(pages[l.page], l)
	}
	var out strings.Builder
	for _, p := range order {
		lines := pages[p]
		lo, centre := -1.0, -1.0
		for _, l := range lines {
			switch l.text {
			case left:
				lo = l.xMax
			case heading:
				centre = (l.xMin + l.xMax) / 2
			}
		}
		hi := 2*centre - lo
		sort.SliceStable(lines, func(i, j int) bool { return lines[i].yMin < lines[j].yMin })
		for _, l := range lines {
			if l.xMin > lo && l.xMax < hi && l.text != heading {
				out.WriteString(l.text)
			}
		}
	}
	return out.String()
}

// A goal longer than a page splits across pages: every character is in the
// PDF's text, in order, and the build does not fail.
func TestLongGoalsArePrintedWhole(t *testing.T) {
	testtool.Need(t, "pdftotext")
	for _, n := range []int{400, 1000, 5000} {
		goal := longGoal(n)
		data := testtool.EditCopy(t, samplePath, "        - 完成数字人才、智慧街道、智慧园区三项具体建设工程", "        - "+goal)
		path, err := buildFile(data, t.TempDir(), report.PDF)
		if err != nil {
			t.Fatalf("goal of %d characters: %v", n, err)
		}
		text := strings.ReplaceAll(squeeze(columnText(t, path, "绩效目标", "实施期目标")), "（续）", "")
		if !strings.Contains(text, goal) {
			lost := 0
			for lost < n && strings.Contains(text, goal[:len(string([]rune(goal)[:lost+1]))]) {
				lost++
			}
			t.Errorf("goal of %d characters: only its first %d are found in order in %s", n, lost, filepath.Base(path))
		}
	}
}

// A merged cell (spanning rows) taller than a page cannot split: check and
// build refuse it at its line instead of cutting its text.
func TestTooTallMergedCellIsRefusedAtItsLine(t *testing.T) {
	data := testtool.EditCopy(t, samplePath, "        - name: 产出指标", "        - name: "+strings.Repeat("产出指标很长", 100))
	b, err := report.Load(data)
	if err != nil {
		t.Fatal(err)
	}
	bl, err := report.New()
	if err != nil {
		t.Fatal(err)
	}
	refused := func(err error) bool {
		return err != nil && strings.HasPrefix(err.Error(), data+":149:17: ") &&
			strings.Contains(err.Error(), "forms[0].indicators.period[0].name") &&
			strings.Contains(err.Error(), "文字（600 个字）太长，合并单元格放不下")
	}
	if fs := bl.Check(b); !refused(fs) {
		t.Errorf("check gives\n%v\nwant the merged cell refused at 149:17", fs)
	}
	dir := t.TempDir()
	if _, err := bl.Build(b, dir, report.PDF); !refused(err) {
		t.Errorf("build gives %v, want the merged cell refused at 149:17", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the refused build wrote %d files", len(entries))
	}
}

// A 5,000-character goal and a detail of 200 characters build their XLSX:
// rows are at most the 409 points a spreadsheet allows, and each cell holds
// its whole text.
func TestLongTextsBuildTheirWorkbook(t *testing.T) {
	goal := longGoal(5000)
	detail := strings.Repeat("在职人员工资福利", 25)
	data := testtool.EditCopy(t, samplePath,
		"        - 完成数字人才、智慧街道、智慧园区三项具体建设工程", "        - "+goal,
		"    detail: 在职人员", "    detail: "+detail)
	path, err := buildFile(data, t.TempDir(), report.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for _, v := range row {
				for _, want := range []string{goal, detail} {
					// A long text's lines may be broken for print.
					found[want] = found[want] || strings.Contains(strings.ReplaceAll(v, "\n", ""), want)
				}
			}
			if h, err := f.GetRowHeight(sheet, r+1); err != nil || h > 409 {
				t.Errorf("%s row %d is %v points high (%v)", sheet, r+1, h, err)
			}
		}
	}
	if !found[goal] || !found[detail] {
		t.Errorf("the workbook lacks the whole goal (%v) or detail (%v)", found[goal], found[detail])
	}
}
