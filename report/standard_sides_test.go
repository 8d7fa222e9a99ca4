package report_test

import (
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"budgetdoc/report"
)

// sideLine is a line of a two-sided table or of the 三公 table: its label
// as the table prints it (found by its ending) and the ledger's sums for
// its amount cells, in 元.
type sideLine struct {
	label string
	want  []decimal.Decimal
}

// The tables that are not code trees — 收支总表, 财政拨款收支总表 and the
// 三公 table — hold, in the workbook and in the PDF, the independent sums
// of the ledger: income by fund, spending by function class, the 三公
// accounts of this year's and last year's general-budget lines.
func TestStandardExampleSidesAreLedgerSums(t *testing.T) {
	rows, names := readLedger(t, examplePath)
	prevRows, _ := readLedger(t, examplePrevPath)
	sum := func(rows []rawRow, sel func(rawRow) bool) decimal.Decimal { return sumRaw(rows, sel) }
	fund := func(f string) func(rawRow) bool { return func(r rawRow) bool { return r.fund == f } }
	all := func(rawRow) bool { return true }
	const general, govFund, capital, carry = "一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款", "上年结转"
	var classes []string
	for _, r := range rows {
		if !contains(classes, r.code[:3]) {
			classes = append(classes, r.code[:3])
		}
	}
	sort.Strings(classes)
	inClass := func(c string, sel func(rawRow) bool) func(rawRow) bool {
		return func(r rawRow) bool { return r.code[:3] == c && sel(r) }
	}
	one := func(d decimal.Decimal) []decimal.Decimal { return []decimal.Decimal{d} }

	summary := []sideLine{
		{"、一般公共预算拨款收入", one(sum(rows, fund(general)))},
		{"、政府性基金预算拨款收入", one(sum(rows, fund(govFund)))},
		{"、国有资本经营预算拨款收入", one(sum(rows, fund(capital)))},
		{"、事业收入", one(sum(rows, fund("事业收入")))},
		{"、其他收入", one(sum(rows, fund("其他收入")))},
		{"本年收入合计", one(sum(rows, func(r rawRow) bool { return r.fund != carry }))},
		{"本年支出合计", one(sum(rows, all))},
		{"收入总计", one(sum(rows, all))},
		{"支出总计", one(sum(rows, all))},
	}
	fiscal := []sideLine{
		{"（一）一般公共预算拨款", one(sum(rows, fund(general)))},
		{"（二）政府性基金预算拨款", one(sum(rows, fund(govFund)))},
		{"二、上年结转", one(sum(rows, fund(carry)))},
	}
	fiscalFunds := []func(rawRow) bool{
		func(r rawRow) bool { return r.fund == general || r.fund == carry }, fund(govFund), fund(capital),
	}
	for _, c := range classes {
		summary = append(summary, sideLine{"、" + names[c], one(sum(rows, inClass(c, all)))})
		line := sideLine{label: "、" + names[c]}
		total := decimal.Zero
		for _, f := range fiscalFunds {
			line.want = append(line.want, sum(rows, inClass(c, f)))
			total = total.Add(line.want[len(line.want)-1])
		}
		line.want = append([]decimal.Decimal{total}, line.want...)
		fiscal = append(fiscal, line)
	}
	// 三公: 合计, 因公出国（境）, 公务用车 小计, 购置, 运行, 公务接待.
	threePublic := func(rows []rawRow) []decimal.Decimal {
		econ := func(code string) decimal.Decimal {
			return sum(rows, func(r rawRow) bool { return r.fund == general && r.econ == code })
		}
		travel, buy, run, reception := econ("30212"), econ("31013"), econ("30231"), econ("30217")
		return []decimal.Decimal{travel.Add(buy).Add(run).Add(reception), travel, buy.Add(run), buy, run, reception}
	}
	tables := map[string][]sideLine{
		"部门收支总表":          summary,
		"财政拨款收支总表":        fiscal,
		"一般公共预算“三公”经费支出表": {{"2024年预算", threePublic(rows)}, {"2023年预算", threePublic(prevRows)}},
	}

	f, err := excelize.OpenFile(exampleFile(t, report.XLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text := exampleText(t)
	checked := 0
	for table, lines := range tables {
		sheet := sheetOf(t, f, table)
		cells, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			label, got := sheetLine(cells, l.label, len(l.want))
			if label == "" {
				t.Errorf("%s: no line ending in %q", table, l.label)
				continue
			}
			printed := label
			for i, w := range l.want {
				g, err := decimal.NewFromString(strings.ReplaceAll(got[i], ",", ""))
				if err != nil || !g.Equal(decimal.RequireFromString(strings.ReplaceAll(wan(w), ",", ""))) {
					t.Errorf("%s %s amount %d: workbook %q, ledger %s万元", table, label, i+1, got[i], wan(w))
				}
				if !w.IsZero() {
					printed += wan(w) // the PDF leaves a zero blank
				}
				checked++
			}
			if !strings.Contains(text, squeeze(printed)) {
				t.Errorf("%s: the PDF lacks the line %q", table, printed)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d cells checked", checked)
	}
}

// sheetLine finds the first cell whose text ends with suffix and returns
// that text and the n cells after it.
func sheetLine(cells [][]string, suffix string, n int) (string, []string) {
	for _, row := range cells {
		for c, v := range row {
			if strings.HasSuffix(v, suffix) {
				got := make([]string, n)
				for i := range got {
					if c+1+i < len(row) {
						got[i] = row[c+1+i]
					}
				}
				return v, got
			}
		}
	}
	return "", nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
