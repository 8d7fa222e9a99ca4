package budget

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// Figure is one figure the standard explanation compares with last year,
// with the key a reason for its change is given under.
type Figure struct {
	Key               string
	Label             string // what the figure is, for messages
	Current, Previous decimal.Decimal
	// Rows are, for a 项, the keys of the rows behind its change (see
	// ChangedRows): a reason keyed by one of them explains it too.
	Rows []string
	// At is the field of this year's data that locates the figure, for a
	// finding about it: the first row of a 项 or 类, a stated amount
	// (income.carryover, three_public.reception). It is "" for a figure
	// with no place of its own (a total, a 项 that fell to zero).
	At string
}

// Reason keys that are not function codes or fund names.
const (
	KeyTotal       = "total"
	KeyBasic       = "basic"
	KeyProject     = "project"
	KeyPersonnel   = "personnel"
	KeyPublic      = "public"
	KeyThreePublic = "three_public"
	KeyRunningCost = "running_cost"
)

// threePublicKeys name the kinds of 三公 spending for reasons.
var threePublicKeys = []struct {
	key, label string
	of         func(ThreePublic) decimal.Decimal
}{
	{KeyThreePublic + ".overseas_travel", "因公出国（境）费", func(t ThreePublic) decimal.Decimal { return t.OverseasTravel }},
	{KeyThreePublic + ".vehicle_purchase", "公务用车购置费", func(t ThreePublic) decimal.Decimal { return t.VehiclePurchase }},
	{KeyThreePublic + ".vehicle_operation", "公务用车运行费", func(t ThreePublic) decimal.Decimal { return t.VehicleOperation }},
	{KeyThreePublic + ".reception", "公务接待费", func(t ThreePublic) decimal.Decimal { return t.Reception }},
}

// RunningCostFigure is 机关运行经费 by the ledger: the 公用经费 (basic
// spending outside 人员经费) of 一般公共预算拨款, of the department's own rows
// and of its 行政 and 参公 units — not of its 事业单位.
func (b *Budget) RunningCostFigure() decimal.Decimal {
	kinds := b.KindOf()
	units := make(map[string]UnitKind, len(b.Units))
	for _, u := range b.Units {
		units[u.Name] = u.Kind
	}
	return b.SumOf(func(r Row) bool {
		return r.FundName() == DefaultFund && kinds[r.Category] == Basic && !Personnel(r.EconomicCode) &&
			units[r.Unit] != PublicInstitution
	})
}

// Figures lists the figures compared with last year: totals, funds, 基本 and
// 项目, 人员 and 公用经费, each 类 of the general budget of either year,
// each 项 the explanation describes (ItemCodes), 三公 and 机关运行经费.
// Without last year's budget the previous amounts are zero.
func (b *Budget) Figures() []Figure {
	prev := b.Previous
	if prev == nil {
		prev = &Budget{}
	}
	var out []Figure
	add := func(key, label, at string, of func(*Budget) decimal.Decimal) {
		out = append(out, Figure{Key: key, Label: label, At: at, Current: of(b), Previous: of(prev)})
	}
	// sumOf adds the figure of the rows sel selects, located at the first
	// of them this year.
	sumOf := func(key, label string, sel func(Row) bool) {
		at := ""
		for i, r := range b.Rows {
			if r.Amount.Valid && sel(r) {
				at = fmt.Sprintf("rows[%d].function_code", i)
				break
			}
		}
		add(key, label, at, func(x *Budget) decimal.Decimal { return x.SumOf(sel) })
	}
	all := func(Row) bool { return true }
	add(KeyTotal, "收支总计", "", func(x *Budget) decimal.Decimal { return x.SumOf(all) })
	for _, k := range []struct {
		key   string
		kind  Kind
		label string
	}{{KeyBasic, Basic, "基本支出"}, {KeyProject, Project, "项目支出"}} {
		add(k.key, k.label, "expenditure."+k.key, func(x *Budget) decimal.Decimal { return RowTotal(x.RowsOf(k.kind)) })
	}
	for _, s := range FundSources {
		add(s.Name, s.Name, "income."+s.Income, func(x *Budget) decimal.Decimal {
			return x.SumOf(func(r Row) bool { return r.FundName() == s.Name })
		})
	}
	for _, p := range []struct {
		key       string
		personnel bool
		label     string
	}{{KeyPersonnel, true, "人员经费"}, {KeyPublic, false, "公用经费"}} {
		add(p.key, p.label, "", func(x *Budget) decimal.Decimal {
			kinds := x.KindOf()
			return x.SumOf(func(r Row) bool {
				return r.FundName() == DefaultFund && kinds[r.Category] == Basic && Personnel(r.EconomicCode) == p.personnel
			})
		})
	}
	names := b.ComparedFunctionNames()
	for _, code := range b.GeneralClasses() {
		sumOf(code, fmt.Sprintf("%s %s", DefaultFund, names[code]), func(r Row) bool {
			return r.FundName() == DefaultFund && len(r.FunctionCode) == 7 && r.FunctionCode[:3] == code
		})
	}
	changed := b.ChangedRows()
	for _, fund := range DescribedFunds {
		for _, code := range b.ItemCodes(fund) {
			parts := FunctionParts(names[code])
			sumOf(code, fmt.Sprintf("%s %s", fund, parts[len(parts)-1]), func(r Row) bool {
				return r.FundName() == fund && r.FunctionCode == code
			})
			out[len(out)-1].Rows = changed[Item{fund, code}]
		}
	}
	add(KeyThreePublic, "“三公”经费", KeyThreePublic, func(x *Budget) decimal.Decimal { return x.ThreePublicFigures().Total() })
	for _, k := range threePublicKeys {
		add(k.key, k.label, k.key, func(x *Budget) decimal.Decimal { return k.of(x.ThreePublicFigures()) })
	}
	add(KeyRunningCost, "机关运行经费", KeyRunningCost, (*Budget).RunningCostFigure)
	return out
}

// GeneralClasses are the 类 codes of 一般公共预算拨款 in this year's rows and
// in last year's, in order: a 类 that existed last year and has nothing now
// is compared too (减少…，下降100%), not left out.
func (b *Budget) GeneralClasses() []string {
	general := func(r Row) bool { return r.FundName() == DefaultFund }
	codes := b.FunctionClasses(general)
	if b.Previous != nil {
		codes = append(codes, b.Previous.FunctionClasses(general)...)
	}
	sort.Strings(codes)
	out := codes[:0]
	for i, c := range codes {
		if i == 0 || c != codes[i-1] {
			out = append(out, c)
		}
	}
	return out
}

// ComparedFunctionNames are the function names of this year's data, and of
// last year's for the codes only last year has (a 类 or 项 that vanished).
func (b *Budget) ComparedFunctionNames() map[string]string {
	names := b.FunctionNames()
	if b.Previous == nil {
		return names
	}
	// Last year's names are read only when one of its 项 is not among
	// this year's: a 项 of this year has its 类 and 款 named (Check).
	for _, r := range b.Previous.Rows {
		if _, ok := names[r.FunctionCode]; !ok && len(r.FunctionCode) == 7 {
			for code, name := range b.Previous.FunctionNames() {
				if _, ok := names[code]; !ok {
					names[code] = name
				}
			}
			break
		}
	}
	return names
}

// DescribedFunds are the funds whose 项 the standard explanation describes
// one by one, each in a section of its own (五, 八 and 九).
var DescribedFunds = []string{DefaultFund, "政府性基金预算拨款", "国有资本经营预算拨款"}

// DescribedFund reports whether fund is one of DescribedFunds.
func DescribedFund(fund string) bool {
	for _, f := range DescribedFunds {
		if f == fund {
			return true
		}
	}
	return false
}

// printedKeys are the keys whose reasons the standard explanation prints
// (when the figure changed): the fixed keys, each fund with an amount this
// year or last (二, 五, 八, 九), each 类 of either year's 一般公共预算拨款
// (五（二）), each 项 the explanation describes (ItemCodes: 五（三）, 八,
// 九) and the keys of the rows that changed in those 项.
func (b *Budget) printedKeys() map[string]bool {
	keys := map[string]bool{KeyTotal: true, KeyBasic: true, KeyProject: true, KeyPersonnel: true,
		KeyPublic: true, KeyThreePublic: true, KeyRunningCost: true}
	for _, k := range threePublicKeys {
		keys[k.key] = true
	}
	if b.Previous != nil {
		for _, r := range b.Previous.Rows {
			if !r.Value().IsZero() {
				keys[r.FundName()] = true
			}
		}
		for _, code := range b.GeneralClasses() {
			keys[code] = true
		}
	}
	for _, r := range b.Rows {
		if !r.Amount.Valid {
			continue
		}
		keys[r.FundName()] = true
		if r.FundName() == DefaultFund && len(r.FunctionCode) == 7 {
			keys[r.FunctionCode[:3]] = true
		}
	}
	changed := b.ChangedRows()
	for _, fund := range DescribedFunds {
		for _, code := range b.ItemCodes(fund) {
			keys[code] = true
			for _, k := range changed[Item{fund, code}] {
				keys[k] = true
			}
		}
	}
	return keys
}

// ItemCodes are the 项 codes of a fund that the standard explanation
// describes one by one (五（三）, 八, 九), in order: those of this year's
// rows with an amount and, when the fund has spending this year, those of
// last year's rows with spending, so that a 项 that fell to zero is
// printed with its fall (减少…，下降100.0%) like any other change. A fund
// with nothing this year is one sentence with last year's amount instead.
func (b *Budget) ItemCodes(fund string) []string {
	seen := make(map[string]bool)
	var codes []string
	add := func(code string) {
		if !seen[code] {
			seen[code] = true
			codes = append(codes, code)
		}
	}
	spends := false
	for _, r := range b.Rows {
		if r.FundName() == fund && r.Amount.Valid {
			add(r.FunctionCode)
			spends = spends || !r.Amount.Decimal.IsZero()
		}
	}
	if b.Previous != nil && spends {
		for _, r := range b.Previous.Rows {
			if r.FundName() == fund && len(r.FunctionCode) == 7 && !r.Value().IsZero() {
				add(r.FunctionCode)
			}
		}
	}
	sort.Strings(codes)
	return codes
}

// Reason returns the reason given for key, or "".
func (b *Budget) Reason(key string) string {
	for _, r := range b.Reasons {
		if r.Key == key {
			return r.Text
		}
	}
	return ""
}

// reasonKeys are the keys a reason may be given under: the fixed ones, the
// funds, and every 类, 款 and 项 code of this year's or last year's rows.
// Row keys are not among them (see rowKeys).
func (b *Budget) reasonKeys() map[string]bool {
	keys := map[string]bool{KeyTotal: true, KeyBasic: true, KeyProject: true, KeyPersonnel: true,
		KeyPublic: true, KeyThreePublic: true, KeyRunningCost: true}
	for _, k := range threePublicKeys {
		keys[k.key] = true
	}
	for _, s := range FundSources {
		keys[s.Name] = true
	}
	for _, x := range []*Budget{b, b.Previous} {
		if x == nil {
			continue
		}
		for _, r := range x.Rows {
			if len(r.FunctionCode) == 7 {
				keys[r.FunctionCode[:3]], keys[r.FunctionCode[:5]], keys[r.FunctionCode] = true, true, true
			}
		}
	}
	return keys
}

// An Item is a 项 of one fund: the line the explanation's 具体使用情况
// compares with last year.
type Item struct{ Fund, Code string }

func itemOf(r Row) Item { return Item{r.FundName(), r.FunctionCode} }

// ChangedRows lists, for each 项, the keys of the rows behind its change
// against last year, matched by row key: a keyed row of either year whose
// row of the same key in the other year is missing, in another 项 or fund
// (a project that moved function code), or of another amount. Rows
// without a key are compared only through their 项's sum. Without last
// year's budget it is empty.
func (b *Budget) ChangedRows() map[Item][]string {
	out := make(map[Item][]string)
	if b.Previous == nil {
		return out
	}
	index := func(x *Budget) map[string]Row {
		m := make(map[string]Row, len(x.Rows))
		for _, r := range x.Rows {
			if r.Key != "" {
				m[r.Key] = r
			}
		}
		return m
	}
	cur, prev := index(b), index(b.Previous)
	seen := make(map[Item]map[string]bool)
	note := func(rows []Row, other map[string]Row) {
		for _, r := range rows {
			if r.Key == "" {
				continue
			}
			o, ok := other[r.Key]
			if ok && itemOf(o) == itemOf(r) && o.Value().Equal(r.Value()) {
				continue
			}
			it := itemOf(r)
			if seen[it] == nil {
				seen[it] = make(map[string]bool)
			}
			if !seen[it][r.Key] {
				seen[it][r.Key] = true
				out[it] = append(out[it], r.Key)
			}
		}
	}
	note(b.Rows, prev)
	note(b.Previous.Rows, cur)
	return out
}

// ItemReason is the reason for a 项's change: the one keyed by its code,
// then those keyed by its changed rows (ChangedRows), joined with "；".
func (b *Budget) ItemReason(code string, rows []string) string {
	var parts []string
	seen := make(map[string]bool)
	for _, k := range append([]string{code}, rows...) {
		if r := strings.TrimSuffix(b.Reason(k), "。"); r != "" && !seen[r] {
			seen[r] = true
			parts = append(parts, r)
		}
	}
	return strings.Join(parts, "；")
}

// rowKeys are the row keys of this year's and last year's rows: a reason
// keyed by one explains the change of the 项 the row is in.
func (b *Budget) rowKeys() map[string]bool {
	keys := make(map[string]bool)
	for _, x := range []*Budget{b, b.Previous} {
		if x == nil {
			continue
		}
		for _, r := range x.Rows {
			if r.Key != "" {
				keys[r.Key] = true
			}
		}
	}
	return keys
}
