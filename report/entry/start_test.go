package entry

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/report/budget"
)

// The next year's file lists exactly its emptied figures as left to fill
// in; filled with figures that add up, it loads and checks clean as 2022.
func TestNextYear(t *testing.T) {
	last, err := budget.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"next.yaml", "next.xlsx"} {
		t.Run(name, func(t *testing.T) {
			data, err := NextYear(last, "sanmenxia-2021.yaml", name)
			if err != nil {
				t.Fatal(err)
			}
			_, err = budget.ParseFile(name, data)
			fs, ok := err.(budget.Findings)
			if !ok {
				t.Fatalf("want findings, got %v", err)
			}
			// the date, the 7 income and expenditure figures given, 12 row
			// amounts, 4 forms × 5 funds
			paths := map[string]bool{}
			for _, f := range fs {
				if !strings.Contains(f.Message, "left to fill in") {
					t.Errorf("not a figure to fill: %s", f)
				}
				paths[f.Path] = true
			}
			amounts := 0
			for _, r := range last.Rows {
				if r.Amount.Valid {
					amounts++
				}
			}
			want := 1 + 3 + amounts + 4*4
			for _, f := range last.Forms {
				if f.Period.Other.Valid {
					want++
				}
				if f.Annual.Other.Valid {
					want++
				}
			}
			if len(fs) != want || !paths["date"] || !paths["expenditure.basic"] || !paths["rows[0].amount"] || !paths["forms[0].annual.total"] {
				t.Errorf("%d findings, want %d:\n%s", len(fs), want, fs)
			}
		})
	}
}

func TestNextYearFilled(t *testing.T) {
	last, _ := budget.Load(samplePath)
	data, err := NextYear(last, "sanmenxia-2021.yaml", "next.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// Fill each figure with last year's, which add up.
	lastText, _ := os.ReadFile(samplePath)
	filled := fillLike(t, string(data), string(lastText))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "sanmenxia-2021.yaml"), lastText, 0o644)
	path := filepath.Join(dir, "2022.yaml")
	os.WriteFile(path, []byte(filled), 0o644)
	b, err := budget.Load(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, filled)
	}
	if b.Year != 2022 || b.Previous == nil || b.Previous.Year != 2021 {
		t.Errorf("year %d, previous %v", b.Year, b.Previous)
	}
	if fs := budget.Check(b); fs.HasErrors() {
		t.Error(fs)
	}
}

// fillLike replaces each 待填 by the value the same key has in last year's
// encoding, in order, and the date by 2022-03-17.
func fillLike(t *testing.T, next, last string) string {
	t.Helper()
	b, _ := budget.Parse("last.yaml", []byte(last))
	enc, _ := budget.Encode(b)
	values := map[string][]string{}
	for _, line := range strings.Split(string(enc), "\n") {
		if k, v, ok := strings.Cut(strings.TrimLeft(line, " -"), ": "); ok {
			values[k] = append(values[k], v)
		}
	}
	var out []string
	for _, line := range strings.Split(next, "\n") {
		if k, v, ok := strings.Cut(strings.TrimLeft(line, " -"), ": "); ok && v == budget.ToFill {
			if k == "date" {
				line = strings.Replace(line, budget.ToFill, "2022-03-17", 1)
			} else {
				line = strings.Replace(line, budget.ToFill, values[k][0], 1)
				values[k] = values[k][1:]
			}
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// Every field of the template is there with its comment, and it loads:
// every required field is reported missing, nothing else.
func TestTemplate(t *testing.T) {
	data, err := Template("one-sided", "new.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"# 单位名称：必填。", "    # 金额（元）：元，填数字", "# 支出类型：必填。基本支出或项目支出。 可选：basic（基本支出）、project（项目支出）", "profile: one-sided", "# 单栏表·项目性质：单栏式绩效表用。 可选：常年性、一次性、延续性"} {
		if !strings.Contains(text, want) {
			t.Errorf("the template lacks %q", want)
		}
	}
	for _, leaf := range modelLeaves() {
		key := leaf[strings.LastIndex(leaf, ".")+1:]
		key = strings.TrimSuffix(key, "[]")
		if !strings.Contains(text, key+":") {
			t.Errorf("the template lacks %s", leaf)
		}
	}
	_, err = budget.Parse("new.yaml", data)
	fs, _ := err.(budget.Findings)
	for _, f := range fs {
		if !strings.Contains(f.Message, "missing") {
			t.Errorf("not a missing field: %s", f)
		}
	}
	if len(fs) == 0 {
		t.Error("the empty template loads without a finding")
	}
	if _, err := Template("nonesuch", "x.yaml"); err == nil {
		t.Error("an unknown profile is accepted")
	}
}
