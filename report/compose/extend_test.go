package compose

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// A profile file next to the budget extends the seed's and changes the
// money to 万元 and the codes to 类 | 款 | 项. The golden file is the line
// difference between the sample composed with it and with the seed's:
// only amounts, unit lines and code columns may differ.
func TestExtendedProfileChangesOnlyItsKeys(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own, err := os.ReadFile(filepath.Join("testdata", "our-city.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "our-city.yaml"), own, 0o644)
	path := filepath.Join(dir, "b.yaml")
	os.WriteFile(path, []byte("profile: ./our-city.yaml\n"+string(data)), 0o644)
	b, err := budget.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.For(b)
	if err != nil {
		t.Fatal(err)
	}
	if fs := p.CheckBudget(b); fs.HasErrors() {
		t.Fatal(fs)
	}
	seed := layout.Dump(Disclosure(sample(t), profile.MustBuiltin(profile.Default)))
	got := layout.Dump(Disclosure(b, p))
	diff := lineDiff(seed, got)
	testtool.Golden(t, filepath.Join("testdata", "our-city.diff.golden"), diff)
	// Independent of the golden: every changed line is an amount, the
	// project table's unit or header, or one of its rows.
	for _, l := range strings.Split(diff, "\n") {
		if l == "" || l[0] == ' ' {
			continue
		}
		body := l[1:]
		if strings.HasPrefix(body, "  row [") || strings.HasPrefix(body, "table \"部门支出预算项目表\"") {
			continue
		}
		if unit := map[byte]string{'-': " 元", '+': " 万元"}[l[0]]; !strings.HasPrefix(body, "paragraph ") || !strings.Contains(body, unit) {
			t.Errorf("a change outside money and codes: %s", l)
		}
	}
	if !strings.Contains(diff, `["201" 1x1] ["03" 1x1] ["01" 1x1] ["一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行" 1x1]`) || !strings.Contains(diff, `unit="单位：万元"`) ||
		!strings.Contains(diff, "收入预算 1,356.70 万元") {
		t.Errorf("the diff lacks the split codes, the unit or 万元 in the text:\n%s", diff)
	}
}

// lineDiff is a unified-style difference of two texts, line by line, without
// context: "-" lines only in a, "+" lines only in b (longest common
// subsequence; the dumps are a few hundred lines).
func lineDiff(a, b string) string {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			out.WriteString("+" + y[j] + "\n")
			j++
		default:
			out.WriteString("-" + x[i] + "\n")
			i++
		}
	}
	return out.String()
}
