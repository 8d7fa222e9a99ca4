package compose

import (
	"time"

	"github.com/shopspring/decimal"

	"budgetdoc/report/layout"
	"budgetdoc/report/money"
	"budgetdoc/report/revision"
)

// Revision composes the revision table (修订对照表) of two budget versions:
// one row per change, then the totals before and after. date is the new
// version's document date.
func Revision(r *revision.Revision, title string, date time.Time) *layout.Document {
	doc := &layout.Document{Meta: layout.Meta{Title: title, Subject: "修订对照表", Lang: "zh-CN", Date: date}}
	changes := &layout.Table{
		Name: "修订对照表", Title: layout.Plain(title), Unit: "金额单位：元（绩效目标表为万元）", Size: 10.5,
		Orientation: layout.Landscape, HeaderRows: 1,
		Columns: []layout.Column{{Width: 3}, {Width: 4}, {Width: 12}, {Width: 9}, {Width: 11}, {Width: 11}, {Width: 6}},
		Rows: []layout.Row{{Cells: []layout.Cell{
			layout.HeaderCell("变动", 1, 1), layout.HeaderCell("类别", 1, 1), layout.HeaderCell("项目", 1, 1),
			layout.HeaderCell("位置", 1, 1), layout.HeaderCell("原值", 1, 1), layout.HeaderCell("新值", 1, 1), layout.HeaderCell("差额", 1, 1),
		}}},
	}
	for _, ch := range r.Changes {
		old, new := ch.Old, ch.New
		if ch.Kind == revision.Changed && !ch.IsAmount() {
			// Long texts show the changed span in context rather than whole.
			old, new = revision.Sides(ch.Old, ch.New)
		}
		diff := layout.Cell{Align: layout.Right}
		if ch.IsAmount() {
			diff = layout.Cell{Text: layout.Plain(money.Signed(*ch.Delta, 2)), Align: layout.Right,
				Number: &layout.Number{Value: ch.Delta.String(), Format: "+#,##0.00;-#,##0.00;0.00"}}
		}
		changes.Rows = append(changes.Rows, layout.Row{Cells: []layout.Cell{
			layout.TextCell(layout.Plain(ch.Kind.Chinese()), layout.Center),
			layout.TextCell(layout.Plain(ch.Section), layout.Center),
			layout.TextCell(layout.Plain(ch.Label), layout.Left),
			layout.TextCell(layout.Plain(ch.Where()), layout.Left),
			valueCell(old, ch.IsAmount()),
			valueCell(new, ch.IsAmount()),
			diff,
		}})
	}
	totals := &layout.Table{
		Name: "合计对照", Title: layout.Plain("合计对照"), Unit: "单位：元", Size: 10.5,
		Orientation: layout.Landscape, HeaderRows: 1,
		Columns: []layout.Column{{Width: 8}, {Width: 10}, {Width: 10}, {Width: 10}},
		Rows: []layout.Row{{Cells: []layout.Cell{
			layout.HeaderCell("合计", 1, 1), layout.HeaderCell("原", 1, 1), layout.HeaderCell("新", 1, 1), layout.HeaderCell("差额", 1, 1),
		}}},
	}
	for _, t := range r.Totals {
		totals.Rows = append(totals.Rows, layout.Row{Cells: []layout.Cell{
			layout.TextCell(layout.Plain(t.Name), layout.Left),
			valueCell(t.Old.String(), true), valueCell(t.New.String(), true),
			{Text: layout.Plain(money.Signed(t.Delta, 2)), Align: layout.Right,
				Number: &layout.Number{Value: t.Delta.String(), Format: "+#,##0.00;-#,##0.00;0.00"}},
		}})
	}
	doc.Add(&layout.PageBreak{Orientation: layout.Landscape}, changes, &layout.Spacer{Lines: 1}, totals)
	return doc
}

// valueCell is an old or new value: an amount as a number, else text.
func valueCell(s string, amount bool) layout.Cell {
	if !amount || s == "" {
		return layout.TextCell(layout.Plain(s), layout.Left)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return layout.TextCell(layout.Plain(s), layout.Left)
	}
	return layout.Cell{Text: layout.Plain(money.Format(d, 2)), Align: layout.Right,
		Number: &layout.Number{Value: d.String(), Format: "#,##0.00"}}
}
