package budget

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"budgetdoc/report/msg"
)

// Load reads a budget from a YAML or JSON file (JSON is read as the YAML
// subset it is). Every problem in the file is reported at once, as Findings
// with file:line:column positions.
//
// A budget that names last year's file (previous) has it read into
// Previous; problems in that file are reported at their place in it.
func Load(path string) (*Budget, error) {
	b, err := loadFile(path)
	if err != nil || b.PreviousFile == "" {
		return b, err
	}
	prevPath := filepath.Join(filepath.Dir(path), filepath.FromSlash(b.PreviousFile))
	prev, err := loadFile(prevPath)
	if fs, ok := err.(Findings); ok {
		return nil, fs
	} else if err != nil {
		return nil, Findings{{Severity: Error, Pos: b.Source.Pos("previous"), Path: "previous",
			Message: msg.Sprintf("last year's file cannot be read: %v", err)}}
	}
	b.Previous = prev
	return b, nil
}

func loadFile(path string) (*Budget, error) {
	data, err := readInput(path)
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, msg.Errorf("no such file")
	case errors.As(err, &pathErr):
		return nil, msg.Errorf("the file cannot be read: %w", pathErr.Err)
	case err != nil:
		return nil, err
	}
	return ParseFile(path, data)
}

// formats are the readers of data formats other than YAML and JSON, by
// file extension.
var formats = map[string]func(name string, data []byte) (*Budget, error){}

// RegisterFormat makes Load and ParseFile read files with the extension
// (".xlsx") by read. Package entry registers the entry workbook, so that
// last year's file may be a workbook too.
func RegisterFormat(ext string, read func(name string, data []byte) (*Budget, error)) {
	formats[strings.ToLower(ext)] = read
}

// ParseFile reads a budget from data in the format name's extension says:
// a registered one (the entry workbook, .xlsx), else YAML or JSON.
func ParseFile(name string, data []byte) (*Budget, error) {
	if read, ok := formats[strings.ToLower(filepath.Ext(name))]; ok {
		return read(name, data)
	}
	return Parse(name, data)
}

// Parse reads a budget from data; name is the file name used in findings.
func Parse(name string, data []byte) (*Budget, error) {
	b := &Budget{}
	src, findings := Decode(name, data, b)
	if len(findings) > 0 {
		return nil, findings
	}
	b.Source = src
	return b, nil
}

// Decode fills v, a pointer to a struct with `budget:"key[,required]"` field
// tags, from a YAML or JSON file's data, as Parse does a budget: every
// problem is a finding with its position, unknown keys come with a
// suggestion, and the returned Source records where each value was read.
// Fields already set in v and absent from data keep their values, so
// decoding a second file into v overlays it on the first. A file saved as
// GBK or UTF-16 is decoded, with a warning in the Source.
func Decode(name string, data []byte, v any) (Source, Findings) {
	src := Source{File: name}
	if len(data) > MaxInput {
		return src, Findings{{Severity: Error, Pos: Pos{File: name}, Message: msg.Sprintf(
			"the file is larger than %d MB, far larger than a budget; is it the right file?", MaxInput>>20)}}
	}
	data, warning, bad := decodeText(name, data)
	if bad != nil {
		return src, Findings{*bad}
	}
	if warning != nil {
		src.Warnings = append(src.Warnings, *warning)
	}
	root, err := parseYAML(data)
	if err != nil {
		return src, Findings{syntaxFinding(name, data, err)}
	}
	if len(root.Content) == 0 {
		return src, Findings{{Severity: Error, Pos: Pos{File: name, Line: 1}, Message: msg.Sprintf("the file is empty")}}
	}
	if top := root.Content[0]; top.Kind != yaml.MappingNode {
		text := msg.Sprintf("the file holds %s, where a mapping of keys (key: value) is expected", describe(top))
		if _, isBudget := v.(*Budget); isBudget {
			text = msg.Sprintf("the file is not a budget: it holds %s, where a budget is a mapping of keys (year:, unit:, …)", describe(top))
		}
		return src, Findings{{Severity: Error, Pos: Pos{File: name, Line: top.Line, Col: top.Column}, Message: text}}
	}
	// A value's position is recorded for each line, about: the map made at
	// that size is not grown (and rehashed) a dozen times. Only about: a
	// file padded with blank lines or comments has few values, and a map
	// made for 15 million took 2.2 GB; past a large budget's lines it grows.
	src.positions = make(map[string]Pos, min(bytes.Count(data, []byte{'\n'})+1, maxPositionsHint))
	d := decoder{src: &src, maxChars: len(data) + aliasSlack}
	d.decode(root.Content[0], reflect.ValueOf(v).Elem(), "", false)
	if len(d.findings) > maxFindings {
		more := len(d.findings) - maxFindings
		d.findings = append(d.findings[:maxFindings], Finding{Severity: Error, Pos: Pos{File: name},
			Message: msg.Sprintf("%d more problems not shown; fix the ones above first", more)})
	}
	return src, d.findings
}

// Nearest returns the one of known closest to name when it is close enough
// to be a typing slip, else "".
func Nearest(name string, known []string) string { return nearest(name, known) }

// ToFill stands in a data file for a figure still to be entered: `init
// --from` writes it for every amount of the new year, and the loader lists
// each one as left to fill in.
const ToFill = "待填"

// maxFindings bounds how many loading problems are listed: past it they are
// the same mistake repeated.
const maxFindings = 1000

// encodingFinding reports a file that is not UTF-8, at its first bad byte.
func encodingFinding(name string, data []byte) (Finding, bool) {
	if utf8.Valid(data) {
		return Finding{}, true
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	// GBK and UTF-16 files are decoded before this (decodeText): this one
	// is in another encoding, often Latin-1 or Windows-1252.
	text := msg.Sprintf("the file is not UTF-8 text, nor GBK or UTF-16 (is it Latin-1?): save it with the encoding UTF-8")
	return Finding{Severity: Error, Pos: Pos{File: name, Line: line, Col: col}, Message: text}, false
}

// parseYAML parses data into a node tree. yaml.v3 panics on some malformed
// input (go-yaml issues 665, 666, 744); such a panic is a syntax error too.
func parseYAML(data []byte) (root yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the parser failed: %v", r)
		}
	}()
	err = yaml.Unmarshal(data, &root)
	return root, err
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// collectionErrors are the YAML parser's (not scanner's) messages. yaml.v3
// reports them at the 0-based line where the enclosing collection starts.
var collectionErrors = map[string]bool{
	"did not find expected node content":  true,
	"did not find expected '-' indicator": true,
	"did not find expected key":           true,
	"did not find expected ',' or ']'":    true,
	"did not find expected ',' or '}'":    true,
}

// syntaxFinding turns a YAML parser error into a finding with its line,
// and for the common mistakes their column and a hint in plain words.
func syntaxFinding(name string, data []byte, err error) Finding {
	if f, ok := commonSyntaxMistake(name, data, err.Error()); ok {
		return f
	}
	f := Finding{Severity: Error, Pos: Pos{File: name}, Message: msg.Sprintf("YAML syntax: %s", yamlMessage(strings.TrimPrefix(err.Error(), "yaml: ")))}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		f.Pos.Line, _ = strconv.Atoi(m[1])
		f.Message = msg.Sprintf("YAML syntax: %s", yamlMessage(m[2]))
		if collectionErrors[m[2]] {
			f.Pos.Line++
			f.Message = msg.Sprintf("YAML syntax: %s in the list or mapping that starts here (look for an unclosed bracket or a wrong indent)", yamlMessage(m[2]))
		}
	}
	return f
}

// yamlMessage says a YAML parser message in the messages' language; the
// rarer ones stay as the parser words them.
func yamlMessage(s string) string {
	switch s {
	case "did not find expected node content":
		return msg.Sprintf("did not find expected node content")
	case "did not find expected '-' indicator":
		return msg.Sprintf("did not find expected '-' indicator")
	case "did not find expected key":
		return msg.Sprintf("did not find expected key")
	case "did not find expected ',' or ']'":
		return msg.Sprintf("did not find expected ',' or ']'")
	case "did not find expected ',' or '}'":
		return msg.Sprintf("did not find expected ',' or '}'")
	case "mapping values are not allowed in this context":
		return msg.Sprintf("mapping values are not allowed in this context")
	case "block sequence entries are not allowed in this context":
		return msg.Sprintf("block sequence entries are not allowed in this context")
	case "found character that cannot start any token":
		return msg.Sprintf("found character that cannot start any token")
	case "found a tab character that violates indentation":
		return msg.Sprintf("found a tab character that violates indentation")
	case "could not find expected ':'":
		return msg.Sprintf("could not find expected ':'")
	case "found unexpected end of stream":
		return msg.Sprintf("found unexpected end of stream")
	case "found unknown escape character":
		return msg.Sprintf("found unknown escape character")
	case "did not find expected <document start>":
		return msg.Sprintf("did not find expected <document start>")
	}
	return s
}

// decoder fills Go values from YAML nodes by the `budget` struct tags,
// recording every value's position and collecting every problem.
type decoder struct {
	src      *Source
	findings Findings
	values   int // values decoded so far, to stop alias bombs and cycles
	chars    int // bytes of text decoded so far
	maxChars int // the file's size and aliasSlack: only aliases can pass it
	stopped  bool
}

var (
	decimalType     = reflect.TypeOf(decimal.Decimal{})
	nullDecimalType = reflect.TypeOf(decimal.NullDecimal{})
	dateType        = reflect.TypeOf(Date{})
)

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.src.File, Line: n.Line, Col: n.Column} }

// fail records an error at n; message is made with msg.Sprintf.
func (d *decoder) fail(n *yaml.Node, path, message string) {
	d.findings = append(d.findings, Finding{Severity: Error, Pos: d.pos(n), Path: path, Message: message})
}

// decode fills v from n. wan marks amounts in 万元, which may have four
// decimals (one 元) instead of two.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, wan bool) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if d.stopped {
		return
	}
	d.values++
	if n.Kind == yaml.ScalarNode {
		d.chars += len(n.Value)
	}
	switch {
	case d.values > maxValues:
		d.fail(n, path, msg.Sprintf("the file expands to more than %d values; are aliases (*name) nested in each other?", maxValues))
		d.stopped = true
		return
	case d.chars > d.maxChars && d.maxChars > 0:
		d.fail(n, path, msg.Sprintf("aliases (*name) expand the file to more than %d bytes of text, far more than it holds; are they nested in each other?", d.maxChars))
		d.stopped = true
		return
	}
	d.src.record(path, d.pos(n))
	if isNull(n) {
		return // leaves the zero value; required fields are checked by the parent
	}
	switch v.Type() {
	case decimalType:
		if amount, ok := d.amount(n, path, wan); ok {
			v.Set(reflect.ValueOf(amount))
		}
		return
	case nullDecimalType:
		if amount, ok := d.amount(n, path, wan); ok {
			v.Set(reflect.ValueOf(decimal.NullDecimal{Decimal: amount, Valid: true}))
		}
		return
	case dateType:
		if !d.expect(n, yaml.ScalarNode, path, msg.Sprintf("a date such as 2021-03-17")) {
			return
		}
		if strings.TrimSpace(n.Value) == ToFill {
			d.fail(n, path, msg.Sprintf("left to fill in (%s): enter the date", ToFill))
			return
		}
		date, err := ParseDate(n.Value)
		if err != nil {
			d.fail(n, path, err.Error())
			return
		}
		v.Set(reflect.ValueOf(date))
		return
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Style&yaml.FlowStyle == 0 {
			// 负责政务服务: 审批工作 reads as a key and its value.
			d.fail(n, path, msg.Sprintf(`expected text, found "key: value": a ":" followed by a space inside a text makes it a key; put the whole text in quotes ("…")`))
			return
		}
		if d.expect(n, yaml.ScalarNode, path, msg.Sprintf("text")) {
			v.SetString(n.Value)
		}
	case reflect.Int:
		if !d.expect(n, yaml.ScalarNode, path, msg.Sprintf("a whole number")) {
			return
		}
		i, err := strconv.Atoi(n.Value)
		if err != nil {
			d.fail(n, path, msg.Sprintf("%q is not a whole number", n.Value))
			return
		}
		v.SetInt(int64(i))
	case reflect.Bool:
		if !d.expect(n, yaml.ScalarNode, path, msg.Sprintf("true or false")) {
			return
		}
		switch n.Value {
		case "true":
			v.SetBool(true)
		case "false":
		default:
			d.fail(n, path, msg.Sprintf("%q is not true or false", n.Value))
		}
	case reflect.Slice:
		if !d.expect(n, yaml.SequenceNode, path, msg.Sprintf("a list")) {
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), wan)
		}
		v.Set(s)
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	default:
		panic("budget: cannot decode into " + v.Type().String())
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if !d.expect(n, yaml.MappingNode, path, msg.Sprintf("a mapping of keys to values")) {
		return
	}
	fields := fieldsOf(v.Type())
	seen := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		name := key.Value
		fieldPath := joinPath(path, name)
		if first, dup := seen[name]; dup {
			d.fail(key, fieldPath, msg.Sprintf("duplicate key %q (first given on line %d)", name, first.Line))
			continue
		}
		seen[name] = key
		if path == "" {
			d.src.recordKey(name, d.pos(key))
		}
		f, ok := fields.byName[name]
		if !ok {
			text := msg.Sprintf("unknown key %q", name)
			if s := nearest(name, fields.names); s != "" {
				text = msg.Sprintf("unknown key %q; did you mean %q?", name, s)
			}
			d.fail(key, fieldPath, text)
			continue
		}
		d.decode(value, v.Field(f.index), fieldPath, f.wan)
	}
	for _, f := range fields.list {
		if !f.required {
			continue
		}
		if key, ok := seen[f.name]; !ok || isBlank(valueOf(n, key)) {
			d.fail(n, joinPath(path, f.name), msg.Sprintf("required field %q is missing", f.name))
		} else if v := valueOf(n, key); isEmptyList(v) {
			d.fail(v, joinPath(path, f.name), msg.Sprintf("required list %q is empty; give it at least one entry", f.name))
		}
	}
}

// valueOf returns the value node that follows key in mapping n.
func valueOf(n, key *yaml.Node) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i] == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func (d *decoder) expect(n *yaml.Node, kind yaml.Kind, path, what string) bool {
	if n.Kind == kind {
		return true
	}
	d.fail(n, path, msg.Sprintf("expected %s, found %s", what, describe(n)))
	return false
}

var amountSyntax = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// amount reads a money amount: a plain decimal number, not negative, with at
// most two decimals (four for 万元).
func (d *decoder) amount(n *yaml.Node, path string, wan bool) (decimal.Decimal, bool) {
	if !d.expect(n, yaml.ScalarNode, path, msg.Sprintf("an amount")) {
		return decimal.Zero, false
	}
	text := strings.TrimSpace(n.Value)
	if text == ToFill {
		d.fail(n, path, msg.Sprintf("left to fill in (%s): enter the amount", ToFill))
		return decimal.Zero, false
	}
	if !amountSyntax.MatchString(text) {
		if strings.Contains(text, ",") {
			d.fail(n, path, msg.Sprintf("%q is not an amount (write it without thousands separators)", n.Value))
		} else {
			d.fail(n, path, msg.Sprintf("%q is not an amount", n.Value))
		}
		return decimal.Zero, false
	}
	amount, err := decimal.NewFromString(text)
	if err != nil {
		d.fail(n, path, msg.Sprintf("%q is not an amount", n.Value))
		return decimal.Zero, false
	}
	places, unit := int32(2), "元"
	if wan {
		places, unit = 4, "万元"
	}
	if !amount.Round(places).Equal(amount) {
		d.fail(n, path, msg.Sprintf("%s has more than %d decimal places for an amount in %s", text, places, unit))
		return decimal.Zero, false
	}
	if amount.IsNegative() {
		d.fail(n, path, msg.Sprintf("%s is negative; amounts cannot be", text))
		return decimal.Zero, false
	}
	if Digits(amount) > MaxDigits {
		d.fail(n, path, msg.Sprintf("%s has more than %d significant digits, more than a spreadsheet holds exactly", text, MaxDigits))
		return decimal.Zero, false
	}
	return amount, true
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// isBlank reports whether a value is null or empty text.
func isBlank(n *yaml.Node) bool {
	return isNull(n) || n.Kind == yaml.ScalarNode && strings.TrimSpace(n.Value) == ""
}

// isEmptyList reports whether n is a list without entries ([]).
func isEmptyList(n *yaml.Node) bool {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 0
}

func describe(n *yaml.Node) string {
	if isNull(n) {
		return msg.Sprintf("nothing (~)")
	}
	switch n.Kind {
	case yaml.MappingNode:
		return msg.Sprintf("a mapping")
	case yaml.SequenceNode:
		return msg.Sprintf("a list")
	default:
		return msg.Sprintf("%q", n.Value)
	}
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

type field struct {
	name     string
	index    int
	required bool
	wan      bool
}

type fieldSet struct {
	list   []field
	byName map[string]field
	names  []string
}

// fieldsOf lists a struct's fields by their `budget:"name[,required]"` tags.
// The list is made once per type: the decoder asks for it at every mapping.
func fieldsOf(t reflect.Type) fieldSet {
	if fs, ok := fieldSets.Load(t); ok {
		return fs.(fieldSet)
	}
	fs, _ := fieldSets.LoadOrStore(t, tagFields(t))
	return fs.(fieldSet)
}

var fieldSets sync.Map // reflect.Type → fieldSet

func tagFields(t reflect.Type) fieldSet {
	fs := fieldSet{byName: make(map[string]field)}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("budget")
		if tag == "" || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		f := field{name: name, index: i, required: opts == "required", wan: t.Field(i).Tag.Get("wan") == "true"}
		fs.list = append(fs.list, f)
		fs.byName[name] = f
		fs.names = append(fs.names, name)
	}
	return fs
}

// nearest returns the known name closest to name when it is close enough to
// be a typing slip.
func nearest(name string, known []string) string {
	best, bestDist := "", min(len(name)/2, 3)+1
	for _, k := range known {
		if dist := editDistance(name, k); dist < bestDist {
			best, bestDist = k, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
