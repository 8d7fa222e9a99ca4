package compose

import (
	"fmt"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/money"
	"budgetdoc/report/profile"
)

// Projects composes the expenditure project table (部门支出预算项目表): a
// two-row header, one row per project row with the 项目名称 merged over
// consecutive rows of the same name, blank amounts blank, and the 合计 row
// computed from the rows. The profile gives its title, its money unit and
// whether function codes take one column or three (类 | 款 | 项).
func Projects(b *budget.Budget, p *profile.Profile) *layout.Table {
	c := src{b, p}
	pt := p.ProjectTable
	split := pt.Codes == profile.ThreeColumns
	codeCols := 1
	columns := []layout.Column{{Width: 3}, {Width: 5.5}}
	codeHeads := []layout.Cell{layout.HeaderCell("科目编码", 1, 1)}
	if split {
		codeCols = 3
		columns = []layout.Column{{Width: 3}, {Width: 2.5}, {Width: 2}, {Width: 2}}
		codeHeads = []layout.Cell{layout.HeaderCell("类", 1, 1), layout.HeaderCell("款", 1, 1), layout.HeaderCell("项", 1, 1)}
	}
	title := c.fill(pt.Title)
	if profile.Uses(pt.Title, "表头单位") {
		title = markName(c.text(title.S, "unit.name"), b.Unit.Name)
		if b.ProjectTable.TitleUnit != "" {
			title = markName(c.text(title.S, "project_table.title_unit"), b.ProjectTable.TitleUnit)
		}
	}
	t := &layout.Table{
		Name:        p.Wording + "支出预算项目表",
		Title:       title,
		Unit:        pt.Money.UnitLine(),
		Orientation: layout.Landscape,
		Columns:     append(columns, layout.Column{Width: 19}, layout.Column{Width: 6.5}, layout.Column{Width: 9}, layout.Column{Width: 7}, layout.Column{Width: 4}),
		HeaderRows:  2,
		Rows: []layout.Row{
			{Cells: []layout.Cell{
				layout.HeaderCell("序号", 2, 1), layout.HeaderCell("功能分类科目", 1, codeCols+1),
				layout.HeaderCell("预算项目", 1, 2), layout.HeaderCell("金额", 2, 1), layout.HeaderCell("备注", 2, 1),
			}},
			{Cells: append(codeHeads,
				layout.HeaderCell("科目名称", 1, 1),
				layout.HeaderCell("项目名称", 1, 1), layout.HeaderCell("明细项目名称", 1, 1),
			)},
		},
	}
	// One number format for the whole column: cents only when some amount
	// has them in the table's unit.
	var amounts []decimal.Decimal
	for _, r := range b.Rows {
		if r.Amount.Valid {
			amounts = append(amounts, r.Amount.Decimal)
		}
	}
	format := amountFormat{money: pt.Money, places: pt.Money.Places(amounts), excel: "#,##0"}
	if format.places == 2 {
		format.excel = "#,##0.00"
	}
	first := len(t.Rows)
	for i, r := range b.Rows {
		path := fmt.Sprintf("rows[%d]", i)
		cells := []layout.Cell{layout.SerialCell(i + 1)}
		if split {
			for _, part := range splitCode(r.FunctionCode) {
				cells = append(cells, layout.TextCell(c.text(part, path+".function_code"), layout.Center))
			}
		} else {
			cells = append(cells, layout.TextCell(c.text(r.FunctionCode, path+".function_code"), layout.Center))
		}
		cells = append(cells, layout.TextCell(c.text(r.FunctionName, path+".function_name"), layout.Left))
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
	// The total is the sum of the amounts as printed, so that in 万元 it
	// agrees with its rows (profile checks warn where rounding moves it).
	total := decimal.Zero
	for _, a := range amounts {
		total = total.Add(pt.Money.Value(a))
	}
	totalCell := layout.Cell{
		Text: layout.Plain(money.Format(total, format.places)), Align: layout.Right,
		Number: &layout.Number{Value: total.String(), Format: format.excel,
			Sum: &layout.RowRange{FirstRow: first, LastRow: len(t.Rows) - 1}},
	}
	t.Rows = append(t.Rows, layout.Row{Total: true, Cells: []layout.Cell{
		{Text: layout.Plain("合计"), ColSpan: 4 + codeCols, Align: layout.Center, Header: true},
		totalCell,
		layout.TextCell(layout.Plain(""), layout.Left),
	}})
	return t
}

// splitCode is a 7-digit function code as 类, 款 and 项: 201 | 03 | 01.
func splitCode(code string) []string {
	if len(code) != 7 {
		return []string{code, "", ""}
	}
	return []string{code[:3], code[3:5], code[5:]}
}

// amountFormat is how a column of amounts is printed.
type amountFormat struct {
	money  profile.Money
	places int32
	excel  string
}

// cell prints a row's amount in the table's unit with thousands
// separators, or nothing when the row has none.
func (f amountFormat) cell(r budget.Row, origin layout.Origin) layout.Cell {
	if !r.Amount.Valid {
		return layout.Cell{Align: layout.Right}
	}
	d := f.money.Value(r.Amount.Decimal)
	return layout.Cell{
		Text:   layout.Text{S: money.Format(d, f.places), Origin: origin},
		Align:  layout.Right,
		Number: &layout.Number{Value: d.String(), Format: f.excel},
	}
}
