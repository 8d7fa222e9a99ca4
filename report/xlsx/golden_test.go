package xlsx

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/profile"
)

// dump prints a workbook as text, read back with excelize: each sheet's
// print setup, page breaks, merges, and every non-empty cell with its formula and number
// format.
func dump(t *testing.T, data []byte) string {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	printed := readSheets(t, data)
	for i, sheet := range f.GetSheetList() {
		pl, _ := f.GetPageLayout(sheet)
		fmt.Fprintf(&b, "sheet %s size=%d %s fit=%dx%d\n", strconv.QuoteToGraphic(sheet), *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		for _, dn := range f.GetDefinedName() {
			if dn.Scope == sheet {
				fmt.Fprintf(&b, "  name %s = %s\n", dn.Name, dn.RefersTo)
			}
		}
		fmt.Fprintf(&b, "  page breaks above rows %v\n", printed[i].breaks)
		merges, _ := f.GetMergeCells(sheet)
		var ms []string
		for _, m := range merges {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(ms)
		fmt.Fprintf(&b, "  merges %s\n", strings.Join(ms, " "))
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, _ := f.GetCellFormula(sheet, ref)
				id, _ := f.GetCellStyle(sheet, ref)
				st, _ := f.GetStyle(id)
				if v == "" && formula == "" {
					continue
				}
				fmt.Fprintf(&b, "  %s %s", ref, strconv.QuoteToGraphic(v))
				if formula != "" {
					fmt.Fprintf(&b, " =%s", formula)
				}
				if st.CustomNumFmt != nil {
					fmt.Fprintf(&b, " fmt=%q", *st.CustomNumFmt)
				}
				if st.Font != nil {
					fmt.Fprintf(&b, " font=%s", st.Font.Family)
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

func TestSampleWorkbookGolden(t *testing.T) {
	b, err := budget.Load("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := Render(compose.Disclosure(b, profile.MustBuiltin(profile.Default)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := dump(t, data)
	testtool.Golden(t, filepath.Join("testdata", "sanmenxia-2021.xlsx.golden"), got)
}
