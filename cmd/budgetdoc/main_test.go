package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = "../../data/sanmenxia-2021.yaml"

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCheckSample(t *testing.T) {
	code, out, _ := runCmd("check", sample)
	if code != exitOK || out != "" {
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
	code, out, _ := runCmd("check", sample, bad)
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
