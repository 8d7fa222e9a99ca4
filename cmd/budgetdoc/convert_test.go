package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The sample and every example survive YAML → workbook → YAML: diff finds
// no change, and the workbook builds a PDF byte-identical to the YAML's.
func TestConvertRoundTrip(t *testing.T) {
	files := []string{sample}
	examples, _ := filepath.Glob("../../data/examples/*.yaml")
	for _, path := range append(files, examples...) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			dir := t.TempDir()
			xlsx, back, js := filepath.Join(dir, "s.xlsx"), filepath.Join(dir, "s.yaml"), filepath.Join(dir, "s.json")
			for _, step := range [][2]string{{path, xlsx}, {xlsx, back}, {back, js}} {
				if code, out, errOut := runCmd("convert", step[0], step[1]); code != exitOK || strings.TrimSpace(out) != step[1] {
					t.Fatalf("convert %s %s: exit %d, %s%s", step[0], step[1], code, out, errOut)
				}
			}
			for _, other := range []string{back, js, xlsx} {
				if code, out, errOut := runCmd("diff", path, other); code != exitOK {
					t.Errorf("diff %s %s: exit %d\n%s%s", path, other, code, out, errOut)
				}
			}
			pdf := func(in string) []byte {
				out := filepath.Join(dir, filepath.Base(in)+".out")
				if code, _, errOut := runCmd("build", "--quiet", "--format", "pdf", "-o", out, in); code != exitOK {
					t.Fatalf("build %s: exit %d: %s", in, code, errOut)
				}
				pdfs, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
				if len(pdfs) != 1 {
					t.Fatalf("build %s wrote %v", in, pdfs)
				}
				data, _ := os.ReadFile(pdfs[0])
				return data
			}
			if !bytes.Equal(pdf(path), pdf(xlsx)) {
				t.Error("the workbook builds a PDF that differs from the YAML's")
			}
		})
	}
}

func TestConvertUsage(t *testing.T) {
	for _, args := range [][]string{{"convert"}, {"convert", sample}, {"convert", sample, "out.docx"}} {
		if code, _, errOut := runCmd(args...); code != exitUsage || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 with a message", args, code, errOut)
		}
	}
	if code, _, errOut := runCmd("convert", "missing.yaml", filepath.Join(t.TempDir(), "x.xlsx")); code != exitUsage || !strings.Contains(errOut, "missing.yaml") {
		t.Errorf("a missing input: exit %d, %q", code, errOut)
	}
}

// A folder holding an entry workbook and the disclosure build wrote beside
// it: check takes the entry workbook and passes over the disclosure.
func TestFolderTakesEntryWorkbooks(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runCmd("convert", sample, filepath.Join(dir, "录入表.xlsx")); code != exitOK {
		t.Fatal(errOut)
	}
	if code, _, errOut := runCmd("build", "--quiet", "--format", "xlsx", "-o", dir, filepath.Join(dir, "录入表.xlsx")); code != exitOK {
		t.Fatal(errOut)
	}
	files, err := expandInputs([]string{dir})
	if err != nil || len(files) != 1 || filepath.Base(files[0]) != "录入表.xlsx" {
		t.Errorf("the folder expands to %v (%v), want the entry workbook alone", files, err)
	}
	if code, out, errOut := runCmd("check", dir); code != exitOK {
		t.Errorf("check %s: exit %d\n%s%s", dir, code, out, errOut)
	}
}
