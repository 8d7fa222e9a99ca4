package budget

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/money"
	"budgetdoc/report/msg"
)

// ledger checks what rows carry for the standard set: funds, economic
// codes, the names of 类 and 款, and the document set itself.
func (c *checker) ledger() {
	c.documents()
	c.funds()
	c.economicCodes()
	c.functionNames()
	c.comparedNames()
	c.previousYear()
	c.reasons()
	c.statedFigures()
}

// defaultThreshold is the change, in percent, above which a figure needs a
// reason when the data sets none.
var defaultThreshold = decimal.NewFromInt(10)

// reasons checks that every reason explains something that exists, and
// warns of a change above the threshold that has no reason and of a reason
// for a row that no printed sentence explains.
func (c *checker) reasons() {
	b := c.b
	keys, rows := b.reasonKeys(), b.rowKeys()
	seen := make(map[string]int)
	for i, r := range b.Reasons {
		path := fmt.Sprintf("reasons[%d].key", i)
		if j, dup := seen[r.Key]; dup {
			c.fail(path, msg.Sprintf("a reason for %q is already given at reasons[%d]%s", r.Key, j, c.line(fmt.Sprintf("reasons[%d]", j))))
			continue
		}
		seen[r.Key] = i
		switch {
		case keys[r.Key] && rows[r.Key]:
			c.fail(path, msg.Sprintf("a reason for %q, which is both a row's key and a figure (a code, fund or fixed key): give the row another key", r.Key))
		case !keys[r.Key] && !rows[r.Key]:
			c.fail(path, msg.Sprintf("a reason for %q, which is no figure of this budget or last year's (a function code of the rows, a row key, a fund name, total, basic, project, personnel, public, three_public[.kind], running_cost)", r.Key))
		}
	}
	if b.Previous == nil {
		if len(b.Reasons) > 0 {
			path, pos := c.reasonsKey()
			c.warnAt(path, pos, msg.Sprintf("reasons are given but no previous (last year's file) to compare with"))
		}
		return
	}
	threshold := b.ReasonThreshold
	if threshold.IsZero() {
		threshold = defaultThreshold
	}
	hundred := decimal.NewFromInt(100)
	for _, f := range b.Figures() {
		if f.Current.Equal(f.Previous) || b.ItemReason(f.Key, f.Rows) != "" {
			continue
		}
		hint := ""
		if len(f.Rows) > 0 {
			hint = msg.Sprintf(" (or with the key of a row that changed in it: %s)", strings.Join(f.Rows, ", "))
		}
		// A fund is its own key: 一般公共预算拨款, not 一般公共预算拨款（一般公共预算拨款）.
		named := f.Label
		if f.Key != f.Label {
			named = msg.Sprintf("%s (%s)", f.Label, f.Key)
		}
		path, pos := c.figurePos(f)
		if f.Previous.IsZero() {
			c.warnAt(path, pos, msg.Sprintf("%s is new this year (%s 元) and has no reason: add one under reasons with key %q", named, money.Format(f.Current, 2), f.Key)+hint)
			continue
		}
		pct := f.Current.Sub(f.Previous).Abs().Mul(hundred).Div(f.Previous)
		if pct.GreaterThan(threshold) {
			c.warnAt(path, pos, msg.Sprintf("%s changed by %s%% against last year (%s → %s 元), more than the threshold %s%%, and has no reason: add one under reasons with key %q",
				named, pct.StringFixed(1), money.Format(f.Previous, 2), money.Format(f.Current, 2), threshold, f.Key)+hint)
		}
	}
	if !b.Documents.Standard() {
		return
	}
	printed := b.printedKeys()
	for i, r := range b.Reasons {
		if !keys[r.Key] && !rows[r.Key] || printed[r.Key] {
			continue // an error above, or printed
		}
		path := fmt.Sprintf("reasons[%d].key", i)
		if rows[r.Key] {
			c.warn(path, msg.Sprintf("the reason for row %q is printed nowhere: the row is in the same 项 with the same amount as last year, or in a 项 the explanation does not describe (it describes the 项 of this year or last of 一般公共预算拨款, 政府性基金预算拨款 and 国有资本经营预算拨款 when that fund has spending this year)", r.Key))
		} else {
			c.warn(path, msg.Sprintf("the reason for %q is printed nowhere: the explanation compares with last year the totals, each fund and each 类 of 一般公共预算拨款 of this year or last, and each 项 of this year or last of 一般公共预算拨款, 政府性基金预算拨款 and 国有资本经营预算拨款 when that fund has spending this year", r.Key))
		}
	}
}

// figurePos locates a figure that needs a reason: at its own place in this
// year's data (the first row of a 项, a stated amount), else where reasons
// are added (reasonsKey).
func (c *checker) figurePos(f Figure) (string, Pos) {
	if f.At == "" {
		return c.reasonsKey()
	}
	// A top-level key (three_public:) is where it is written, not where
	// its value's first field is.
	if pos, ok := c.b.Source.KeyPos(f.At); ok {
		return f.At, pos
	}
	if pos, ok := c.b.Source.Lookup(f.At); ok {
		return f.At, pos
	}
	return c.reasonsKey()
}

// reasonsKey is the reasons: key itself (not its first entry), or, for
// an entry workbook, where the reasons are read (sheet 变动原因), or, when
// the data has none, previous:, which makes the comparison.
func (c *checker) reasonsKey() (string, Pos) {
	if pos, ok := c.b.Source.KeyPos("reasons"); ok {
		return "reasons", pos
	}
	if pos, ok := c.b.Source.Lookup("reasons"); ok {
		return "reasons", pos
	}
	return "previous", c.b.Source.Pos("previous")
}

// statedFigures compares figures the data states with the ledger's: the
// 三公 budget, 机关运行经费 and the performance facts (warnings: the office
// decides which is right).
func (c *checker) statedFigures() {
	b := c.b
	if ledger, ok := b.LedgerThreePublic(); ok {
		for _, k := range threePublicKeys {
			stated, sum := k.of(b.ThreePublic), k.of(ledger)
			if !stated.Equal(sum) {
				c.warn(k.key, msg.Sprintf("%s stated %s 元 ≠ %s 元 on its economic account in the rows of 一般公共预算拨款 (difference %s)",
					k.label, money.Format(stated, 2), money.Format(sum, 2), money.Format(stated.Sub(sum).Abs(), 2)))
			}
		}
	}
	if b.RunningCost.Valid && !b.RunningCost.Decimal.Equal(b.RunningCostFigure()) {
		c.warn("running_cost", msg.Sprintf("机关运行经费 stated %s 元 ≠ the 公用经费 of the 基本支出 rows of 一般公共预算拨款, %s 元",
			money.Format(b.RunningCost.Decimal, 2), money.Format(b.RunningCostFigure(), 2)))
	}
	p := b.Performance
	if p.Projects != 0 && len(b.Forms) > 0 && p.Projects < len(b.Forms) {
		c.warn("performance.projects", msg.Sprintf("%d projects under 绩效目标管理, but %d forms are attached", p.Projects, len(b.Forms)))
	}
	forms := decimal.Zero
	for _, f := range b.Forms {
		forms = forms.Add(f.Annual.Total.Mul(tenThousand))
	}
	if p.Amount.Valid && p.Amount.Decimal.LessThan(forms) {
		c.warn("performance.amount", msg.Sprintf("the amount under 绩效目标管理, %s 元, is less than the 年度资金总额 of the attached forms, %s 元",
			money.Format(p.Amount.Decimal, 2), money.Format(forms, 2)))
	}
}

func (c *checker) documents() {
	d := c.b.Documents
	if d.Set != "" && !KnownSet(d.Set) {
		c.fail("documents.set", msg.Sprintf("document set %q must be %q (the seed's: explanation, project table, forms) or %q (the nine tables and the standard explanation)", d.Set, SeedSet, StandardSet))
	}
	if d.MoneyUnit != "" && d.MoneyUnit != Yuan && d.MoneyUnit != TenThousandYuan {
		c.fail("documents.money_unit", msg.Sprintf("money unit %q must be %q or %q", d.MoneyUnit, Yuan, TenThousandYuan))
	}
}

// usesFunds reports whether the budget's rows are a ledger by fund: in the
// standard set, or when some row names its fund.
func (c *checker) usesFunds() bool {
	if c.b.Documents.Standard() {
		return true
	}
	for _, r := range c.b.Rows {
		if r.Fund != "" {
			return true
		}
	}
	return false
}

// funds checks that each row names a known fund and that the income stated
// by source equals the rows by fund.
func (c *checker) funds() {
	b := c.b
	var names []string
	for _, s := range FundSources {
		names = append(names, s.Name)
	}
	byFund := make(map[string]decimal.Decimal)
	for i, r := range b.Rows {
		if _, ok := FundNamed(r.FundName()); !ok {
			c.fail(fmt.Sprintf("rows[%d].fund", i), msg.Sprintf("fund %q is not one of %s", r.Fund, strings.Join(names, "、")))
			continue
		}
		byFund[r.FundName()] = byFund[r.FundName()].Add(r.Value())
	}
	if !c.usesFunds() {
		return
	}
	for _, s := range FundSources {
		c.mismatch("income."+s.Income, msg.Sprintf("%s stated under income", s.Name), b.Income.Stated(s),
			msg.Sprintf("the sum of the rows of that fund"), byFund[s.Name])
	}
}

var anyFunctionCode = regexp.MustCompile(`^[0-9]{3}([0-9]{2}){0,2}$`)

var economicCode = regexp.MustCompile(`^[0-9]{5}$`)

// economicCodes checks each row's economic code: 5 digits of a known class,
// a 款 with a name, one name per code, and present on every general-budget
// 基本支出 row when the set prints the 基本支出 table.
func (c *checker) economicCodes() {
	b := c.b
	kinds := b.KindOf()
	needed := b.Documents.Includes(GeneralBasicTable)
	first := make(map[string]int)
	for i, r := range b.Rows {
		path := fmt.Sprintf("rows[%d]", i)
		if r.EconomicCode == "" {
			if needed && kinds[r.Category] == Basic && r.FundName() == DefaultFund {
				c.fail(path+".economic_code", msg.Sprintf("基本支出 row %q has no economic code; the standard set's 一般公共预算基本支出表 needs one (5 digits, e.g. 30101)", r.Detail))
			}
			continue
		}
		if !economicCode.MatchString(r.EconomicCode) {
			c.fail(path+".economic_code", msg.Sprintf("economic code %q must be 5 digits (类 3 + 款 2, e.g. 30101)", r.EconomicCode))
			continue
		}
		if _, ok := EconomicClasses[r.EconomicCode[:3]]; !ok {
			c.fail(path+".economic_code", msg.Sprintf("economic code %s: class %s is not a 部门预算支出经济分类 class (%s)", r.EconomicCode, r.EconomicCode[:3], classList()))
			continue
		}
		if r.EconomicItemName() == "" {
			c.fail(path+".economic_code", msg.Sprintf("economic code %s is not in the common catalogue; give its name as economic_name", r.EconomicCode))
			continue
		}
		if j, ok := first[r.EconomicCode]; ok && b.Rows[j].EconomicItemName() != r.EconomicItemName() {
			c.fail(path+".economic_name", msg.Sprintf("economic code %s is named %q here but %q in rows[%d]%s",
				r.EconomicCode, r.EconomicItemName(), b.Rows[j].EconomicItemName(), j, c.line(fmt.Sprintf("rows[%d]", j))))
		} else if !ok {
			first[r.EconomicCode] = i
		}
	}
}

func classList() string {
	var codes []string
	for code := range EconomicClasses {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	return strings.Join(codes, " ")
}

// functionNames checks the functions list and that a 类 or 款 code has one
// name wherever rows or functions give it.
func (c *checker) functionNames() {
	b := c.b
	type origin struct{ name, path string }
	seen := make(map[string]origin)
	give := func(code, name, path, field string) {
		level := map[int]string{3: "类", 5: "款", 7: "项"}[len(code)]
		if o, ok := seen[code]; ok {
			if o.name != name {
				c.fail(field, msg.Sprintf("%s code %s is named %q here but %q in %s%s", level, code, name, o.name, o.path, c.line(o.path)))
			}
			return
		}
		seen[code] = origin{name, path}
	}
	for i, f := range b.Functions {
		path := fmt.Sprintf("functions[%d]", i)
		if !anyFunctionCode.MatchString(f.Code) {
			c.fail(path+".code", msg.Sprintf("function code %q must be 3 (类), 5 (款) or 7 (项) digits", f.Code))
			continue
		}
		if o, dup := seen[f.Code]; dup {
			c.fail(path+".code", msg.Sprintf("function code %s is listed twice (first at %s%s)", f.Code, o.path, c.line(o.path)))
			continue
		}
		give(f.Code, f.Name, path, path+".name")
	}
	for i, r := range b.Rows {
		parts := FunctionParts(r.FunctionName)
		if len(parts) != 3 || !functionCode.MatchString(r.FunctionCode) {
			continue
		}
		path := fmt.Sprintf("rows[%d]", i)
		give(r.FunctionCode[:3], parts[0], path, path+".function_name")
		give(r.FunctionCode[:5], parts[1], path, path+".function_name")
	}
	if !b.Documents.Standard() {
		return
	}
	names := b.FunctionNames()
	for i, r := range b.Rows {
		if !functionCode.MatchString(r.FunctionCode) {
			continue
		}
		for _, code := range []string{r.FunctionCode[:3], r.FunctionCode[:5]} {
			if names[code] == "" {
				c.fail(fmt.Sprintf("rows[%d].function_name", i), msg.Sprintf("function code %s has no name: write function_name as 类-款-项 or list %s under functions", code, code))
			}
		}
	}
}

// comparedNames checks that what the standard explanation prints from
// last year's file alone — a 类 of 一般公共预算拨款 or a 项 that has
// nothing this year, and the 类 and 款 of that 项 — has a name in either
// year's data; it is reported at last year's row, in last year's file.
// This year's codes are checked by functionNames.
func (c *checker) comparedNames() {
	b := c.b
	if b.Previous == nil || !b.Documents.Standard() {
		return
	}
	current := make(map[string]bool, len(b.Rows))
	for _, r := range b.Rows {
		current[r.FunctionCode] = true
	}
	onlyLastYear := false
	for _, r := range b.Previous.Rows {
		onlyLastYear = onlyLastYear || !current[r.FunctionCode]
	}
	if !onlyLastYear {
		return // every code of last year is this year's too, with its 类 and 款
	}
	for _, r := range b.Rows {
		if functionCode.MatchString(r.FunctionCode) {
			current[r.FunctionCode[:3]], current[r.FunctionCode[:5]] = true, true
		}
	}
	printed := make(map[string]bool)
	for _, code := range b.GeneralClasses() {
		printed[code] = !current[code]
	}
	for _, fund := range DescribedFunds {
		for _, code := range b.ItemCodes(fund) {
			if !functionCode.MatchString(code) {
				continue // an error of its row
			}
			for _, part := range []string{code[:3], code[:5], code} {
				printed[part] = printed[part] || !current[part]
			}
		}
	}
	names := b.ComparedFunctionNames()
	for i, r := range b.Previous.Rows {
		if !functionCode.MatchString(r.FunctionCode) {
			continue
		}
		for _, code := range []string{r.FunctionCode[:3], r.FunctionCode[:5], r.FunctionCode} {
			if printed[code] && names[code] == "" {
				printed[code] = false // once
				path := fmt.Sprintf("rows[%d].function_name", i)
				c.findings = append(c.findings, Finding{Severity: Error, Pos: b.Previous.Source.Pos(path), Path: path,
					Message: msg.Sprintf("function code %s of last year's file, which the explanation compares with this year, has no name: write function_name as 类-款-项 here or list %s under functions in either year's file", code, code)})
			}
		}
	}
}

// previousYear checks that last year's file is last year's.
func (c *checker) previousYear() {
	b := c.b
	if b.Previous == nil {
		return
	}
	if b.Previous.Year != b.Year-1 {
		c.fail("previous", msg.Sprintf("last year's file %s is for %d, not %d", b.PreviousFile, b.Previous.Year, b.Year-1))
	}
}
