package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
)

// init --from the sample gives a 2022 file whose check lists exactly its
// emptied figures; filled in, it builds, and part two speaks of 2022.
func TestInitFrom(t *testing.T) {
	dir := t.TempDir()
	last := filepath.Join(dir, "sanmenxia-2021.yaml")
	data, _ := os.ReadFile(sample)
	os.WriteFile(last, data, 0o644)
	next := filepath.Join(dir, "2022.yaml")
	code, out, errOut := runCmd("init", "--from", last, next)
	if code != exitOK {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	text, _ := os.ReadFile(next)
	placeholders := strings.Count(string(text), budget.ToFill) - 1 // the head comment names it once
	listed := regexp.MustCompile(`(?m)^`+regexp.QuoteMeta(next)+`:\d+:\d+: `).FindAllString(errOut, -1)
	if placeholders != 28 || len(listed) != placeholders || !strings.Contains(string(text), "previous: sanmenxia-2021.yaml") {
		t.Errorf("%d placeholders, %d listed:\n%s\n%s", placeholders, len(listed), errOut, text)
	}
	if code, _, checked := runCmd("check", next); code != exitFail || strings.Count(checked, "\n") != placeholders {
		t.Errorf("check lists %d lines, want the %d figures:\n%s", strings.Count(checked, "\n"), placeholders, checked)
	}
	if code, _, _ := runCmd("init", "--from", last, next); code != exitFail {
		t.Error("init overwrote its output")
	}

	os.WriteFile(next, fill(t, text, data), 0o644)
	outDir := filepath.Join(dir, "out")
	if code, out, errOut := runCmd("build", "--quiet", "--format", "pdf", "-o", outDir, next); code != exitOK {
		t.Fatalf("build the filled 2022 file: exit %d\n%s%s", code, out, errOut)
	}
	pdfs, _ := filepath.Glob(filepath.Join(outDir, "*2022年部门预算.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("build wrote %v", pdfs)
	}
	pdfText := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", pdfs[0], "-")), "")
	if !strings.Contains(pdfText, "第二部分三门峡经济开发区政务服务部2022年度部门") || !strings.Contains(pdfText, "2022年收入预算13,567,000元") {
		t.Errorf("part two does not speak of 2022:\n%.600s", pdfText)
	}
}

// fill gives every placeholder of the next year's YAML last year's value at
// the same place, and the date 2022-03-17.
func fill(t *testing.T, next, last []byte) []byte {
	t.Helper()
	var n, l yaml.Node
	if err := yaml.Unmarshal(next, &n); err != nil {
		t.Fatal(err)
	}
	yaml.Unmarshal(last, &l)
	var walk func(a, b *yaml.Node)
	walk = func(a, b *yaml.Node) {
		switch {
		case a.Kind == yaml.ScalarNode && a.Value == budget.ToFill:
			if b == nil || b.Kind != yaml.ScalarNode {
				a.Value = "2022-03-17"
			} else {
				a.Value, a.Tag = b.Value, b.Tag
			}
		case a.Kind == yaml.MappingNode:
			for i := 0; i+1 < len(a.Content); i += 2 {
				var other *yaml.Node
				for j := 0; b != nil && j+1 < len(b.Content); j += 2 {
					if b.Content[j].Value == a.Content[i].Value && a.Content[i].Value != "date" {
						other = b.Content[j+1]
					}
				}
				walk(a.Content[i+1], other)
			}
		case a.Kind == yaml.SequenceNode:
			for i, item := range a.Content {
				if b != nil && i < len(b.Content) {
					walk(item, b.Content[i])
				}
			}
		}
	}
	walk(n.Content[0], l.Content[0])
	out, err := yaml.Marshal(&n)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// init --profile writes an empty budget whose every field is explained,
// as YAML and as the entry workbook; check lists what is missing.
func TestInitProfile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"new.yaml", "new.xlsx"} {
		path := filepath.Join(dir, name)
		if code, out, errOut := runCmd("init", "--profile", "seed", path); code != exitOK {
			t.Fatalf("init --profile seed %s: exit %d\n%s%s", name, code, out, errOut)
		}
		if code, _, out := runCmd("check", path); code != exitFail || !strings.Contains(out, "year（预算年度）") {
			t.Errorf("check %s: exit %d\n%s", name, code, out)
		}
	}
	for _, args := range [][]string{{"init", "--profile", "nonesuch", filepath.Join(dir, "x.yaml")}, {"init", filepath.Join(dir, "y.yaml")},
		{"init", "--profile", "seed", "--from", sample, filepath.Join(dir, "z.yaml")}, {"init", "--profile", "seed", filepath.Join(dir, "z.json")}} {
		if code, _, errOut := runCmd(args...); code != exitUsage || errOut == "" {
			t.Errorf("%q: exit %d, %q; want 2", args, code, errOut)
		}
	}
}
