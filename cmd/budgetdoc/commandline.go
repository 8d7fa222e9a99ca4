package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"budgetdoc/report/msg"
)

// commandLine parses one command's flags and prints its help and usage
// errors in the messages' language.
type commandLine struct {
	name, synopsis string
	fs             *flag.FlagSet
	stdout, stderr io.Writer
}

func newCommandLine(name, synopsis string, stdout, stderr io.Writer) *commandLine {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are printed translated, by parse
	return &commandLine{name: name, synopsis: synopsis, fs: fs, stdout: stdout, stderr: stderr}
}

// parse parses flags that may come before, between or after the file
// arguments, and returns the files. When done, the command ends with code:
// its help was asked for (-h), or the flags are wrong.
func (cl *commandLine) parse(args []string) (files []string, code int, done bool) {
	for {
		err := cl.fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			cl.printHelp(cl.stdout)
			return nil, exitOK, true
		}
		if err != nil {
			return nil, cl.usageError(flagMessage(err)), true
		}
		if cl.fs.NArg() == 0 {
			return files, exitOK, false
		}
		files = append(files, cl.fs.Arg(0))
		args = cl.fs.Args()[1:]
	}
}

// usageError prints problem, the synopsis and where the help is to
// stderr, and gives the usage exit status.
func (cl *commandLine) usageError(problem string) int {
	msg.Fprintf(cl.stderr, "budgetdoc %s: %s\n", cl.name, problem)
	fmt.Fprintln(cl.stderr, strings.TrimSpace(msg.Sprintf("Usage: budgetdoc %s %s\n", cl.name, cl.synopsis)))
	msg.Fprintf(cl.stderr, "Run 'budgetdoc help %s' for its flags.\n", cl.name)
	return exitUsage
}

// printHelp prints the synopsis and every flag with its default.
func (cl *commandLine) printHelp(w io.Writer) {
	fmt.Fprintln(w, strings.TrimSpace(msg.Sprintf("Usage: budgetdoc %s %s\n", cl.name, cl.synopsis)))
	cl.fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if len(f.Name) == 1 {
			line = "  -" + f.Name
		}
		if name != "" {
			line += " " + name
		}
		fmt.Fprintf(w, "%s\n    \t%s", line, usage)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			msg.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
	msg.Fprintf(w, "  --lang zh|en\n    \tthe language of messages (default zh; or set BUDGETDOC_LANG)\n")
}

// The flag package's errors, to be said again in the messages' language.
var (
	undefinedFlag = regexp.MustCompile(`^flag provided but not defined: (-\S+)$`)
	flagNeedsArg  = regexp.MustCompile(`^flag needs an argument: (-\S+)$`)
	badFlagValue  = regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?(-\S+): (.*)$`)
)

func flagMessage(err error) string {
	s := err.Error()
	if m := undefinedFlag.FindStringSubmatch(s); m != nil {
		return msg.Sprintf("unknown flag %s", m[1])
	}
	if m := flagNeedsArg.FindStringSubmatch(s); m != nil {
		return msg.Sprintf("the flag %s needs a value", m[1])
	}
	if m := badFlagValue.FindStringSubmatch(s); m != nil {
		if m[3] == "parse error" || strings.HasPrefix(m[3], "strconv.") {
			return msg.Sprintf("%q is not a valid value for %s", m[1], m[2])
		}
		return msg.Sprintf("%q is not a valid value for %s: %s", m[1], m[2], m[3])
	}
	return s
}
