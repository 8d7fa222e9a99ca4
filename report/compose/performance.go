package compose

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// Performance composes forms[i] in the profile's template: the two-sided
// 项目绩效目标申报表 or the one-sided 财政项目支出绩效目标填报表.
func Performance(b *budget.Budget, p *profile.Profile, i int) *layout.Table {
	if p.Forms.Template == profile.OneSided {
		return oneSidedForm(b, p, i)
	}
	return twoSidedForm(b, p, i)
}

// formUnit is the unit named on forms[i] (实施单位 / 单位名称) and the field
// it comes from: the form's own, else the budget's unit.
func formUnit(b *budget.Budget, i int) (string, string) {
	if u := b.Forms[i].Unit; u != "" {
		return u, fmt.Sprintf("forms[%d].unit", i)
	}
	return b.Unit.Name, "unit.name"
}

// twoSidedForm composes the performance-goal form (项目绩效目标申报表) of
// forms[i]: the fixed head (project, units, funds in 万元, goals) and the
// indicator block, the period tree on the left and the annual tree on the
// right sharing the 一级指标 column.
func twoSidedForm(b *budget.Budget, p *profile.Profile, i int) *layout.Table {
	c := src{b, p}
	f := b.Forms[i]
	path := fmt.Sprintf("forms[%d]", i)
	unit, unitPath := formUnit(b, i)
	acct, acctPath := f.AccountingUnit, path+".accounting_unit"
	if acct == "" {
		acct, acctPath = b.Unit.AccountingUnit, "unit.accounting_unit"
	}
	if acct == "" {
		acct, acctPath = b.Unit.Name, "unit.name"
	}
	label := func(s string, rows, cols int) layout.Cell { return layout.HeaderCell(s, rows, cols) }
	text := func(t layout.Text, cols int) layout.Cell {
		return layout.Cell{Text: t, ColSpan: cols, Align: layout.Left}
	}
	plain := func(s string, cols int) layout.Cell {
		return layout.Cell{Text: layout.Plain(s), ColSpan: cols, Align: layout.Left}
	}
	t := &layout.Table{
		Name:        f.Name,
		Title:       c.fill(p.Forms.Title),
		Size:        10.5,
		Orientation: layout.Portrait,
		Columns: []layout.Column{{Width: 2.5}, {Width: 5}, {Width: 5}, {Width: 7.5}, {Width: 5},
			{Width: 5}, {Width: 7.5}, {Width: 5}},
		HeaderRows: 8,
		Repeat:     layout.RowRange{FirstRow: 7, LastRow: 7},
		Rows: []layout.Row{
			{Cells: []layout.Cell{label("项目名称", 1, 2), text(withName(c.text(f.Name, path+".name"), b.Unit.Name), 6)}},
			{Cells: []layout.Cell{label("单位名称", 1, 2), text(c.name(unit, unitPath), 2),
				headCell(phrased("财务核算依托|单位名称"), 1, 2), text(c.name(acct, acctPath), 2)}},
			{Cells: []layout.Cell{label("项目资金（万元）", 3, 2),
				plain("实施期资金总额：", 2), wan(f.Period.Total, c, path+".period.total"),
				plain("年度资金总额：", 2), wan(f.Annual.Total, c, path+".annual.total")}},
			{Cells: []layout.Cell{plain("其中：财政拨款", 2), wan(f.Period.Fiscal, c, path+".period.fiscal"),
				plain("其中：财政拨款", 2), wan(f.Annual.Fiscal, c, path+".annual.fiscal")}},
			{Cells: []layout.Cell{plain("其他资金", 2), optionalWan(f.Period.Other, c, path+".period.other"),
				plain("其他资金", 2), optionalWan(f.Annual.Other, c, path+".annual.other")}},
			{Cells: []layout.Cell{label("绩效目标", 2, 2), label("实施期目标", 1, 3), label("年度目标", 1, 3)}},
			{Cells: []layout.Cell{text(goals(f.Period.Goals, c, path+".period.goals"), 3),
				text(goals(f.Annual.Goals, c, path+".annual.goals"), 3)}},
		},
	}
	indicators := indicatorRows(f.Indicators, c, path+".indicators")
	t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
		label("绩效指标", 1+len(indicators), 1), label("一级指标", 1, 1),
		label("二级指标", 1, 1), label("三级指标", 1, 1), label("指标值", 1, 1),
		label("二级指标", 1, 1), label("三级指标", 1, 1), label("指标值", 1, 1),
	}})
	t.Rows = append(t.Rows, indicators...)
	return t
}

// wan is an amount in 万元: 3000万元.
func wan(d decimal.Decimal, c src, path string) layout.Cell {
	return layout.Cell{
		Text:   c.text(d.String()+"万元", path),
		Align:  layout.Right,
		Number: &layout.Number{Value: d.String(), Format: `General"万元"`},
	}
}

// optionalWan is wan, or a blank cell for an amount left out.
func optionalWan(d decimal.NullDecimal, c src, path string) layout.Cell {
	if !d.Valid {
		return layout.Cell{Align: layout.Right}
	}
	return wan(d.Decimal, c, path)
}

// goals prints a form's goals one per line, numbered when there are several.
func goals(gs []string, c src, path string) layout.Text {
	if len(gs) == 1 {
		return c.text(gs[0], path+"[0]")
	}
	lines := make([]string, len(gs))
	for i, g := range gs {
		lines[i] = fmt.Sprintf("%d. %s", i+1, g)
	}
	return c.text(strings.Join(lines, "\n"), path)
}

// indicatorRows lays out the two indicator trees side by side. Each 一级指标
// takes the rows its groups need; a 二级指标 that both sides have starts on
// the same row on both, and where one side has fewer rows its last cells
// extend down, so no empty cell stands beside the other side's rows.
func indicatorRows(ind budget.Indicators, c src, path string) []layout.Row {
	var names []string
	seen := make(map[string]bool)
	for _, tree := range [][]budget.Level1{ind.Period, ind.Annual} {
		for _, l1 := range tree {
			if !seen[l1.Name] {
				seen[l1.Name] = true
				names = append(names, l1.Name)
			}
		}
	}
	var rows []layout.Row
	for _, name := range names {
		period := groupsOf(ind.Period, name, path+".period")
		annual := groupsOf(ind.Annual, name, path+".annual")
		pairs := alignGroups(period, annual)
		n := 0
		for _, p := range pairs {
			n += p.rows()
		}
		n = max(n, 1)
		grid := newCellGrid(n, 7)
		first := layout.TextCell(worded(c.text(name, firstPath(period, annual))), layout.Center)
		first.RowSpan = n
		grid.place(0, 0, first)
		fillSide(grid, 1, segments(pairs, func(p groupPair) *group { return p.period }), c)
		fillSide(grid, 4, segments(pairs, func(p groupPair) *group { return p.annual }), c)
		rows = append(rows, grid.rows()...)
	}
	return rows
}

// groupPair is a row band of the indicator block: a 二级指标 of each side
// that line up, or of one side only.
type groupPair struct{ period, annual *group }

func (p groupPair) rows() int {
	n := 1
	for _, g := range []*group{p.period, p.annual} {
		if g != nil {
			n = max(n, len(g.Items))
		}
	}
	return n
}

// alignGroups pairs the two sides' groups in order, matching groups of the
// same name; a group whose name the other side has further on waits for
// it, and groups of different names share a band.
func alignGroups(period, annual []group) []groupPair {
	later := func(gs []group, name string) bool {
		for _, g := range gs {
			if g.Name == name {
				return true
			}
		}
		return false
	}
	var pairs []groupPair
	i, j := 0, 0
	for i < len(period) || j < len(annual) {
		switch {
		case i == len(period):
			pairs = append(pairs, groupPair{annual: &annual[j]})
			j++
		case j == len(annual):
			pairs = append(pairs, groupPair{period: &period[i]})
			i++
		case period[i].Name == annual[j].Name:
			pairs = append(pairs, groupPair{&period[i], &annual[j]})
			i, j = i+1, j+1
		case later(annual[j+1:], period[i].Name):
			pairs = append(pairs, groupPair{annual: &annual[j]})
			j++
		case later(period[i+1:], annual[j].Name):
			pairs = append(pairs, groupPair{period: &period[i]})
			i++
		default:
			pairs = append(pairs, groupPair{&period[i], &annual[j]})
			i, j = i+1, j+1
		}
	}
	return pairs
}

// segment is a group placed on one side: from row, over rows.
type segment struct {
	g         *group
	row, rows int
}

// segments places one side's groups on the bands: a band the side has no
// group in goes to the group above (or, at the top, the one below).
func segments(pairs []groupPair, side func(groupPair) *group) []segment {
	var segs []segment
	row, top := 0, 0
	for _, p := range pairs {
		h := p.rows()
		switch g := side(p); {
		case g != nil:
			segs = append(segs, segment{g, row - top, h + top})
			top = 0
		case len(segs) > 0:
			segs[len(segs)-1].rows += h
		default:
			top += h
		}
		row += h
	}
	return segs
}

// group is a 二级指标 with the field path it was read at.
type group struct {
	budget.Level2
	path string
}

// groupsOf collects the groups under the 一级指标 name in one tree.
func groupsOf(tree []budget.Level1, name, path string) []group {
	var gs []group
	for i, l1 := range tree {
		if l1.Name != name {
			continue
		}
		for j, g := range l1.Groups {
			gs = append(gs, group{g, fmt.Sprintf("%s[%d].groups[%d]", path, i, j)})
		}
	}
	return gs
}

func firstPath(sides ...[]group) string {
	for _, gs := range sides {
		if len(gs) > 0 {
			p := gs[0].path
			return p[:strings.LastIndex(p, ".groups")] + ".name"
		}
	}
	return ""
}

// fillSide places one side's groups from column col: 二级指标, 三级指标,
// 指标值, the last item of a group extending over the group's spare rows.
// A side with no group under this 一级指标 is one blank cell.
func fillSide(grid *cellGrid, col int, segs []segment, c src) {
	if len(segs) == 0 {
		grid.place(0, col, layout.Cell{RowSpan: grid.n, ColSpan: 3})
		return
	}
	for _, s := range segs {
		cell := layout.TextCell(worded(c.text(s.g.Name, s.g.path+".name")), layout.Center)
		cell.RowSpan = s.rows
		grid.place(s.row, col, cell)
		if len(s.g.Items) == 0 {
			grid.place(s.row, col+1, layout.Cell{RowSpan: s.rows, ColSpan: 2})
			continue
		}
		for k, it := range s.g.Items {
			ip := fmt.Sprintf("%s.items[%d]", s.g.path, k)
			span := 1
			if k == len(s.g.Items)-1 {
				span = s.rows - k
			}
			name := layout.TextCell(worded(c.text(it.Name, ip+".name")), layout.Left)
			value := layout.TextCell(worded(c.text(it.Value, ip+".value")), layout.Center)
			name.RowSpan, value.RowSpan = span, span
			grid.place(s.row+k, col+1, name)
			grid.place(s.row+k, col+2, value)
		}
	}
}

// cellGrid collects cells by position and emits them as rows, leaving out
// positions that a span covers.
type cellGrid struct {
	n, cols int
	cells   map[[2]int]layout.Cell
	covered map[[2]int]bool
}

func newCellGrid(rows, cols int) *cellGrid {
	return &cellGrid{n: rows, cols: cols, cells: make(map[[2]int]layout.Cell), covered: make(map[[2]int]bool)}
}

func (g *cellGrid) place(r, col int, cell layout.Cell) {
	g.cells[[2]int{r, col}] = cell
	rs, cs := cell.Span()
	for dr := 0; dr < rs; dr++ {
		for dc := 0; dc < cs; dc++ {
			if dr > 0 || dc > 0 {
				g.covered[[2]int{r + dr, col + dc}] = true
			}
		}
	}
}

func (g *cellGrid) rows() []layout.Row {
	rows := make([]layout.Row, g.n)
	for r := 0; r < g.n; r++ {
		for col := 0; col < g.cols; col++ {
			if cell, ok := g.cells[[2]int{r, col}]; ok {
				rows[r].Cells = append(rows[r].Cells, cell)
			} else if !g.covered[[2]int{r, col}] {
				rows[r].Cells = append(rows[r].Cells, layout.Cell{})
			}
		}
	}
	return rows
}
