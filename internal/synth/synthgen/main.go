// Command synthgen writes synthetic budgets as data files, for benchmarks
// and trials of batch builds:
//
//	go run ./internal/synth/synthgen -n 100 -rows 50 -forms 10 [-standard] DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"budgetdoc/internal/synth"
	"budgetdoc/report/budget"
)

func main() {
	n := flag.Int("n", 1, "how many budgets")
	rows := flag.Int("rows", 50, "project-table rows per budget")
	forms := flag.Int("forms", 10, "performance forms per budget")
	indicators := flag.Int("indicators", 12, "indicators per side of each form")
	standard := flag.Bool("standard", false, "standard-set ledgers (nine tables, standard explanation) in 万元")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: synthgen [-n N] [-rows R] [-forms F] [-indicators I] [-standard] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 1; i <= *n; i++ {
		b := synth.Budget(synth.Options{Seed: int64(i), Rows: *rows, Forms: *forms, Indicators: *indicators, Standard: *standard})
		data, err := budget.Encode(b)
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("dept%04d.yaml", i)), data, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
