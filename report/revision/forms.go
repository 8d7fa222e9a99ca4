package revision

import (
	"fmt"
	"strings"

	"budgetdoc/report/budget"
)

// forms compares the performance forms, matched by the row they belong to.
func (c *comparer) forms() {
	o, n := c.old.Forms, c.new.Forms
	row := func(f budget.Form) string { return f.Row }
	match(keys(o, row), keys(n, row),
		func(oi, ni int) { c.form(fmt.Sprintf("forms[%d]", ni), o[oi], n[ni]) },
		func(ni int) {
			c.add(Change{Kind: Added, Section: "绩效目标", Path: fmt.Sprintf("forms[%d]", ni), Label: "绩效目标表 " + n[ni].Name, New: n[ni].Name})
		},
		func(oi int) {
			c.add(Change{Kind: Removed, Section: "绩效目标", Path: fmt.Sprintf("forms[%d]", oi), Label: "绩效目标表 " + o[oi].Name, Old: o[oi].Name})
		})
}

// form compares a form matched across the versions.
func (c *comparer) form(path string, o, n budget.Form) {
	label := "绩效目标表 " + n.Name + " "
	c.text("绩效目标", path+".name", label+"项目名称", o.Name, n.Name)
	c.text("绩效目标", path+".unit", label+"单位名称", o.Unit, n.Unit)
	c.text("绩效目标", path+".accounting_unit", label+"财务核算依托单位名称", o.AccountingUnit, n.AccountingUnit)
	for _, side := range []struct {
		field, name string
		old, new    budget.Funds
	}{{"period", "实施期", o.Period, n.Period}, {"annual", "年度", o.Annual, n.Annual}} {
		p := path + "." + side.field
		c.amount("绩效目标", p+".total", label+side.name+"资金总额（万元）", side.old.Total, side.new.Total)
		c.amount("绩效目标", p+".fiscal", label+side.name+"财政拨款（万元）", side.old.Fiscal, side.new.Fiscal)
		c.optional("绩效目标", p+".other", label+side.name+"其他资金（万元）", side.old.Other, side.new.Other)
		c.text("绩效目标", p+".goals", label+side.name+"目标", strings.Join(side.old.Goals, "\n"), strings.Join(side.new.Goals, "\n"))
	}
	c.indicators(path, label, o.Indicators, n.Indicators)
}

// indicator is one 三级指标 with its place in a tree.
type indicator struct {
	id    string // side / 一级 / 二级 / 三级 (#n for repeats)
	label string
	path  string
	value string
}

// flatten lists a tree's indicators with identities that survive the
// insertion of others.
func flatten(side, sideName, path string, tree []budget.Level1) []indicator {
	var out []indicator
	seen := make(map[string]int)
	for i, l1 := range tree {
		for j, g := range l1.Groups {
			for k, it := range g.Items {
				id := strings.Join([]string{side, l1.Name, g.Name, it.Name}, "/")
				seen[id]++
				if n := seen[id]; n > 1 {
					id += fmt.Sprintf("#%d", n)
				}
				out = append(out, indicator{
					id:    id,
					label: fmt.Sprintf("%s %s/%s/%s", sideName, l1.Name, g.Name, it.Name),
					path:  fmt.Sprintf("%s.%s[%d].groups[%d].items[%d]", path, side, i, j, k),
					value: it.Value,
				})
			}
		}
	}
	return out
}

func (c *comparer) indicators(path, label string, old, new budget.Indicators) {
	var o, n []indicator
	o = append(flatten("period", "实施期", path+".indicators", old.Period), flatten("annual", "年度", path+".indicators", old.Annual)...)
	n = append(flatten("period", "实施期", path+".indicators", new.Period), flatten("annual", "年度", path+".indicators", new.Annual)...)
	id := func(it indicator) string { return it.id }
	match(keys(o, id), keys(n, id),
		func(oi, ni int) {
			if prev, it := o[oi], n[ni]; prev.value != it.value {
				c.add(Change{Kind: Changed, Section: "绩效目标", Path: it.path + ".value", Label: label + "指标值 " + it.label, Old: prev.value, New: it.value,
					OldLine: c.old.Source.Pos(prev.path + ".value").Line})
			}
		},
		func(ni int) {
			c.add(Change{Kind: Added, Section: "绩效目标", Path: n[ni].path, Label: label + "新增指标 " + n[ni].label, New: n[ni].value})
		},
		func(oi int) {
			c.add(Change{Kind: Removed, Section: "绩效目标", Path: o[oi].path, Label: label + "删除指标 " + o[oi].label, Old: o[oi].value})
		})
}
