package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"budgetdoc/report/msg"
)

// runVersion prints the module's version and the source revision it was
// built from, as the Go toolchain recorded them in the binary.
func runVersion(args []string, stdout, stderr io.Writer) int {
	cl := newCommandLine("version", "", stdout, stderr)
	files, code, done := cl.parse(args)
	if done {
		return code
	}
	if len(files) > 0 {
		return cl.usageError(msg.Sprintf("version takes no arguments"))
	}
	fmt.Fprintln(stdout, versionLine(debug.ReadBuildInfo()))
	return exitOK
}

// versionLine is "budgetdoc VERSION (REVISION[+dirty], DATE, GOVERSION)";
// a binary built from a checkout without VCS stamping says "(devel)" only.
func versionLine(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "budgetdoc " + msg.Sprintf("(unknown version)")
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var rev, when, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	line := "budgetdoc " + version
	if rev != "" {
		line += fmt.Sprintf(" (%s%s, %s, %s)", rev, dirty, when, info.GoVersion)
	} else {
		line += " (" + info.GoVersion + ")"
	}
	return line
}
