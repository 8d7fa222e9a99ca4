package report_test

import (
	"bytes"
	"fmt"

	"github.com/shopspring/decimal"

	"budgetdoc/report"
)

func Example() {
	b, err := report.Load("../data/sanmenxia-2021.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	findings := report.Check(b)
	fmt.Println(b.Unit.Name, b.Year, "income", b.Income.Total(), "findings", len(findings))
	// Output: 三门峡经济开发区政务服务部 2021 income 13567000 findings 0
}

// A disclosure rendered in memory, as a server sends it: Documents gives
// each file's name and bytes, Render writes one into an io.Writer.
func ExampleBuilder_Render() {
	b, err := report.Load("../data/sanmenxia-2021.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	bl, err := report.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	var pdf bytes.Buffer
	name, err := bl.Render(&pdf, b, report.PDF)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(name, bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")))
	docs, _ := bl.Documents(b, report.XLSX)
	fmt.Println(docs[0].Name)
	// Output:
	// 三门峡经济开发区政务服务部2021年部门预算.pdf true
	// 三门峡经济开发区政务服务部2021年部门预算.xlsx
}

// Two versions of a budget compared: the revision table as data.
func ExampleDiff() {
	old, _ := report.Load("../data/sanmenxia-2021.yaml")
	revised, _ := report.Load("../data/sanmenxia-2021.yaml")
	revised.Rows[0].Amount.Decimal = revised.Rows[0].Amount.Decimal.Add(decimal.NewFromInt(1000))
	rev := report.Diff(old, revised)
	for _, c := range rev.Changes {
		fmt.Println(c.Path, c.Old, "→", c.New, "difference", c.Delta)
	}
	// Output: rows[0].amount 3112000 → 3113000 difference 1000
}

// A budget converted to the entry workbook and read back: Marshal and
// Parse choose the format by the file name's extension (.yaml, .json,
// .xlsx), as budgetdoc convert does.
func ExampleMarshal() {
	b, _ := report.Load("../data/sanmenxia-2021.yaml")
	workbook, err := report.Marshal(b, "三门峡2021.xlsx")
	if err != nil {
		fmt.Println(err)
		return
	}
	back, err := report.Parse("三门峡2021.xlsx", bytes.NewReader(workbook))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("same budget:", report.Diff(b, back).Same(), "first row at", back.Source.Pos("rows[0].amount"))
	// Output: same budget: true first row at 三门峡2021.xlsx:项目表!G2
}
