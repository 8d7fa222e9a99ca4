// Command budgetdoc checks a department's budget data and builds its budget
// disclosure documents as PDF and XLSX.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"budgetdoc/report"
	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

// Exit statuses, the same for every command (diff: 1 means the versions
// differ).
const (
	exitOK    = 0 // done, nothing found
	exitFail  = 1 // a finding with severity error, or a build that failed
	exitUsage = 2 // the command line is wrong: flags, files, fonts, language
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand of budgetdoc.
type command struct {
	name     string
	synopsis string // the arguments, after the name
	summary  string // one line for the overview
	run      func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands, their texts in the current language.
func commands() []command {
	return []command{
		{"check", "[flags] DATA|FOLDER...", msg.Sprintf("check budgets; exit 1 if any has an error"), runCheck},
		{"build", "[flags] DATA|FOLDER...", msg.Sprintf("check, then write the PDF and XLSX"), runBuild},
		{"diff", "[flags] OLD NEW", msg.Sprintf("compare two versions; exit 1 if they differ"), runDiff},
		{"init", "--profile NAME|--from LAST OUT", msg.Sprintf("start a budget: an empty one, or next year's from last year's"), runInit},
		{"convert", "IN OUT", msg.Sprintf("convert between .yaml, .json and the entry workbook .xlsx"), runConvert},
		{"profiles", "[show NAME|FILE | check FILE]", msg.Sprintf("list, print or check document profiles"), runProfiles},
		{"serve", "[flags]", msg.Sprintf("start the local web page"), runServe},
		{"version", "", msg.Sprintf("print the version and the source revision"), runVersion},
		{"help", "[COMMAND]", msg.Sprintf("print this help, or a command's"), nil},
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// printUsage writes the overview of every command.
func printUsage(w io.Writer) {
	msg.Fprintf(w, "budgetdoc turns a department's budget data into its budget disclosure.\n\n")
	msg.Fprintf(w, "Usage:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-44s %s\n", strings.TrimSpace("budgetdoc "+c.name+" "+c.synopsis), c.summary)
	}
	msg.Fprintf(w, "\nOptions of every command:\n  --lang zh|en    the language of messages (default zh; or set BUDGETDOC_LANG)\n\n")
	msg.Fprintf(w, "Exit status: 0 done; 1 an error was found or a build failed (diff: the versions differ); 2 a wrong command line.\n")
	msg.Fprintf(w, "Run 'budgetdoc help COMMAND' for a command's flags.\n")
}

func run(args []string, stdout, stderr io.Writer) int {
	args, err := takeLanguage(args)
	if err != nil {
		msg.Fprintf(stderr, "budgetdoc: %v\n", err)
		return exitUsage
	}
	if len(args) == 0 {
		printUsage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		return runHelp(rest, stdout, stderr)
	case "-version", "--version":
		name = "version"
	}
	c, ok := findCommand(name)
	if !ok {
		msg.Fprintf(stderr, "budgetdoc: unknown command %q\n", name)
		if s := nearestCommand(name); s != "" {
			msg.Fprintf(stderr, "Did you mean %q?\n", s)
		}
		msg.Fprintf(stderr, "Run 'budgetdoc help' for the commands.\n")
		return exitUsage
	}
	return c.run(rest, stdout, stderr)
}

// takeLanguage sets the messages' language from --lang (anywhere on the
// command line) or else BUDGETDOC_LANG, and returns the other arguments.
func takeLanguage(args []string) ([]string, error) {
	lang, given := os.LookupEnv("BUDGETDOC_LANG")
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			rest = append(rest, args[i:]...)
			i = len(args)
		case a == "--lang" || a == "-lang":
			if i+1 == len(args) {
				return nil, msg.Errorf("--lang needs a language: zh or en")
			}
			lang, given = args[i+1], true
			i++
		case strings.HasPrefix(a, "--lang=") || strings.HasPrefix(a, "-lang="):
			_, lang, _ = strings.Cut(a, "=")
			given = true
		default:
			rest = append(rest, a)
		}
	}
	if !given {
		msg.SetLanguage(msg.Chinese)
		return rest, nil
	}
	tag, err := msg.ParseLanguage(lang)
	msg.SetLanguage(tag)
	return rest, err
}

// nearestCommand is the command a mistyped name most likely meant.
func nearestCommand(name string) string {
	best, bestDist := "", 3
	for _, c := range commands() {
		if d := editDistance(name, c.name); d < bestDist {
			best, bestDist = c.name, d
		}
	}
	return best
}

// editDistance is the Damerau–Levenshtein (optimal string alignment)
// distance: swapped neighbours (buidl) count as one slip.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printUsage(stdout)
		return exitOK
	}
	if args[0] == "help" {
		printUsage(stdout)
		return exitOK
	}
	if _, ok := findCommand(args[0]); !ok {
		return run(args[:1], stdout, stderr) // reports the unknown command
	}
	return run([]string{args[0], "-h"}, stdout, stderr)
}

// fontFlags collects repeated --font role=PATH flags.
type fontFlags []string

// String lists the flags given, for flag.Value.
func (f *fontFlags) String() string { return strings.Join(*f, ",") }

// Set adds one ROLE=PATH, for flag.Value.
func (f *fontFlags) Set(v string) error {
	if role, path, ok := strings.Cut(v, "="); !ok || role == "" || path == "" {
		return msg.Errorf("want ROLE=PATH, e.g. body=fangsong.ttf")
	}
	*f = append(*f, v)
	return nil
}

// builder makes a report.Builder with the fonts given on the command line;
// its errors are the command line's (unknown role, missing font file).
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

func fontUsage() string {
	return msg.Sprintf("set a font `ROLE=PATH` (body, title, heading1, heading2, table, table-header, page-number); repeatable")
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("check", "[--font ROLE=PATH] DATA|FOLDER...", stdout, stderr)
	var fontList fontFlags
	cl.fs.Var(&fontList, "font", fontUsage())
	files, code, done := cl.parse(args)
	if done {
		return code
	}
	if len(files) == 0 {
		return cl.usageError(msg.Sprintf("no data file given"))
	}
	bl, err := fontList.builder(false)
	if err != nil {
		return cl.usageError(err.Error())
	}
	if files, err = expandInputs(files); err != nil {
		return cl.usageError(err.Error())
	}
	ok := true
	for _, path := range files {
		bud, loaded := loadFile(stderr, path)
		if !loaded {
			ok = false
			continue
		}
		findings := bl.Check(bud)
		printFindings(stderr, findings)
		ok = ok && !findings.HasErrors()
	}
	if !ok {
		return exitFail
	}
	return exitOK
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("build", "[-o DIR] [--format pdf,xlsx] [--split] [-j N] [--quiet] [--font ROLE=PATH] [--xlsx-fonts CELL,HEADER] DATA|FOLDER...", stdout, stderr)
	fs := cl.fs
	outDir := fs.String("o", ".", msg.Sprintf("write the documents into `DIR`"))
	formatList := fs.String("format", "pdf,xlsx", msg.Sprintf("the `formats` to write, comma-separated: pdf, xlsx"))
	split := fs.Bool("split", false, msg.Sprintf("also write each part of the PDF as a file of its own"))
	jobs := fs.Int("j", runtime.NumCPU(), msg.Sprintf("build `N` budgets at a time"))
	quiet := fs.Bool("quiet", false, msg.Sprintf("print no progress"))
	sheetFonts := fs.String("xlsx-fonts", "宋体,黑体", msg.Sprintf("the workbook's `CELL,HEADER` fonts"))
	var fontList fontFlags
	fs.Var(&fontList, "font", fontUsage())
	args, code, done := cl.parse(args)
	if done {
		return code
	}
	if len(args) == 0 {
		return cl.usageError(msg.Sprintf("no data file given"))
	}
	formats, err := parseFormats(*formatList)
	if err != nil {
		return cl.usageError(err.Error())
	}
	if *jobs < 1 {
		return cl.usageError(msg.Sprintf("-j must be at least 1"))
	}
	cell, header, _ := strings.Cut(*sheetFonts, ",")
	bl, err := fontList.builder(*split, report.WithSpreadsheetFonts(strings.TrimSpace(cell), strings.TrimSpace(header)))
	if err != nil {
		return cl.usageError(err.Error())
	}
	files, err := expandInputs(args)
	if err != nil {
		return cl.usageError(err.Error())
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
			return nil, msg.Errorf("unknown format %q: the formats are pdf and xlsx", f)
		}
	}
	return formats, nil
}

func runDiff(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("diff", "[--format text|json|xlsx|pdf] [-o FILE] OLD NEW", stdout, stderr)
	format := cl.fs.String("format", "text", msg.Sprintf("the revision table's `format`: text, json, xlsx or pdf"))
	out := cl.fs.String("o", "", msg.Sprintf("write the xlsx or pdf revision table to `FILE`"))
	files, code, done := cl.parse(args)
	if done {
		return code
	}
	switch {
	case len(files) != 2:
		return cl.usageError(msg.Sprintf("give two data files, OLD and NEW"))
	case *format != "text" && *format != "json" && *format != "xlsx" && *format != "pdf":
		return cl.usageError(msg.Sprintf("unknown format %q: the formats are text, json, xlsx and pdf", *format))
	case (*format == "xlsx" || *format == "pdf") && *out == "":
		return cl.usageError(msg.Sprintf("the %s format needs -o FILE", *format))
	}
	var budgets [2]*report.Budget
	for i, path := range files {
		b, err := report.Load(path)
		if err != nil {
			printLoadError(stderr, path, err)
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
	var err error
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
