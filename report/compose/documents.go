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

// Attachments are the disclosure's attachments: the project table, then
// one performance form per project.
func Attachments(b *budget.Budget) []*layout.Table {
	tables := []*layout.Table{Projects(b)}
	for i := range b.Forms {
		tables = append(tables, Performance(b, i))
	}
	return tables
}

// attachmentTitle is an attachment's entry in the list and the TOC.
func attachmentTitle(t *layout.Table, i int) string {
	if i == 0 {
		return t.Title.S
	}
	return fmt.Sprintf("%s（%s）", t.Title.S, t.Name)
}

// Disclosure is the whole disclosure as one document: the explanatory
// document followed by its attachments, 附件1 … 附件N, page numbers running
// on.
func Disclosure(b *budget.Budget) *layout.Document {
	tables := Attachments(b)
	titles := make([]string, len(tables))
	for i, t := range tables {
		titles[i] = attachmentTitle(t, i)
	}
	doc := Explain(b, titles)
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
	titles := make([]string, len(tables))
	for i, t := range tables {
		titles[i] = attachmentTitle(t, i)
	}
	parts := []Part{{Name: "情况说明", Doc: Explain(b, titles)}}
	for i, t := range tables {
		doc := &layout.Document{Meta: meta(b, titles[i])}
		doc.Add(attachment(t, i+1, titles[i])...)
		parts = append(parts, Part{Name: fmt.Sprintf("附件%d", i+1), Doc: doc})
	}
	return parts
}
