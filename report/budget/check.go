package budget

import (
	"fmt"
	"regexp"

	"github.com/shopspring/decimal"

	"budgetdoc/report/money"
	"budgetdoc/report/msg"
)

// Check runs every cross-check on a budget and returns all findings. A
// budget with an error finding must not be printed.
func Check(b *Budget) Findings {
	c := checker{b: b}
	c.unitName()
	c.dates()
	c.categories()
	c.rows()
	c.ledger()
	c.totals()
	c.forms()
	c.projectsHaveForms()
	return c.findings
}

type checker struct {
	b        *Budget
	findings Findings
}

// fail records an error at path; message is made with msg.Sprintf.
func (c *checker) fail(path, message string) { c.add(Error, path, message) }

// warn records a warning at path; message is made with msg.Sprintf.
func (c *checker) warn(path, message string) { c.add(Warning, path, message) }

func (c *checker) add(sev Severity, path, message string) {
	c.findings = append(c.findings, Finding{Severity: sev, Pos: c.b.Source.Pos(path), Path: path, Message: message})
}

// line is " (line N)" for a path read from a file, " (项目表!F12)" for one
// read from a workbook, else "".
func (c *checker) line(path string) string {
	pos := c.b.Source.Pos(path)
	if pos.Cell != "" {
		return " (" + pos.Cell + ")"
	}
	if pos.Line > 0 {
		return msg.Sprintf(" (line %d)", pos.Line)
	}
	return ""
}

// mismatch reports a failed equation with both sides and their difference.
func (c *checker) mismatch(path, left string, l decimal.Decimal, right string, r decimal.Decimal) {
	if l.Equal(r) {
		return
	}
	c.fail(path, msg.Sprintf("%s %s ≠ %s %s (difference %s)",
		left, money.Format(l, 2), right, money.Format(r, 2), money.Format(l.Sub(r).Abs(), 2)))
}

func (c *checker) dates() {
	b := c.b
	if b.Year < 2000 || b.Year > 2100 {
		c.fail("year", msg.Sprintf("%d is not a plausible budget year", b.Year))
		return
	}
	if b.Date.IsZero() {
		return // reported by the loader, or left unset in code
	}
	// A budget is published in its own year or in the last months of the
	// year before, once the congress has passed it.
	earliest := Date{b.Year - 1, 10, 1}
	if b.Date.Time().Before(earliest.Time()) || b.Date.Year > b.Year {
		c.fail("date", msg.Sprintf("%s is not in or just before the budget year %d (from %s to %d-12-31)",
			b.Date, b.Year, earliest, b.Year))
	}
}

func (c *checker) categories() {
	seen := make(map[string]int)
	for i, cat := range c.b.Categories {
		path := fmt.Sprintf("categories[%d]", i)
		if j, dup := seen[cat.Name]; dup {
			c.fail(path+".name", msg.Sprintf("category %q is declared twice (first at categories[%d]%s)", cat.Name, j, c.line(fmt.Sprintf("categories[%d]", j))))
		}
		seen[cat.Name] = i
		if cat.Kind != Basic && cat.Kind != Project {
			c.fail(path+".kind", msg.Sprintf("kind %q must be %q (基本支出) or %q (项目支出)", cat.Kind, Basic, Project))
		}
	}
}

var functionCode = regexp.MustCompile(`^[0-9]{7}$`)

func (c *checker) rows() {
	b := c.b
	declared := make(map[string]bool)
	for _, cat := range b.Categories {
		declared[cat.Name] = true
	}
	keys := make(map[string]int)
	names := make(map[string]int) // function code → first row giving it
	for i, r := range b.Rows {
		path := fmt.Sprintf("rows[%d]", i)
		if r.Key != "" {
			if j, dup := keys[r.Key]; dup {
				c.fail(path+".key", msg.Sprintf("key %q is used by rows[%d]%s too", r.Key, j, c.line(fmt.Sprintf("rows[%d].key", j))))
			}
			keys[r.Key] = i
		}
		if !functionCode.MatchString(r.FunctionCode) {
			c.fail(path+".function_code", msg.Sprintf("function code %q must be 7 digits (类 3 + 款 2 + 项 2)", r.FunctionCode))
		} else if j, ok := names[r.FunctionCode]; ok && b.Rows[j].FunctionName != r.FunctionName {
			c.fail(path+".function_name", msg.Sprintf("function code %s is named %q here but %q in rows[%d]%s",
				r.FunctionCode, r.FunctionName, b.Rows[j].FunctionName, j, c.line(fmt.Sprintf("rows[%d].function_name", j))))
		} else if !ok {
			names[r.FunctionCode] = i
		}
		if r.Category != "" && !declared[r.Category] {
			c.fail(path+".category", msg.Sprintf("category %q is not declared under categories", r.Category))
		}
	}
}

func (c *checker) totals() {
	b := c.b
	c.mismatch("expenditure.basic", "基本支出", b.Expenditure.Basic, msg.Sprintf("sum of its rows"), RowTotal(b.RowsOf(Basic)))
	c.mismatch("expenditure.project", "项目支出", b.Expenditure.Project, msg.Sprintf("sum of its rows"), RowTotal(b.RowsOf(Project)))
	c.mismatch("income", "收入合计", b.Income.Total(), msg.Sprintf("支出合计 (基本支出 + 项目支出)"), b.Expenditure.Total())
}

var tenThousand = decimal.NewFromInt(10000)

func (c *checker) forms() {
	b := c.b
	linked := make(map[string]int)
	for i, f := range b.Forms {
		path := fmt.Sprintf("forms[%d]", i)
		for _, side := range []struct {
			name  string
			path  string
			funds Funds
		}{{"实施期", path + ".period", f.Period}, {"年度", path + ".annual", f.Annual}} {
			other := decimal.Zero
			if side.funds.Other.Valid {
				other = side.funds.Other.Decimal
			}
			c.mismatch(side.path+".total", side.name+"资金总额", side.funds.Total, "财政拨款 + 其他资金", side.funds.Fiscal.Add(other))
		}
		if f.Annual.Total.GreaterThan(f.Period.Total) {
			c.fail(path+".annual.total", msg.Sprintf("年度资金总额 %s万元 exceeds 实施期资金总额 %s万元",
				money.Plain(f.Annual.Total), money.Plain(f.Period.Total)))
		}
		if f.Row == "" {
			continue
		}
		if j, dup := linked[f.Row]; dup {
			c.fail(path+".row", msg.Sprintf("row %q already has a form: forms[%d]%s", f.Row, j, c.line(fmt.Sprintf("forms[%d].row", j))))
		}
		linked[f.Row] = i
		r := b.RowByKey(f.Row)
		if r < 0 {
			c.fail(path+".row", msg.Sprintf("no row has the key %q%s", f.Row, suggestKey(f.Row, b.Rows)))
			continue
		}
		c.costIndicators(path, f)
		rowPath := fmt.Sprintf("rows[%d].amount", r)
		amount := b.Rows[r].Amount.Decimal // blank counts as zero
		c.mismatch(path+".annual.total",
			fmt.Sprintf("年度资金总额 %s万元 =", money.Plain(f.Annual.Total)), f.Annual.Total.Mul(tenThousand),
			msg.Sprintf("the amount of its row %q, %s%s,", f.Row, rowPath, c.line(rowPath)), amount)
	}
}

func suggestKey(key string, rows []Row) string {
	var keys []string
	for _, r := range rows {
		if r.Key != "" {
			keys = append(keys, r.Key)
		}
	}
	if s := nearest(key, keys); s != "" {
		return msg.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// projectsHaveForms warns of 项目支出 rows with no performance form: every
// project's goals are to be disclosed.
//
// The standard set attaches forms to selected projects only, so it is not
// warned of there.
func (c *checker) projectsHaveForms() {
	b := c.b
	if b.Documents.Standard() {
		return
	}
	linked := make(map[string]bool)
	for _, f := range b.Forms {
		linked[f.Row] = true
	}
	kinds := make(map[string]Kind)
	for _, cat := range b.Categories {
		kinds[cat.Name] = cat.Kind
	}
	for i, r := range b.Rows {
		if kinds[r.Category] == Project && (r.Key == "" || !linked[r.Key]) {
			c.warn(fmt.Sprintf("rows[%d]", i), msg.Sprintf("项目支出 row %q has no performance form (give it a key and a form whose row is that key)", r.Detail))
		}
	}
}

var wanAmount = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*万元\s*$`)

// costIndicators warns when a 财政投入 indicator states an amount in 万元
// other than its side's 财政拨款: typed figures drift when funds are revised.
func (c *checker) costIndicators(path string, f Form) {
	for _, side := range []struct {
		name, field string
		tree        []Level1
		funds       Funds
	}{{"实施期", "period", f.Indicators.Period, f.Period}, {"年度", "annual", f.Indicators.Annual, f.Annual}} {
		for i, l1 := range side.tree {
			for j, g := range l1.Groups {
				for k, it := range g.Items {
					m := wanAmount.FindStringSubmatch(it.Value)
					if it.Name != "财政投入" || m == nil {
						continue
					}
					if v, err := decimal.NewFromString(m[1]); err == nil && !v.Equal(side.funds.Fiscal) {
						c.warn(fmt.Sprintf("%s.indicators.%s[%d].groups[%d].items[%d].value", path, side.field, i, j, k),
							msg.Sprintf("财政投入 %s万元 ≠ the form's %s财政拨款 %s万元", money.Plain(v), side.name, money.Plain(side.funds.Fiscal)))
					}
				}
			}
		}
	}
}
