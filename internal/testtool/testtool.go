// Package testtool runs the outside programs that tests read documents back
// with (pdftotext, qpdf, LibreOffice). A missing program skips the test on a
// developer's machine and fails it in CI (CI=true), so CI cannot pass by
// skipping.
package testtool

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// EditCopy writes a copy of the file at path with each pair of edits (old,
// new) applied once, and returns the copy's path. An edit that does not
// apply fails the test.
func EditCopy(t testing.TB, path string, edits ...string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(text, edits[i]) {
			t.Fatalf("%s has no %q", path, edits[i])
		}
		text = strings.Replace(text, edits[i], edits[i+1], 1)
	}
	copyPath := filepath.Join(t.TempDir(), filepath.Base(path))
	if err := os.WriteFile(copyPath, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return copyPath
}

var update = flag.Bool("update", false, "rewrite golden files with the output of the tests")

// Golden compares got with the golden file at path, or rewrites the file
// when the tests run with -update.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the output differs from %s; run the test with -update if the change is meant", path)
	}
}

// LibreOfficePDF converts documents (workbooks) to PDF with LibreOffice,
// in one run, and returns the PDFs' paths. LibreOffice sees fontsDir's
// fonts as well as the system's, so that a machine without a Chinese font
// prints the text.
func LibreOfficePDF(t testing.TB, fontsDir string, documents ...string) []string {
	t.Helper()
	Need(t, "soffice")
	dir := t.TempDir()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir}
	RunEnv(t, []string{"FONTCONFIG_FILE=" + FontConfig(t, fontsDir)}, "soffice", append(args, documents...)...)
	var out []string
	for _, d := range documents {
		pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(d), filepath.Ext(d))+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("LibreOffice wrote no PDF of %s: %v", d, err)
		}
		out = append(out, pdf)
	}
	return out
}

// FontConfig writes a fontconfig file that adds fontsDir's fonts to the
// system's and returns its path, for FONTCONFIG_FILE: a program that draws
// text (LibreOffice, a browser) then prints Chinese on a machine without a
// Chinese font of its own.
func FontConfig(t testing.TB, fontsDir string) string {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "fonts.conf")
	err := os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontsDir+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return conf
}

// PDFPages is the text of each page of a PDF, by pdftotext, in the order
// the PDF draws it, so that the lines of a wrapped table cell follow each
// other.
func PDFPages(t testing.TB, pdf string) []string {
	t.Helper()
	// pdftotext ends every page with a form feed.
	pages := strings.Split(Run(t, "pdftotext", "-raw", pdf, "-"), "\f")
	return pages[:len(pages)-1]
}

// LibreOfficeRecalculated opens a workbook in LibreOffice with every
// formula recalculated on load (not its cached values taken) and saves it
// as a new XLSX, whose path it returns: the values a user sees after
// LibreOffice or Excel computes the formulas themselves.
func LibreOfficeRecalculated(t testing.TB, workbook string) string {
	t.Helper()
	Need(t, "soffice")
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	user := filepath.Join(profile, "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	// OOXMLRecalcMode 0 is "always recalculate" for files from Excel.
	err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(`<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	Run(t, "soffice", "--headless", "-env:UserInstallation=file://"+profile,
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, workbook)
	path := filepath.Join(out, filepath.Base(workbook))
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("LibreOffice wrote no workbook of %s: %v", workbook, err)
	}
	return path
}

// SampleRevision is a typical revision of the sample budget
// (data/sanmenxia-2021.yaml) as pairs of edits for EditCopy: an amount
// changed, a row inserted in the middle, a row removed, a sentence of
// 主要职责 reworded and an indicator value changed.
var SampleRevision = []string{
	"amount: 5000000", "amount: 5100000",
	`  - function_code: "2080502"`, `  - function_code: "2080501"
    function_name: 社会保障和就业支出-行政事业单位离退休-行政单位离退休
    category: 人员支出
    detail: 离休人员
    amount: 1000
  - function_code: "2080502"`,
	`  - function_code: "2101103"
    function_name: 卫生健康支出-行政事业单位医疗-公务员医疗补助
    category: 人员支出
    detail: 公务员医疗补助
`, "",
	"集中办理开发区管委会权限范围内行政审批和项目服务", "集中办理开发区管委会授权范围内行政审批和投资项目服务",
	"{ name: 群众满意度, value: 100% }", "{ name: 群众满意度, value: 98% }",
}
