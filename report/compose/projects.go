package compose

import (
	"fmt"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/money"
)

// ProjectTableTitle is the project table's title: the table's unit name,
// the year from the data, 年部门支出预算项目表.
func ProjectTableTitle(b *budget.Budget) string {
	unit := b.ProjectTable.TitleUnit
	if unit == "" {
		unit = b.Unit.Name
	}
	return fmt.Sprintf("%s%d年部门支出预算项目表", unit, b.Year)
}

// Projects composes the expenditure project table (部门支出预算项目表): a
// two-row header, one row per project row with the 项目名称 merged over
// consecutive rows of the same name, blank amounts blank, and the 合计 row
// computed from the rows.
func Projects(b *budget.Budget) *layout.Table {
	c := src{b}
	t := &layout.Table{
		Name:        "部门支出预算项目表",
		Title:       c.text(ProjectTableTitle(b), "project_table.title_unit"),
		Unit:        "单位：元",
		Orientation: layout.Landscape,
		Columns:     []layout.Column{{Width: 3}, {Width: 5.5}, {Width: 19}, {Width: 6.5}, {Width: 9}, {Width: 7}, {Width: 4}},
		HeaderRows:  2,
		Rows: []layout.Row{
			{Cells: []layout.Cell{
				layout.HeaderCell("序号", 2, 1), layout.HeaderCell("功能分类科目", 1, 2),
				layout.HeaderCell("预算项目", 1, 2), layout.HeaderCell("金额", 2, 1), layout.HeaderCell("备注", 2, 1),
			}},
			{Cells: []layout.Cell{
				layout.HeaderCell("科目编码", 1, 1), layout.HeaderCell("科目名称", 1, 1),
				layout.HeaderCell("项目名称", 1, 1), layout.HeaderCell("明细项目名称", 1, 1),
			}},
		},
	}
	// One number format for the whole column: cents only when some amount
	// has them.
	format := amountFormat{places: 0, excel: "#,##0"}
	for _, r := range b.Rows {
		if r.Amount.Valid && !r.Amount.Decimal.IsInteger() {
			format = amountFormat{places: 2, excel: "#,##0.00"}
		}
	}
	first := len(t.Rows)
	for i, r := range b.Rows {
		path := fmt.Sprintf("rows[%d]", i)
		cells := []layout.Cell{
			layout.SerialCell(i + 1),
			layout.TextCell(c.text(r.FunctionCode, path+".function_code"), layout.Center),
			layout.TextCell(c.text(r.FunctionName, path+".function_name"), layout.Left),
		}
		// The 项目名称 cell spans the run of rows that share it.
		if i == 0 || b.Rows[i-1].DisplayItem() != r.DisplayItem() {
			span := 1
			for i+span < len(b.Rows) && b.Rows[i+span].DisplayItem() == r.DisplayItem() {
				span++
			}
			cell := layout.TextCell(c.text(r.DisplayItem(), path+".category"), layout.Center)
			cell.RowSpan = span
			cells = append(cells, cell)
		}
		cells = append(cells,
			layout.TextCell(c.text(r.Detail, path+".detail"), layout.Left),
			format.cell(r, c.text("", path+".amount").Origin),
			layout.TextCell(c.text(r.Note, path+".note"), layout.Left),
		)
		t.Rows = append(t.Rows, layout.Row{Cells: cells})
	}
	total := budget.RowTotal(b.Rows)
	totalCell := layout.Cell{
		Text: layout.Plain(money.Format(total, format.places)), Align: layout.Right,
		Number: &layout.Number{Value: total.String(), Format: format.excel,
			Sum: &layout.RowRange{FirstRow: first, LastRow: len(t.Rows) - 1}},
	}
	t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
		{Text: layout.Plain("合计"), ColSpan: 5, Align: layout.Center, Header: true},
		totalCell,
		layout.TextCell(layout.Plain(""), layout.Left),
	}})
	return t
}

// amountFormat is how a column of amounts is printed.
type amountFormat struct {
	places int32
	excel  string
}

// cell prints a row's amount with thousands separators, or nothing when
// the row has none.
func (f amountFormat) cell(r budget.Row, origin layout.Origin) layout.Cell {
	if !r.Amount.Valid {
		return layout.Cell{Align: layout.Right}
	}
	d := r.Amount.Decimal
	return layout.Cell{
		Text:   layout.Text{S: money.Format(d, f.places), Origin: origin},
		Align:  layout.Right,
		Number: &layout.Number{Value: d.String(), Format: f.excel},
	}
}
