package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"budgetdoc/report"
	"budgetdoc/report/budget"
	"budgetdoc/report/entry"
	"budgetdoc/report/msg"
)

// expandInputs turns the arguments into data files: a folder stands for
// every *.yaml, *.yml and *.json file in it, and every entry workbook
// (*.xlsx with the entry sheets; not a disclosure build wrote there), in
// name order.
func expandInputs(args []string) ([]string, error) {
	var files []string
	var infos []os.FileInfo // of files, nil for one that cannot be read
	// The same file in two spellings (./a.yaml and a.yaml, a link to it)
	// is one budget, built once.
	add := func(f string) {
		info, err := os.Stat(f)
		for i, other := range files {
			if f == other || err == nil && infos[i] != nil && os.SameFile(info, infos[i]) {
				return
			}
		}
		if err != nil {
			info = nil
		}
		files, infos = append(files, f), append(infos, info)
	}
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, msg.Errorf("%s: no such file or folder", arg)
		}
		if !info.IsDir() {
			add(arg)
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, err
		}
		var found []string
		for _, e := range entries {
			switch strings.ToLower(filepath.Ext(e.Name())) {
			case ".yaml", ".yml", ".json":
				if !e.IsDir() {
					found = append(found, filepath.Join(arg, e.Name()))
				}
			case ".xlsx":
				if path := filepath.Join(arg, e.Name()); !e.IsDir() && entry.IsEntryWorkbook(path) {
					found = append(found, path)
				}
			}
		}
		if len(found) == 0 {
			return nil, msg.Errorf("%s: no .yaml, .yml or .json file in the folder", arg)
		}
		sort.Strings(found)
		for _, f := range found {
			add(f)
		}
	}
	return files, nil
}

// batch builds many budgets: all are checked first, then the good ones are
// built, each by one of jobs workers. A bad budget writes nothing and stops
// no other.
type batch struct {
	builder  *report.Builder
	files    []string
	outDir   string
	formats  []report.Format
	jobs     int
	progress *progress
}

// job is one file's way through the batch.
type job struct {
	budget   *report.Prepared
	findings string // what the checks found, printed in file order
	buildErr error
	written  []string
	finished bool
}

func (j *job) failed() bool { return j.budget == nil || j.buildErr != nil }

// run builds the batch and reports whether every budget was built.
func (b *batch) run(stdout, stderr io.Writer) bool {
	jobs := make([]job, len(b.files))
	b.progress.start("checking")
	b.parallel(len(jobs), func(i int) {
		jobs[i] = checkFile(b.builder.Prepare, b.files[i])
		b.progress.step(b.files[i])
	})
	b.claimOutputs(jobs)
	// The first few keep their composed disclosures for the build; a big
	// batch composes the rest again when it builds them.
	for i := 2 * b.jobs; i < len(jobs); i++ {
		if jobs[i].budget != nil {
			jobs[i].budget.Lean()
		}
	}
	b.progress.clear()
	for _, j := range jobs {
		fmt.Fprint(stderr, j.findings)
	}
	// Paths go to stdout in file order, each as soon as the files before
	// it are done.
	var mu sync.Mutex
	next := 0
	b.progress.start("building")
	b.parallel(len(jobs), func(i int) {
		j := &jobs[i]
		if j.budget != nil {
			j.written, j.buildErr = b.builder.BuildPrepared(j.budget, b.outDir, b.formats...)
			j.budget.Lean()
		}
		b.progress.step(b.files[i])
		mu.Lock()
		defer mu.Unlock()
		j.finished = true
		for ; next < len(jobs) && jobs[next].finished; next++ {
			b.progress.clear()
			for _, p := range jobs[next].written {
				fmt.Fprintln(stdout, p)
			}
		}
	})
	b.progress.clear()
	var failed []string
	for i := range jobs {
		var findings report.Findings
		if errors.As(jobs[i].buildErr, &findings) {
			fmt.Fprintln(stderr, findings.Error()) // they name their file
		} else if jobs[i].buildErr != nil {
			fmt.Fprintln(stderr, fileError(b.files[i], jobs[i].buildErr.Error()))
		}
		if jobs[i].failed() {
			failed = append(failed, b.files[i])
		}
	}
	if len(failed) > 0 {
		msg.Fprintf(stderr, "budgetdoc build: %d of %d budgets failed, nothing written for them: %s\n",
			len(failed), len(jobs), strings.Join(failed, ", "))
		return false
	}
	b.progress.summary(len(jobs))
	return true
}

// checkFile loads, checks and composes one file; a budget with an error is
// dropped.
func checkFile(prepare func(*report.Budget) (*report.Prepared, report.Findings), path string) job {
	var out strings.Builder
	bud, ok := loadFile(&out, path)
	if !ok {
		return job{findings: out.String()}
	}
	prepared, findings := prepare(bud)
	printFindings(&out, findings)
	return job{budget: prepared, findings: out.String()}
}

// loadFile loads one file, printing into out why it cannot.
func loadFile(out io.Writer, path string) (*report.Budget, bool) {
	bud, err := report.Load(path)
	if err != nil {
		printLoadError(out, path, err)
		return nil, false
	}
	return bud, true
}

func printFindings(out io.Writer, findings report.Findings) {
	if len(findings) > 0 {
		fmt.Fprintln(out, findings.Error())
	}
}

// claimOutputs fails every budget whose documents would overwrite those of
// an earlier one in the batch (same unit and year). Names that differ only
// in case or Unicode normalisation count as the same: Windows and macOS
// file systems treat them as one file.
func (b *batch) claimOutputs(jobs []job) {
	owner := make(map[string]int)
	for i := range jobs {
		if jobs[i].budget == nil {
			continue
		}
		name := jobs[i].budget.BaseName()
		key := sameFileKey(name)
		if first, taken := owner[key]; taken {
			jobs[i].findings += fileError(b.files[i], msg.Sprintf("its documents, %s.*, would overwrite those of %s (%s.*)",
				name, b.files[first], jobs[first].budget.BaseName())) + "\n"
			jobs[i].budget = nil
			continue
		}
		owner[key] = i
	}
}

// sameFileKey is equal for two file names that Windows' or macOS's file
// systems take for one: they differ only in case or Unicode normalisation.
func sameFileKey(name string) string { return cases.Fold().String(norm.NFC.String(name)) }

// parallel runs fn(0) … fn(n-1) on b.jobs workers.
func (b *batch) parallel(n int, fn func(i int)) {
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(b.jobs, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		work <- i
	}
	close(work)
	wg.Wait()
}

// fileError is an error about a whole file, printed as findings are.
func fileError(file, message string) string {
	return budget.Finding{Severity: budget.Error, Pos: budget.Pos{File: file}, Message: message}.String()
}
