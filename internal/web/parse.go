package web

import (
	"fmt"
	"path"

	"budgetdoc/report"
	"budgetdoc/report/budget"
)

// parseBudget reads an uploaded or listed budget — an entry workbook, YAML or
// JSON by its name's extension. Files it names (last
// year's, previous:) are read through readRef, which for the data folder
// reads inside it only; an upload has no folder (readRef nil), so what it
// names is not read: the page reads only what it was given.
func parseBudget(name string, data []byte, readRef func(name string) ([]byte, error)) (*report.Budget, error) {
	b, err := budget.ParseFile(name, data)
	if err != nil || b.PreviousFile == "" || readRef == nil {
		return b, err
	}
	prevName := path.Clean(path.Join(path.Dir(name), b.PreviousFile))
	prevData, err := readRef(prevName)
	if err != nil {
		return nil, report.Findings{{Severity: budget.Error, Pos: b.Source.Pos("previous"), Path: "previous",
			Message: fmt.Sprintf("上年文件读不出来：%v", err)}}
	}
	prev, err := budget.ParseFile(prevName, prevData)
	if err != nil {
		return nil, err
	}
	b.Previous = prev
	return b, nil
}
