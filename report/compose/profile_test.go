package compose

import (
	"sort"
	"strings"
	"testing"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// Every content name a profile may list has a composer, and every composer
// a name profiles can list.
func TestContentsHaveComposers(t *testing.T) {
	known := map[string]bool{}
	for _, name := range profile.Contents {
		known[name] = true
		if contents[name] == nil {
			t.Errorf("profile content %q has no composer", name)
		}
	}
	var extra []string
	for name := range contents {
		if !known[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("composers %v are not in profile.Contents", extra)
	}
	for _, d := range profile.Documents {
		if d != profile.DocExplanation && attachers[d] == nil {
			t.Errorf("profile document %q has no composer", d)
		}
	}
}

// 部门预算单位构成 is written from the units when the data gives no text.
func TestCompositionFromUnits(t *testing.T) {
	b := sample(t)
	b.Overview.Composition = nil
	b.Units = []budget.BudgetUnit{{Name: "青川县文化旅游局机关", Kind: budget.Administrative},
		{Name: "青川县文化馆", Kind: budget.PublicInstitution}, {Name: "青川县图书馆", Kind: budget.PublicInstitution}}
	dump := layout.Dump(Disclosure(b, seed))
	want := "纳入开发区政务服务部 2021 年部门预算编制范围的预算单位共3个，行政单位1个，事业单位2个，包括：青川县文化旅游局机关（行政单位）、青川县文化馆（事业单位）、青川县图书馆（事业单位）。"
	if !strings.Contains(dump, want) {
		t.Errorf("no composition sentence %s", want)
	}
}

// The nine tables' titles, sheet names and empty notes are the profile's:
// a profile extending national that renames one shows it.
func TestStandardTableWordingIsData(t *testing.T) {
	b, err := budget.Load("../../data/examples/qingchuan-culture-2024.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p, err := profile.Fill(b)
	if err != nil {
		t.Fatal(err)
	}
	own := *p
	own.Tables.Texts = append([]profile.TableText{{Document: "state_capital", Title: "{单位名称}{年度}年国有资本经营预算支出预算表",
		Name: "国资表", Empty: "{简称}没有国有资本经营预算支出，本表无数据。"}}, p.Tables.Texts...)
	dump := layout.Dump(Disclosure(b, &own))
	for _, want := range []string{`table "国资表" title="青川区文化广电和旅游局2024年国有资本经营预算支出预算表"`,
		"没有国有资本经营预算支出，本表无数据。", `title="青川区文化广电和旅游局2024年部门收支总表"`} {
		if !strings.Contains(dump, want) {
			t.Errorf("the disclosure lacks %s", want)
		}
	}
}
