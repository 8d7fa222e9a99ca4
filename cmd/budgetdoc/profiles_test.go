package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/report/profile"
)

func TestProfilesList(t *testing.T) {
	code, out, _ := runCmd("--lang", "en", "profiles")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) != len(profile.Builtins()) {
		t.Fatalf("profiles: exit %d, output\n%s", code, out)
	}
	for i, name := range profile.Builtins() {
		if f := strings.Fields(lines[i]); len(f) < 2 || f[0] != name {
			t.Errorf("line %d %q does not describe %s", i, lines[i], name)
		}
	}
	if !strings.Contains(out, "(default)") {
		t.Errorf("the default is not marked:\n%s", out)
	}
}

func TestProfilesShowAndCheck(t *testing.T) {
	code, out, _ := runCmd("--lang", "en", "profiles", "show", "seed")
	if want, _ := profile.Source("seed"); code != exitOK || out != string(want) {
		t.Fatalf("show seed: exit %d, output differs from the embedded file", code)
	}
	// What show prints starts a region's own: it loads as a profile file.
	dir := t.TempDir()
	own := filepath.Join(dir, "own.yaml")
	if err := os.WriteFile(own, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCmd("--lang", "en", "profiles", "check", own); code != exitOK || !strings.Contains(out, `profile "seed" is valid`) {
		t.Errorf("check of the shown seed: exit %d, %s%s", code, out, errOut)
	}
	// A file extending a built-in shows merged.
	city := filepath.Join(dir, "city.yaml")
	os.WriteFile(city, []byte("extends: seed\nproject_table:\n  codes: three_columns\n"), 0o644)
	code, out, _ = runCmd("--lang", "en", "profiles", "show", city)
	if code != exitOK || !strings.Contains(out, "codes: three_columns") || !strings.Contains(out, "template: two_sided") || strings.Contains(out, "extends:") {
		t.Errorf("show of a file: exit %d\n%s", code, out)
	}
	code, _, errOut := runCmd("--lang", "en", "profiles", "show", "natonal")
	if code != exitFail || !strings.Contains(errOut, `unknown profile "natonal"`) {
		t.Errorf("show of an unknown name: exit %d, %s", code, errOut)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("extends: seed\nwordng: 单位\n"), 0o644)
	code, _, errOut = runCmd("--lang", "en", "profiles", "check", bad)
	if code != exitFail || !strings.Contains(errOut, bad+`:2:1: error: wordng: unknown key "wordng"; did you mean "wording"?`) {
		t.Errorf("check of a bad key: exit %d, %s", code, errOut)
	}
	if code, _, _ := runCmd("--lang", "en", "profiles", "frobnicate"); code != exitUsage {
		t.Errorf("a bad subcommand: exit %d", code)
	}
}

func TestBudgetWithUnknownProfile(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.yaml")
	os.WriteFile(path, []byte("profile: one-side\n"+string(data)), 0o644)
	code, out, errOut := runCmd("--lang", "en", "check", path)
	out += errOut
	if code != exitFail || !strings.Contains(out, path+`:1:10: error: profile: unknown profile "one-side"`) || !strings.Contains(out, `did you mean "one-sided"?`) {
		t.Errorf("check: exit %d\n%s", code, out)
	}
}
