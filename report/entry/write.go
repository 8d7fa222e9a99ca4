package entry

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

// Write returns the entry workbook of b: every value b holds, in the sheets
// and cells of the table in spec.go. Reading it back gives the same budget.
func Write(b *budget.Budget) ([]byte, error) {
	data, err := budget.Encode(b)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	return writeTree(doc.Content[0])
}

// Blank returns an entry workbook with no data: the sheets, headings,
// notes and drop-downs, for a budget to be started in Excel or WPS.
func Blank() ([]byte, error) {
	return writeTree(&yaml.Node{Kind: yaml.MappingNode})
}

// blankRows is how many empty rows of a table sheet are formatted and given
// drop-downs beyond its data, for the rows a user adds.
const blankRows = 500

// maxFloatDigits is the precision of a number in a cell: Excel keeps 15
// significant digits.
const maxFloatDigits = 15

type writer struct {
	f      *excelize.File
	styles map[string]int
	errs   []string
}

func writeTree(root *yaml.Node) ([]byte, error) {
	w := &writer{f: excelize.NewFile(), styles: map[string]int{}}
	defer w.f.Close()
	if err := w.f.SetSheetName("Sheet1", guideSheet); err != nil {
		return nil, err
	}
	w.guide()
	for _, s := range sheets {
		if _, err := w.f.NewSheet(s.Name); err != nil {
			return nil, err
		}
		if s.Table != nil {
			w.table(s, root)
		} else {
			w.form(s, root)
		}
	}
	if len(w.errs) > 0 {
		return nil, msg.Errorf("entry workbook: %s", strings.Join(w.errs, "; "))
	}
	w.f.SetActiveSheet(0)
	// A fixed date keeps two writes of the same data byte-identical.
	w.f.SetDocProps(&excelize.DocProperties{Title: "部门预算数据录入表", Creator: "budgetdoc",
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z", Language: "zh-CN"})
	var buf bytes.Buffer
	if err := w.f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (w *writer) fail(message string) {
	w.errs = append(w.errs, message)
}

// style returns the id of one of the workbook's few cell styles.
func (w *writer) style(name string) int {
	if id, ok := w.styles[name]; ok {
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	font := &excelize.Font{Family: "宋体", Size: 11}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	custom := func(f string) *string { return &f }
	st := &excelize.Style{Border: border, Font: font, Alignment: top}
	switch name {
	case "header":
		st.Font = &excelize.Font{Family: "黑体", Size: 11, Bold: true}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case "title":
		st = &excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 16, Bold: true}}
	case "label":
		st.Font = &excelize.Font{Family: "宋体", Size: 11, Bold: true}
	case "note":
		st.Font = &excelize.Font{Family: "宋体", Size: 10, Color: "595959"}
	case "key":
		st.Font = &excelize.Font{Family: "Consolas", Size: 9, Color: "808080"}
	case "plain":
		st = &excelize.Style{Font: font, Alignment: top}
	case "text":
		st.NumFmt = 49 // @: what is typed stays text (codes keep their leading zeros)
		st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 1}
	case "serial":
		st.NumFmt = 1
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "top"}
	case "amount":
		st.CustomNumFmt = custom("#,##0.00")
	case "wan":
		st.CustomNumFmt = custom("#,##0.0000")
	case "int":
		st.NumFmt = 1 // 0
	case "date":
		st.CustomNumFmt = custom("yyyy-mm-dd")
	case "choice":
	}
	if strings.HasSuffix(name, "-todo") { // a figure still to be entered
		base := w.style(strings.TrimSuffix(name, "-todo"))
		st, _ = w.f.GetStyle(base)
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	}
	id, err := w.f.NewStyle(st)
	if err != nil {
		w.fail(fmt.Sprintf("style %s: %v", name, err))
	}
	w.styles[name] = id
	return id
}

func styleOf(k kind) string {
	return [...]string{textKind: "text", amountKind: "amount", wanKind: "wan", intKind: "int", dateKind: "date", boolKind: "choice"}[k]
}

// guide writes the first sheet, which says how to fill the workbook in.
func (w *writer) guide() {
	s := guideSheet
	lines := []string{
		"部门预算数据录入表 填写说明",
		"",
		"本表是 budgetdoc 的数据录入表：填好后用 budgetdoc check 本表.xlsx 检查，用 budgetdoc build 本表.xlsx 生成部门预算公开文件（PDF 和 XLSX）。",
		"1. 每张工作表的第一行是表头，不要改动表头文字；数据从第二行起填写，行数不限，空行不计。",
		"2. 金额一律填数字：元为单位的最多两位小数，万元为单位的（绩效目标表）最多四位小数。不要填千分位逗号、“元”字或文字形式的数字，不要用没有计算结果的公式。",
		"3. 带下拉箭头的单元格从下拉列表中选择；把鼠标停在表头上可以看到该栏的填写要求。",
		"4. 标“必填”的栏目不能空着；检查发现的问题会指出工作表和单元格，如 项目表!G12。",
		"5. “基本信息”和“收入支出”两表按“字段”栏认行，不要改动字段栏；其余各表按表头认栏。",
		"6. “绩效目标内容”和“绩效指标”两表用“绩效表序号”对应“绩效目标”表的序号。",
		"",
		"各工作表：",
	}
	for _, sh := range sheets {
		lines = append(lines, sh.Name+"："+sh.Note)
	}
	const width = 68 // fits A4 portrait unscaled
	w.f.SetColWidth(s, "A", "A", width)
	size, orient, one, zero, fit := 9, "portrait", 1, 0, true
	w.f.SetPageLayout(s, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero})
	w.f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &fit})
	for i, l := range lines {
		cell := fmt.Sprintf("A%d", i+1)
		w.f.SetCellStr(s, cell, l)
		st := "plain"
		if i == 0 {
			st = "title"
		}
		w.f.SetCellStyle(s, cell, cell, w.style(st))
		w.f.SetRowHeight(s, i+1, rowHeight([]string{l}, []float64{width})+2)
	}
}

// form writes a sheet of single fields: label | value | note | key.
func (w *writer) form(s sheet, root *yaml.Node) {
	name := s.Name
	heads := []string{"项目", "内容", "说明", "字段"}
	widths := []float64{26, 40, 70, 30}
	for i, h := range heads {
		col := colName(i)
		w.f.SetColWidth(name, col, col, widths[i])
		w.setHeader(name, col+"1", h, "")
	}
	w.addNote(name, "D1", "程序用这一栏认行，不要改动。")
	for i, f := range s.Fields {
		row := i + 2
		info, _ := infoAt(f.Path)
		label := f.Label
		w.cell(name, "A", row, label, "label")
		w.cell(name, "C", row, f.Note, "note")
		w.cell(name, "D", row, f.Path, "key")
		value := fmt.Sprintf("B%d", row)
		w.f.SetCellStyle(name, value, value, w.style(styleOf(info.kind)))
		n := get(root, f.Path)
		if isNullNode(n) && (info.kind == amountKind || info.kind == wanKind) && !info.nullable {
			n = &yaml.Node{Kind: yaml.ScalarNode, Value: "0"} // an amount left out is 0: show it
		}
		w.value(name, value, n, info.kind, f.Choices, f.Path)
		if f.Choices != nil {
			w.dropDown(name, value, f.Choices, "")
		}
		w.f.SetRowHeight(name, row, rowHeight([]string{label, f.Note, f.Path}, widths[:3]))
		if info.kind == boolKind {
			w.dropDown(name, value, yesNo, "")
		}
	}
	w.finishSheet(name)
}

// finishSheet freezes the header row and sets the sheet up for printing:
// A4 landscape, one page wide, the header row on every page.
func (w *writer) finishSheet(name string) {
	w.f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	size, orient, one, zero := 9, "landscape", 1, 0
	w.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero})
	fit := true
	w.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit})
	w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: fmt.Sprintf("'%s'!$1:$1", name)})
	w.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&C" + name + " 第 &P 页，共 &N 页"})
	w.f.SetRowHeight(name, 1, 24)
}

// rowHeight is the height in points of a row whose wrapped texts are
// texts in columns of widths: Excel does not fit row heights to wrapped
// text written by a program.
func rowHeight(texts []string, widths []float64) float64 {
	lines := 1
	for i, t := range texts {
		n := 0
		for _, para := range strings.Split(t, "\n") {
			n += max(1, int(math.Ceil(textUnits(para)/(widths[i]-1))))
		}
		lines = max(lines, n)
	}
	return float64(lines)*15 + 5
}

// columns lists a table's columns from left to right.
func (t *table) columns() []column {
	var cols []column
	if t.Numbered {
		cols = append(cols, column{Header: numberHeader, Width: 6, Note: "必填。这张表的序号，“绩效目标内容”和“绩效指标”两表用它对应。"})
	}
	if t.Parent != "" {
		cols = append(cols, column{Header: parentHeader, Width: 10, Note: "必填。对应“绩效目标”表的序号。"})
	}
	if len(t.Lists) > 1 {
		var opts []option
		for _, l := range t.Lists {
			opts = append(opts, option{l.Label, l.Label})
		}
		cols = append(cols, column{Header: t.Choice, Width: 16, Note: "必填。从下拉列表中选。", Choices: opts})
	}
	for _, l := range t.Levels {
		cols = append(cols, l.Columns...)
	}
	return cols
}

// outCell is one cell of a table row to be written.
type outCell struct {
	node *yaml.Node // nil for blank
	text string     // for the number, parent and choice columns
	path string
}

func (w *writer) table(s sheet, root *yaml.Node) {
	t, name := s.Table, s.Name
	cols := t.columns()
	fixed := len(cols) - levelColumns(t)
	var rows [][]outCell
	parents := []*yaml.Node{root}
	if t.Parent != "" {
		parents = nil
		if p := get(root, t.Parent); p != nil {
			parents = p.Content
		}
	}
	if t.Numbered {
		if list := get(root, t.Lists[0].Path); list != nil {
			for i, item := range list.Content {
				row := []outCell{{text: strconv.Itoa(i + 1)}}
				rows = append(rows, w.items(t, 0, []*yaml.Node{item}, fmt.Sprintf("%s[%d]", t.Lists[0].Path, i), row, true)...)
			}
		}
	} else {
		for pi, parent := range parents {
			for _, list := range t.Lists {
				var prefix []outCell
				path := list.Path
				if t.Parent != "" {
					prefix = append(prefix, outCell{text: strconv.Itoa(pi + 1)})
					path = fmt.Sprintf("%s[%d].%s", t.Parent, pi, list.Path)
				}
				if len(t.Lists) > 1 {
					prefix = append(prefix, outCell{text: list.Label})
				}
				if seq := get(parent, list.Path); seq != nil {
					rows = append(rows, w.items(t, 0, seq.Content, path, prefix, false)...)
				}
			}
		}
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.Width
	}
	for i, c := range cols {
		col := colName(i)
		w.setHeader(name, col+"1", c.Header, c.Note)
		k := textKind
		if i >= fixed {
			k = w.columnKind(t, c)
		} else if c.Header == numberHeader || c.Header == parentHeader {
			k = intKind
		}
		last := fmt.Sprintf("%s%d", col, len(rows)+1+blankRows)
		style := styleOf(k)
		if i < fixed && k == intKind {
			style = "serial" // 序号 and 绩效表序号
		}
		w.f.SetCellStyle(name, col+"2", last, w.style(style))
		switch {
		case c.Choices != nil:
			w.dropDown(name, col+"2:"+last, c.Choices, "")
		case k == boolKind:
			w.dropDown(name, col+"2:"+last, yesNo, "")
		case c.ListOf != "":
			w.dropDown(name, col+"2:"+last, nil, fmt.Sprintf("'%s'!$A$2:$A$%d", c.ListOf, 1+blankRows+100))
		}
		for r, row := range rows {
			cell := fmt.Sprintf("%s%d", col, r+2)
			oc := row[i]
			if i < fixed {
				if oc.text != "" {
					if k == intKind {
						n, _ := strconv.Atoi(oc.text)
						w.f.SetCellInt(name, cell, int64(n))
					} else {
						w.f.SetCellStr(name, cell, oc.text)
					}
				}
				continue
			}
			w.value(name, cell, oc.node, k, c.Choices, oc.path)
			if oc.node != nil && k == textKind {
				widths[i] = max(widths[i], min(textUnits(oc.node.Value)+2, 60))
			}
		}
	}
	for i := range cols {
		w.f.SetColWidth(name, colName(i), colName(i), widths[i])
	}
	for r, row := range rows {
		texts := make([]string, len(row))
		for i, c := range row {
			if c.node != nil {
				texts[i] = c.node.Value
			}
		}
		w.f.SetRowHeight(name, r+2, rowHeight(texts, widths))
	}
	w.finishSheet(name)
	// Excel prints formatted empty cells: print the data rows only.
	w.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", name, colName(len(cols)-1), max(len(rows)+1, 2))})
	var heads []string
	for _, c := range cols {
		heads = append(heads, c.Header)
	}
	w.f.SetRowHeight(name, 1, rowHeight(heads, widths)+6)
}

func levelColumns(t *table) int {
	n := 0
	for _, l := range t.Levels {
		n += len(l.Columns)
	}
	return n
}

// columnKind is the kind of a level column, from the model.
func (w *writer) columnKind(t *table, c column) kind {
	for lv, l := range t.Levels {
		for _, lc := range l.Columns {
			if lc.Header == c.Header {
				info, err := infoAt(t.columnPath(t.Lists[0], lv, lc))
				if err != nil {
					w.fail(err.Error())
				}
				return info.kind
			}
		}
	}
	return textKind
}

// items flattens the items of one level (and the levels below) into rows.
// A group level whose items a reader could not tell apart (two neighbours
// with the same cells) is an error: it would come back merged.
func (w *writer) items(t *table, lv int, items []*yaml.Node, path string, prefix []outCell, single bool) [][]outCell {
	var rows [][]outCell
	level := t.Levels[lv]
	last := lv == len(t.Levels)-1
	var before []outCell
	for i, item := range items {
		itemPath := fmt.Sprintf("%s[%d]", path, i)
		if single {
			itemPath = path
		}
		var cells []outCell
		blank := true
		for _, c := range level.Columns {
			n, p := item, itemPath
			if c.Field != "" {
				n, p = get(item, c.Field), itemPath+"."+c.Field
			}
			if isNullNode(n) {
				n = nil
			}
			if n != nil && strings.TrimSpace(n.Value) != "" {
				blank = false
			}
			cells = append(cells, outCell{node: n, path: p})
		}
		row := append(append([]outCell(nil), prefix...), cells...)
		if last {
			if blank && !single {
				w.fail(msg.Sprintf("%s is empty, which a workbook row cannot hold", itemPath))
			}
			rows = append(rows, row)
			continue
		}
		if blank || sameCells(before, cells) {
			w.fail(msg.Sprintf("%s cannot be told from the group before it in a workbook (give it a name of its own)", itemPath))
		}
		before = cells
		var sub []*yaml.Node
		if s := get(item, t.Levels[lv+1].Path); s != nil {
			sub = s.Content
		}
		if len(sub) == 0 {
			rows = append(rows, padRow(row, len(prefix)+countFrom(t, lv)))
			continue
		}
		rows = append(rows, w.items(t, lv+1, sub, itemPath+"."+t.Levels[lv+1].Path, row, false)...)
	}
	return rows
}

func countFrom(t *table, lv int) int {
	n := 0
	for _, l := range t.Levels[lv:] {
		n += len(l.Columns)
	}
	return n
}

func padRow(row []outCell, n int) []outCell {
	for len(row) < n {
		row = append(row, outCell{})
	}
	return row
}

func sameCells(a, b []outCell) bool {
	if a == nil || len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].node == nil || b[i].node == nil || a[i].node.Value != b[i].node.Value {
			return false
		}
	}
	return true
}

func (w *writer) setHeader(sheet, cell, text, note string) {
	w.f.SetCellStr(sheet, cell, text)
	w.f.SetCellStyle(sheet, cell, cell, w.style("header"))
	if note != "" {
		w.addNote(sheet, cell, note)
	}
}

func (w *writer) addNote(sheet, cell, note string) {
	if err := w.f.AddComment(sheet, excelize.Comment{Author: "budgetdoc", Cell: cell, Text: note, Width: 260, Height: 90}); err != nil {
		w.fail(fmt.Sprintf("note %s!%s: %v", sheet, cell, err))
	}
}

func (w *writer) cell(sheet, col string, row int, text, style string) {
	cell := fmt.Sprintf("%s%d", col, row)
	w.f.SetCellStr(sheet, cell, text)
	w.f.SetCellStyle(sheet, cell, cell, w.style(style))
}

// dropDown gives cells a drop-down of options, or of a range's values.
func (w *writer) dropDown(sheet, sqref string, opts []option, source string) {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if source != "" {
		dv.SetSqrefDropList(source)
	} else {
		var labels []string
		for _, o := range opts {
			labels = append(labels, o.Label)
		}
		if err := dv.SetDropList(labels); err != nil {
			w.fail(fmt.Sprintf("drop-down %s!%s: %v", sheet, sqref, err))
			return
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, "请从下拉列表中选择", "可选："+strings.Join(labels, "、"))
	}
	if err := w.f.AddDataValidation(sheet, dv); err != nil {
		w.fail(fmt.Sprintf("drop-down %s!%s: %v", sheet, sqref, err))
	}
}

// value writes one value into its cell as the kind of cell it is: amounts
// and years as numbers, dates as dates, choices by their labels.
func (w *writer) value(sheet, cell string, n *yaml.Node, k kind, choices []option, path string) {
	if isNullNode(n) {
		return
	}
	v := n.Value
	if v == budget.ToFill && (k == amountKind || k == wanKind || k == dateKind) {
		w.f.SetCellStr(sheet, cell, v)
		w.f.SetCellStyle(sheet, cell, cell, w.style(styleOf(k)+"-todo"))
		return
	}
	switch k {
	case amountKind, wanKind:
		d, err := decimal.NewFromString(v)
		if err != nil {
			w.fail(msg.Sprintf("%s: %q is not an amount", path, v))
			return
		}
		if digits := len(d.Coefficient().String()); digits > maxFloatDigits {
			w.fail(msg.Sprintf("%s: %s has more than %d significant digits, more than a spreadsheet cell keeps", path, v, maxFloatDigits))
			return
		}
		f, _ := d.Float64()
		w.f.SetCellFloat(sheet, cell, f, -1, 64)
	case intKind:
		i, err := strconv.Atoi(v)
		if err != nil {
			w.fail(msg.Sprintf("%s: %q is not a whole number", path, v))
			return
		}
		w.f.SetCellInt(sheet, cell, int64(i))
	case dateKind:
		if v == (budget.Date{}).String() {
			return // not set yet
		}
		d, err := budget.ParseDate(v)
		if err != nil {
			w.fail(path + ": " + err.Error())
			return
		}
		w.f.SetCellFloat(sheet, cell, excelDate(d), -1, 64)
	case boolKind:
		w.f.SetCellStr(sheet, cell, labelOf(yesNo, v))
	default:
		if why := unwritable(v); why != "" {
			w.fail(path + ": " + why)
			return
		}
		w.f.SetCellStr(sheet, cell, labelOf(choices, v))
	}
}

// unwritable says why a text cannot be kept in a cell, or "".
func unwritable(s string) string {
	if utf8.RuneCountInString(s) > 32767 {
		return msg.Sprintf("a text of more than 32,767 characters does not fit in a spreadsheet cell")
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return msg.Sprintf("the character U+%04X cannot be kept in a spreadsheet cell", r)
		}
	}
	return ""
}

func labelOf(opts []option, value string) string {
	for _, o := range opts {
		if o.Value == value {
			return o.Label
		}
	}
	return value
}

// excelDate is the spreadsheet serial number of a day (days since
// 1899-12-30).
func excelDate(d budget.Date) float64 {
	return math.Round(d.Time().Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// textUnits is the width of s in Excel units: Han characters two, others one.
func textUnits(s string) float64 {
	u := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			u += 1.1
		} else {
			u += 2.2
		}
	}
	return u
}

func colName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// get returns the node at a dotted path of mapping keys below n, or nil.
func get(n *yaml.Node, path string) *yaml.Node {
	for _, key := range strings.Split(path, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == key {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n
}

func isNullNode(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
