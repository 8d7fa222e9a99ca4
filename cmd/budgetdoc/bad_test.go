package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain runs the command itself when the test binary is started as a
// subprocess by the bounded-memory test, so that its memory is measured
// alone.
func TestMain(m *testing.M) {
	if os.Getenv("BUDGETDOC_TEST_RUN_COMMAND") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// badCase is one line of testdata/bad/EXPECT.
type badCase struct {
	file, exit, diffExit, pos, prefix string
}

func badCases(t *testing.T) []badCase {
	data, err := os.ReadFile("testdata/bad/EXPECT")
	if err != nil {
		t.Fatal(err)
	}
	var cases []badCase
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("EXPECT: %q has %d fields, want 5", line, len(f))
		}
		cases = append(cases, badCase{f[0], f[1], f[2], f[3], f[4]})
	}
	return cases
}

// runSafely is runCmd, failing the test on a panic instead of crashing it.
func runSafely(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("budgetdoc %s panicked: %v", strings.Join(args, " "), r)
		}
	}()
	return runCmd(args...)
}

// Every bad input of the corpus gives its exit status and message at its
// position from check, build and diff, without a panic, in bounded time;
// build writes nothing outside -o, and nothing under a final name unless
// the budget builds.
func TestBadInputs(t *testing.T) {
	cases := badCases(t)
	if len(cases) < 60 {
		t.Fatalf("the corpus has %d inputs, want at least 60", len(cases))
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			root := t.TempDir()
			data, err := os.ReadFile(filepath.Join("testdata/bad", c.file))
			if err != nil {
				t.Fatal(err)
			}
			os.Mkdir(filepath.Join(root, "in"), 0o755)
			in := filepath.Join(root, "in", c.file)
			os.WriteFile(in, data, 0o644)
			out := filepath.Join(root, "out")
			start := time.Now()

			code, stdout, stderr := runSafely(t, "check", "--lang", "en", in)
			if want := c.exit; itoa(code) != want {
				t.Errorf("check: exit %d, want %s\n%s%s", code, want, stdout, stderr)
			}
			if c.prefix != "-" {
				want := in + ":" + c.pos + ": " + c.prefix
				if c.pos == "-" {
					want = in + ": " + c.prefix
				}
				if !hasLineWithPrefix(stdout+stderr, want) {
					t.Errorf("check: no line starts with\n%s\ngot\n%s%s", want, stdout, stderr)
				}
			}

			code, stdout, stderr = runSafely(t, "build", "--quiet", "--lang", "en", "-o", out, in)
			if itoa(code) != c.exit {
				t.Errorf("build: exit %d, want %s\n%s%s", code, c.exit, stdout, stderr)
			}
			for _, f := range tree(t, root) {
				dir, name := filepath.Split(f)
				switch {
				case dir == "in/" && name == c.file:
				case dir != "out/":
					t.Errorf("build wrote %s, outside -o", f)
				case c.exit != "0":
					t.Errorf("build of a bad budget wrote %s", f)
				case strings.HasPrefix(name, ".") || !(strings.HasSuffix(name, ".pdf") || strings.HasSuffix(name, ".xlsx")):
					t.Errorf("build left %s, not a finished document", f)
				}
			}

			code, stdout, stderr = runSafely(t, "diff", "--lang", "en", in, in)
			if c.diffExit != "*" && itoa(code) != c.diffExit {
				t.Errorf("diff: exit %d, want %s\n%s%s", code, c.diffExit, stdout, stderr)
			}
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("check, build and diff took %v", took)
			}
		})
	}
}

func itoa(i int) string { return string(rune('0' + i)) }

func hasLineWithPrefix(text, prefix string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}

// The worst inputs, run as processes of their own, stay within bounds of
// time and memory: the alias bombs, a deep nesting, a file over the input
// limit and an endless one.
func TestWorstInputsAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	big := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# 注释\n"), 17<<20/9), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "testdata/bad/alias-bomb-values.yaml"}, "aliases (*name) expand the file"},
		{[]string{"check", "testdata/bad/alias-bomb-text.yaml"}, "aliases (*name) expand the file"},
		{[]string{"diff", "--format", "pdf", "-o", filepath.Join(t.TempDir(), "r.pdf"), "testdata/bad/alias-bomb-values.yaml", "testdata/bad/alias-bomb-text.yaml"}, "aliases (*name) expand the file"},
		{[]string{"check", "testdata/bad/deep-nesting.yaml"}, "exceeded max depth"},
		{[]string{"check", big}, "larger than 16 MB"},
		{[]string{"check", "/dev/zero"}, "larger than 16 MB"},
	} {
		cmd := exec.Command(os.Args[0], append([]string{"--lang", "en"}, c.args...)...)
		cmd.Env = append(os.Environ(), "BUDGETDOC_TEST_RUN_COMMAND=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		start := time.Now()
		err := cmd.Run()
		took := time.Since(start)
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatal(err)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss >> 10 // MB
		t.Logf("%s: %v, %d MB", strings.Join(c.args, " "), took.Round(time.Millisecond), rss)
		if code := cmd.ProcessState.ExitCode(); code == 0 || !strings.Contains(out.String(), c.want) {
			t.Errorf("%s: exit %d, output %.300s; want %q", c.args, code, out.String(), c.want)
		}
		if took > 10*time.Second || rss > 400 {
			t.Errorf("%s took %v and %d MB", c.args, took, rss)
		}
	}
}
