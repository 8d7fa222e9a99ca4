// Package revision compares two versions of a budget: every changed figure
// with its signed difference, rows and forms added and removed, changed
// texts and indicators, and the totals before and after. Rows and forms are
// matched by key, else by function code + item + detail, never by position,
// so inserting a row does not show every later row as changed.
package revision

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
)

// Kind is what happened to a thing between the versions.
type Kind string

// The kinds of change.
const (
	Changed Kind = "changed"
	Added   Kind = "added"
	Removed Kind = "removed"
)

// Change is one difference between the old and the new budget.
type Change struct {
	Kind    Kind   `json:"kind"`
	Section string `json:"section"` // 单位, 概况, 收入, 支出, 非税收入, 三公经费, 名词解释, 项目表, 绩效目标
	Path    string `json:"path"`    // the field in the new file (the old one for a removal)
	Label   string `json:"label"`   // where the change is, in words: 项目表第 13 行 云端经开建设费 金额
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	// Delta is new − old for an amount.
	Delta   *decimal.Decimal `json:"delta,omitempty"`
	OldLine int              `json:"old_line,omitempty"`
	NewLine int              `json:"new_line,omitempty"`
}

// IsAmount reports whether the change is of an amount.
func (c Change) IsAmount() bool { return c.Delta != nil }

// Total is one of the budget's totals before and after.
type Total struct {
	Name  string          `json:"name"`
	Old   decimal.Decimal `json:"old"`
	New   decimal.Decimal `json:"new"`
	Delta decimal.Decimal `json:"delta"`
}

// Revision is the comparison of two budgets.
type Revision struct {
	OldFile string   `json:"old_file"`
	NewFile string   `json:"new_file"`
	Changes []Change `json:"changes"`
	Totals  []Total  `json:"totals"`
}

// Same reports whether the budgets do not differ.
func (r *Revision) Same() bool { return len(r.Changes) == 0 }

// Compare compares old with new. It works on budgets that fail their checks.
func Compare(old, new *budget.Budget) *Revision {
	c := &comparer{old: old, new: new, r: &Revision{OldFile: old.Source.File, NewFile: new.Source.File, Changes: []Change{}}}
	c.unit()
	c.overview()
	c.money()
	c.glossary()
	c.categories()
	c.rows()
	c.forms()
	c.totals()
	return c.r
}

type comparer struct {
	old, new *budget.Budget
	r        *Revision
}

func (c *comparer) add(ch Change) {
	if ch.OldLine == 0 && ch.Kind != Added {
		ch.OldLine = c.old.Source.Pos(ch.Path).Line
	}
	if ch.NewLine == 0 && ch.Kind != Removed {
		ch.NewLine = c.new.Source.Pos(ch.Path).Line
	}
	c.r.Changes = append(c.r.Changes, ch)
}

// text records a change of a text field at the same path in both files.
func (c *comparer) text(section, path, label, old, new string) {
	if old != new {
		c.add(Change{Kind: Changed, Section: section, Path: path, Label: label, Old: old, New: new})
	}
}

// amount records a change of an amount at the same path in both files.
func (c *comparer) amount(section, path, label string, old, new decimal.Decimal) {
	if !old.Equal(new) {
		d := new.Sub(old)
		c.add(Change{Kind: Changed, Section: section, Path: path, Label: label, Old: old.String(), New: new.String(), Delta: &d})
	}
}

// optional records a change of an amount that may be blank.
func (c *comparer) optional(section, path, label string, old, new decimal.NullDecimal) {
	switch {
	case old.Valid && new.Valid:
		c.amount(section, path, label, old.Decimal, new.Decimal)
	case old.Valid != new.Valid:
		o, n := old.Decimal, new.Decimal // a blank counts as zero for the difference
		d := n.Sub(o)
		ch := Change{Kind: Changed, Section: section, Path: path, Label: label, Delta: &d}
		if old.Valid {
			ch.Old = o.String()
		}
		if new.Valid {
			ch.New = n.String()
		}
		c.add(ch)
	}
}

func (c *comparer) unit() {
	o, n := c.old, c.new
	if o.Year != n.Year {
		c.add(Change{Kind: Changed, Section: "单位", Path: "year", Label: "单位·预算年度", Old: fmt.Sprint(o.Year), New: fmt.Sprint(n.Year)})
	}
	c.text("单位", "date", "单位·落款日期", o.Date.String(), n.Date.String())
	c.text("单位", "unit.name", "单位·单位名称", o.Unit.Name, n.Unit.Name)
	c.text("单位", "unit.short_name", "单位·单位简称", o.Unit.ShortName, n.Unit.ShortName)
	c.text("单位", "unit.code", "单位·单位编码", o.Unit.Code, n.Unit.Code)
	c.text("单位", "unit.accounting_unit", "单位·财务核算依托单位", o.Unit.AccountingUnit, n.Unit.AccountingUnit)
	c.text("项目表", "project_table.title_unit", "项目表·标题单位", o.ProjectTable.TitleUnit, n.ProjectTable.TitleUnit)
}

func (c *comparer) overview() {
	o, n := c.old.Overview, c.new.Overview
	c.paragraphs("overview.organization", "部门机构设置", o.Organization, n.Organization)
	c.paragraphs("overview.staffing", "人员情况", o.Staffing, n.Staffing)
	c.paragraphs("overview.duties", "主要职责", o.Duties, n.Duties)
	c.paragraphs("overview.composition", "部门预算单位构成", o.Composition, n.Composition)
}

// paragraphs compares two lists of paragraphs, aligning the unchanged ones
// so that an inserted paragraph is one addition.
func (c *comparer) paragraphs(path, label string, old, new []string) {
	for _, p := range align(old, new) {
		switch {
		case p.old < 0:
			c.add(Change{Kind: Added, Section: "概况", Path: fmt.Sprintf("%s[%d]", path, p.new), Label: paragraphLabel(label, "第", p.new), New: new[p.new]})
		case p.new < 0:
			c.add(Change{Kind: Removed, Section: "概况", Path: fmt.Sprintf("%s[%d]", path, p.old), Label: paragraphLabel(label, "原第", p.old), Old: old[p.old]})
		case old[p.old] != new[p.new]:
			c.add(Change{Kind: Changed, Section: "概况", Path: fmt.Sprintf("%s[%d]", path, p.new), Label: paragraphLabel(label, "第", p.new), Old: old[p.old], New: new[p.new],
				OldLine: c.old.Source.Pos(fmt.Sprintf("%s[%d]", path, p.old)).Line})
		}
	}
}

// paragraphLabel names a paragraph of the overview as the document
// numbers it: 概况·人员情况 第 1 段.
func paragraphLabel(label, ordinal string, i int) string {
	return fmt.Sprintf("概况·%s %s %d 段", label, ordinal, i+1)
}

func (c *comparer) money() {
	o, n := c.old, c.new
	for _, f := range []struct {
		section, path, label string
		old, new             decimal.Decimal
	}{
		{"收入", "income.general_budget", "一般公共预算拨款", o.Income.GeneralBudget, n.Income.GeneralBudget},
		{"收入", "income.government_fund", "政府性基金预算拨款", o.Income.GovernmentFund, n.Income.GovernmentFund},
		{"收入", "income.state_capital", "国有资本经营预算拨款", o.Income.StateCapital, n.Income.StateCapital},
		{"收入", "income.institution_business", "事业收入", o.Income.InstitutionBusiness, n.Income.InstitutionBusiness},
		{"收入", "income.institution_operation", "事业单位经营收入", o.Income.InstitutionOperation, n.Income.InstitutionOperation},
		{"收入", "income.other", "其他收入", o.Income.Other, n.Income.Other},
		{"收入", "income.carryover", "上年结转", o.Income.Carryover, n.Income.Carryover},
		{"支出", "expenditure.basic", "基本支出", o.Expenditure.Basic, n.Expenditure.Basic},
		{"支出", "expenditure.project", "项目支出", o.Expenditure.Project, n.Expenditure.Project},
		{"非税收入", "non_tax.administrative_fees", "行政事业性收费", o.NonTax.AdministrativeFees, n.NonTax.AdministrativeFees},
		{"非税收入", "non_tax.fines", "罚没收入", o.NonTax.Fines, n.NonTax.Fines},
		{"非税收入", "non_tax.state_resources", "国有资源（资产）有偿使用收入", o.NonTax.StateResources, n.NonTax.StateResources},
		{"三公经费", "three_public.overseas_travel", "因公出国（境）费", o.ThreePublic.OverseasTravel, n.ThreePublic.OverseasTravel},
		{"三公经费", "three_public.vehicle_purchase", "公务用车购置费", o.ThreePublic.VehiclePurchase, n.ThreePublic.VehiclePurchase},
		{"三公经费", "three_public.vehicle_operation", "公务用车运行费", o.ThreePublic.VehicleOperation, n.ThreePublic.VehicleOperation},
		{"三公经费", "three_public.reception", "公务接待费", o.ThreePublic.Reception, n.ThreePublic.Reception},
	} {
		c.amount(f.section, f.path, f.section+"·"+f.label, f.old, f.new)
	}
}

func (c *comparer) glossary() {
	o, n := c.old.Glossary.Resolved(), c.new.Glossary.Resolved()
	term := func(e budget.Entry) string { return e.Term }
	match(keys(o, term), keys(n, term),
		func(oi, ni int) {
			if o[oi].Definition != n[ni].Definition {
				c.add(Change{Kind: Changed, Section: "名词解释", Path: "glossary", Label: "名词解释·" + n[ni].Term, Old: o[oi].Definition, New: n[ni].Definition})
			}
		},
		func(ni int) {
			c.add(Change{Kind: Added, Section: "名词解释", Path: "glossary", Label: "名词解释·" + n[ni].Term, New: n[ni].Definition})
		},
		func(oi int) {
			c.add(Change{Kind: Removed, Section: "名词解释", Path: "glossary", Label: "名词解释·" + o[oi].Term, Old: o[oi].Definition})
		})
}

func (c *comparer) categories() {
	o, n := c.old.Categories, c.new.Categories
	name := func(cat budget.Category) string { return cat.Name }
	match(keys(o, name), keys(n, name),
		func(oi, ni int) {
			if o[oi].Kind != n[ni].Kind {
				c.add(Change{Kind: Changed, Section: "项目表", Path: fmt.Sprintf("categories[%d].kind", ni),
					Label: "项目表·分类 " + n[ni].Name + " 的支出类型", Old: string(o[oi].Kind), New: string(n[ni].Kind)})
			}
		},
		func(ni int) {
			c.add(Change{Kind: Added, Section: "项目表", Path: fmt.Sprintf("categories[%d]", ni), Label: "项目表·分类 " + n[ni].Name, New: string(n[ni].Kind)})
		},
		func(oi int) {
			c.add(Change{Kind: Removed, Section: "项目表", Path: fmt.Sprintf("categories[%d]", oi), Label: "项目表·分类 " + o[oi].Name, Old: string(o[oi].Kind)})
		})
}

func (c *comparer) totals() {
	if c.r.Same() {
		return
	}
	o, n := c.old, c.new
	for _, t := range []struct {
		name     string
		old, new decimal.Decimal
	}{
		{"收入合计", o.Income.Total(), n.Income.Total()},
		{"支出合计", o.Expenditure.Total(), n.Expenditure.Total()},
		{"基本支出", o.Expenditure.Basic, n.Expenditure.Basic},
		{"项目支出", o.Expenditure.Project, n.Expenditure.Project},
		{"项目表合计", budget.RowTotal(o.Rows), budget.RowTotal(n.Rows)},
		{"非税收入", o.NonTax.Total(), n.NonTax.Total()},
		{"“三公”经费", o.ThreePublic.Total(), n.ThreePublic.Total()},
	} {
		c.r.Totals = append(c.r.Totals, Total{Name: t.name, Old: t.old, New: t.new, Delta: t.new.Sub(t.old)})
	}
}

// MarshalJSON writes amounts (old, new and delta of an amount) as decimal
// strings with two places, "5100000.00", so that programs reading the JSON
// get one exact form for every amount.
func (c Change) MarshalJSON() ([]byte, error) {
	type plain Change // without this method
	out := struct {
		plain
		Delta string `json:"delta,omitempty"`
	}{plain: plain(c)}
	if c.Delta != nil {
		out.Delta = c.Delta.StringFixed(2)
		if c.Kind == Changed {
			out.Old, out.New = fixed(c.Old), fixed(c.New)
		}
	}
	return json.Marshal(out)
}

// MarshalJSON writes the amounts as decimal strings with two places.
func (t Total) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name  string `json:"name"`
		Old   string `json:"old"`
		New   string `json:"new"`
		Delta string `json:"delta"`
	}{t.Name, t.Old.StringFixed(2), t.New.StringFixed(2), t.Delta.StringFixed(2)})
}

// fixed is an amount kept as decimal text with two places; a blank stays
// blank.
func fixed(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return d.StringFixed(2)
}
