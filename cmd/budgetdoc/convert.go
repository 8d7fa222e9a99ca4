package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"budgetdoc/report"
	"budgetdoc/report/msg"
)

// runConvert converts a budget between YAML, JSON and the entry workbook,
// by the files' extensions. The budget need not pass its checks yet.
func runConvert(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("convert", "IN OUT", stdout, stderr)
	files, code, done := cl.parse(args)
	if done {
		return code
	}
	if len(files) != 2 {
		return cl.usageError(msg.Sprintf("give two files, IN and OUT, each .yaml, .yml, .json or .xlsx"))
	}
	in, out := files[0], files[1]
	if !report.IsDataFile(out) {
		return cl.usageError(msg.Sprintf("%s: the output's extension must be .yaml, .yml, .json or .xlsx", out))
	}
	if _, err := os.Stat(in); err != nil {
		return cl.usageError(msg.Sprintf("%s: no such file or folder", in))
	}
	b, err := report.Load(in)
	if err != nil {
		printLoadError(stderr, in, err)
		return exitFail
	}
	// previous is relative to the file that names it: keep it pointing at
	// the same file from where OUT is.
	if b.PreviousFile != "" {
		b.PreviousFile = relativeTo(out, filepath.Join(filepath.Dir(in), filepath.FromSlash(b.PreviousFile)))
	}
	if err := report.Save(b, out); err != nil {
		fmt.Fprintln(stderr, fileError(out, err.Error()))
		return exitFail
	}
	fmt.Fprintln(stdout, out)
	return exitOK
}

// printLoadError prints why a file could not be loaded: its findings, or
// the error naming the file, on the stream check prints findings to.
func printLoadError(w io.Writer, path string, err error) {
	var findings report.Findings
	if errors.As(err, &findings) {
		fmt.Fprintln(w, findings.Error())
	} else {
		fmt.Fprintln(w, fileError(path, err.Error()))
	}
}
