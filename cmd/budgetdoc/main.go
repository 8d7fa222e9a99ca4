// Command budgetdoc checks a department's budget data and builds its budget
// disclosure documents as PDF and XLSX.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"budgetdoc/report"
	"budgetdoc/report/budget"
)

// version is the command's version, printed by `budgetdoc version`.
const version = "0.1.0"

const usage = `budgetdoc turns a department's budget data into its budget disclosure.

Usage:
  budgetdoc check DATA|FOLDER...          check budgets; exit 1 if any has an error
  budgetdoc build [flags] DATA|FOLDER...  check, then write the PDF and XLSX
  budgetdoc diff [flags] OLD NEW          compare two versions; exit 1 if they differ
  budgetdoc serve [--addr A] [--data DIR] start the local web page
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
	case "diff":
		return runDiff(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
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

// fontFlags collects repeated --font role=PATH flags.
type fontFlags []string

// String lists the flags given, for flag.Value.
func (f *fontFlags) String() string { return strings.Join(*f, ",") }

// Set adds one ROLE=PATH, for flag.Value.
func (f *fontFlags) Set(v string) error {
	if role, path, ok := strings.Cut(v, "="); !ok || role == "" || path == "" {
		return fmt.Errorf("want ROLE=PATH, e.g. body=fangsong.ttf")
	}
	*f = append(*f, v)
	return nil
}

// builder makes a report.Builder with the fonts given on the command line.
func (f fontFlags) builder(split bool, more ...report.Option) (*report.Builder, error) {
	opts := more
	if split {
		opts = append(opts, report.WithSplit())
	}
	for _, v := range f {
		role, path, _ := strings.Cut(v, "=")
		opts = append(opts, report.WithFont(role, path))
	}
	return report.New(opts...)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "check [--font ROLE=PATH] DATA|FOLDER...", stderr)
	var fontList fontFlags
	fs.Var(&fontList, "font", "set a font `ROLE=PATH` (body, title, heading1, heading2, table, table-header, page-number); repeatable")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(files) == 0 {
		fmt.Fprintln(stderr, "budgetdoc check: no data file given")
		fs.Usage()
		return exitUsage
	}
	bl, err := fontList.builder(false)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
		return exitFail
	}
	if files, err = expandInputs(files); err != nil {
		fmt.Fprintf(stderr, "budgetdoc check: %v\n", err)
		return exitFail
	}
	ok := true
	for _, path := range files {
		j := checkFile(bl, path)
		fmt.Fprint(stdout, j.findings)
		ok = ok && j.budget != nil
	}
	if !ok {
		return exitFail
	}
	return exitOK
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "build [-o DIR] [--format pdf,xlsx] [--split] [-j N] [--quiet] [--font ROLE=PATH] [--xlsx-fonts CELL,HEADER] DATA|FOLDER...", stderr)
	outDir := fs.String("o", ".", "write the documents into `DIR`")
	formatList := fs.String("format", "pdf,xlsx", "the `formats` to write, comma-separated: pdf, xlsx")
	split := fs.Bool("split", false, "also write each part of the PDF as a file of its own")
	jobs := fs.Int("j", runtime.NumCPU(), "build `N` budgets at a time")
	quiet := fs.Bool("quiet", false, "print no progress")
	sheetFonts := fs.String("xlsx-fonts", "宋体,黑体", "the workbook's `CELL,HEADER` fonts")
	var fontList fontFlags
	fs.Var(&fontList, "font", "set a font `ROLE=PATH` (body, title, heading1, heading2, table, table-header, page-number); repeatable")
	args, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(args) == 0 {
		fmt.Fprintln(stderr, "budgetdoc build: no data file given")
		fs.Usage()
		return exitUsage
	}
	formats, err := parseFormats(*formatList)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc build: %v\n", err)
		fs.Usage()
		return exitUsage
	}
	if *jobs < 1 {
		fmt.Fprintln(stderr, "budgetdoc build: -j must be at least 1")
		return exitUsage
	}
	cell, header, _ := strings.Cut(*sheetFonts, ",")
	bl, err := fontList.builder(*split, report.WithSpreadsheetFonts(strings.TrimSpace(cell), strings.TrimSpace(header)))
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc build: %v\n", err)
		return exitFail
	}
	files, err := expandInputs(args)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc build: %v\n", err)
		return exitFail
	}
	b := &batch{builder: bl, files: files, outDir: *outDir, formats: formats, jobs: *jobs,
		progress: newProgress(stderr, *quiet, len(files))}
	if b.run(stdout, stderr) {
		return exitOK
	}
	return exitFail
}

// parseFormats reads a comma-separated list of formats, each once, in the
// order given.
func parseFormats(list string) ([]report.Format, error) {
	var formats []report.Format
	seen := make(map[string]bool)
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		switch f {
		case "pdf", "xlsx":
			if !seen[f] {
				formats = append(formats, report.Format(f))
			}
			seen[f] = true
		default:
			return nil, fmt.Errorf("unknown format %q: the formats are pdf and xlsx", f)
		}
	}
	return formats, nil
}

func flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitUsage
}

func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("diff", "diff [--format text|json|xlsx|pdf] [-o FILE] OLD NEW", stderr)
	format := fs.String("format", "text", "the revision table's `format`: text, json, xlsx or pdf")
	out := fs.String("o", "", "write the xlsx or pdf revision table to `FILE`")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return flagError(err)
	}
	usageError := func(msg string) int {
		fmt.Fprintf(stderr, "budgetdoc diff: %s\n", msg)
		fs.Usage()
		return exitUsage
	}
	switch {
	case len(files) != 2:
		return usageError("give two data files, OLD and NEW")
	case *format != "text" && *format != "json" && *format != "xlsx" && *format != "pdf":
		return usageError(fmt.Sprintf("unknown format %q", *format))
	case (*format == "xlsx" || *format == "pdf") && *out == "":
		return usageError("the " + *format + " format needs -o FILE")
	}
	var budgets [2]*report.Budget
	for i, path := range files {
		b, err := report.Load(path)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitUsage
		}
		// A revision in progress rarely adds up yet: its findings are
		// shown as warnings and the comparison goes on.
		for _, f := range report.Check(b) {
			f.Severity = budget.Warning
			fmt.Fprintln(stderr, f)
		}
		budgets[i] = b
	}
	rev := report.Diff(budgets[0], budgets[1])
	switch *format {
	case "text":
		err = rev.WriteText(stdout)
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(rev)
	default:
		var bl *report.Builder
		var data []byte
		if bl, err = report.New(); err == nil {
			if data, err = bl.RenderRevision(rev, budgets[1], report.Format(*format)); err == nil {
				err = report.WriteFile(*out, data)
			}
		}
		if err == nil {
			fmt.Fprintln(stdout, *out)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc diff: %v\n", err)
		return exitUsage
	}
	if rev.Same() {
		return exitOK
	}
	return exitFail
}
