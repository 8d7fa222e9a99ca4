package report_test

import (
	"testing"
	"time"

	"budgetdoc/report/layout"
	"budgetdoc/report/pdf"
	"budgetdoc/report/xlsx"
)

// One block of every kind goes through every backend: a new kind fails
// here until both renderers handle it.
func TestEveryBlockKindRenders(t *testing.T) {
	table := &layout.Table{
		Name: "表", Title: layout.Plain("表题"), Unit: "单位：元", Columns: []layout.Column{{Width: 4}, {Width: 6}}, HeaderRows: 1,
		Rows: []layout.Row{
			{Cells: []layout.Cell{layout.HeaderCell("名称", 1, 1), layout.HeaderCell("金额", 1, 1)}},
			{Cells: []layout.Cell{layout.TextCell(layout.Plain("甲"), layout.Left), {Text: layout.Plain("1,000"), Align: layout.Right, Number: &layout.Number{Value: "1000", Format: "#,##0"}}}},
		},
	}
	doc := &layout.Document{Meta: layout.Meta{Title: "测试", Lang: "zh-CN", Date: time.Date(2021, 3, 17, 0, 0, 0, 0, time.UTC)}}
	doc.Add(
		&layout.Paragraph{Text: layout.Plain("标题"), Style: layout.Style{Font: layout.FontTitle, Size: 22, Align: layout.Center}},
		&layout.TOC{},
		&layout.Spacer{Lines: 1},
		&layout.PageBreak{},
		&layout.Heading{Level: 0, Text: layout.Plain("第一部分　概况"), TOC: true},
		&layout.Paragraph{Text: layout.Plain("正文。"), Style: layout.Style{Font: layout.FontBody, Indent: 2}},
		&layout.Signature{Name: layout.Plain("某单位"), Date: layout.Plain("2021年3月17日")},
		&layout.AttachmentHeading{Label: "附件1", Title: layout.Plain("表题"), Orientation: layout.Landscape},
		table,
	)
	if _, err := pdf.Render(doc, pdf.Options{}); err != nil {
		t.Errorf("pdf: %v", err)
	}
	if _, err := xlsx.Render(doc, xlsx.Options{}); err != nil {
		t.Errorf("xlsx: %v", err)
	}
}
