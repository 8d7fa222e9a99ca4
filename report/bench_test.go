package report_test

import (
	"testing"

	"budgetdoc/internal/synth"
	"budgetdoc/report"
)

func benchBuild(b *testing.B, bud *report.Budget, formats ...report.Format) {
	bl, err := report.New()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := bl.Build(bud, dir, formats...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSample is the sample's whole disclosure, PDF and XLSX.
func BenchmarkSample(b *testing.B) {
	bud, err := report.Load(samplePath)
	if err != nil {
		b.Fatal(err)
	}
	benchBuild(b, bud, report.PDF, report.XLSX)
}

// BenchmarkProjectTable is one project table of 1,000 and of 10,000 rows,
// so that growth can be seen to be linear.
func BenchmarkProjectTable1000(b *testing.B) {
	benchBuild(b, synth.Budget(synth.Options{Seed: 1, Rows: 1000}), report.PDF, report.XLSX)
}

func BenchmarkProjectTable10000(b *testing.B) {
	benchBuild(b, synth.Budget(synth.Options{Seed: 1, Rows: 10000}), report.PDF, report.XLSX)
}

// BenchmarkStandardExample is the standard set's example, PDF and XLSX:
// nine tables, the thirteen sections compared with last year, two forms.
func BenchmarkStandardExample(b *testing.B) {
	bud, err := report.Load(examplePath)
	if err != nil {
		b.Fatal(err)
	}
	benchBuild(b, bud, report.PDF, report.XLSX)
}

// BenchmarkStandardSynthetic is one synthetic standard-set department as
// bench/run's batch builds it: 50 rows, 10 forms.
func BenchmarkStandardSynthetic(b *testing.B) {
	benchBuild(b, synth.Budget(synth.Options{Seed: 1, Rows: 50, Forms: 10, Standard: true}), report.PDF, report.XLSX)
}

// BenchmarkLoadExample reads the standard set's example and last year's
// file beside it (two YAML files), as a build starts.
func BenchmarkLoadExample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.Load(examplePath); err != nil {
			b.Fatal(err)
		}
	}
}
