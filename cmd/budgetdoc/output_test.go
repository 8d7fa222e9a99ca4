package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

const sampleUnit = "三门峡经济开发区政务服务部"

// writeVariant writes the sample with its unit name and, optionally, one
// more text replaced, and returns its path.
func writeVariant(t *testing.T, path, unit string, replace ...string) string {
	t.Helper()
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "  name: "+sampleUnit, "  name: "+unit, 1)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(text, replace[i]) {
			t.Fatalf("sample has no %q", replace[i])
		}
		text = strings.Replace(text, replace[i], replace[i+1], 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tree lists every file under root, relative to it.
func tree(t *testing.T, root string) []string {
	var files []string
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, path)
			files = append(files, rel)
		}
		return nil
	})
	sort.Strings(files)
	return files
}

// Today's hole: unit.name: ../other/乙单位 wrote beside the output folder.
func TestUnitNameCannotLeaveTheOutputFolder(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "out"), 0o755)
	os.Mkdir(filepath.Join(root, "other"), 0o755)
	for _, unit := range []string{"../other/乙单位", `"..\\other\\乙单位"`, "-乙单位", ".乙单位", `"乙\n单位"`} {
		data := writeVariant(t, filepath.Join(root, "data.yaml"), unit)
		code, stdout, stderr := runCmd("build", "--quiet", "-o", filepath.Join(root, "out"), data)
		if code != exitFail || stdout != "" || !strings.Contains(stderr, data+":9:9: 错误：unit.name（单位名称）：") {
			t.Errorf("unit %s: exit %d, stdout %q, stderr %q; want exit 1 and an error at 9:9", unit, code, stdout, stderr)
		}
		if got := tree(t, root); len(got) != 1 || got[0] != "data.yaml" {
			t.Errorf("unit %s: files written: %q", unit, got)
		}
	}
	// An absolute path or a name with Windows' forbidden characters is
	// mapped to full-width forms: one file name, inside the folder.
	data := writeVariant(t, filepath.Join(root, "data.yaml"), `"/etc/乙单位:*?<>|"`)
	code, _, stderr := runCmd("build", "--quiet", "-o", filepath.Join(root, "out"), data)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := []string{"data.yaml", "out/／etc／乙单位：＊？＜＞｜2021年部门预算.pdf", "out/／etc／乙单位：＊？＜＞｜2021年部门预算.xlsx"}
	if got := tree(t, root); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("files\n%q\nwant\n%q", got, want)
	}
}

// ./a.yaml, a.yaml and a link to it are one budget, built once.
func TestOneFileInManySpellingsIsBuiltOnce(t *testing.T) {
	dir := t.TempDir()
	writeVariant(t, filepath.Join(dir, "a.yaml"), sampleUnit)
	if err := os.Symlink("a.yaml", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	code, stdout, stderr := runCmd("build", "--quiet", "-o", "out", "./a.yaml", "a.yaml", "link.yaml", dir+"/a.yaml", ".")
	if code != exitOK || len(strings.Fields(stdout)) != 2 {
		t.Errorf("exit %d, stdout %q, stderr %q; want one budget built", code, stdout, stderr)
	}
}

// Two budgets whose file names differ only in case or Unicode normalisation
// would be one file on Windows and macOS.
func TestBatchRefusesNamesEqualButForCase(t *testing.T) {
	for _, pair := range [][2]string{{"Ａ办公室", "ａ办公室"}, {"ABC办公室", "abc办公室"}} {
		dir := t.TempDir()
		a := writeVariant(t, filepath.Join(dir, "a.yaml"), pair[0])
		b := writeVariant(t, filepath.Join(dir, "b.yaml"), pair[1])
		code, _, stderr := runCmd("--lang", "en", "build", "--quiet", "-o", t.TempDir(), a, b)
		if code != exitFail || !strings.Contains(stderr, b+": error: its documents") || !strings.Contains(stderr, "would overwrite those of "+a) {
			t.Errorf("%q: exit %d, stderr %q", pair, code, stderr)
		}
	}
}

func TestSameFileKey(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Caf\u00e9办公室", "Cafe\u0301办公室", true}, // NFC and NFD
		{"ABC办公室", "abc办公室", true},
		{"Ａ办公室", "ａ办公室", true},
		{"甲办公室", "乙办公室", false},
		{"A办公室", "Ａ办公室", false}, // two names on every file system
	} {
		if got := sameFileKey(c.a) == sameFileKey(c.b); got != c.same {
			t.Errorf("%q and %q: same = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

// Builds of two versions of one budget into one folder at once leave the
// PDF and the XLSX of the same version: the per-budget lock serialises them.
func TestConcurrentBuildsNeverMixVersions(t *testing.T) {
	in := t.TempDir()
	versions := []string{
		writeVariant(t, filepath.Join(in, "v1.yaml"), sampleUnit),
		writeVariant(t, filepath.Join(in, "v2.yaml"), sampleUnit, "在职人员", "在职人员（修订）"),
	}
	name := sampleUnit + "2021年部门预算"
	type pair struct{ pdf, xlsx []byte }
	var want []pair
	for _, v := range versions {
		out := t.TempDir()
		if code, _, stderr := runCmd("build", "--quiet", "-o", out, v); code != exitOK {
			t.Fatal(stderr)
		}
		p, _ := os.ReadFile(filepath.Join(out, name+".pdf"))
		x, _ := os.ReadFile(filepath.Join(out, name+".xlsx"))
		want = append(want, pair{p, x})
	}
	if bytes.Equal(want[0].xlsx, want[1].xlsx) || bytes.Equal(want[0].pdf, want[1].pdf) {
		t.Fatal("the two versions build the same files")
	}
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	out := t.TempDir()
	for round := 0; round < rounds; round++ {
		var wg sync.WaitGroup
		for _, v := range versions {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if code, _, stderr := runCmd("build", "--quiet", "-o", out, v); code != exitOK {
					t.Error(stderr)
				}
			}()
		}
		wg.Wait()
		p, _ := os.ReadFile(filepath.Join(out, name+".pdf"))
		x, _ := os.ReadFile(filepath.Join(out, name+".xlsx"))
		matches := 0
		for _, w := range want {
			if bytes.Equal(p, w.pdf) && bytes.Equal(x, w.xlsx) {
				matches++
			}
		}
		if matches != 1 {
			t.Fatalf("round %d: the PDF and the XLSX are not of one version", round)
		}
	}
}

// The hidden temporary files an interrupted build left are removed by the
// next build of the same budget, and only those.
func TestLeftoverTemporaryFilesAreRemoved(t *testing.T) {
	out := t.TempDir()
	name := sampleUnit + "2021年部门预算"
	leftovers := []string{"." + name + ".pdf.123456.tmp", "." + name + ".xlsx.42.tmp", "." + name + "-附件3.pdf.7.tmp"}
	others := []string{"." + name + "-其他2021年部门预算.pdf.1.tmp", ".另一单位2021年部门预算.pdf.9.tmp", name + ".pdf.1.tmp"}
	for _, f := range append(leftovers, others...) {
		os.WriteFile(filepath.Join(out, f), []byte("partial"), 0o644)
	}
	if code, _, stderr := runCmd("build", "--quiet", "-o", out, sample); code != exitOK {
		t.Fatal(stderr)
	}
	for _, f := range leftovers {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s was left", f)
		}
	}
	for _, f := range others {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s, not this build's, was removed", f)
		}
	}
}

// diff prints texts from the data: their control characters and bidi marks
// are escaped, so a data file cannot write escape sequences to a terminal.
func TestDiffEscapesControlCharacters(t *testing.T) {
	dir := t.TempDir()
	old := writeVariant(t, filepath.Join(dir, "old.yaml"), sampleUnit)
	new := writeVariant(t, filepath.Join(dir, "new.yaml"), sampleUnit, "detail: 在职人员", `detail: "在职\e[2J\e]0;pwned\a人员\u202e反转"`)
	code, stdout, stderr := runCmd("diff", old, new)
	if code != exitFail {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if strings.ContainsAny(stdout, "\x1b\a\u202e") {
		t.Errorf("raw control characters on stdout: %q", stdout)
	}
	for _, want := range []string{`\u001b[2J`, `\u0007`, `\u202e`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %s:\n%s", want, stdout)
		}
	}
}
