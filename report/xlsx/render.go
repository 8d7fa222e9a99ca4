// Package xlsx renders the tables of a layout.Document into an XLSX
// workbook, one sheet per table: the title and unit rows merged across,
// header rows, merges from the resolved grid, thin borders, wrapped and
// vertically centred text, amounts as numbers with their formats, sums as
// formulas with cached values, and print setup (A4, orientation, fit to one
// page wide, repeated header rows, page numbers in the footer).
package xlsx

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"budgetdoc/report/layout"
)

// Options are the workbook's fonts; the zero value uses 宋体 for cells and
// 黑体 for headings, which Chinese Office and WPS have.
type Options struct {
	CellFont, HeaderFont string
	Size                 float64 // cell text size in points; 0 means 11
}

func (o Options) withDefaults() Options {
	if o.CellFont == "" {
		o.CellFont = "宋体"
	}
	if o.HeaderFont == "" {
		o.HeaderFont = "黑体"
	}
	if o.Size == 0 {
		o.Size = 11
	}
	return o
}

// Render returns the workbook of doc's tables. Other blocks have no place
// in a workbook and are passed over.
func Render(doc *layout.Document, opts Options) ([]byte, error) {
	w := &workbook{f: excelize.NewFile(), opts: opts.withDefaults(), styles: make(map[styleKey]int), names: make(map[string]bool)}
	defer w.f.Close()
	for _, b := range doc.Blocks {
		if err := w.block(b); err != nil {
			return nil, err
		}
	}
	if len(w.names) == 0 {
		return nil, fmt.Errorf("xlsx: the document has no table")
	}
	w.f.SetDocProps(&excelize.DocProperties{
		Title: layout.PlainText(doc.Meta.Title), Creator: doc.Meta.Author, Subject: layout.PlainText(doc.Meta.Subject),
		Keywords: doc.Meta.Keywords, Language: doc.Meta.Lang,
		Created:  doc.Meta.Date.UTC().Format("2006-01-02T15:04:05Z"),
		Modified: doc.Meta.Date.UTC().Format("2006-01-02T15:04:05Z"),
	})
	w.f.SetZipWriter(newSortedZip)
	// Room for a department's workbook (the 2024 example's is 43 KB): a
	// bytes.Buffer grown from nothing clears twice what it holds, and room
	// never written is never touched.
	buf := bytes.NewBuffer(make([]byte, 0, 256<<10))
	if err := w.f.Write(buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// block is the one dispatch over the closed set of block kinds.
func (w *workbook) block(b layout.Block) error {
	switch b := b.(type) {
	case *layout.Table:
		return w.renderTable(b)
	case *layout.AttachmentHeading:
		w.label = b.Label // printed above the next table's title, as in the PDF
		return nil
	case *layout.Heading, *layout.Paragraph, *layout.TOC, *layout.Spacer,
		*layout.PageBreak, *layout.Signature:
		return nil // running text is the PDF's; the workbook holds the tables
	default:
		return fmt.Errorf("xlsx: unhandled block %T", b)
	}
}

// workbook is a file being written.
type workbook struct {
	f      *excelize.File
	opts   Options
	styles map[styleKey]int
	names  map[string]bool
	label  string // the attachment label (附件1) of the table to come
}
