package entry

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
)

// LibreOffice opens the entry workbook and prints its values: the figures
// with their formats, the date as a date, the texts, and no cell too narrow
// for its number (###).
func TestLibreOfficeShowsTheValues(t *testing.T) {
	testtool.Need(t, "soffice")
	b, err := budget.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Write(b)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "entry.xlsx")
	os.WriteFile(path, data, 0o644)
	// A fresh machine may have no Chinese font: give LibreOffice ours.
	fontsDir, _ := filepath.Abs("../../fonts")
	conf := filepath.Join(dir, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontsDir+`</dir><cachedir>`+filepath.Join(dir, "cache")+`</cachedir></fontconfig>`), 0o644)
	testtool.RunEnv(t, []string{"FONTCONFIG_FILE=" + conf}, "soffice", "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, path)
	text := testtool.Run(t, "pdftotext", "-layout", filepath.Join(dir, "entry.pdf"), "-")
	if strings.Contains(text, "###") {
		t.Error("a cell prints ###")
	}
	flat := strings.Join(strings.Fields(text), "")
	want := []string{"填写说明", "2021-03-17", "13,567,000.00", "3,567,000.00", "10,000,000.00", "3,112,000.00", "2010301",
		"基本支出", "项目支出", "群众和企业满意度", "实施期指标", "1,000.0000"}
	for _, r := range b.Rows {
		want = append(want, r.Detail)
	}
	for _, w := range want {
		if !strings.Contains(flat, w) {
			t.Errorf("LibreOffice's PDF of the workbook lacks %q", w)
		}
	}
}
