package main

import (
	"fmt"
	"io"
	"os"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
	"budgetdoc/report/profile"
)

// runProfiles lists the built-in profiles, shows one as YAML, or checks a
// profile file.
func runProfiles(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		for _, name := range profile.Builtins() {
			p := profile.MustBuiltin(name)
			mark := ""
			if name == profile.Default {
				mark = msg.Sprintf(" (default)")
			}
			fmt.Fprintf(stdout, "%-10s %s%s\n", name, p.Description, mark)
		}
		return exitOK
	case len(args) == 2 && args[0] == "show":
		return showProfile(args[1], stdout, stderr)
	case len(args) == 2 && args[0] == "check":
		p, err := profile.Load(args[1], ".")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFail
		}
		msg.Fprintf(stdout, "%s: profile %q is valid\n", args[1], p.Name)
		return exitOK
	case len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help"):
		msg.Fprintf(stdout, "Usage: budgetdoc profiles [show NAME|FILE | check FILE]\n  (no argument)  list the built-in profiles\n  show NAME      print a built-in profile's YAML, to start a region's own from\n  show FILE      print a profile file merged with what it extends\n  check FILE     check a profile file\n")
		return exitOK
	}
	msg.Fprintf(stderr, "budgetdoc profiles: want no argument, show NAME or check FILE\n")
	msg.Fprintf(stderr, "Run 'budgetdoc help %s' for its flags.\n", "profiles")
	return exitUsage
}

// showProfile prints a built-in profile as it is embedded (with its
// comments), or a profile file merged with the profiles it extends.
func showProfile(ref string, stdout, stderr io.Writer) int {
	if !profile.IsFile(ref) {
		data, ok := profile.Source(ref)
		if !ok {
			_, err := profile.Load(ref, ".") // for the message naming the built-ins
			fmt.Fprintf(stderr, "budgetdoc profiles: %v\n", err)
			return exitFail
		}
		stdout.Write(data)
		return exitOK
	}
	if _, err := os.Stat(ref); err != nil {
		fmt.Fprintf(stderr, "budgetdoc profiles: %v\n", err)
		return exitFail
	}
	p, err := profile.Load(ref, ".")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFail
	}
	p.Extends = ""
	data, err := budget.EncodeValue(p)
	if err != nil {
		fmt.Fprintf(stderr, "budgetdoc profiles: %v\n", err)
		return exitFail
	}
	msg.Fprintf(stdout, "# %s merged with the profiles it extends\n", ref)
	stdout.Write(data)
	return exitOK
}
