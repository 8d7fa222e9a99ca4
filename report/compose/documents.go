package compose

import (
	"fmt"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// Part is one part of the disclosure, which `build --split` can write as a
// file of its own.
type Part struct {
	Name string // a file-name suffix: 情况说明, 附件1, 附件2 …
	Doc  *layout.Document
}

// explainers compose the explanatory document of a set; attachments are
// the titles of the attachments that follow it.
var explainers = map[budget.Document]func(b *budget.Budget, attachments []string) *layout.Document{
	budget.SeedExplanation:     Explain,
	budget.StandardExplanation: ExplainStandard,
}

// attachers compose the attachments a document stands for: one table, or
// one per performance form.
var attachers = map[budget.Document]func(b *budget.Budget) []*layout.Table{
	budget.ProjectTableDoc:  func(b *budget.Budget) []*layout.Table { return []*layout.Table{Projects(b)} },
	budget.PerformanceForms: forms,
}

func init() {
	for _, d := range budget.StandardTables {
		attachers[d] = func(b *budget.Budget) []*layout.Table { return []*layout.Table{StandardTable(b, d)} }
	}
}

func forms(b *budget.Budget) []*layout.Table {
	var tables []*layout.Table
	for i := range b.Forms {
		tables = append(tables, Performance(b, i))
	}
	return tables
}

// Attachments are the disclosure's attachments in the order its document
// set lists them: for the seed's set the project table, then one
// performance form per project.
func Attachments(b *budget.Budget) []*layout.Table {
	var tables []*layout.Table
	for _, d := range b.Documents.Documents() {
		if attach, ok := attachers[d]; ok {
			tables = append(tables, attach(b)...)
		}
	}
	return tables
}

// explainer is the set's explanatory document composer.
func explainer(b *budget.Budget) func(*budget.Budget, []string) *layout.Document {
	for _, d := range b.Documents.Documents() {
		if e, ok := explainers[d]; ok {
			return e
		}
	}
	return Explain
}

// attachmentTitles are the attachments' entries in the list and the TOC:
// a performance form's title, the same for every form, is followed by the
// form's name.
func attachmentTitles(b *budget.Budget, tables []*layout.Table) []string {
	titles := make([]string, len(tables))
	for i, t := range tables {
		titles[i] = t.Title.S
		if t.Title.S == FormTitle(b) {
			titles[i] = fmt.Sprintf("%s（%s）", t.Title.S, t.Name)
		}
	}
	return titles
}

// Disclosure is the whole disclosure as one document: the explanatory
// document followed by its attachments, 附件1 … 附件N, page numbers running
// on.
func Disclosure(b *budget.Budget) *layout.Document {
	tables := Attachments(b)
	titles := attachmentTitles(b, tables)
	doc := explainer(b)(b, titles)
	for i, t := range tables {
		doc.Add(attachment(t, i+1, titles[i])...)
	}
	return doc
}

// attachment is the blocks of one attachment: its heading and its table.
func attachment(t *layout.Table, n int, title string) []layout.Block {
	return []layout.Block{
		&layout.AttachmentHeading{Label: fmt.Sprintf("附件%d", n), Title: layout.Plain(title), Orientation: t.Orientation},
		t,
	}
}

// Parts splits the disclosure into the explanatory document and one
// document per attachment, each numbered from page 1.
func Parts(b *budget.Budget) []Part {
	tables := Attachments(b)
	titles := attachmentTitles(b, tables)
	parts := []Part{{Name: "情况说明", Doc: explainer(b)(b, titles)}}
	for i, t := range tables {
		doc := &layout.Document{Meta: meta(b, titles[i])}
		doc.Add(attachment(t, i+1, titles[i])...)
		parts = append(parts, Part{Name: fmt.Sprintf("附件%d", i+1), Doc: doc})
	}
	return parts
}
