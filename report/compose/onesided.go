package compose

import (
	"fmt"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/money"
	"budgetdoc/report/profile"
)

// oneSidedForm composes the one-sided performance form (财政项目支出绩效目标填报表)
// of forms[i]: the head (project, departments, nature, dates, funds in 元,
// the two goals) and one indicator tree 一级 → 二级 → 三级 → 指标值, the 一级
// cell merged over its rows. On a page break the indicator header repeats
// and the PDF prints merged labels again.
func oneSidedForm(b *budget.Budget, p *profile.Profile, i int) *layout.Table {
	c := src{b, p}
	f := b.Forms[i]
	path := fmt.Sprintf("forms[%d]", i)
	unit, unitPath := formUnit(b, i)
	dept, deptPath := f.Department, path+".department"
	if dept == "" {
		dept, deptPath = b.Unit.Name, "unit.name"
		if b.Unit.Code != "" {
			dept += "（" + b.Unit.Code + "）"
		}
	}
	label := func(s string, rows, cols int) layout.Cell { return layout.HeaderCell(s, rows, cols) }
	value := func(t layout.Text, cols int) layout.Cell {
		return layout.Cell{Text: t, ColSpan: cols, Align: layout.Left}
	}
	field := func(s, p string) layout.Text { return c.text(s, path+"."+p) }
	date := func(d budget.Date, p string) layout.Text {
		if d.IsZero() {
			return layout.Plain("")
		}
		return field(d.Chinese(), p)
	}
	yuan := func(d decimal.Decimal, p string) layout.Cell {
		return layout.Cell{Text: field(money.Format(d, 2), p), ColSpan: 2, Align: layout.Right,
			Number: &layout.Number{Value: d.String(), Format: "#,##0.00"}}
	}
	t := &layout.Table{
		Name:  f.Name,
		Title: c.fill(p.Forms.Title),
		Unit:  "金额单位：元",
		// 10 pt, half a point under 五号: the 43-row example form fits two pages.
		Size:        10,
		Orientation: layout.Portrait,
		// Five columns: the labels (绩效指标 over the indicators), then 一级,
		// 二级, 三级 and 指标值; the head's label and value pairs share them.
		// The PDF sizes them from their content.
		Columns: []layout.Column{{Width: 6}, {Width: 5}, {Width: 6}, {Width: 12}, {Width: 9}},
		Rows: []layout.Row{
			{Cells: []layout.Cell{label("项目名称", 1, 1), value(withName(field(f.Name, "name"), b.Unit.Name), 4)}},
			{Cells: []layout.Cell{label("主管部门\n（及代码）", 1, 1), value(c.name(dept, deptPath), 2),
				label("实施单位", 1, 1), value(c.name(unit, unitPath), 1)}},
			{Cells: []layout.Cell{label("项目性质", 1, 1), value(field(f.Nature, "nature"), 2),
				label("项目类别", 1, 1), value(field(f.Kind, "kind"), 1)}},
			{Cells: []layout.Cell{label("计划开始日期", 1, 1), value(date(f.Start, "start"), 2),
				label("计划完成日期", 1, 1), value(date(f.End, "end"), 1)}},
			{Cells: []layout.Cell{label("项目资金\n（元）", 4, 1), label("年度资金总额", 1, 2), yuan(f.Funds.Total, "funds.total")}},
			{Cells: []layout.Cell{label("其中：财政拨款", 1, 2), yuan(f.Funds.Fiscal, "funds.fiscal")}},
			{Cells: []layout.Cell{label("上年结转", 1, 2), yuan(f.Funds.Carryover, "funds.carryover")}},
			{Cells: []layout.Cell{label("其他资金", 1, 2), yuan(f.Funds.Other, "funds.other")}},
			{Cells: []layout.Cell{label("项目总\n目标", 1, 1), value(goals(f.Goal, c, path+".goal"), 4)}},
			{Cells: []layout.Cell{label("年度总体\n目标", 1, 1), value(goals(f.AnnualGoal, c, path+".annual_goal"), 4)}},
		},
	}
	indicators := targetRows(f.Targets, c, path+".targets")
	header := len(t.Rows)
	t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
		label("绩效指标", 1+len(indicators), 1), label("一级指标", 1, 1),
		label("二级指标", 1, 1), label("三级指标", 1, 1), label("指标值", 1, 1),
	}})
	t.HeaderRows = header + 1
	t.Repeat = layout.RowRange{FirstRow: header, LastRow: header}
	t.Rows = append(t.Rows, indicators...)
	return t
}

// targetRows lays out the indicator tree: 一级 merged over its rows, 二级
// over its items, then 三级 and 指标值 as written.
func targetRows(tree []budget.Level1, c src, path string) []layout.Row {
	var rows []layout.Row
	for i, l1 := range tree {
		lp := fmt.Sprintf("%s[%d]", path, i)
		n := 0
		for _, g := range l1.Groups {
			n += max(1, len(g.Items))
		}
		grid := newCellGrid(max(n, 1), 4)
		first := layout.TextCell(worded(c.text(l1.Name, lp+".name")), layout.Center)
		first.RowSpan = max(n, 1)
		grid.place(0, 0, first)
		r := 0
		for j, g := range l1.Groups {
			gp := fmt.Sprintf("%s.groups[%d]", lp, j)
			cell := layout.TextCell(worded(c.text(g.Name, gp+".name")), layout.Center)
			cell.RowSpan = max(1, len(g.Items))
			grid.place(r, 1, cell)
			for k, it := range g.Items {
				ip := fmt.Sprintf("%s.items[%d]", gp, k)
				grid.place(r+k, 2, layout.TextCell(worded(c.text(it.Name, ip+".name")), layout.Left))
				grid.place(r+k, 3, layout.TextCell(worded(c.text(it.Value, ip+".value")), layout.Center))
			}
			if len(g.Items) == 0 {
				grid.place(r, 2, layout.Cell{})
				grid.place(r, 3, layout.Cell{})
			}
			r += max(1, len(g.Items))
		}
		if n == 0 {
			grid.place(0, 1, layout.Cell{})
			grid.place(0, 2, layout.Cell{})
			grid.place(0, 3, layout.Cell{})
		}
		rows = append(rows, grid.rows()...)
	}
	return rows
}
