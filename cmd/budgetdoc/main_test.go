package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
)

const sample = "../../data/sanmenxia-2021.yaml"

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckSample(t *testing.T) {
	code, out, errOut := runCmd("check", sample)
	if code != exitOK || out+errOut != "" {
		t.Fatalf("check sample: exit %d, output %q", code, out)
	}
}

func TestCheckBrokenCopy(t *testing.T) {
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	broken := strings.Replace(string(data), "amount: 60000", "amount: 60000.001", 1)
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, out := runCmd("check", sample, bad)
	if code != exitFail || !strings.Contains(out, bad+":") || !strings.Contains(out, "rows[9].amount") {
		t.Fatalf("check broken copy: exit %d, output %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"check"}, {"build", "--format", "docx", sample}, {"check", "-x"}} {
		if code, _, errOut := runCmd(args...); code != exitUsage || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 with usage", args, code, errOut)
		}
	}
	if code, out, _ := runCmd("version"); code != exitOK || !strings.HasPrefix(out, "budgetdoc ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestBuildWritesPDF(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := runCmd("build", "-o", dir, "--format", "pdf", sample)
	want := filepath.Join(dir, "三门峡经济开发区政务服务部2021年部门预算.pdf")
	if code != exitOK || strings.TrimSpace(out) != want {
		t.Fatalf("build: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(want)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("no PDF written: %v", err)
	}
}

// A build that fails its checks writes nothing and leaves earlier output
// as it was.
func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runCmd("build", "-o", dir, "--format", "pdf", sample); code != exitOK {
		t.Fatalf("first build failed: %s", errOut)
	}
	pdf := filepath.Join(dir, "三门峡经济开发区政务服务部2021年部门预算.pdf")
	before, _ := os.ReadFile(pdf)
	data, _ := os.ReadFile(sample)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(string(data), "basic: 3567000", "basic: 3567001", 1)), 0o644)
	code, out, errOut := runCmd("build", "-o", dir, "--format", "pdf", bad)
	if code != exitFail || out != "" || !strings.Contains(errOut, "expenditure.basic") {
		t.Fatalf("broken build: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	after, _ := os.ReadFile(pdf)
	if string(before) != string(after) {
		t.Error("the failed build changed the previous PDF")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the output folder holds %d files, want the 1 previous PDF", len(entries))
	}
}

func TestMissingGlyphFailsCheckAndBuild(t *testing.T) {
	data, _ := os.ReadFile(sample)
	text := strings.Replace(string(data), "政务服务部主要负责开发区", "政务服务部主要负责\ue000开发区", 1)
	line := strings.Count(text[:strings.Index(text, "\ue000")], "\n") + 1
	path := filepath.Join(t.TempDir(), "glyph.yaml")
	os.WriteFile(path, []byte(text), 0o644)
	code, _, out := runCmd("check", path)
	if code != exitFail || !strings.Contains(out, "U+E000") || !strings.Contains(out, path+":"+strconv.Itoa(line)+":") {
		t.Errorf("check: exit %d, output %q; want U+E000 at line %d", code, out, line)
	}
	dir := t.TempDir()
	if code, out, _ := runCmd("build", "-o", dir, path); code != exitFail || out != "" {
		t.Errorf("build: exit %d, stdout %q", code, out)
	}
}

func TestTTCFontRefused(t *testing.T) {
	ttc := filepath.Join(t.TempDir(), "simsun.ttc")
	os.WriteFile(ttc, append([]byte("ttcf"), make([]byte, 64)...), 0o644)
	code, _, errOut := runCmd("build", "-o", t.TempDir(), "--font", "body="+ttc, sample)
	if code != exitUsage || !strings.Contains(errOut, ".ttc") {
		t.Errorf("build --font body=x.ttc: exit %d, stderr %q", code, errOut)
	}
}

// revised writes a copy of the sample with edits applied and returns its path.
func revised(t *testing.T, edits ...string) string { return testtool.EditCopy(t, sample, edits...) }

func TestDiffExitStatus(t *testing.T) {
	if code, out, _ := runCmd("diff", sample, sample); code != exitOK || out != "" {
		t.Errorf("diff of the sample with itself: exit %d, output %q", code, out)
	}
	changed := revised(t, "amount: 5000000", "amount: 5000100")
	code, out, errOut := runCmd("--lang", "en", "diff", sample, changed)
	if code != exitFail || !strings.Contains(out, "5,000,000.00 → 5,000,100.00（+100.00）") {
		t.Errorf("diff of a changed amount: exit %d, output %q", code, out)
	}
	// The revision fails its checks: the findings are warnings, the diff goes on.
	if !strings.Contains(errOut, "warning: expenditure.project") {
		t.Errorf("diff does not warn of the failed check: %q", errOut)
	}
	broken := revised(t, "year: 2021", "year: [2021")
	if code, _, errOut := runCmd("--lang", "en", "diff", sample, broken); code != exitUsage || !strings.Contains(errOut, "YAML syntax") {
		t.Errorf("diff of a broken file: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runCmd("diff", sample); code != exitUsage {
		t.Errorf("diff with one file: exit %d", code)
	}
}

func TestDiffFormats(t *testing.T) {
	changed := revised(t, "amount: 5000000", "amount: 5000100")
	code, out, _ := runCmd("diff", "--format", "json", sample, changed)
	var rev struct {
		Changes []struct {
			Kind, Path string
			Delta      string
		}
	}
	if err := json.Unmarshal([]byte(out), &rev); code != exitFail || err != nil || len(rev.Changes) != 1 ||
		rev.Changes[0].Path != "rows[12].amount" || rev.Changes[0].Delta != "100.00" {
		t.Errorf("json: exit %d, err %v, %+v", code, err, rev)
	}
	dir := t.TempDir()
	for _, f := range []string{"pdf", "xlsx"} {
		path := filepath.Join(dir, "rev."+f)
		if code, out, errOut := runCmd("diff", "--format", f, "-o", path, sample, changed); code != exitFail || strings.TrimSpace(out) != path {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", f, code, out, errOut)
		}
		if info, err := os.Stat(path); err != nil || info.Size() < 1000 {
			t.Errorf("%s: no revision table written: %v", f, err)
		}
	}
	if code, _, _ := runCmd("diff", "--format", "pdf", sample, changed); code != exitUsage {
		t.Errorf("pdf without -o: exit %d", code)
	}
}
