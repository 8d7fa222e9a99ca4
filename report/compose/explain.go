package compose

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// Explain composes the explanatory document (部门预算情况说明): title, table
// of contents, the profile's parts — each a heading and sections filled from
// the data or generated from the figures — the attachment list and the
// signature. attachments are the titles of the attachments that follow it.
func Explain(b *budget.Budget, p *profile.Profile, attachments []layout.Text) *layout.Document {
	c := src{b, p}
	e := p.Explanation
	subject := ""
	if n := len(e.Title); n > 0 {
		subject = c.fill(e.Title[n-1]).S
	}
	doc := &layout.Document{Meta: meta(c, subject)}
	title := layout.Style{Font: layout.FontTitle, Size: 22, Align: layout.Center}
	for _, line := range e.Title {
		doc.Add(&layout.Paragraph{Text: c.fill(line), Style: title})
	}
	doc.Add(
		&layout.Spacer{Lines: 1},
		&layout.Paragraph{Text: layout.Plain("目　录"), Style: layout.Style{Font: layout.FontHeading1, Align: layout.Center}},
		&layout.TOC{},
	)
	for i, part := range e.Parts {
		// The first part starts on the page after the table of contents.
		doc.Add(&layout.Heading{Level: 0, Text: c.fill(part.Heading), TOC: true, NewPage: i == 0})
		for _, sec := range part.Sections {
			if sec.Heading != "" {
				doc.Add(&layout.Heading{Level: 1, Text: c.fill(sec.Heading), TOC: true})
			}
			for _, content := range sec.Content {
				doc.Add(contents[content](c)...)
			}
		}
	}
	attachmentList(doc, attachments)
	doc.Add(&layout.Signature{Name: c.text(b.Unit.Name, "unit.name"), Date: c.text(b.Date.Chinese(), "date")})
	return doc
}

// contents are the composers of the names a profile's sections list
// (profile.Contents).
var contents = map[string]func(c src) []layout.Block{
	"overview.organization": func(c src) []layout.Block {
		return paragraphs(c, c.b.Overview.Organization, "overview.organization")
	},
	"overview.staffing": func(c src) []layout.Block { return paragraphs(c, c.b.Overview.Staffing, "overview.staffing") },
	"overview.duties":   func(c src) []layout.Block { return paragraphs(c, c.b.Overview.Duties, "overview.duties") },
	"overview.composition": func(c src) []layout.Block {
		if len(c.b.Overview.Composition) == 0 && len(c.b.Units) > 0 {
			return []layout.Block{body(c.text(compositionSentence(c), "units"))}
		}
		return paragraphs(c, c.b.Overview.Composition, "overview.composition")
	},
	"income":  func(c src) []layout.Block { return []layout.Block{body(layout.Plain(incomeSentence(c)))} },
	"non_tax": func(c src) []layout.Block { return []layout.Block{body(layout.Plain(nonTaxSentence(c)))} },
	"three_public": func(c src) []layout.Block {
		return []layout.Block{body(c.text(threePublicSentence(c), "unit.short_name"))}
	},
	"glossary": glossary,
}

// meta is the metadata shared by the disclosure's documents.
func meta(c src, subject string) layout.Meta {
	b := c.b
	return layout.Meta{
		Title:    c.p.Fill(c.p.FileName, b),
		Author:   b.Unit.Name,
		Subject:  subject,
		Keywords: fmt.Sprintf("%s预算公开 %d %s", c.p.Wording, b.Year, b.Unit.Name),
		Lang:     "zh-CN",
		Date:     b.Date.Time(),
	}
}

func paragraphs(c src, ps []string, path string) []layout.Block {
	var blocks []layout.Block
	for i, p := range ps {
		blocks = append(blocks, body(c.text(p, fmt.Sprintf("%s[%d]", path, i))))
	}
	return blocks
}

// compositionSentence writes 部门预算单位构成 from the list of units.
func compositionSentence(c src) string {
	b := c.b
	names := make([]string, len(b.Units))
	for i, u := range b.Units {
		names[i] = fmt.Sprintf("%s（%s）", u.Name, u.Kind)
	}
	counts := ""
	for _, k := range budget.UnitKinds {
		n := 0
		for _, u := range b.Units {
			if u.Kind == k {
				n++
			}
		}
		if n > 0 {
			counts += fmt.Sprintf("，%s%d个", k, n)
		}
	}
	return fmt.Sprintf("纳入%s %s%s预算编制范围的预算单位共%d个%s，包括：%s。",
		b.Unit.DisplayShortName(), year(b.Year), c.p.Wording, len(b.Units), counts, strings.Join(names, "、"))
}

// incomeSentence is the income and expenditure paragraph, in the seed's
// wording: 2021 年收入预算 13,567,000 元，其中本年收入预算 13,567,000 元，包括：…
func incomeSentence(c src) string {
	b := c.b
	in := b.Income
	yuan := c.amount
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
func nonTaxSentence(c src) string {
	n := c.b.NonTax
	yuan := c.amount
	return strings.TrimSpace(fmt.Sprintf("非税收入征收计划编列%s，其中：纳入预算管理的行政事业性收费等收入%s，罚没收入%s，国有资源（资产）有偿使用收入%s。",
		yuan(n.Total()), yuan(n.AdministrativeFees), yuan(n.Fines), yuan(n.StateResources)))
}

// threePublicSentence is the “三公”经费 paragraph; the four kinds are named
// only when the total is not zero.
func threePublicSentence(c src) string {
	b := c.b
	t := b.ThreePublic
	yuan := c.amount
	s := fmt.Sprintf("%s %s“三公”经费预算为%s", b.Unit.DisplayShortName(), year(b.Year), yuan(t.Total()))
	if !t.Total().IsZero() {
		s += fmt.Sprintf("，其中：因公出国（境）费%s，公务用车购置费%s，公务用车运行费%s，公务接待费%s",
			yuan(t.OverseasTravel), yuan(t.VehiclePurchase), yuan(t.VehicleOperation), yuan(t.Reception))
	}
	return s + "。"
}

// glossary writes 名词解释, numbered 一、二、…: the profile's default entries,
// each replaced by the budget's own of the same term, then its others.
func glossary(c src) []layout.Block {
	var blocks []layout.Block
	for i, e := range c.b.Glossary.ResolvedWith(c.p.Glossary) {
		t := layout.Plain(fmt.Sprintf("%s、%s：%s", chineseNumber(i+1), e.Term, e.Definition))
		for j, own := range c.b.Glossary.Entries {
			if own.Term == e.Term {
				t.Origin = c.text("", fmt.Sprintf("glossary.entries[%d]", j)).Origin
			}
		}
		blocks = append(blocks, body(t))
	}
	return blocks
}
