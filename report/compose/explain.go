package compose

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// Explain composes the explanatory document (部门预算情况说明): title, table
// of contents, part one (概况), part two (情况说明, generated from the
// figures), part three (名词解释), the attachment list and the signature.
// attachments are the titles of the attachments that follow it.
func Explain(b *budget.Budget, attachments []string) *layout.Document {
	c := src{b}
	doc := &layout.Document{Meta: meta(b, fmt.Sprintf("%d 年部门预算情况说明", b.Year))}
	title := layout.Style{Font: layout.FontTitle, Size: 22, Align: layout.Center}
	doc.Add(
		&layout.Paragraph{Text: c.text(b.Unit.Name, "unit.name"), Style: title},
		&layout.Paragraph{Text: layout.Plain(fmt.Sprintf("%d 年部门预算情况说明", b.Year)), Style: title},
		&layout.Spacer{Lines: 1},
		&layout.Paragraph{Text: layout.Plain("目　录"), Style: layout.Style{Font: layout.FontHeading1, Align: layout.Center}},
		&layout.TOC{},
	)
	explainPartOne(doc, c)
	explainPartTwo(doc, c)
	explainPartThree(doc, c)
	attachmentList(doc, attachments)
	doc.Add(&layout.Signature{Name: c.text(b.Unit.Name, "unit.name"), Date: c.text(b.Date.Chinese(), "date")})
	return doc
}

// meta is the metadata shared by the disclosure's documents.
func meta(b *budget.Budget, subject string) layout.Meta {
	return layout.Meta{
		Title:    fmt.Sprintf("%s%d年部门预算", b.Unit.Name, b.Year),
		Author:   b.Unit.Name,
		Subject:  subject,
		Keywords: fmt.Sprintf("部门预算公开 %d %s", b.Year, b.Unit.Name),
		Lang:     "zh-CN",
		Date:     b.Date.Time(),
	}
}

func explainPartOne(doc *layout.Document, c src) {
	b := c.b
	doc.Add(
		&layout.Heading{Level: 0, Text: c.text("第一部分　"+b.Unit.Name+"概况", "unit.name"), TOC: true, NewPage: true},
		&layout.Heading{Level: 1, Text: layout.Plain("一、机构设置、职能"), TOC: true},
	)
	paragraphs(doc, c, b.Overview.Organization, "overview.organization")
	paragraphs(doc, c, b.Overview.Staffing, "overview.staffing")
	paragraphs(doc, c, b.Overview.Duties, "overview.duties")
	doc.Add(&layout.Heading{Level: 1, Text: layout.Plain("二、部门预算单位构成"), TOC: true})
	paragraphs(doc, c, b.Overview.Composition, "overview.composition")
}

func paragraphs(doc *layout.Document, c src, ps []string, path string) {
	for i, p := range ps {
		doc.Add(body(c.text(p, fmt.Sprintf("%s[%d]", path, i))))
	}
}

// explainPartTwo writes the three paragraphs of part two. Every figure and
// the year come from the data; nothing here is typed text.
func explainPartTwo(doc *layout.Document, c src) {
	b := c.b
	doc.Add(&layout.Heading{Level: 0, Text: c.text(fmt.Sprintf("第二部分　%s %d 年度部门预算情况说明", b.Unit.Name, b.Year), "unit.name"), TOC: true})
	doc.Add(body(layout.Plain(incomeSentence(b))), body(layout.Plain(nonTaxSentence(b))), body(c.text(threePublicSentence(b), "unit.short_name")))
}

// incomeSentence is the income and expenditure paragraph, in the seed's
// wording: 2021 年收入预算 13,567,000 元，其中本年收入预算 13,567,000 元，包括：…
func incomeSentence(b *budget.Budget) string {
	in := b.Income
	var s strings.Builder
	fmt.Fprintf(&s, "%s收入预算%s，其中本年收入预算%s", year(b.Year), yuan(in.Total()), yuan(in.CurrentYear()))
	if !in.Carryover.IsZero() {
		fmt.Fprintf(&s, "、上年结转%s", yuan(in.Carryover))
	}
	sources := []string{fmt.Sprintf("一般公共预算（含财政拨款及纳入一般公共预算管理）收入%s", yuan(in.GeneralBudget))}
	// The other sources are named only when the budget has them.
	for _, o := range []struct {
		name   string
		amount decimal.Decimal
	}{
		{"政府性基金预算收入", in.GovernmentFund},
		{"国有资本经营预算收入", in.StateCapital},
		{"事业收入", in.InstitutionBusiness},
		{"事业单位经营收入", in.InstitutionOperation},
		{"其他收入", in.Other},
	} {
		if !o.amount.IsZero() {
			sources = append(sources, o.name+yuan(o.amount))
		}
	}
	fmt.Fprintf(&s, "，包括：%s，支出预算%s，其中：基本支出%s，项目支出%s。部门（单位）结余结转资金%s。",
		strings.Join(sources, "，"), yuan(b.Expenditure.Total()), yuan(b.Expenditure.Basic), yuan(b.Expenditure.Project), yuan(in.Carryover))
	return strings.TrimSpace(s.String())
}

// nonTaxSentence is the 非税收入 paragraph.
func nonTaxSentence(b *budget.Budget) string {
	n := b.NonTax
	return strings.TrimSpace(fmt.Sprintf("非税收入征收计划编列%s，其中：纳入预算管理的行政事业性收费等收入%s，罚没收入%s，国有资源（资产）有偿使用收入%s。",
		yuan(n.Total()), yuan(n.AdministrativeFees), yuan(n.Fines), yuan(n.StateResources)))
}

// threePublicSentence is the “三公”经费 paragraph; the four kinds are named
// only when the total is not zero.
func threePublicSentence(b *budget.Budget) string {
	t := b.ThreePublic
	s := fmt.Sprintf("%s %s“三公”经费预算为%s", b.Unit.DisplayShortName(), year(b.Year), yuan(t.Total()))
	if !t.Total().IsZero() {
		s += fmt.Sprintf("，其中：因公出国（境）费%s，公务用车购置费%s，公务用车运行费%s，公务接待费%s",
			yuan(t.OverseasTravel), yuan(t.VehiclePurchase), yuan(t.VehicleOperation), yuan(t.Reception))
	}
	return s + "。"
}

// explainPartThree writes the glossary, numbered 一、二、….
func explainPartThree(doc *layout.Document, c src) {
	doc.Add(&layout.Heading{Level: 0, Text: layout.Plain("第三部分　名词解释"), TOC: true})
	for i, e := range c.b.Glossary.Resolved() {
		t := layout.Plain(fmt.Sprintf("%s、%s：%s", chineseNumber(i+1), e.Term, e.Definition))
		for j, own := range c.b.Glossary.Entries {
			if own.Term == e.Term {
				t.Origin = c.text("", fmt.Sprintf("glossary.entries[%d]", j)).Origin
			}
		}
		doc.Add(body(t))
	}
}
