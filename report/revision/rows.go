package revision

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/money"
)

// rowIdentity is what matches a row across versions: its key, or else its
// function code, item and detail, with a count for rows that share them.
func rowIdentities(rows []budget.Row) []string {
	ids := make([]string, len(rows))
	seen := make(map[string]int)
	for i, r := range rows {
		id := "key:" + r.Key
		if r.Key == "" {
			id = fmt.Sprintf("row:%s|%s|%s", r.FunctionCode, r.DisplayItem(), r.Detail)
		}
		seen[id]++
		if n := seen[id]; n > 1 {
			id += fmt.Sprintf("#%d", n)
		}
		ids[i] = id
	}
	return ids
}

// rowLabel names a row as the project table prints it: its 序号 (i is the
// row's index) and 明细项目名称. ordinal is 第 for the new table, 原第 for
// the old one.
func rowLabel(ordinal string, i int, r budget.Row) string {
	return fmt.Sprintf("项目表%s %d 行 %s", ordinal, i+1, r.Detail)
}

// rowSummary is a whole row on one line, for additions and removals.
func rowSummary(r budget.Row) string {
	amount := "（空）"
	if r.Amount.Valid {
		amount = money.Format(r.Amount.Decimal, 2)
	}
	parts := []string{r.FunctionCode, r.FunctionName, r.DisplayItem(), r.Detail, amount}
	if r.Note != "" {
		parts = append(parts, r.Note)
	}
	return strings.Join(parts, " | ")
}

func (c *comparer) rows() {
	match(rowIdentities(c.old.Rows), rowIdentities(c.new.Rows),
		func(oi, ni int) { c.row(oi, ni) },
		func(ni int) {
			n := c.new.Rows[ni]
			c.add(Change{Kind: Added, Section: "项目表", Path: fmt.Sprintf("rows[%d]", ni), Label: rowLabel("第", ni, n), New: rowSummary(n), Delta: rowAmount(n, 1)})
		},
		func(oi int) {
			o := c.old.Rows[oi]
			c.add(Change{Kind: Removed, Section: "项目表", Path: fmt.Sprintf("rows[%d]", oi), Label: rowLabel("原第", oi, o), Old: rowSummary(o), Delta: rowAmount(o, -1)})
		})
}

// row compares a row matched across the versions, field by field.
func (c *comparer) row(oi, ni int) {
	o, n := c.old.Rows[oi], c.new.Rows[ni]
	path, oldPath := fmt.Sprintf("rows[%d]", ni), fmt.Sprintf("rows[%d]", oi)
	label := rowLabel("第", ni, n) + " "
	for _, f := range []struct{ field, name, old, new string }{
		{"key", "键", o.Key, n.Key},
		{"function_code", "科目编码", o.FunctionCode, n.FunctionCode},
		{"function_name", "科目名称", o.FunctionName, n.FunctionName},
		{"category", "分类", o.Category, n.Category},
		{"item", "项目名称", o.Item, n.Item},
		{"detail", "明细项目名称", o.Detail, n.Detail},
		{"note", "备注", o.Note, n.Note},
	} {
		if f.old != f.new {
			c.add(Change{Kind: Changed, Section: "项目表", Path: path + "." + f.field, Label: label + f.name, Old: f.old, New: f.new,
				OldLine: c.old.Source.Pos(oldPath + "." + f.field).Line})
		}
	}
	before := len(c.r.Changes)
	c.optional("项目表", path+".amount", label+"金额", o.Amount, n.Amount)
	if len(c.r.Changes) > before {
		c.r.Changes[before].OldLine = c.old.Source.Pos(oldPath + ".amount").Line
	}
}

// rowAmount is what adding (sign 1) or removing (sign -1) a row changes
// the table's total by, or nil for a row with no amount.
func rowAmount(r budget.Row, sign int64) *decimal.Decimal {
	if !r.Amount.Valid {
		return nil
	}
	d := r.Amount.Decimal.Mul(decimal.NewFromInt(sign))
	return &d
}
