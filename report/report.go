// Package report is budgetdoc's library: it loads a department's budget,
// checks that every figure adds up, and builds the documents of its budget
// disclosure (部门预算公开).
//
// The pipeline is load → check → compose → render:
//
//	b, err := report.Load("data/sanmenxia-2021.yaml")
//	findings := report.Check(b)
//	if !findings.HasErrors() { … build … }
package report

import "budgetdoc/report/budget"

// Budget is a department's budget for one year; see package budget.
type Budget = budget.Budget

// Finding is one problem found in a budget, with its position.
type Finding = budget.Finding

// Findings is a list of findings; as an error it stands for its errors.
type Findings = budget.Findings

// Check runs every cross-check on a budget, and checks it against its
// profile, and returns all findings.
func Check(b *Budget) Findings {
	findings, _ := checkWithProfile(b)
	return findings
}
