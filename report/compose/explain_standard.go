package compose

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/money"
)

// The standard explanation (部门预算情况说明 of the national set) is the
// profile's explanation with these contents in part two: the thirteen
// sections, every figure from the ledger and compared with last year's
// file. Their headings are the profile's.
func init() {
	for name, write := range map[string]func(s *statement, doc *layout.Document){
		"overall":             (*statement).overall,
		"income_sources":      (*statement).income,
		"spending":            (*statement).spending,
		"fiscal":              (*statement).fiscal,
		"general_budget":      (*statement).general,
		"basic_spending":      (*statement).basic,
		"three_public_change": (*statement).threePublic,
		"government_fund":     (*statement).governmentFund,
		"state_capital":       (*statement).stateCapital,
		"running_cost":        (*statement).runningCost,
		"procurement":         (*statement).procurement,
		"assets":              (*statement).assets,
		"performance":         (*statement).performance,
	} {
		contents[name] = func(c src) []layout.Block {
			doc := &layout.Document{}
			write(newStatement(c.b), doc)
			return doc.Blocks
		}
	}
}

// statement writes the sentences of part two: amounts in the documents'
// unit, changes against last year, shares and reasons.
type statement struct {
	b    *budget.Budget
	prev *budget.Budget // last year's, or nil
	u    moneyUnit
	year string // 2024年
}

func newStatement(b *budget.Budget) *statement {
	return &statement{b: b, prev: b.Previous, u: unitOf(b), year: fmt.Sprintf("%d年", b.Year)}
}

// amt is an amount in running text: 1,067.93万元.
func (s *statement) amt(d decimal.Decimal) string { return s.u.text(d) }

var hundred = decimal.NewFromInt(100)

// share is part's share of whole to one decimal: 占88.5%.
func (s *statement) share(part, whole decimal.Decimal) string {
	if whole.IsZero() {
		return ""
	}
	return "，占" + part.Mul(hundred).Div(whole).StringFixed(1) + "%"
}

// change compares a figure with last year's, on the printed amounts:
// 比上年增加12.30万元，增长5.3% · 比上年减少…，下降… · 与上年持平 · 上年无此项.
// It is empty without last year's file.
func (s *statement) change(cur, prev decimal.Decimal) string {
	if s.prev == nil {
		return ""
	}
	c, p := s.u.round(cur), s.u.round(prev)
	switch {
	case p.IsZero() && c.IsZero():
		return "，与上年持平"
	case p.IsZero():
		return "，上年无此项"
	case c.Equal(p):
		return "，与上年持平"
	}
	pct := c.Sub(p).Abs().Mul(hundred).Div(p).StringFixed(1) + "%"
	diff := money.Format(c.Sub(p).Abs(), 2) + s.u.name() // c and p are printed amounts already
	if c.GreaterThan(p) {
		return fmt.Sprintf("，比上年增加%s，增长%s", diff, pct)
	}
	return fmt.Sprintf("，比上年减少%s，下降%s", diff, pct)
}

// because is "，主要原因是" and the reason, when the figure changed and a
// reason is given.
func (s *statement) because(reason string, cur, prev decimal.Decimal) string {
	if s.prev == nil || s.u.round(cur).Equal(s.u.round(prev)) {
		return ""
	}
	if r := strings.TrimSuffix(reason, "。"); r != "" {
		return "，主要原因是" + r
	}
	return ""
}

// compared is change and the reason keyed by key together.
func (s *statement) compared(key string, cur, prev decimal.Decimal) string {
	return s.change(cur, prev) + s.because(s.b.Reason(key), cur, prev)
}

// sum is the amount of the rows sel selects this year and last.
func (s *statement) sum(sel func(budget.Row) bool) (cur, prev decimal.Decimal) {
	cur = s.b.SumOf(sel)
	if s.prev != nil {
		prev = s.prev.SumOf(sel)
	}
	return cur, prev
}

func (s *statement) para(doc *layout.Document, text string) { doc.Add(body(layout.Plain(text))) }

func all(budget.Row) bool { return true }

func (s *statement) overall(doc *layout.Document) {
	cur, prev := s.sum(all)
	s.para(doc, fmt.Sprintf("按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。%s收入总计%s，支出总计%s%s。",
		s.b.Unit.Name, s.year, s.amt(cur), s.amt(cur), strings.Replace(s.compared(budget.KeyTotal, cur, prev), "，比上年", "，收支总计各比上年", 1)))
}

func (s *statement) income(doc *layout.Document) {
	total, prev := s.sum(all)
	carried, _ := s.sum(fundFilter(budget.CarryoverFund))
	text := fmt.Sprintf("%s收入预算%s%s，其中：本年收入%s，上年结转%s。", s.year, s.amt(total), s.change(total, prev),
		s.amt(total.Sub(carried)), s.amt(carried))
	var parts []string
	for _, f := range budget.FundSources {
		amount, prev := s.sum(fundFilter(f.Name))
		// A source of last year that has nothing now is printed with its
		// fall (减少…，下降100.0%), not left out.
		if amount.IsZero() && prev.IsZero() {
			continue
		}
		// The reason of a fund that sections 五, 八 and 九 describe is
		// printed there.
		compared := s.change(amount, prev)
		if !budget.DescribedFund(f.Name) {
			compared = s.compared(f.Name, amount, prev)
		}
		share := ""
		if !amount.IsZero() {
			share = s.share(amount, total)
		}
		parts = append(parts, fmt.Sprintf("%s%s%s%s", incomeLabel(f.Name), s.amt(amount), share, compared))
	}
	if len(parts) > 0 {
		text += "按来源分：" + strings.Join(parts, "；") + "。"
	}
	s.para(doc, text)
}

func (s *statement) spending(doc *layout.Document) {
	total, _ := s.sum(all)
	text := fmt.Sprintf("%s支出预算%s。", s.year, s.amt(total))
	for _, k := range []struct {
		key  string
		kind budget.Kind
		name string
	}{{budget.KeyBasic, budget.Basic, "基本支出"}, {budget.KeyProject, budget.Project, "项目支出"}} {
		cur, prev := s.sum(kindFilter(s.b, k.kind))
		if s.prev != nil {
			prev = s.prev.SumOf(kindFilter(s.prev, k.kind))
		}
		text += fmt.Sprintf("%s%s%s%s。", k.name, s.amt(cur), s.share(cur, total), s.compared(k.key, cur, prev))
	}
	s.para(doc, text)
}

func (s *statement) fiscal(doc *layout.Document) {
	var income, spending []string
	total := decimal.Zero
	for _, f := range fiscalBudgets {
		cur := s.b.SumOf(fundFilter(f.fund))
		total = total.Add(cur)
		income = append(income, fmt.Sprintf("%s当年拨款%s", f.name, s.amt(cur)))
	}
	carried := s.b.SumOf(fundFilter(budget.CarryoverFund))
	total = total.Add(carried)
	income = append(income, fmt.Sprintf("上年结转%s", s.amt(carried)))
	for _, f := range fiscalBudgets {
		spending = append(spending, fmt.Sprintf("%s支出%s", f.name, s.amt(s.b.SumOf(fiscalFilter(f.name)))))
	}
	prev := decimal.Zero
	if s.prev != nil {
		prev = s.prev.SumOf(func(r budget.Row) bool { f, _ := budget.FundNamed(r.FundName()); return f.Fiscal != "" })
	}
	s.para(doc, fmt.Sprintf("%s财政拨款收支总预算%s%s。收入包括：%s；支出包括：%s。",
		s.year, s.amt(total), s.change(total, prev), strings.Join(income, "，"), strings.Join(spending, "，")))
}

func (s *statement) general(doc *layout.Document) {
	general := fundFilter(budget.DefaultFund)
	cur, prev := s.sum(general)
	doc.Add(&layout.Heading{Level: 2, Text: layout.Plain("（一）总体情况")})
	s.para(doc, fmt.Sprintf("%s一般公共预算当年拨款%s%s。", s.year, s.amt(cur), s.compared(budget.DefaultFund, cur, prev)))
	doc.Add(&layout.Heading{Level: 2, Text: layout.Plain("（二）结构情况")})
	names := s.b.ComparedFunctionNames()
	var parts []string
	for _, code := range s.b.GeneralClasses() { // last year's too: a 类 that vanished prints its fall
		amount, prev := s.sum(func(r budget.Row) bool { return general(r) && len(r.FunctionCode) == 7 && r.FunctionCode[:3] == code })
		share := ""
		if !amount.IsZero() {
			share = s.share(amount, cur)
		}
		parts = append(parts, fmt.Sprintf("%s%s%s%s", names[code], s.amt(amount), share, s.compared(code, amount, prev)))
	}
	if len(parts) == 0 {
		s.para(doc, "本部门无一般公共预算当年拨款。")
	} else {
		s.para(doc, "一般公共预算当年拨款按功能分类："+strings.Join(parts, "；")+"。")
	}
	doc.Add(&layout.Heading{Level: 2, Text: layout.Plain("（三）具体使用情况")})
	items := s.items(budget.DefaultFund)
	for i, it := range items {
		s.para(doc, fmt.Sprintf("%d. %s。", i+1, it))
	}
	if len(items) == 0 {
		s.para(doc, "本部门无一般公共预算当年拨款安排的支出。")
	}
}

// items are the 项 of a fund (budget.ItemCodes: this year's and, by
// code among them, last year's that fell to zero), one sentence each
// without its full stop:
// 一般公共服务支出（类）…（款）…（项）245.60万元，比上年增加…，主要原因是….
func (s *statement) items(fund string) []string {
	names := s.b.ComparedFunctionNames() // a 项 that fell to zero is named as last year
	var out []string
	changed := s.b.ChangedRows()
	for _, code := range s.b.ItemCodes(fund) {
		cur, prev := s.sum(func(r budget.Row) bool { return r.FundName() == fund && r.FunctionCode == code })
		item := budget.FunctionParts(names[code])
		reason := s.b.ItemReason(code, changed[budget.Item{Fund: fund, Code: code}])
		out = append(out, fmt.Sprintf("%s（类）%s（款）%s（项）%s%s",
			names[code[:3]], names[code[:5]], item[len(item)-1], s.amt(cur), s.change(cur, prev)+s.because(reason, cur, prev)))
	}
	return out
}

func (s *statement) basic(doc *layout.Document) {
	b := s.b
	general := fundFilter(budget.DefaultFund)
	basic := kindFilter(b, budget.Basic)
	text := ""
	for _, p := range []struct {
		key       string
		personnel bool
		name      string
	}{{budget.KeyPersonnel, true, "人员经费"}, {budget.KeyPublic, false, "公用经费"}} {
		sel := func(r budget.Row) bool {
			return general(r) && basic(r) && budget.Personnel(r.EconomicCode) == p.personnel
		}
		cur := b.SumOf(sel)
		prev := decimal.Zero
		if s.prev != nil {
			pb := kindFilter(s.prev, budget.Basic)
			prev = s.prev.SumOf(func(r budget.Row) bool {
				return general(r) && pb(r) && budget.Personnel(r.EconomicCode) == p.personnel
			})
		}
		var names []string
		seen := make(map[string]bool)
		for _, r := range b.Rows {
			if sel(r) && r.EconomicItemName() != "" && !seen[r.EconomicItemName()] {
				seen[r.EconomicItemName()] = true
				names = append(names, r.EconomicItemName())
			}
		}
		text += fmt.Sprintf("%s%s%s", p.name, s.amt(cur), s.compared(p.key, cur, prev))
		if len(names) > 0 {
			text += "，主要包括：" + strings.Join(names, "、")
		}
		text += "；"
	}
	total := b.SumOf(func(r budget.Row) bool { return general(r) && basic(r) })
	s.para(doc, fmt.Sprintf("%s一般公共预算基本支出%s，其中：%s。", s.year, s.amt(total), strings.TrimSuffix(text, "；")))
}

func (s *statement) threePublic(doc *layout.Document) {
	cur := s.b.ThreePublicFigures()
	var prev budget.ThreePublic
	if s.prev != nil {
		prev = s.prev.ThreePublicFigures()
	}
	key := func(k string) string { return budget.KeyThreePublic + "." + k }
	text := fmt.Sprintf("%s一般公共预算“三公”经费预算%s%s。其中：", s.year, s.amt(cur.Total()),
		s.compared(budget.KeyThreePublic, cur.Total(), prev.Total()))
	vehicles, prevVehicles := cur.VehiclePurchase.Add(cur.VehicleOperation), prev.VehiclePurchase.Add(prev.VehicleOperation)
	text += fmt.Sprintf("因公出国（境）费%s%s；", s.amt(cur.OverseasTravel), s.compared(key("overseas_travel"), cur.OverseasTravel, prev.OverseasTravel))
	text += fmt.Sprintf("公务用车购置及运行费%s%s，其中公务用车购置费%s%s，公务用车运行费%s%s；", s.amt(vehicles), s.change(vehicles, prevVehicles),
		s.amt(cur.VehiclePurchase), s.compared(key("vehicle_purchase"), cur.VehiclePurchase, prev.VehiclePurchase),
		s.amt(cur.VehicleOperation), s.compared(key("vehicle_operation"), cur.VehicleOperation, prev.VehicleOperation))
	text += fmt.Sprintf("公务接待费%s%s。", s.amt(cur.Reception), s.compared(key("reception"), cur.Reception, prev.Reception))
	s.para(doc, text)
}

func (s *statement) governmentFund(doc *layout.Document) {
	s.fundSection(doc, "政府性基金预算拨款")
}

func (s *statement) stateCapital(doc *layout.Document) {
	s.fundSection(doc, "国有资本经营预算拨款")
}

// fundSection is section 八 or 九: the fund's spending and its change,
// then its 项 in a sentence of their own, or that there is none.
func (s *statement) fundSection(doc *layout.Document, fund string) {
	cur, prev := s.sum(fundFilter(fund))
	if cur.IsZero() {
		text := fmt.Sprintf("本部门%s无%s安排的支出", s.year, fund)
		if s.prev != nil && !prev.IsZero() {
			text += fmt.Sprintf("，上年为%s%s", s.amt(prev), s.because(s.b.Reason(fund), cur, prev))
		}
		s.para(doc, text+"。")
		return
	}
	s.para(doc, fmt.Sprintf("%s%s安排的支出%s%s。", s.year, fund, s.amt(cur), s.compared(fund, cur, prev)))
	for i, it := range s.items(fund) {
		s.para(doc, fmt.Sprintf("%d. %s。", i+1, it))
	}
}

func (s *statement) runningCost(doc *layout.Document) {
	cur := s.b.RunningCostFigure()
	prev := decimal.Zero
	if s.prev != nil {
		prev = s.prev.RunningCostFigure()
	}
	s.para(doc, fmt.Sprintf("%s本部门机关运行经费（一般公共预算基本支出中的公用经费）%s%s。", s.year, s.amt(cur),
		s.compared(budget.KeyRunningCost, cur, prev)))
}

func (s *statement) procurement(doc *layout.Document) {
	p := s.b.Procurement
	if p.Total().IsZero() {
		s.para(doc, fmt.Sprintf("本部门%s无政府采购预算。", s.year))
		return
	}
	text := fmt.Sprintf("%s本部门政府采购预算%s，其中：货物类%s，工程类%s，服务类%s。", s.year, s.amt(p.Total()),
		s.amt(p.Goods), s.amt(p.Works), s.amt(p.Services))
	if !p.SMEReserved.IsZero() {
		text += fmt.Sprintf("预留给中小企业的政府采购项目预算%s%s。", s.amt(p.SMEReserved), s.share(p.SMEReserved, p.Total()))
		text = strings.Replace(text, "，占", "，占政府采购预算的", 1)
	}
	s.para(doc, text)
}

func (s *statement) assets(doc *layout.Document) {
	a := s.b.Assets
	when := "截至上年末"
	if !a.AsOf.IsZero() {
		when = "截至" + a.AsOf.Chinese()
	}
	count := 0
	var kinds []string
	for _, v := range a.Vehicles {
		count += v.Count
		kinds = append(kinds, fmt.Sprintf("%s%d辆", v.Kind, v.Count))
	}
	text := fmt.Sprintf("%s，本部门共有车辆%d辆", when, count)
	if len(kinds) > 0 {
		text += "，其中：" + strings.Join(kinds, "，")
	}
	text += fmt.Sprintf("；单价50万元以上通用设备%d台（套），单价100万元以上专用设备%d台（套）。", a.GeneralEquipment, a.SpecialEquipment)
	if a.Planned != "" {
		text += strings.TrimSuffix(a.Planned, "。") + "。"
	}
	s.para(doc, text)
}

func (s *statement) performance(doc *layout.Document) {
	projects, amount := len(s.b.Forms), decimal.Zero
	for _, f := range s.b.Forms {
		amount = amount.Add(f.Annual.Total.Mul(tenThousand))
	}
	if p := s.b.Performance; p.Projects > 0 {
		projects = p.Projects
		if p.Amount.Valid {
			amount = p.Amount.Decimal
		}
	}
	if projects == 0 {
		s.para(doc, fmt.Sprintf("本部门%s无实行绩效目标管理的项目。", s.year))
		return
	}
	s.para(doc, fmt.Sprintf("%s本部门实行绩效目标管理的项目%d个，涉及预算资金%s。", s.year, projects, s.amt(amount)))
}

// attachmentList lists the attachments after part three.
func attachmentList(doc *layout.Document, attachments []layout.Text) {
	if len(attachments) == 0 {
		return
	}
	doc.Add(&layout.Spacer{Lines: 1})
	for i, a := range attachments {
		lead := "　　　"
		if i == 0 {
			lead = "附件："
		}
		lead += fmt.Sprintf("%d. ", i+1)
		doc.Add(&layout.Paragraph{
			Text:  layout.Text{S: a.S, Seams: a.Seams}.Prefixed(lead),
			Style: layout.Style{Font: layout.FontBody, Indent: 2, HangAfter: lead},
		})
	}
}
