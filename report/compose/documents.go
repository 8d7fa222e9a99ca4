package compose

import (
	"fmt"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// Part is one part of the disclosure, which `build --split` can write as a
// file of its own.
type Part struct {
	Name string // a file-name suffix: 情况说明, 附件1, 附件2 …
	Doc  *layout.Document
}

// attachers compose the attachments a document stands for: one table, or
// one per performance form.
var attachers = map[string]func(b *budget.Budget, p *profile.Profile) []attached{
	profile.DocProjectTable: func(b *budget.Budget, p *profile.Profile) []attached {
		t := Projects(b, p)
		return []attached{{t, t.Title}}
	},
	profile.DocForms: func(b *budget.Budget, p *profile.Profile) []attached {
		var list []attached
		for i := range b.Forms {
			t := Performance(b, p, i)
			title := t.Title
			title.S = fmt.Sprintf("%s（%s）", t.Title.S, t.Name)
			list = append(list, attached{t, title})
		}
		return list
	},
}

func init() {
	for _, d := range budget.StandardTables {
		attachers[string(d)] = func(b *budget.Budget, p *profile.Profile) []attached {
			t := StandardTable(b, d)
			if text, ok := p.Tables.Text(string(d)); ok {
				reword(t, text, src{b, p})
			}
			return []attached{{t, t.Title}}
		}
	}
}

// attached is an attachment's table and its entry in the list and the TOC.
type attached struct {
	table *layout.Table
	title layout.Text
}

// attachments are the disclosure's attachments in the profile's order;
// a performance form's title names its project.
func attachments(b *budget.Budget, p *profile.Profile) []attached {
	var list []attached
	for _, d := range documentsOf(b, p) {
		if attach, ok := attachers[d]; ok {
			list = append(list, attach(b, p)...)
		}
	}
	return list
}

// documentsOf is the profile's documents, with the project table before
// the forms when the budget asks for it (documents.project_table).
func documentsOf(b *budget.Budget, p *profile.Profile) []string {
	if !b.Documents.ProjectTable || p.Has(profile.DocProjectTable) {
		return p.Documents
	}
	var docs []string
	added := false
	for _, d := range p.Documents {
		if d == profile.DocForms && !added {
			docs, added = append(docs, profile.DocProjectTable), true
		}
		docs = append(docs, d)
	}
	if !added {
		docs = append(docs, profile.DocProjectTable)
	}
	return docs
}

func titlesOf(list []attached) []layout.Text {
	titles := make([]layout.Text, len(list))
	for i, a := range list {
		titles[i] = a.title
	}
	return titles
}

// Disclosure is the whole disclosure as one document: the explanatory
// document followed by its attachments, 附件1 … 附件N, page numbers running
// on.
func Disclosure(b *budget.Budget, p *profile.Profile) *layout.Document {
	list := attachments(b, p)
	doc := Explain(b, p, titlesOf(list))
	for i, a := range list {
		doc.Add(attachment(a.table, i+1, a.title)...)
	}
	return doc
}

// attachment is the blocks of one attachment: its heading and its table.
func attachment(t *layout.Table, n int, title layout.Text) []layout.Block {
	return []layout.Block{
		&layout.AttachmentHeading{Label: fmt.Sprintf("附件%d", n), Title: layout.Text{S: title.S, Seams: title.Seams}, Orientation: t.Orientation},
		t,
	}
}

// Parts splits the disclosure into the explanatory document and one
// document per attachment, each numbered from page 1.
func Parts(b *budget.Budget, p *profile.Profile) []Part {
	list := attachments(b, p)
	parts := []Part{{Name: "情况说明", Doc: Explain(b, p, titlesOf(list))}}
	for i, a := range list {
		doc := &layout.Document{Meta: meta(src{b, p}, a.title.S)}
		doc.Add(attachment(a.table, i+1, a.title)...)
		parts = append(parts, Part{Name: fmt.Sprintf("附件%d", i+1), Doc: doc})
	}
	return parts
}

// reword gives a standard table the profile's title, sheet name and note
// for an empty table, where the profile has them.
func reword(t *layout.Table, text profile.TableText, c src) {
	if text.Title != "" {
		t.Title = c.fill(text.Title)
	}
	if text.Name != "" {
		t.Name = c.p.Fill(text.Name, c.b)
	}
	if text.Empty == "" || len(t.Rows) == 0 {
		return
	}
	// An empty table's note is its last row, one cell across the table.
	last := &t.Rows[len(t.Rows)-1]
	if len(last.Cells) == 1 && !last.Cells[0].Header && last.Cells[0].Number == nil {
		if _, cols := last.Cells[0].Span(); cols == len(t.Columns) {
			last.Cells[0].Text = c.fill(text.Empty)
		}
	}
}
