package report_test

import (
	"fmt"

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
