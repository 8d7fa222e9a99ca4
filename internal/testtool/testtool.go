// Package testtool runs the outside programs that tests read documents back
// with (pdftotext, qpdf, LibreOffice). A missing program skips the test on a
// developer's machine and fails it in CI (CI=true), so CI cannot pass by
// skipping.
package testtool

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// Need returns the path of program, or skips (fails in CI) without it.
func Need(t testing.TB, program string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed; .ci/run must install it", program)
		}
		t.Skipf("%s is not installed", program)
	}
	return path
}

// Run runs program with args and returns its standard output; a failure
// fails the test with the program's standard error.
func Run(t testing.TB, program string, args ...string) string {
	t.Helper()
	return RunEnv(t, nil, program, args...)
}

// RunEnv is Run with variables added to the environment.
func RunEnv(t testing.TB, env []string, program string, args ...string) string {
	t.Helper()
	path := Need(t, program)
	var out, errOut bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", program, args, err, errOut.String())
	}
	return out.String()
}
