package compose

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// A code table is a standard table whose lines are a code tree — function
// codes 类/款/项 or economic codes 类/款 — under a 合计 line: a leaf line
// sums the ledger rows of its code, a parent line sums its children, and
// 合计 sums the top level.

// column is an amount column of a code table.
type column struct {
	head  string
	group string // a heading over consecutive columns of the same group
	// of selects the rows a leaf column sums; sumOf instead makes the
	// column the sum of other columns (indexes) of the same line.
	of    func(budget.Row) bool
	sumOf []int
}

// codeTable describes a code table.
type codeTable struct {
	doc   budget.Document
	name  string // the table's name, after <单位名称><年度>年
	codes string // the code column's heading
	rows  func(budget.Row) bool
	// levels are the code's prefixes from the top: function codes 3, 5, 7;
	// economic codes 3, 5.
	levels []int
	code   func(budget.Row) string
	names  func(code string) string
	cols   []column
	empty  string // the note of an empty table
}

// node is one line of the tree with its exact sums in 元, per column.
type node struct {
	code     string
	exact    []decimal.Decimal
	children []*node
	row      int // the layout row it is printed in
}

func (ct *codeTable) compose(b *budget.Budget) *layout.Table {
	u := unitOf(b)
	fixed := 2 // code and name
	t := &layout.Table{
		Name: ct.name, Title: standardTitle(b, ct.name), Unit: "单位：" + u.name(),
		Size: 10.5, Orientation: layout.Portrait,
	}
	if len(ct.cols) > 5 {
		t.Orientation = layout.Landscape
	}
	ct.header(t)
	root := ct.tree(b)
	// Line order: 合计 first, then the tree depth first.
	var order []*node
	var walk func(n *node, depth int)
	walk = func(n *node, depth int) {
		n.row = len(t.Rows) + len(order)
		order = append(order, n)
		for _, c := range n.children {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	for _, n := range order {
		name := label(ct.names(n.code), layout.Left)
		name.Indent = ct.depth(n)
		cells := []layout.Cell{label(n.code, layout.Left), name}
		if n == root {
			cells = []layout.Cell{{Text: layout.Plain("合计"), ColSpan: 2, Align: layout.Center, Header: true}}
		}
		for c, col := range ct.cols {
			value := u.round(n.exact[c])
			var terms []layout.CellRef
			switch {
			case len(n.children) > 0:
				for _, ch := range n.children {
					terms = append(terms, layout.CellRef{Row: ch.row, Col: fixed + c})
				}
			case len(col.sumOf) > 0:
				for _, k := range col.sumOf {
					terms = append(terms, layout.CellRef{Row: n.row, Col: fixed + k})
				}
			case n == root: // an empty table's 合计: nothing to sum
			}
			cells = append(cells, amount(value, terms))
		}
		t.Rows = append(t.Rows, layout.Row{Cells: cells, Total: n == root})
	}
	if len(root.children) == 0 {
		t.Rows = append(t.Rows, layout.Row{Cells: []layout.Cell{
			{Text: layout.Plain(ct.empty), ColSpan: fixed + len(ct.cols), Align: layout.Left},
		}})
	}
	t.Columns = ct.widths(u, order)
	return t
}

// depth is how many levels a line's code is below the top: its 科目名称 is
// indented that many characters, as the official tables print the tree.
func (ct *codeTable) depth(n *node) int {
	d := 0
	for _, l := range ct.levels {
		if len(n.code) > l {
			d++
		}
	}
	return d
}

// header writes the heading rows: one, or two when columns are grouped.
func (ct *codeTable) header(t *layout.Table) {
	grouped := false
	for _, c := range ct.cols {
		grouped = grouped || c.group != ""
	}
	rows := 1
	if grouped {
		rows = 2
	}
	top := []layout.Cell{layout.HeaderCell(ct.codes, rows, 1), layout.HeaderCell("科目名称", rows, 1)}
	var sub []layout.Cell
	for i := 0; i < len(ct.cols); {
		c := ct.cols[i]
		if c.group == "" {
			top = append(top, headCell(stack(c.head, 4), rows, 1))
			i++
			continue
		}
		j := i
		for j < len(ct.cols) && ct.cols[j].group == c.group {
			sub = append(sub, headCell(stack(ct.cols[j].head, 4), 1, 1))
			j++
		}
		top = append(top, layout.HeaderCell(c.group, 1, j-i))
		i = j
	}
	t.Rows = append(t.Rows, layout.Row{Cells: top})
	if grouped {
		t.Rows = append(t.Rows, layout.Row{Cells: sub})
	}
	t.HeaderRows = rows
}

// phrased is a label whose phrases are written with | between them: the
// seams where it breaks, and the parts a narrower cell keeps whole
// (财务核算依托 | 单位名称, not 财务核算依/托单位名称).
func phrased(s string) layout.Text {
	var t layout.Text
	at := 0
	for _, part := range strings.Split(s, "|") {
		t.S += part
		at += utf8.RuneCountInString(part)
		t.Seams = append(t.Seams, layout.Seam{At: at, Weak: true})
	}
	return t
}

// headCell is a heading cell of a text with seams.
func headCell(t layout.Text, rows, cols int) layout.Cell {
	c := layout.HeaderCell(t.S, rows, cols)
	c.Text = t
	return c
}

// tree sums the table's rows into the code tree.
func (ct *codeTable) tree(b *budget.Budget) *node {
	zero := func() []decimal.Decimal { return make([]decimal.Decimal, len(ct.cols)) }
	leaves := make(map[string][]decimal.Decimal)
	for _, r := range b.Rows {
		if !r.Amount.Valid || !ct.rows(r) {
			continue
		}
		code := ct.code(r)
		if len(code) < ct.levels[len(ct.levels)-1] {
			continue // no code of the table's kind; Check reports it
		}
		if leaves[code] == nil {
			leaves[code] = zero()
		}
		for c, col := range ct.cols {
			if col.of != nil && col.of(r) {
				leaves[code][c] = leaves[code][c].Add(r.Value())
			}
		}
	}
	var codes []string
	for code := range leaves {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	root := &node{exact: zero()}
	byCode := map[string]*node{}
	for _, code := range codes {
		parent := root
		for _, l := range ct.levels {
			prefix := code[:l]
			n := byCode[prefix]
			if n == nil {
				n = &node{code: prefix, exact: zero()}
				byCode[prefix] = n
				parent.children = append(parent.children, n)
			}
			parent = n
		}
		parent.exact = leaves[code]
	}
	// Row-wise totals of the leaves, then parents from their children.
	var sum func(n *node)
	sum = func(n *node) {
		if len(n.children) == 0 {
			done := make([]bool, len(ct.cols))
			var total func(c int) decimal.Decimal
			total = func(c int) decimal.Decimal {
				if !done[c] {
					done[c] = true
					for _, k := range ct.cols[c].sumOf {
						n.exact[c] = n.exact[c].Add(total(k))
					}
				}
				return n.exact[c]
			}
			for c := range ct.cols {
				total(c)
			}
			return
		}
		for _, ch := range n.children {
			sum(ch)
			for c := range ct.cols {
				n.exact[c] = n.exact[c].Add(ch.exact[c])
			}
		}
	}
	sum(root)
	return root
}

// widths sizes the columns from what they print: the code and name
// columns by their longest text (names wrap past 12 characters), an amount
// column by its widest figure.
func (ct *codeTable) widths(u moneyUnit, order []*node) []layout.Column {
	codeW, nameW := textWidth(ct.codes)/2+0.5, 6.0
	for _, n := range order {
		codeW = max(codeW, textWidth(n.code))
		nameW = max(nameW, textWidth(ct.names(n.code))+float64(ct.depth(n)))
	}
	cols := []layout.Column{{Width: codeW}, {Width: min(nameW, 13)}}
	for c := range ct.cols {
		var figures []decimal.Decimal
		for _, n := range order {
			figures = append(figures, u.round(n.exact[c]))
		}
		cols = append(cols, layout.Column{Width: amountWidth(figures)})
	}
	return cols
}

// stack breaks a long heading into even lines of about n characters, so
// that an amount column is as wide as its figures need and not as its
// heading's one-line width: between the words of the heading where it is
// made of headWordList's (政府性/基金预算/拨款, 国有资本/经营预算/拨款),
// which are marked as seams, so that the PDF keeps them whole in a
// narrower column too (政府性/基金, never 政府/性基); else every n
// characters, with no lone last character.
func stack(s string, n int) layout.Text {
	words := headWords(s)
	if words == nil {
		return layout.Plain(stackRunes(s, n))
	}
	longest := 0
	for _, w := range words {
		longest = max(longest, utf8.RuneCountInString(w))
	}
	// The fewest lines at n characters (or the longest word), then the
	// narrowest measure that keeps that many: the lines come out even.
	pack := func(width int) [][]string {
		var lines [][]string
		var line []string
		chars := 0
		for _, w := range words {
			k := utf8.RuneCountInString(w)
			if len(line) > 0 && chars+k > width {
				lines, line, chars = append(lines, line), nil, 0
			}
			line, chars = append(line, w), chars+k
		}
		return append(lines, line)
	}
	width := max(n, longest)
	lines := pack(width)
	for width > longest && len(pack(width-1)) == len(lines) {
		width--
	}
	var t layout.Text
	at := 0
	for i, l := range pack(width) {
		if i > 0 {
			t.S += "\n"
			at++
		}
		for _, w := range l {
			t.S += w
			at += utf8.RuneCountInString(w)
			t.Seams = append(t.Seams, layout.Seam{At: at, Weak: true})
		}
	}
	return t
}

// headWordList are the words the standard tables' column heads are made of
// (the funds' and the income sources' names); a typesetter breaks a head
// between them.
var headWordList = strings.Fields("政府性 基金 一般 公共 国有 资本 财政 专户 事业 单位 附属 上级 补助 预算 拨款 经营 管理 资金 收入 上缴 其他 上年 结转")

// headWords splits a heading into headWordList's words, nil when some of
// it is none of them.
func headWords(s string) []string {
	var words []string
	for rest := s; rest != ""; {
		w := ""
		for _, hw := range headWordList {
			if strings.HasPrefix(rest, hw) && len(hw) > len(w) {
				w = hw
			}
		}
		if w == "" {
			return nil
		}
		words = append(words, w)
		rest = rest[len(w):]
	}
	return words
}

// stackRunes breaks s into lines of n characters; no lone last character
// (政府性基/金预算拨/款): the line before gives it one.
func stackRunes(s string, n int) string {
	r := []rune(s)
	var lines []string
	for len(r) > n {
		k := n
		if len(r) == n+1 {
			k = n - 1
		}
		lines = append(lines, string(r[:k]))
		r = r[k:]
	}
	return strings.Join(append(lines, string(r)), "\n")
}

func itoa(n int) string { return strconv.Itoa(n) }
