package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"budgetdoc/report"
	"budgetdoc/report/entry"
	"budgetdoc/report/msg"
	"budgetdoc/report/profile"
)

// runInit starts a budget: an empty one for a profile, or next year's from
// last year's file, as YAML or as the entry workbook.
func runInit(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("init", "--profile NAME|--from LAST OUT", stdout, stderr)
	profile := cl.fs.String("profile", "", msg.Sprintf("start an empty budget for the profile `NAME`: %s", strings.Join(profile.Builtins(), ", ")))
	from := cl.fs.String("from", "", msg.Sprintf("carry last year's budget `LAST` forward: year + 1, amounts and date to fill in"))
	files, code, done := cl.parse(args)
	if done {
		return code
	}
	switch {
	case len(files) != 1:
		return cl.usageError(msg.Sprintf("give the file to write, OUT (.yaml or .xlsx)"))
	case (*profile == "") == (*from == ""):
		return cl.usageError(msg.Sprintf("give either --profile or --from"))
	}
	out := files[0]
	switch strings.ToLower(filepath.Ext(out)) {
	case ".yaml", ".yml", ".xlsx":
	default:
		return cl.usageError(msg.Sprintf("%s: the output's extension must be .yaml, .yml or .xlsx", out))
	}
	var data []byte
	var err error
	if *profile != "" {
		if data, err = entry.Template(*profile, out); err != nil {
			return cl.usageError(err.Error())
		}
	} else {
		if _, err := os.Stat(*from); err != nil {
			return cl.usageError(msg.Sprintf("%s: no such file or folder", *from))
		}
		last, err := report.Load(*from)
		if err != nil {
			printLoadError(stderr, *from, err)
			return exitFail
		}
		if data, err = entry.NextYear(last, relativeTo(out, *from), out); err != nil {
			fmt.Fprintln(stderr, fileError(out, err.Error()))
			return exitFail
		}
	}
	if _, err := os.Stat(out); err == nil {
		fmt.Fprintln(stderr, fileError(out, msg.Sprintf("the file exists already; init writes a new one")))
		return exitFail
	}
	if err := report.WriteFile(out, data); err != nil {
		fmt.Fprintln(stderr, fileError(out, err.Error()))
		return exitFail
	}
	fmt.Fprintln(stdout, out)
	if *from != "" {
		// What is left to fill in is what the new file's check finds.
		if _, err := report.Load(out); err != nil {
			msg.Fprintf(stderr, "Left to fill in:\n")
			printLoadError(stderr, out, err)
		}
	}
	return exitOK
}

// relativeTo is path as seen from the folder of the file from: the form
// previous takes.
func relativeTo(from, path string) string {
	abs, _ := filepath.Abs(path)
	dir, _ := filepath.Abs(filepath.Dir(from))
	if rel, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}
