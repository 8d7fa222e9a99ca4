package compose

import (
	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/money"
	"budgetdoc/report/msg"
)

// RoundingFindings warns of every printed total in doc's tables that
// differs from the sum of the printed cells it totals. In 万元 each cell is
// rounded on its own, so a total can be a cent off its parts; the office
// adjusts such a line by hand, and the warning says which (table, line,
// column). Nothing is adjusted silently.
func RoundingFindings(b *budget.Budget, doc *layout.Document) budget.Findings {
	var fs budget.Findings
	for _, blk := range doc.Blocks {
		t, ok := blk.(*layout.Table)
		if !ok {
			continue
		}
		g, err := layout.Resolve(t)
		if err != nil {
			continue // the renderers report it
		}
		for o := range g.Origins() {
			r, c, n := o.Row, o.Col, o.Cell.Number
			if n == nil || len(n.Terms) == 0 {
				continue
			}
			total, parts := decimal.RequireFromString(n.Value), decimal.Zero
			for _, ref := range n.Terms {
				if p := g.Slots[ref.Row][ref.Col].Cell.Number; p != nil {
					parts = parts.Add(decimal.RequireFromString(p.Value))
				}
			}
			if total.Equal(parts) {
				continue
			}
			fs = append(fs, budget.Finding{
				Severity: budget.Warning, Pos: b.Source.Pos("documents"), Path: "documents",
				Message: msg.Sprintf("%s, line %q, column %q: the total %s is not the sum of its printed parts, %s (rounding to %s; adjust by hand if the published table must add up)",
					t.Title.S, lineLabel(t, r), headerOf(t, g, c), money.Format(total, 2), money.Format(parts, 2), unitOf(b).name()),
			})
		}
	}
	return fs
}

// lineLabel names a table line by its first texts: its code and name, or
// the label of a two-sided table's side.
func lineLabel(t *layout.Table, r int) string {
	label := ""
	for _, c := range t.Rows[r].Cells {
		if c.Number != nil || c.Text.S == "" {
			break
		}
		if label != "" {
			label += " "
		}
		label += c.Text.S
	}
	return label
}

// headerOf is the heading over column c: the lowest header cell covering
// it.
func headerOf(t *layout.Table, g *layout.Grid, c int) string {
	for r := t.HeaderRows - 1; r >= 0; r-- {
		if s := g.Slots[r][c]; s.Cell != nil && s.Cell.Text.S != "" {
			return s.Cell.Text.S
		}
	}
	return ""
}
