package compose_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"budgetdoc/internal/synth"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
	"budgetdoc/report/profile"
)

// Over synthetic ledgers, in 元 and in 万元: every 类 and 款 line of every
// code table equals the sum of the lines under it, 合计 the sum of the 类
// lines, every total cell the sum of its terms, and 收入总计 = 支出总计 in
// both two-sided tables. In 元 that holds exactly; in 万元 a line where
// rounding breaks it must be named by a rounding warning.
func TestStandardTablesBalance(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.English)) // warnings are matched by their key's wording
	for _, unit := range []string{budget.Yuan, budget.TenThousandYuan} {
		rounded := 0
		for seed := int64(1); seed <= 30; seed++ {
			b := synth.Budget(synth.Options{Seed: seed, Rows: 20 + int(seed)*4, Forms: 2, Standard: true, MoneyUnit: unit})
			if fs := budget.Check(b); fs.HasErrors() {
				t.Fatalf("seed %d: %v", seed, fs)
			}
			p, err := profile.For(b)
			if err != nil {
				t.Fatal(err)
			}
			doc := compose.Disclosure(b, p)
			warnings := compose.RoundingFindings(b, doc)
			if unit == budget.Yuan && len(warnings) > 0 {
				t.Fatalf("seed %d in 元: rounding warnings %v", seed, warnings)
			}
			rounded += len(warnings)
			warned := func(title, line, column string) bool {
				for _, w := range warnings {
					if strings.Contains(w.Message, title) && strings.Contains(w.Message, fmt.Sprintf("line %q", line)) &&
						strings.Contains(w.Message, fmt.Sprintf("column %q", column)) {
						return true
					}
				}
				return false
			}
			tables := 0
			for _, blk := range doc.Blocks {
				tbl, ok := blk.(*layout.Table)
				if !ok || !strings.Contains(tbl.Title.S, "表") || strings.Contains(tbl.Title.S, "申报表") {
					continue
				}
				tables++
				name := fmt.Sprintf("seed %d %s %s", seed, unit, tbl.Name)
				checkTerms(t, name, tbl, warned)
				if head := tbl.Rows[0].Cells[0].Text.S; head == "科目编码" || head == "经济分类科目编码" {
					checkTree(t, name, tbl, warned)
				}
				if tbl.Name == "部门收支总表" || tbl.Name == "财政拨款收支总表" {
					in, out := findCell(tbl, "收入总计"), findCell(tbl, "支出总计")
					if in == nil || out == nil || in.Value != out.Value {
						t.Errorf("%s: 收入总计 %v ≠ 支出总计 %v", name, in, out)
					}
				}
				if tbl.Name == "部门支出总表" && unit == budget.Yuan {
					if got, want := findCell(tbl, "合计").Value, budget.RowTotal(b.Rows).StringFixed(2); got != want {
						t.Errorf("%s: 合计 %s, the ledger %s", name, got, want)
					}
				}
			}
			if tables != 9 {
				t.Errorf("seed %d: %d standard tables, want 9", seed, tables)
			}
		}
		if unit == budget.TenThousandYuan && rounded == 0 {
			t.Errorf("no rounding warning over 30 ledgers with cents in 万元: the test does not reach the case")
		}
	}
}

// lineOf is a table line's label as warnings name it.
func lineOf(tbl *layout.Table, r int) string {
	var parts []string
	for _, c := range tbl.Rows[r].Cells {
		if c.Number != nil || c.Text.S == "" {
			break
		}
		parts = append(parts, c.Text.S)
	}
	return strings.Join(parts, " ")
}

// checkTerms checks each total cell against the printed cells it sums.
func checkTerms(t *testing.T, name string, tbl *layout.Table, warned func(title, line, column string) bool) {
	g, err := layout.Resolve(tbl)
	if err != nil {
		t.Fatal(err)
	}
	for r := 0; r < g.Rows; r++ {
		for c := 0; c < g.Cols; c++ {
			n := g.Slots[r][c].Cell.Number
			if !g.IsOrigin(r, c) || n == nil || len(n.Terms) == 0 {
				continue
			}
			sum := decimal.Zero
			for _, ref := range n.Terms {
				sum = sum.Add(decimal.RequireFromString(g.Slots[ref.Row][ref.Col].Cell.Number.Value))
			}
			if !sum.Equal(decimal.RequireFromString(n.Value)) && !warned(tbl.Title.S, lineOf(tbl, r), header(tbl, g, c)) {
				t.Errorf("%s row %d col %d: %s ≠ the sum of its terms %s, and no warning", name, r, c, n.Value, sum)
			}
		}
	}
}

// checkTree checks a code table by its codes alone: a 类 or 款 line is the
// sum of the lines one level below it with its prefix, 合计 the sum of the
// 类 lines.
func checkTree(t *testing.T, name string, tbl *layout.Table, warned func(title, line, column string) bool) {
	g, err := layout.Resolve(tbl)
	if err != nil {
		t.Fatal(err)
	}
	type line struct {
		code   string
		row    int
		values []decimal.Decimal
	}
	var lines []line
	for r := tbl.HeaderRows; r < g.Rows; r++ {
		code := g.Slots[r][0].Cell.Text.S
		if g.Slots[r][2].Cell.Number == nil {
			continue // an empty table's note
		}
		l := line{code: code, row: r}
		for c := 2; c < g.Cols; c++ {
			l.values = append(l.values, decimal.RequireFromString(g.Slots[r][c].Cell.Number.Value))
		}
		lines = append(lines, l)
	}
	next := map[int]int{0: 3, 3: 5, 5: 7}
	for _, p := range lines {
		depth := len(p.code)
		if p.code == "合计" {
			depth = 0
		}
		child, ok := next[depth]
		if !ok {
			continue
		}
		sums := make([]decimal.Decimal, len(p.values))
		children := 0
		for _, ch := range lines {
			if ch.code != "合计" && len(ch.code) == child && (depth == 0 || strings.HasPrefix(ch.code, p.code)) {
				children++
				for i, v := range ch.values {
					sums[i] = sums[i].Add(v)
				}
			}
		}
		if depth > 0 && children == 0 && child <= 7 && !(child == 7 && tbl.Rows[0].Cells[0].Text.S == "经济分类科目编码") {
			t.Errorf("%s: %s has no lines under it", name, p.code)
		}
		for i := range sums {
			if children > 0 && !sums[i].Equal(p.values[i]) && !warned(tbl.Title.S, lineOf(tbl, p.row), header(tbl, g, i+2)) {
				t.Errorf("%s: line %s column %d prints %s, its children sum to %s, and no warning", name, p.code, i+2, p.values[i], sums[i])
			}
		}
	}
}

// header is the lowest heading over column c.
func header(tbl *layout.Table, g *layout.Grid, c int) string {
	for r := tbl.HeaderRows - 1; r >= 0; r-- {
		if s := g.Slots[r][c]; s.Cell.Text.S != "" {
			return s.Cell.Text.S
		}
	}
	return ""
}

// findCell is the number right after the cell labelled label.
func findCell(tbl *layout.Table, label string) *layout.Number {
	for _, row := range tbl.Rows {
		for i, c := range row.Cells {
			if c.Text.S == label {
				for _, d := range row.Cells[i+1:] {
					if d.Number != nil {
						return d.Number
					}
				}
			}
		}
	}
	return nil
}
