package compose

import (
	"time"

	"github.com/shopspring/decimal"

	"budgetdoc/report/layout"
	"budgetdoc/report/money"
	"budgetdoc/report/revision"
)

// Revision composes the revision table (修订对照表) of two budget versions:
// one row per change, named where the documents have it, with changed words
// marked, then the totals before and after, kept on one page. unit is the
// table's unit line; date is the new version's document date.
func Revision(r *revision.Revision, title, unit string, date time.Time) *layout.Document {
	doc := &layout.Document{Meta: layout.Meta{Title: title, Subject: "修订对照表", Lang: "zh-CN", Date: date}}
	const oldCol, newCol = 4, 5
	changes := &layout.Table{
		Name: "修订对照表", Title: layout.Plain(title), Unit: unit, Size: 10.5,
		Orientation: layout.Landscape, HeaderRows: 1,
		Columns: []layout.Column{{Width: 3}, {Width: 4}, {Width: 13}, {Width: 8}, {Width: 11}, {Width: 11}, {Width: 6}},
		Rows: []layout.Row{{Cells: []layout.Cell{
			layout.HeaderCell("变动", 1, 1), layout.HeaderCell("类别", 1, 1), layout.HeaderCell("位置", 1, 1),
			layout.HeaderCell("数据文件", 1, 1), layout.HeaderCell("原值", 1, 1), layout.HeaderCell("新值", 1, 1), layout.HeaderCell("差额", 1, 1),
		}}},
	}
	for _, ch := range r.Changes {
		old, new := valueCell(ch.Old, ch.IsAmount()), valueCell(ch.New, ch.IsAmount())
		if ch.Kind == revision.Changed && !ch.IsAmount() {
			// Texts show the changed words in context, marked.
			o, n := revision.Marked(ch.Old, ch.New)
			old, new = layout.MarkedCell(runs(o, layout.Deleted)), layout.MarkedCell(runs(n, layout.Inserted))
		}
		diff := layout.Cell{Align: layout.Right}
		if ch.IsAmount() {
			diff = deltaCell(*ch.Delta)
			if ch.Kind == revision.Changed {
				diff.Number.Difference = &layout.Difference{New: newCol, Old: oldCol}
			}
		}
		changes.Rows = append(changes.Rows, layout.Row{Cells: []layout.Cell{
			layout.TextCell(layout.Plain(ch.Kind.Chinese()), layout.Center),
			layout.TextCell(layout.Plain(ch.Section), layout.Center),
			layout.TextCell(layout.Plain(ch.Label), layout.Left),
			layout.TextCell(layout.Plain(ch.Lines()), layout.Left),
			old, new, diff,
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
		diff := deltaCell(t.Delta)
		diff.Number.Difference = &layout.Difference{New: 2, Old: 1}
		totals.Rows = append(totals.Rows, layout.Row{Cells: []layout.Cell{
			layout.TextCell(layout.Plain(t.Name), layout.Left),
			valueCell(t.Old.String(), true), valueCell(t.New.String(), true), diff,
		}})
	}
	doc.Add(&layout.PageBreak{Orientation: layout.Landscape}, changes, &layout.Spacer{Lines: 1}, totals)
	return doc
}

// runs marks the changed pieces of one side of a compared text.
func runs(pieces []revision.Piece, mark layout.Mark) []layout.Run {
	out := make([]layout.Run, len(pieces))
	for i, p := range pieces {
		out[i] = layout.Run{S: p.S}
		if p.Changed {
			out[i].Mark = mark
		}
	}
	return out
}

// deltaCell is a signed difference.
func deltaCell(d decimal.Decimal) layout.Cell {
	return layout.Cell{Text: layout.Plain(money.Signed(d, 2)), Align: layout.Right,
		Number: &layout.Number{Value: d.String(), Format: "+#,##0.00;-#,##0.00;0.00"}}
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
