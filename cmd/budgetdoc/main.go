// Command budgetdoc checks a department's budget data and builds its budget
// disclosure documents as PDF and XLSX.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"budgetdoc/report"
)

// version is the command's version, printed by `budgetdoc version`.
const version = "0.1.0"

const usage = `budgetdoc turns a department's budget data into its budget disclosure.

Usage:
  budgetdoc check DATA...                 check budgets; exit 1 if any has an error
  budgetdoc build [flags] DATA...         check, then write the documents
  budgetdoc version                       print the version
  budgetdoc help                          print this help

Run 'budgetdoc COMMAND -h' for a command's flags.
`

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "check":
		return runCheck(rest, stdout, stderr)
	case "build":
		return runBuild(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "budgetdoc %s\n", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "budgetdoc: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// parseInterspersed parses flags that may come before, between or after
// the file arguments, and returns the files.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: budgetdoc %s\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// loadAndCheck loads and checks each file, printing findings to w. It
// returns the budgets that have no error, in file order, and whether all
// files were free of errors.
func loadAndCheck(files []string, w io.Writer) ([]*report.Budget, bool) {
	var good []*report.Budget
	ok := true
	for _, path := range files {
		b, err := report.Load(path)
		if err != nil {
			ok = false
			var findings report.Findings
			if errors.As(err, &findings) {
				fmt.Fprintln(w, findings.Error())
			} else {
				fmt.Fprintf(w, "%s: error: %v\n", path, err)
			}
			continue
		}
		findings := report.Check(b)
		if len(findings) > 0 {
			fmt.Fprintln(w, findings.Error())
		}
		if findings.HasErrors() {
			ok = false
			continue
		}
		good = append(good, b)
	}
	return good, ok
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check DATA...", stderr)
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "budgetdoc check: no data file given")
		fs.Usage()
		return exitUsage
	}
	if _, ok := loadAndCheck(files, stdout); !ok {
		return exitFail
	}
	return exitOK
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "build [-o DIR] [--format pdf,xlsx] DATA...", stderr)
	outDir := fs.String("o", ".", "write the documents into `DIR`")
	formats := fs.String("format", "pdf,xlsx", "the `formats` to write, comma-separated: pdf, xlsx")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "budgetdoc build: no data file given")
		fs.Usage()
		return exitUsage
	}
	if _, err := parseFormats(*formats); err != nil {
		fmt.Fprintf(stderr, "budgetdoc build: %v\n", err)
		fs.Usage()
		return exitUsage
	}
	_, ok := loadAndCheck(files, stderr)
	if !ok {
		fmt.Fprintln(stderr, "budgetdoc build: nothing written: fix the errors above first")
		return exitFail
	}
	_ = outDir
	return exitOK
}

func parseFormats(list string) (map[string]bool, error) {
	set := make(map[string]bool)
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		switch f {
		case "pdf", "xlsx":
			set[f] = true
		default:
			return nil, fmt.Errorf("unknown format %q: the formats are pdf and xlsx", f)
		}
	}
	return set, nil
}

func flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}
