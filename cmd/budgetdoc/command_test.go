package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// The exit status of every command, for each kind of outcome: 0 done, 1 an
// error found or a failed build (diff: the versions differ), 2 a wrong
// command line.
func TestExitStatusOfEveryCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	data, _ := os.ReadFile(sample)
	os.WriteFile(bad, []byte(strings.Replace(string(data), "basic: 3567000", "basic: 3567001", 1)), 0o644)
	changed := revised(t, "amount: 5000000", "amount: 5000100")
	missingFont := "body=" + filepath.Join(dir, "no-such-font.ttf")
	out := t.TempDir()
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{}, exitUsage},
		{[]string{"buidl"}, exitUsage},
		{[]string{"help"}, exitOK},
		{[]string{"help", "build"}, exitOK},
		{[]string{"help", "nosuch"}, exitUsage},
		{[]string{"version"}, exitOK},
		{[]string{"version", "extra"}, exitUsage},
		{[]string{"--lang", "fr", "version"}, exitUsage},

		{[]string{"check", sample}, exitOK},
		{[]string{"check", bad}, exitFail},
		{[]string{"check"}, exitUsage},
		{[]string{"check", "-x", sample}, exitUsage},
		{[]string{"check", "-h"}, exitOK},
		{[]string{"check", filepath.Join(dir, "no-such.yaml")}, exitUsage},
		{[]string{"check", "--font", "nosuchrole=x.ttf", sample}, exitUsage},
		{[]string{"check", "--font", missingFont, sample}, exitUsage},

		{[]string{"build", "-o", out, "--format", "xlsx", sample}, exitOK},
		{[]string{"build", "-o", out, bad}, exitFail},
		{[]string{"build", "-o", out}, exitUsage},
		{[]string{"build", "--format", "docx", sample}, exitUsage},
		{[]string{"build", "-j", "0", sample}, exitUsage},
		{[]string{"build", "-o", out, "--font", "nosuchrole=x.ttf", sample}, exitUsage},
		{[]string{"build", "-o", out, "--font", missingFont, sample}, exitUsage},
		{[]string{"build", "-o", out, filepath.Join(dir, "no-such.yaml")}, exitUsage},

		{[]string{"diff", sample, sample}, exitOK},
		{[]string{"diff", sample, changed}, exitFail},
		{[]string{"diff", sample}, exitUsage},
		{[]string{"diff", "--format", "doc", sample, changed}, exitUsage},

		{[]string{"convert", sample, filepath.Join(out, "s.xlsx")}, exitOK},
		{[]string{"convert", bad, filepath.Join(out, "bad.json")}, exitOK}, // a budget need not pass its checks to be converted
		{[]string{"convert", filepath.Join(dir, "no-such.yaml"), filepath.Join(out, "x.json")}, exitUsage},
		{[]string{"convert", sample, filepath.Join(out, "x.docx")}, exitUsage},

		{[]string{"init", "--from", sample, filepath.Join(out, "2022.yaml")}, exitOK},
		{[]string{"init", "--from", filepath.Join(dir, "no-such.yaml"), filepath.Join(out, "2023.yaml")}, exitUsage},
		{[]string{"init", "--profile", "nosuch", filepath.Join(out, "new.yaml")}, exitUsage},
		{[]string{"init", filepath.Join(out, "new.yaml")}, exitUsage},

		{[]string{"profiles"}, exitOK},
		{[]string{"profiles", "frobnicate"}, exitUsage},

		{[]string{"serve", "-h"}, exitOK},
		{[]string{"serve", "--nosuch"}, exitUsage},
		{[]string{"serve", "extra"}, exitUsage},
	} {
		if code, _, errOut := runCmd(c.args...); code != c.want {
			t.Errorf("budgetdoc %s: exit %d, want %d; stderr:\n%s", strings.Join(c.args, " "), code, c.want, errOut)
		}
	}
}

// Every command answers -h with its help (exit 0) and an unknown flag with
// a usage error (exit 2), in both languages.
func TestEveryCommandHasHelpAndUsageErrors(t *testing.T) {
	for _, c := range commands() {
		if c.name == "help" {
			continue
		}
		for _, lang := range []string{"zh", "en"} {
			code, out, _ := runCmd("--lang", lang, c.name, "-h")
			if code != exitOK || !strings.Contains(out, "budgetdoc "+c.name) {
				t.Errorf("%s -h (%s): exit %d, stdout %q", c.name, lang, code, out)
			}
			if code, _, errOut := runCmd("--lang", lang, "help", c.name); code != exitOK || errOut != "" {
				t.Errorf("help %s (%s): exit %d, stderr %q", c.name, lang, code, errOut)
			}
			if code, _, errOut := runCmd("--lang", lang, c.name, "--no-such-flag"); code != exitUsage || errOut == "" {
				t.Errorf("%s --no-such-flag (%s): exit %d, stderr %q", c.name, lang, code, errOut)
			}
		}
	}
}

func TestHelpOfACommand(t *testing.T) {
	code, out, _ := runCmd("help", "build")
	if code != exitOK || !strings.Contains(out, "用法：budgetdoc build") || !strings.Contains(out, "--split") || !strings.Contains(out, "--xlsx-fonts") {
		t.Errorf("help build: exit %d, output:\n%s", code, out)
	}
	if _, same, _ := runCmd("build", "-h"); same != out {
		t.Errorf("build -h differs from help build:\n%s", same)
	}
	code, out, _ = runCmd("--lang", "en", "help")
	if code != exitOK || !strings.Contains(out, "Usage:") || !strings.Contains(out, "budgetdoc diff") {
		t.Errorf("help: exit %d, output:\n%s", code, out)
	}
}

func TestUnknownCommandSuggestsTheNearest(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"buidl"}, "是不是要用“build”？"},
		{[]string{"--lang", "en", "buidl"}, `Did you mean "build"?`},
		{[]string{"chekc"}, "“check”"},
		{[]string{"versoin"}, "“version”"},
	} {
		code, _, errOut := runCmd(c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%q: exit %d, stderr %q; want %q", c.args, code, errOut, c.want)
		}
	}
	if _, _, errOut := runCmd("frobnicate"); strings.Contains(errOut, "是不是") {
		t.Errorf("a name near no command got a suggestion: %q", errOut)
	}
}

// check and build print findings on the same stream, stderr, and nothing
// else there for check.
func TestFindingsOnStderr(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	data, _ := os.ReadFile(sample)
	os.WriteFile(bad, []byte(strings.Replace(string(data), "basic: 3567000", "basic: 3567001", 1)), 0o644)
	_, checkOut, checkErr := runCmd("check", bad)
	_, buildOut, buildErr := runCmd("build", "--quiet", "-o", t.TempDir(), bad)
	if checkOut != "" || buildOut != "" {
		t.Errorf("findings on stdout: check %q, build %q", checkOut, buildOut)
	}
	if checkErr == "" || !strings.HasPrefix(buildErr, checkErr) {
		t.Errorf("check's findings %q are not those build prints first:\n%s", checkErr, buildErr)
	}
}

// Messages are Chinese by default, English with --lang en or
// BUDGETDOC_LANG=en; --lang wins.
func TestLanguage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	data, _ := os.ReadFile(sample)
	os.WriteFile(bad, []byte(strings.Replace(string(data), "basic: 3567000", "basic: 3467000", 1)), 0o644)
	zh := "错误：expenditure.basic（基本支出）：基本支出 3,467,000.00 ≠ 各行合计 3,567,000.00（相差 100,000.00）"
	en := "error: expenditure.basic: 基本支出 3,467,000.00 ≠ sum of its rows 3,567,000.00 (difference 100,000.00)"
	t.Setenv("BUDGETDOC_LANG", "")
	os.Unsetenv("BUDGETDOC_LANG")
	for _, c := range []struct {
		env  string
		args []string
		want string
	}{
		{"", []string{"check", bad}, zh},
		{"", []string{"--lang", "en", "check", bad}, en},
		{"", []string{"check", "--lang=en", bad}, en},
		{"en", []string{"check", bad}, en},
		{"en_US.UTF-8", []string{"check", bad}, en},
		{"en", []string{"check", "--lang", "zh", bad}, zh},
	} {
		if c.env != "" {
			t.Setenv("BUDGETDOC_LANG", c.env)
		} else {
			os.Unsetenv("BUDGETDOC_LANG")
		}
		if _, _, errOut := runCmd(c.args...); !strings.Contains(errOut, c.want) {
			t.Errorf("BUDGETDOC_LANG=%q budgetdoc %s:\n%s\nwant %s", c.env, strings.Join(c.args, " "), errOut, c.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd("version")
	if code != exitOK || !strings.HasPrefix(out, "budgetdoc ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "budgetdoc", Version: "v0.2.0"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "188eda1abc"}, {Key: "vcs.time", Value: "2026-12-05T17:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := versionLine(info, true), "budgetdoc v0.2.0 (188eda1abc+dirty, 2026-12-05T17:00:00Z, go1.26.8)"; got != want {
		t.Errorf("versionLine = %q, want %q", got, want)
	}
}
