package profile

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

// CheckBudget checks a budget against its profile: the fields the profile
// requires, the form template's fields (and not the other template's), the
// one-sided form's indicator rows, and a form for every project where the
// profile wants one.
func (p *Profile) CheckBudget(b *budget.Budget) budget.Findings {
	c := budgetChecker{p: p, b: b}
	for _, r := range p.Required {
		c.required(reflect.ValueOf(b).Elem(), "", strings.Split(r, "."))
	}
	if p.Has(DocForms) {
		c.forms()
	}
	if p.Has(DocProjectTable) || b.Documents.ProjectTable {
		// documents.project_table attaches the table to a profile
		// that does not list it (compose.documentsOf).
		c.projectTableRounding()
	}
	if !p.Has(DocForms) && len(b.Forms) > 0 {
		c.warn("forms", msg.Sprintf("the profile %q prints no forms: the %d forms are not published", p.Name, len(b.Forms)))
	}
	return c.findings
}

type budgetChecker struct {
	p        *Profile
	b        *budget.Budget
	findings budget.Findings
}

func (c *budgetChecker) add(sev budget.Severity, path, message string) {
	c.findings = append(c.findings, budget.Finding{Severity: sev, Pos: c.b.Source.Pos(path), Path: path, Message: message})
}

// fail records an error at path; message is made with msg.Sprintf.
func (c *budgetChecker) fail(path, message string) { c.add(budget.Error, path, message) }

// warn records a warning at path; message is made with msg.Sprintf.
func (c *budgetChecker) warn(path, message string) { c.add(budget.Warning, path, message) }

// required reports each value at the path (rest, from v at path) that is
// blank: an empty text or list, or a mapping not given.
func (c *budgetChecker) required(v reflect.Value, path string, rest []string) {
	if len(rest) == 0 {
		if path == "overview.composition" && len(c.b.Units) > 0 {
			return // written from the units
		}
		if v.IsZero() || v.Kind() == reflect.Slice && v.Len() == 0 ||
			v.Kind() == reflect.String && strings.TrimSpace(v.String()) == "" {
			name := path[strings.LastIndexAny(path, ".]")+1:]
			c.fail(path, msg.Sprintf("required field %q is missing (the profile %q prints it)", name, c.p.Name))
		}
		return
	}
	name, list := strings.CutSuffix(rest[0], "[]")
	f, ok := fieldByKey(v.Type(), name)
	if !ok {
		return // Validate reported it
	}
	field := v.FieldByIndex(f.Index)
	fieldPath := name
	if path != "" {
		fieldPath = path + "." + name
	}
	if !list {
		c.required(field, fieldPath, rest[1:])
		return
	}
	for i := 0; i < field.Len(); i++ {
		c.required(field.Index(i), fmt.Sprintf("%s[%d]", fieldPath, i), rest[1:])
	}
}

// twoSidedKeys and oneSidedKeys are the form fields only one template has.
var (
	twoSidedKeys = []string{"period", "annual", "indicators", "accounting_unit"}
	oneSidedKeys = []string{"department", "nature", "kind", "start", "end", "funds", "goal", "annual_goal", "targets"}
)

func (c *budgetChecker) forms() {
	b, f := c.b, c.p.Forms
	other, mine := oneSidedKeys, msg.Sprintf("two-sided")
	if f.Template == OneSided {
		other, mine = twoSidedKeys, msg.Sprintf("one-sided")
	}
	for i, form := range b.Forms {
		path := fmt.Sprintf("forms[%d]", i)
		v := reflect.ValueOf(form)
		for _, key := range other {
			field, _ := fieldByKey(v.Type(), key)
			if !v.FieldByIndex(field.Index).IsZero() {
				c.fail(path+"."+key, msg.Sprintf("the profile %q prints the %s form, which has no %q", c.p.Name, mine, key))
			}
		}
		if f.Template == OneSided {
			c.targetRows(path, form)
		}
	}
	if f.For == "all" {
		c.projectsHaveForms()
	}
}

// targetRows checks the one-sided form's indicator rows: between the
// profile's bounds in all, and at most PerLevel1 under one 一级指标 (whose
// cell is merged over them).
func (c *budgetChecker) targetRows(path string, form budget.Form) {
	bounds := c.p.Forms.Rows
	n := 0
	for i, l1 := range form.Targets {
		rows := 0
		for j, g := range l1.Groups {
			rows += max(len(g.Items), 1)
			for k, it := range g.Items {
				if w := TargetWidth(it.Value); w > MaxTargetWidth {
					c.fail(fmt.Sprintf("%s.targets[%d].groups[%d].items[%d].value", path, i, j, k), msg.Sprintf("指标值 %q is %g characters wide; the form prints at most %d on one line and never breaks a value", it.Value, w, MaxTargetWidth))
				}
			}
		}
		if rows > c.p.Forms.PerLevel1 {
			c.fail(fmt.Sprintf("%s.targets[%d]", path, i), msg.Sprintf("一级指标 %q has %d rows; the form merges its cell over at most %d",
				l1.Name, rows, c.p.Forms.PerLevel1))
		}
		n += rows
	}
	if len(form.Targets) > 0 && (n < bounds.Min || n > bounds.Max) {
		c.fail(path+".targets", msg.Sprintf("the form has %d indicator rows; the profile %q allows %d to %d", n, c.p.Name, bounds.Min, bounds.Max))
	}
}

// projectsHaveForms warns of 项目支出 rows with no performance form, where
// the profile publishes every project's goals.
func (c *budgetChecker) projectsHaveForms() {
	b := c.b
	linked := make(map[string]bool)
	for _, f := range b.Forms {
		for _, k := range f.Keys() {
			linked[k] = true
		}
	}
	kinds := make(map[string]budget.Kind)
	for _, cat := range b.Categories {
		kinds[cat.Name] = cat.Kind
	}
	for i, r := range b.Rows {
		if kinds[r.Category] == budget.Project && (r.Key == "" || !linked[r.Key]) {
			c.warn(fmt.Sprintf("rows[%d]", i), msg.Sprintf("项目支出 row %q has no performance form (give it a key and a form whose row is that key)", r.Detail))
		}
	}
}

// projectTableRounding warns when the project table's amounts, rounded to
// its unit (万元), do not add up to the exact total rounded: the table
// prints the sum of what it prints, so its 合计 differs from the budget's.
func (c *budgetChecker) projectTableRounding() {
	m := c.p.ProjectTable.Money
	exact, printed := decimal.Zero, decimal.Zero
	for _, r := range c.b.Rows {
		exact = exact.Add(r.Amount.Decimal)
		printed = printed.Add(m.Value(r.Amount.Decimal))
	}
	if total := m.Value(exact); !total.Equal(printed) {
		c.warn("rows", msg.Sprintf("in %s the project table's rows add up to %s, while the exact total %s 元 rounds to %s: the table prints %s as its 合计",
			m.Unit, printed.StringFixed(2), exact.StringFixed(2), total.StringFixed(2), printed.StringFixed(2)))
	}
}
