package entry

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

func init() { budget.RegisterFormat(".xlsx", Read) }

// Read reads a budget from an entry workbook; name is the file name used in
// findings, which name the sheet and cell: x.xlsx:项目表!G12. The workbook
// is turned into the data format's tree and decoded by the same rules as a
// YAML file, so both report the same problems.
func Read(name string, data []byte) (*budget.Budget, error) {
	fail := func(msg string) (*budget.Budget, error) {
		return nil, budget.Findings{{Severity: budget.Error, Pos: budget.Pos{File: name}, Message: msg}}
	}
	if err := checkArchive(data); err != nil {
		return fail(err.Error())
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return fail(msg.Sprintf("the workbook cannot be opened: %v", err))
	}
	defer f.Close()
	if i, _ := f.GetSheetIndex(sheets[0].Name); i < 0 {
		return fail(msg.Sprintf("this is not an entry workbook: it has no sheet %s (budgetdoc init or budgetdoc convert makes one; the workbook that build writes is the disclosure, not its data)", sheets[0].Name))
	}
	r := &reader{f: f, name: name, root: &yaml.Node{Kind: yaml.MappingNode}, cells: map[string]budget.Pos{}, numbers: map[string]map[int]int{}}
	for _, s := range sheets {
		if i, _ := f.GetSheetIndex(s.Name); i < 0 {
			continue // a sheet taken out holds nothing; required fields are reported missing
		}
		if s.Table != nil {
			r.table(s)
		} else {
			r.form(s)
		}
	}
	data, err = yaml.Marshal(r.root)
	if err != nil {
		return fail(err.Error())
	}
	b, err := budget.Parse(name, data)
	findings := r.findings
	if fs, ok := err.(budget.Findings); ok {
		reported := map[string]bool{}
		for _, f := range findings {
			reported[f.Path] = true
		}
		for _, f := range fs {
			if reported[f.Path] && f.Path != "" {
				continue // the cell's own finding says more
			}
			f.Pos = r.pos(f.Path)
			findings = append(findings, f)
		}
	} else if err != nil {
		return nil, err
	}
	if findings.HasErrors() {
		sortByCell(findings)
		return nil, findings
	}
	b.Source = budget.Source{File: name}
	for path, pos := range r.cells {
		b.Source.Record(path, pos)
	}
	return b, nil
}

// sortByCell orders findings as a reader goes through the workbook: by
// sheet, then row, then column; findings without a cell come first.
func sortByCell(fs budget.Findings) {
	order := map[string]int{}
	for i, s := range sheets {
		order[quoteSheet(s.Name)] = i + 1
	}
	key := func(f budget.Finding) (int, int, int) {
		sheet, ref, ok := strings.Cut(f.Pos.Cell, "!")
		if !ok {
			return 0, 0, 0
		}
		col, row, _ := excelize.CellNameToCoordinates(ref)
		return order[sheet], row, col
	}
	sort.SliceStable(fs, func(i, j int) bool {
		si, ri, ci := key(fs[i])
		sj, rj, cj := key(fs[j])
		if si != sj {
			return si < sj
		}
		if ri != rj {
			return ri < rj
		}
		return ci < cj
	})
}

// reader turns the sheets into the data format's tree, noting the cell of
// every field and the problems only a cell shows (a text amount, a formula
// without a value).
type reader struct {
	f        *excelize.File
	name     string
	root     *yaml.Node
	cells    map[string]budget.Pos // field path → cell, blank cells too
	findings budget.Findings
	// numbers map a numbered table's 序号 to its item's index, by list.
	numbers map[string]map[int]int
}

func (r *reader) at(sheet, cell string) budget.Pos {
	return budget.Pos{File: r.name, Cell: quoteSheet(sheet) + "!" + cell}
}

// quoteSheet quotes a sheet name as a formula would, when it needs it.
func quoteSheet(s string) string {
	if strings.ContainsAny(s, " '-!") {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return s
}

func (r *reader) errorf(pos budget.Pos, path, message string) {
	r.findings = append(r.findings, budget.Finding{Severity: budget.Error, Pos: pos, Path: path, Message: message})
}

// note records the cell of a field path, and of the mappings above it that
// have none yet (a missing unit is reported at its first field's cell).
func (r *reader) note(path string, pos budget.Pos) {
	r.cells[path] = pos
	for p := path; strings.Contains(p, "."); {
		p = p[:strings.LastIndex(p, ".")]
		if _, ok := r.cells[p]; !ok {
			r.cells[p] = pos
		}
	}
}

// pos is the cell of path, or of its nearest parent that has one.
func (r *reader) pos(path string) budget.Pos {
	for p := path; p != ""; {
		if pos, ok := r.cells[p]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return budget.Pos{File: r.name}
}

// rows returns the sheet's rows as raw texts, from row 1.
func (r *reader) rows(sheet string) [][]string {
	it, err := r.f.Rows(sheet)
	if err != nil {
		r.errorf(budget.Pos{File: r.name}, "", msg.Sprintf("the sheet %s cannot be read: %v", sheet, err))
		return nil
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			r.errorf(budget.Pos{File: r.name}, "", msg.Sprintf("the sheet %s cannot be read: %v", sheet, err))
			return rows
		}
		rows = append(rows, cols)
	}
	return rows
}

var formKeyColumn, formValueColumn = 3, 1 // D and B

// form reads a sheet of single fields, finding each by its key in column D.
func (r *reader) form(s sheet) {
	byPath := map[string]field{}
	var paths []string
	for _, f := range s.Fields {
		byPath[f.Path] = f
		paths = append(paths, f.Path)
	}
	seen := map[string]int{}
	for i, row := range r.rows(s.Name) {
		if i == 0 {
			continue // the headings
		}
		key := ""
		if len(row) > formKeyColumn {
			key = strings.TrimSpace(row[formKeyColumn])
		}
		value := fmt.Sprintf("B%d", i+1)
		if key == "" {
			if len(row) > formValueColumn && strings.TrimSpace(row[formValueColumn]) != "" {
				r.errorf(r.at(s.Name, value), "", msg.Sprintf("a value on a row without its field in column D; put it on the row of its field"))
			}
			continue
		}
		f, ok := byPath[key]
		if !ok {
			r.errorf(r.at(s.Name, fmt.Sprintf("D%d", i+1)), "", msg.Sprintf("unknown field %q in column D; this sheet's fields are %s", key, strings.Join(paths, ", ")))
			continue
		}
		if first, dup := seen[key]; dup {
			r.errorf(r.at(s.Name, fmt.Sprintf("D%d", i+1)), key, msg.Sprintf("the field is given twice (first on row %d)", first))
			continue
		}
		seen[key] = i + 1
		info, _ := infoAt(key)
		r.note(key, r.at(s.Name, value))
		if n := r.value(s.Name, value, info.kind, f.Choices, key); n != nil {
			set(r.root, key, n)
		}
	}
}

// value reads one cell as the kind of value its field holds; nil for a
// blank cell or one with a problem (which is reported).
func (r *reader) value(sheet, ref string, k kind, choices []option, path string) *yaml.Node {
	pos := r.at(sheet, ref)
	formula, _ := r.f.GetCellFormula(sheet, ref)
	raw, _ := r.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	typ, _ := r.f.GetCellType(sheet, ref)
	if formula != "" && raw == "" {
		r.errorf(pos, path, msg.Sprintf("the formula =%s has no computed value saved with it; open and save the workbook in Excel or WPS, or type the value itself", formula))
		return nil
	}
	if typ == excelize.CellTypeError {
		r.errorf(pos, path, msg.Sprintf("the cell shows the error %s", raw))
		return nil
	}
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	number := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
	text := func(s, tag string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s, Tag: tag} }
	switch k {
	case amountKind, wanKind:
		if strings.TrimSpace(raw) == budget.ToFill {
			return text(budget.ToFill, "!!str") // the loader lists it as left to fill in
		}
		if !number {
			r.errorf(pos, path, textAmount(raw))
			return nil
		}
		return text(normalNumber(raw), "")
	case intKind:
		if number {
			return text(normalNumber(raw), "")
		}
		return text(strings.TrimSpace(raw), "!!str")
	case dateKind:
		if number {
			serial, err := strconv.ParseFloat(raw, 64)
			if err != nil || serial != math.Trunc(serial) {
				r.errorf(pos, path, msg.Sprintf("%s is not a date; enter a date such as 2021-03-17", raw))
				return nil
			}
			t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(serial))
			return text(t.Format("2006-01-02"), "!!str")
		}
		return text(strings.TrimSpace(raw), "!!str")
	case boolKind:
		switch strings.ToLower(strings.TrimSpace(raw)) {
		case "是", "true", "1":
			return text("true", "!!bool")
		case "否", "false", "0":
			return text("false", "!!bool")
		}
		r.errorf(pos, path, msg.Sprintf("%q is neither 是 nor 否", raw))
		return nil
	}
	if number {
		raw = normalNumber(raw)
	}
	for _, o := range choices {
		if strings.TrimSpace(raw) == o.Label {
			return text(o.Value, "!!str")
		}
	}
	return text(raw, "!!str")
}

// normalNumber writes a cell's number with the 15 significant digits a
// spreadsheet keeps, so that 0.1+0.2 computed in a cell reads 0.3.
func normalNumber(raw string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return raw
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(f, 'g', maxFloatDigits, 64))
	if err != nil {
		return raw
	}
	return d.String()
}

var plainNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// textAmount explains an amount typed as text, with the number to type.
func textAmount(raw string) string {
	s := strings.TrimSpace(raw)
	cleaned := strings.TrimSpace(strings.TrimSuffix(s, "元"))
	cleaned = strings.NewReplacer(",", "", "，", "").Replace(cleaned)
	switch {
	case !plainNumber.MatchString(cleaned):
		return msg.Sprintf("%q is not an amount: enter a number such as 1234.50", raw)
	case cleaned != s:
		return msg.Sprintf("the amount %q is text with 元 or thousands separators: enter the number %s itself (set the cell's format to 数值 or 常规)", raw, cleaned)
	}
	return msg.Sprintf("the amount %q is text: enter it as the number %s (set the cell's format to 数值 or 常规)", raw, cleaned)
}

// table reads a sheet of list items.
func (r *reader) table(s sheet) {
	t := s.Table
	cols := t.columns()
	rows := r.rows(s.Name)
	if len(rows) == 0 {
		return
	}
	// Columns are found by their headings, so a user may reorder them.
	at := map[string]int{}
	for i, h := range rows[0] {
		h = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(h), "*"))
		if h != "" {
			at[h] = i
		}
	}
	index := make([]int, len(cols))
	known := map[int]bool{}
	for i, c := range cols {
		j, ok := at[c.Header]
		if !ok {
			j = -1
		}
		index[i] = j
		known[j] = true
	}
	for j, h := range rows[0] {
		if strings.TrimSpace(h) != "" && !known[j] {
			r.errorf(r.at(s.Name, colName(j)+"1"), "", msg.Sprintf("unknown column %q; the columns are %s", h, headers(cols)))
		}
	}
	st := &tableState{}
	for i, row := range rows[1:] {
		line := i + 2
		blank := true
		for j, v := range row {
			if strings.TrimSpace(v) == "" {
				continue
			}
			blank = false
			if !known[j] {
				r.errorf(r.at(s.Name, fmt.Sprintf("%s%d", colName(j), line)), "", msg.Sprintf("a value outside the table's columns would be lost; move it into a column with a heading"))
			}
		}
		if blank && !r.hasFormula(s.Name, row, line, index) {
			continue
		}
		r.tableRow(s, cols, index, line, st)
	}
	if t.Parent == "" {
		for _, l := range t.Lists {
			r.note(l.Path, r.at(s.Name, "A2"))
		}
	}
}

func headers(cols []column) string {
	var hs []string
	for _, c := range cols {
		hs = append(hs, c.Header)
	}
	return strings.Join(hs, "、")
}

// hasFormula reports whether a row that reads blank has a formula cell in
// the table (one without a computed value reads blank).
func (r *reader) hasFormula(sheet string, row []string, line int, index []int) bool {
	for _, j := range index {
		if j >= 0 && j < len(row) {
			if f, _ := r.f.GetCellFormula(sheet, fmt.Sprintf("%s%d", colName(j), line)); f != "" {
				return true
			}
		}
	}
	return false
}

// tableState carries the open groups from one row of a table to the next.
type tableState struct {
	owner string     // the list the open groups belong to
	open  []openItem // one per group level
}

type openItem struct {
	node     *yaml.Node
	path     string
	identity string
}

// tableRow adds one row's item (and the groups it opens) to the tree.
func (r *reader) tableRow(s sheet, cols []column, index []int, line int, st *tableState) {
	t := s.Table
	cell := func(i int) string { return fmt.Sprintf("%s%d", colName(max(index[i], 0)), line) }
	read := func(i int, k kind, path string) *yaml.Node {
		if index[i] < 0 {
			return nil
		}
		return r.value(s.Name, cell(i), k, cols[i].Choices, path)
	}
	i := 0
	parent, parentPath := r.root, ""
	if t.Numbered {
		n := read(0, intKind, "")
		list := t.Lists[0].Path
		seq := ensure(r.root, list, yaml.SequenceNode)
		idx := len(seq.Content)
		path := fmt.Sprintf("%s[%d]", list, idx)
		num, err := strconv.Atoi(valueOf(n))
		switch {
		case n == nil:
			r.errorf(r.at(s.Name, cell(0)), path, msg.Sprintf("the %s is missing", numberHeader))
		case err != nil || num < 1:
			r.errorf(r.at(s.Name, cell(0)), path, msg.Sprintf("the %s %q is not a number from 1 up", numberHeader, n.Value))
		default:
			if r.numbers[list] == nil {
				r.numbers[list] = map[int]int{}
			}
			if _, dup := r.numbers[list][num]; dup {
				r.errorf(r.at(s.Name, cell(0)), path, msg.Sprintf("the %s %d is given twice", numberHeader, num))
			}
			r.numbers[list][num] = idx
		}
		item := &yaml.Node{Kind: yaml.MappingNode}
		seq.Content = append(seq.Content, item)
		r.cells[path] = r.at(s.Name, cell(0))
		r.fillColumns(s.Name, t, 0, t.Lists[0], item, path, cols[1:], index[1:], line)
		return
	}
	if t.Parent != "" {
		n := read(i, intKind, "")
		num, err := strconv.Atoi(valueOf(n))
		idx, ok := r.numbers[t.Parent][num]
		switch {
		case n == nil:
			r.errorf(r.at(s.Name, cell(i)), "", msg.Sprintf("the %s is missing: which form of 绩效目标 does the row belong to?", parentHeader))
			return
		case err != nil || !ok:
			r.errorf(r.at(s.Name, cell(i)), "", msg.Sprintf("no form of 绩效目标 has the %s %q", numberHeader, n.Value))
			return
		}
		parent = get(r.root, t.Parent).Content[idx]
		parentPath = fmt.Sprintf("%s[%d].", t.Parent, idx)
		i++
	}
	list := t.Lists[0]
	if len(t.Lists) > 1 {
		n := read(i, textKind, "")
		found := false
		for _, l := range t.Lists {
			if n != nil && strings.TrimSpace(n.Value) == l.Label {
				list, found = l, true
			}
		}
		if !found {
			var labels []string
			for _, l := range t.Lists {
				labels = append(labels, l.Label)
			}
			r.errorf(r.at(s.Name, cell(i)), "", msg.Sprintf("choose the %s: %s", t.Choice, strings.Join(labels, "、")))
			return
		}
		i++
	}
	owner := parentPath + list.Path
	if st.owner != owner {
		st.owner, st.open = owner, nil
	}
	seq := ensure(parent, list.Path, yaml.SequenceNode)
	seqPath := owner
	for lv := range t.Levels {
		lcols := t.Levels[lv].Columns
		last := lv == len(t.Levels)-1
		if !last {
			identity, blank := "", true
			for k := range lcols {
				if index[i+k] >= 0 {
					v, _ := r.f.GetCellValue(s.Name, cell(i+k), excelize.Options{RawCellValue: true})
					identity += "\x00" + strings.TrimSpace(v)
					blank = blank && strings.TrimSpace(v) == ""
				}
			}
			if lv < len(st.open) && (blank || st.open[lv].identity == identity) {
				// the same group as the row above
				seq = ensure(st.open[lv].node, t.Levels[lv+1].Path, yaml.SequenceNode)
				seqPath = st.open[lv].path + "." + t.Levels[lv+1].Path
				i += len(lcols)
				continue
			}
			st.open = st.open[:min(lv, len(st.open))]
			item := &yaml.Node{Kind: yaml.MappingNode}
			path := fmt.Sprintf("%s[%d]", seqPath, len(seq.Content))
			seq.Content = append(seq.Content, item)
			r.cells[path] = r.at(s.Name, cell(i))
			r.fillColumns(s.Name, t, lv, list, item, path, lcols, index[i:i+len(lcols)], line)
			st.open = append(st.open, openItem{item, path, identity})
			seq = ensure(item, t.Levels[lv+1].Path, yaml.SequenceNode)
			seqPath = path + "." + t.Levels[lv+1].Path
			i += len(lcols)
			continue
		}
		path := fmt.Sprintf("%s[%d]", seqPath, len(seq.Content))
		blank := true
		for k := range lcols {
			if index[i+k] >= 0 {
				v, _ := r.f.GetCellValue(s.Name, cell(i+k), excelize.Options{RawCellValue: true})
				f, _ := r.f.GetCellFormula(s.Name, cell(i+k))
				blank = blank && strings.TrimSpace(v) == "" && f == ""
			}
		}
		if blank && len(t.Levels) > 1 {
			return // a row that only opens its groups
		}
		if len(lcols) == 1 && lcols[0].Field == "" {
			r.cells[path] = r.at(s.Name, cell(i))
			n := read(i, textKind, path)
			if n == nil {
				r.errorf(r.at(s.Name, cell(i)), path, msg.Sprintf("the %s is missing", lcols[0].Header))
				n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str"}
			}
			seq.Content = append(seq.Content, n)
			return
		}
		item := &yaml.Node{Kind: yaml.MappingNode}
		seq.Content = append(seq.Content, item)
		r.cells[path] = r.at(s.Name, cell(i))
		r.fillColumns(s.Name, t, lv, list, item, path, lcols, index[i:i+len(lcols)], line)
	}
}

// fillColumns reads the cells of one item's columns into its mapping.
func (r *reader) fillColumns(sheet string, t *table, lv int, list choice, item *yaml.Node, path string, cols []column, index []int, line int) {
	for k, c := range cols {
		fieldPath := path + "." + c.Field
		if index[k] < 0 {
			r.cells[fieldPath] = r.at(sheet, fmt.Sprintf("A%d", line))
			continue
		}
		ref := fmt.Sprintf("%s%d", colName(index[k]), line)
		r.cells[fieldPath] = r.at(sheet, ref)
		info, err := infoAt(t.columnPath(list, lv, c))
		if err != nil {
			r.errorf(r.at(sheet, ref), fieldPath, err.Error())
			continue
		}
		if n := r.value(sheet, ref, info.kind, c.Choices, fieldPath); n != nil {
			set(item, c.Field, n)
		}
	}
}

func valueOf(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	return n.Value
}

// ensure returns the node at a dotted path below the mapping n, making the
// mappings on the way and the last node of the given kind.
func ensure(n *yaml.Node, path string, last yaml.Kind) *yaml.Node {
	keys := strings.Split(path, ".")
	for i, key := range keys {
		next := get(n, key)
		if next == nil {
			k := yaml.MappingNode
			if i == len(keys)-1 {
				k = last
			}
			next = &yaml.Node{Kind: k}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, next)
		}
		n = next
	}
	return n
}

// set puts value at a dotted path below the mapping n.
func set(n *yaml.Node, path string, value *yaml.Node) {
	parent, key := n, path
	if i := strings.LastIndex(path, "."); i >= 0 {
		parent, key = ensure(n, path[:i], yaml.MappingNode), path[i+1:]
	}
	parent.Content = append(parent.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
}
