package compose

import (
	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// ThreePublicTable composes table 7, 一般公共预算“三公”经费支出表: this
// year's 三公 budget and, with last year's file, last year's; 合计 = 因公
// 出国（境）费 + 公务用车购置及运行费 + 公务接待费, the vehicle 小计 =
// 购置费 + 运行费.
func ThreePublicTable(b *budget.Budget) *layout.Table {
	u := unitOf(b)
	t := &layout.Table{
		Name: "“三公”经费支出表", Title: standardTitle(b, "一般公共预算“三公”经费支出表"), Unit: "单位：" + u.name(),
		Size: 10.5, HeaderRows: 2,
		Columns: []layout.Column{{Width: 6}, {Width: 6.5}, {Width: 6.5}, {Width: 6.5}, {Width: 6.5}, {Width: 6.5}, {Width: 6.5}},
		Rows: []layout.Row{
			{Cells: []layout.Cell{
				layout.HeaderCell("项目", 2, 1), layout.HeaderCell("合计", 2, 1), layout.HeaderCell("因公出国（境）费", 2, 1),
				layout.HeaderCell("公务用车购置及运行费", 1, 3), layout.HeaderCell("公务接待费", 2, 1),
			}},
			{Cells: []layout.Cell{layout.HeaderCell("小计", 1, 1), layout.HeaderCell("购置费", 1, 1), layout.HeaderCell("运行费", 1, 1)}},
		},
	}
	line := func(name string, tp budget.ThreePublic) {
		r := len(t.Rows)
		ref := func(c int) layout.CellRef { return layout.CellRef{Row: r, Col: c} }
		t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
			label(name, layout.Center),
			amount(u.round(tp.Total()), []layout.CellRef{ref(2), ref(3), ref(6)}),
			amount(u.round(tp.OverseasTravel), nil),
			amount(u.round(tp.VehiclePurchase.Add(tp.VehicleOperation)), []layout.CellRef{ref(4), ref(5)}),
			amount(u.round(tp.VehiclePurchase), nil),
			amount(u.round(tp.VehicleOperation), nil),
			amount(u.round(tp.Reception), nil),
		}})
	}
	line(itoa(b.Year)+"年预算", b.ThreePublicFigures())
	if b.Previous != nil {
		line(itoa(b.Previous.Year)+"年预算", b.Previous.ThreePublicFigures())
	}
	return t
}
