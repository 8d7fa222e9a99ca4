package budget

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/money"
	"budgetdoc/report/msg"
)

// Check runs every cross-check on a budget and returns all findings. A
// budget with an error finding must not be printed.
func Check(b *Budget) Findings {
	c := checker{b: b}
	c.findings = append(c.findings, b.Source.Warnings...)
	c.unitName()
	c.dates()
	c.categories()
	c.rows()
	c.ledger()
	c.totals()
	c.bigTotals()
	c.forms()
	c.units()
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

// warnAt records a warning about path at pos, for a field whose place is
// not its value's (a key, a figure's row).
func (c *checker) warnAt(path string, pos Pos, message string) {
	c.findings = append(c.findings, Finding{Severity: Warning, Pos: pos, Path: path, Message: message})
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
		keys := f.Keys()
		switch {
		case len(keys) == 0:
			c.fail(path+".row", msg.Sprintf(`required field "row" is missing (a form over several rows gives rows: [a, b])`))
		case f.Row != "" && len(f.Rows) > 0:
			c.fail(path+".rows", msg.Sprintf("give row or rows, not both"))
		}
		// The rows' amounts, which the form's annual funds must equal.
		var rowsTotal decimal.Decimal
		var where []string
		found := len(keys) > 0
		for k, key := range keys {
			keyPath := path + ".row"
			if len(f.Rows) > 0 {
				keyPath = fmt.Sprintf("%s.rows[%d]", path, k)
			}
			if j, dup := linked[key]; dup {
				c.fail(keyPath, msg.Sprintf("row %q already has a form: forms[%d]%s", key, j, c.line(fmt.Sprintf("forms[%d].row", j))))
			}
			linked[key] = i
			r := b.RowByKey(key)
			if r < 0 {
				c.fail(keyPath, msg.Sprintf("no row has the key %q%s", key, suggestKey(key, b.Rows)))
				found = false
				continue
			}
			rowPath := fmt.Sprintf("rows[%d].amount", r)
			rowsTotal = rowsTotal.Add(b.Rows[r].Amount.Decimal) // blank counts as zero
			where = append(where, msg.Sprintf("%q, %s%s", key, rowPath, c.line(rowPath)))
		}
		rows := msg.Sprintf("the amount of its row %s,", strings.Join(where, ""))
		if len(where) > 1 {
			rows = msg.Sprintf("the sum of its rows %s,", strings.Join(where, "; "))
		}
		if f.Period.Goals != nil || f.Annual.Goals != nil {
			c.twoSided(path, f)
			if found {
				c.costIndicators(path, f)
				c.mismatch(path+".annual.total",
					fmt.Sprintf("年度资金总额 %s万元 =", money.Plain(f.Annual.Total)), f.Annual.Total.Mul(tenThousand), rows, rowsTotal)
			}
		}
		if f.Funds != (YuanFunds{}) || f.Targets != nil {
			c.oneSided(path, f)
			if found && !f.Funds.Fiscal.GreaterThan(f.Funds.Total) {
				c.mismatch(path+".funds.total", "年度资金总额", f.Funds.Total, rows, rowsTotal)
			}
		}
	}
}

// twoSided checks the funds of a two-sided form, in 万元.
func (c *checker) twoSided(path string, f Form) {
	for _, side := range []struct {
		name  string
		path  string
		funds Funds
	}{{"实施期", path + ".period", f.Period}, {"年度", path + ".annual", f.Annual}} {
		if side.funds.Fiscal.GreaterThan(side.funds.Total) {
			c.fail(side.path+".fiscal", msg.Sprintf("财政拨款 %s万元 exceeds %s资金总额 %s万元",
				money.Plain(side.funds.Fiscal), side.name, money.Plain(side.funds.Total)))
			continue
		}
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
}

// natures are the one-sided form's 项目性质.
var natures = []string{"常年性", "一次性", "延续性"}

// oneSided checks the funds, dates and indicator values of a one-sided
// form, in 元.
func (c *checker) oneSided(path string, f Form) {
	fu := f.Funds
	if fu.Fiscal.GreaterThan(fu.Total) {
		c.fail(path+".funds.fiscal", msg.Sprintf("财政拨款 %s元 exceeds 年度资金总额 %s元 (by %s元)",
			money.Format(fu.Fiscal, 2), money.Format(fu.Total, 2), money.Format(fu.Fiscal.Sub(fu.Total), 2)))
	} else {
		c.mismatch(path+".funds.total", "年度资金总额", fu.Total, "财政拨款 + 上年结转 + 其他资金", sum(fu.Fiscal, fu.Carryover, fu.Other))
	}
	if f.Nature != "" && !slices.Contains(natures, f.Nature) {
		c.fail(path+".nature", msg.Sprintf("项目性质 %q must be one of %s", f.Nature, strings.Join(natures, "、")))
	}
	if !f.Start.IsZero() && !f.End.IsZero() && f.End.Time().Before(f.Start.Time()) {
		c.fail(path+".end", msg.Sprintf("计划完成日期 %s is before 计划开始日期 %s", f.End, f.Start))
	}
	for i, l1 := range f.Targets {
		for j, g := range l1.Groups {
			for k, it := range g.Items {
				vp := fmt.Sprintf("%s.targets[%d].groups[%d].items[%d].value", path, i, j, k)
				if _, err := ParseTarget(it.Value); err != nil {
					c.fail(vp, msg.Sprintf("指标值 %q: %v", it.Value, err))
				}
			}
		}
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

// units checks the budget units: named once, of a known kind, and every
// row's unit one of them.
func (c *checker) units() {
	b := c.b
	seen := make(map[string]int)
	var names []string
	for i, u := range b.Units {
		path := fmt.Sprintf("units[%d]", i)
		if j, dup := seen[u.Name]; dup {
			c.fail(path+".name", msg.Sprintf("unit %q is listed twice (first at units[%d]%s)", u.Name, j, c.line(fmt.Sprintf("units[%d]", j))))
		}
		seen[u.Name] = i
		names = append(names, u.Name)
		if !slices.Contains(UnitKinds, u.Kind) {
			c.fail(path+".kind", msg.Sprintf("unit kind %q must be 行政单位, 参公事业单位 or 事业单位", u.Kind))
		}
	}
	for i, r := range b.Rows {
		if _, ok := seen[r.Unit]; r.Unit != "" && !ok {
			hint := ""
			if s := nearest(r.Unit, names); s != "" {
				hint = msg.Sprintf("; did you mean %q?", s)
			}
			c.fail(fmt.Sprintf("rows[%d].unit", i), msg.Sprintf("unit %q is not listed under units%s", r.Unit, hint))
		}
	}
}
