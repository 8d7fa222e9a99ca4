package profile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// findingsOf returns err as findings, failing the test when it is not.
func findingsOf(t *testing.T, err error) budget.Findings {
	t.Helper()
	fs, ok := err.(budget.Findings)
	if !ok {
		t.Fatalf("want findings, got %v", err)
	}
	return fs
}

func TestBuiltinsAreValid(t *testing.T) {
	names := Builtins()
	if len(names) < 2 || names[0] == "" {
		t.Fatalf("built-ins %v", names)
	}
	for _, name := range names {
		p, err := Load(name, "")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if p.Name != name || p.Description == "" {
			t.Errorf("%s: name %q, description %q", name, p.Name, p.Description)
		}
	}
	if p := MustBuiltin(Default); p.Wording != "部门" || p.Forms.Template != TwoSided {
		t.Errorf("the default profile is not the seed's: %+v", p)
	}
}

func TestExtendsOverlaysKeys(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "base.yaml", "extends: seed\nname: base\nwording: 单位\nproject_table:\n  codes: three_columns\n")
	path := write(t, dir, "city.yaml", "extends: ./base.yaml\nproject_table:\n  money: { unit: 万元 }\n")
	p, err := Load("./city.yaml", dir)
	if err != nil {
		t.Fatal(err)
	}
	seed := MustBuiltin("seed")
	if p.Name != "city" || p.Wording != "单位" || p.ProjectTable.Codes != ThreeColumns ||
		p.ProjectTable.Money.Unit != "万元" || p.ProjectTable.Money.Decimals != "auto" ||
		p.ProjectTable.Title != seed.ProjectTable.Title || len(p.Glossary) != len(seed.Glossary) {
		t.Errorf("merged profile: %+v", p)
	}
	// Positions come from the file that set the value.
	if pos := p.Pos("project_table.money.unit"); pos.File != path || pos.Line != 3 {
		t.Errorf("money.unit at %v, want %s:3", pos, path)
	}
	if pos := p.Pos("wording"); !strings.HasSuffix(pos.File, "base.yaml") || pos.Line != 3 {
		t.Errorf("wording at %v, want base.yaml:3", pos)
	}
}

func TestProfileErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, text string
		want       []string // in the error, in any order
	}{
		{"unknown key", "extends: seed\nprojct_table:\n  codes: three_columns\n", []string{`:2:1: error: projct_table: unknown key "projct_table"; did you mean "project_table"?`}},
		{"unknown base", "extends: sed\n", []string{`:1:10: error: extends: unknown profile "sed"`, `did you mean "seed"?`}},
		{"bad value", "extends: seed\nproject_table:\n  codes: three_column\n", []string{`:3:10: error: project_table.codes: "three_column" is not one of one_column, three_columns; did you mean "three_columns"?`}},
		{"bad placeholder", "extends: seed\nfile_name: \"{单位}{年度}预算\"\n", []string{`:2:12: error: file_name: {单位} at character 1 is not a placeholder`}},
		{"bad document", "extends: seed\ndocuments: [explanation, froms]\n", []string{`:2:26: error: documents[1]: "froms" is not one of`, `did you mean "forms"?`}},
		{"bad content", "extends: seed\nexplanation:\n  parts:\n    - heading: x\n      sections:\n        - content: [incme]\n", []string{`documents`[:0] + `explanation.parts[0].sections[0].content[0]: "incme" is not one of`, `did you mean "income"?`}},
		{"bad required", "extends: seed\nrequired: [overview.compositon]\n", []string{`required[0]: "compositon" in "overview.compositon" is not a budget field; did you mean "composition"?`}},
		{"bad unit", "extends: seed\nexplanation:\n  money: { unit: 千元 }\n", []string{`explanation.money.unit: "千元" is not one of 元, 万元`}},
	} {
		path := write(t, dir, "p.yaml", c.text)
		_, err := Load(path, "")
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		findingsOf(t, err)
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error\n%v\nlacks %s", c.name, err, w)
			}
		}
	}
}

func TestExtendsCycle(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "extends: ./b.yaml\n")
	write(t, dir, "b.yaml", "extends: ./a.yaml\n")
	_, err := Load("a.yaml", dir)
	if err == nil || !strings.Contains(err.Error(), "in a circle") {
		t.Errorf("want a cycle error, got %v", err)
	}
}

// budgetNaming loads a budget file that names a profile.
func budgetNaming(t *testing.T, dir, profileLine string) *budget.Budget {
	t.Helper()
	data, err := os.ReadFile("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "year: 2021\n", profileLine+"\nyear: 2021\n", 1)
	b, err := budget.Load(write(t, dir, "b.yaml", text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBudgetNamesProfile(t *testing.T) {
	dir := t.TempDir()
	// The sample's "year:" is on line 5; the profile line goes before it.
	b := budgetNaming(t, dir, "profile: natonal")
	_, err := For(b)
	fs := findingsOf(t, err)
	if len(fs) != 1 || fs[0].Pos.Line != 5 || fs[0].Path != "profile" || !strings.Contains(fs[0].Message, `unknown profile "natonal"`) {
		t.Errorf("want one finding at line 5, got %v", err)
	}
	write(t, dir, "our-city.yaml", "extends: seed\nwording: 单位\n")
	b = budgetNaming(t, dir, "profile: ./our-city.yaml")
	p, err := For(b)
	if err != nil || p.Wording != "单位" || p.Name != "our-city" {
		t.Errorf("profile file next to the budget: %v, %+v", err, p)
	}
	b = budgetNaming(t, dir, "profile: ./missing.yaml")
	if _, err := For(b); err == nil || !strings.Contains(err.Error(), ":5:10: error: profile: profile ./missing.yaml:") {
		t.Errorf("missing profile file: %v", err)
	}
}

func TestRequiredFields(t *testing.T) {
	dir := t.TempDir()
	b := budgetNaming(t, dir, "")
	b.Overview.Composition = nil
	fs := MustBuiltin("seed").CheckBudget(b)
	if !fs.HasErrors() || !strings.Contains(fs.Error(), `overview.composition: required field "composition" is missing (the profile "seed" prints it)`) {
		t.Errorf("want a missing composition, got %v", fs)
	}
	// Written from the units instead.
	b.Units = []budget.BudgetUnit{{Name: "甲", Kind: budget.Administrative}}
	if fs := MustBuiltin("seed").CheckBudget(b); fs.HasErrors() {
		t.Errorf("units stand for the composition: %v", fs)
	}
	// A two-sided form under the one-sided profile.
	fs = MustBuiltin("one-sided").CheckBudget(b)
	for _, want := range []string{`forms[0].period: the profile "one-sided" prints the one-sided form, which has no "period"`,
		`forms[0].funds.total: required field "total" is missing`, `forms[0].targets: required field "targets" is missing`} {
		if !strings.Contains(fs.Error(), want) {
			t.Errorf("findings lack %s:\n%v", want, fs)
		}
	}
}

func TestProjectsWithoutForms(t *testing.T) {
	dir := t.TempDir()
	b := budgetNaming(t, dir, "")
	b.Forms = b.Forms[1:]
	warned := func(p *Profile) bool {
		for _, f := range p.CheckBudget(b) {
			if f.Severity == budget.Warning && strings.Contains(f.Message, "has no performance form") && f.Pos.Line > 0 {
				return true
			}
		}
		return false
	}
	if !warned(MustBuiltin("seed")) {
		t.Error("the seed's profile wants a form for every project: no warning")
	}
	p := MustBuiltin("seed")
	p.Forms.For = "selected"
	if warned(p) {
		t.Error("forms for selected projects: a warning all the same")
	}
}

// In 万元 a project table whose rounded rows do not add up to the rounded
// total is warned of.
func TestProjectTableRoundingWarning(t *testing.T) {
	b := budgetNaming(t, t.TempDir(), "")
	p := MustBuiltin("seed")
	if fs := p.CheckBudget(b); len(fs) > 0 {
		t.Fatalf("the sample in 元: %v", fs)
	}
	p.ProjectTable.Money = Money{Unit: "万元", Decimals: "2"}
	if fs := p.CheckBudget(b); len(fs) > 0 {
		t.Fatalf("the sample's amounts are whole hundreds of 元: %v", fs)
	}
	// Three rows of 0.4 万元 + 49 元 each: 0.4049 rounds to 0.40, the
	// total 1.2147 to 1.21.
	for i := 0; i < 3; i++ {
		b.Rows[i].Amount = decimal.NewNullDecimal(decimal.NewFromInt(4049))
	}
	fs := p.CheckBudget(b)
	if len(fs) != 1 || fs[0].Severity != budget.Warning || !strings.Contains(fs[0].Message, "rows add up to") {
		t.Errorf("want one rounding warning, got %v", fs)
	}
}

// The warning holds as well when the budget attaches the project table to
// a profile that does not list it (national with documents.project_table):
// the table is printed all the same, its 合计 a cent off the other tables'.
func TestProjectTableRoundingWarningWhenAttachedByTheBudget(t *testing.T) {
	b := budgetNaming(t, t.TempDir(), "")
	p := MustBuiltin("national")
	if p.Has(DocProjectTable) || p.ProjectTable.Money.Unit != "万元" {
		t.Fatalf("the national profile lists the project table or prints it in %s", p.ProjectTable.Money.Unit)
	}
	for i := 0; i < 3; i++ {
		b.Rows[i].Amount = decimal.NewNullDecimal(decimal.NewFromInt(4049))
	}
	rounding := func() int {
		n := 0
		for _, f := range p.CheckBudget(b) {
			if strings.Contains(f.Message, "rows add up to") {
				n++
			}
		}
		return n
	}
	if n := rounding(); n != 0 {
		t.Errorf("no project table printed: %d rounding warnings", n)
	}
	b.Documents.ProjectTable = true
	if n := rounding(); n != 1 {
		t.Errorf("documents.project_table: want one rounding warning, got %d", n)
	}
}

// TestNamedPipeDoesNotBlock: a profile (or a base it extends) that is a
// named pipe is refused at once; a plain open would wait for a writer
// forever.
func TestNamedPipeDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	write(t, dir, "own.yaml", "extends: ./pipe.yaml\n")
	for _, ref := range []string{"./pipe.yaml", "./own.yaml"} {
		done := make(chan error, 1)
		go func() { _, err := Load(ref, dir); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "pipe.yaml") {
				t.Errorf("%s: want an error naming pipe.yaml, got %v", ref, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: loading the profile blocks on the named pipe", ref)
		}
	}
}
