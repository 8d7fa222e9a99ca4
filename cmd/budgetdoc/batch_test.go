package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/internal/synth"
	"budgetdoc/report/budget"
)

// writeBatch writes n synthetic budgets into a folder and returns it with
// the files' paths and units.
func writeBatch(t *testing.T, n int) (dir string, files, units []string) {
	dir = t.TempDir()
	for i := 1; i <= n; i++ {
		b := synth.Budget(synth.Options{Seed: int64(i), Rows: 30, Forms: 3, Indicators: 9})
		data, err := budget.Encode(b)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, fmt.Sprintf("dept%02d.yaml", i))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files, units = append(files, path), append(units, b.Unit.Name)
	}
	return dir, files, units
}

func breakFile(t *testing.T, path, old, new string) {
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q", path, old)
	}
	os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

func TestBatchBuildsTheGoodOnes(t *testing.T) {
	in, files, units := writeBatch(t, 20)
	breakFile(t, files[4], "basic: ", "basic: 1")    // a total that no longer adds up
	breakFile(t, files[11], "year: 2021", "year: [") // broken YAML
	out := t.TempDir()
	code, stdout, stderr := runCmd("--lang", "en", "build", "-j", "2", "-o", out, in)
	if code != exitFail {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	paths := strings.Fields(stdout)
	if len(paths) != 36 {
		t.Errorf("%d paths on stdout, want 18 budgets × 2", len(paths))
	}
	for i, f := range files {
		_, err := os.Stat(filepath.Join(out, units[i]+"2021年部门预算.pdf"))
		bad := i == 4 || i == 11
		if bad && err == nil {
			t.Errorf("a PDF was written for the broken %s", f)
		}
		if !bad && err != nil {
			t.Errorf("no PDF for %s: %v", f, err)
		}
	}
	for _, want := range []string{files[4] + ":", "expenditure.basic", files[11] + ":", "YAML syntax",
		"2 of 20 budgets failed", "dept05.yaml", "dept12.yaml"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// A budget's documents are the same bytes built alone or in a batch, with
// one worker or eight.
func TestBatchOutputIsIdenticalToSingle(t *testing.T) {
	in, files, units := writeBatch(t, 6)
	alone, j1, j8 := t.TempDir(), t.TempDir(), t.TempDir()
	if code, _, stderr := runCmd("build", "--quiet", "-o", alone, files[3]); code != exitOK {
		t.Fatal(stderr)
	}
	for dir, j := range map[string]string{j1: "1", j8: "8"} {
		if code, _, stderr := runCmd("build", "--quiet", "-j", j, "-o", dir, in); code != exitOK {
			t.Fatal(stderr)
		}
	}
	for _, ext := range []string{".pdf", ".xlsx"} {
		name := units[3] + "2021年部门预算" + ext
		want, err := os.ReadFile(filepath.Join(alone, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, dir := range []string{j1, j8} {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s differs when built in a batch (%v)", name, err)
			}
		}
	}
}

func TestBatchRefusesTwoBudgetsOfOneUnit(t *testing.T) {
	_, files, _ := writeBatch(t, 1)
	twin := filepath.Join(t.TempDir(), "twin.yaml")
	data, _ := os.ReadFile(files[0])
	os.WriteFile(twin, data, 0o644)
	code, _, stderr := runCmd("--lang", "en", "build", "--quiet", "-o", t.TempDir(), files[0], twin)
	if code != exitFail || !strings.Contains(stderr, "would overwrite those of "+files[0]) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestCheckFolder(t *testing.T) {
	in, files, _ := writeBatch(t, 3)
	if code, out, errOut := runCmd("check", in); code != exitOK || out+errOut != "" {
		t.Errorf("check of a good folder: exit %d, %q", code, out+errOut)
	}
	breakFile(t, files[1], "basic: ", "basic: 1")
	if code, _, out := runCmd("check", in); code != exitFail || !strings.Contains(out, files[1]+":") {
		t.Errorf("check of a folder with a bad file: exit %d, %q", code, out)
	}
}
