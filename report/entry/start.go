package entry

import (
	"bytes"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
	"budgetdoc/report/profile"
)

// Starting a budget: `budgetdoc init`. Both ways write YAML or the entry
// workbook, by the output name's extension.

// NextYear carries last year's budget forward: the year one more, texts and
// rows kept, every amount and the date left to fill in (budget.ToFill),
// and previous naming last year's file (a path relative to the new file).
func NextYear(last *budget.Budget, previous, name string) ([]byte, error) {
	data, err := budget.Encode(last)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	scalar := func(v, tag string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: v, Tag: tag} }
	put(root, "year", scalar(strconv.Itoa(last.Year+1), "!!int"))
	put(root, "date", scalar(budget.ToFill, "!!str"))
	if previous != "" {
		put(root, "previous", scalar(previous, "!!str"))
	}
	emptyAmounts(root, "")
	if isWorkbookName(name) {
		return writeTree(root)
	}
	out, err := marshal(root)
	if err != nil {
		return nil, err
	}
	head := msg.Sprintf("# %d budget, carried forward from %s: enter every %s (the amounts and the date).\n", last.Year+1, previous, budget.ToFill)
	return append([]byte(head), out...), nil
}

// marshal writes YAML indented by two spaces, as the sample is.
func marshal(root *yaml.Node) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	err := enc.Close()
	return buf.Bytes(), err
}

// notCarried are the decimal fields that are settings, not figures of the
// year: they are carried as they are.
var notCarried = map[string]bool{"reason_threshold": true}

// emptyAmounts replaces every amount below n by budget.ToFill.
func emptyAmounts(n *yaml.Node, template string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i].Value, n.Content[i+1]
			p := key
			if template != "" {
				p = template + "." + key
			}
			if value.Kind == yaml.ScalarNode {
				if info, err := infoAt(p); err == nil && (info.kind == amountKind || info.kind == wanKind) && !notCarried[p] {
					value.Value, value.Tag, value.Style = budget.ToFill, "!!str", 0
				}
				continue
			}
			emptyAmounts(value, p)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			emptyAmounts(item, template+"[]")
		}
	}
}

// put sets the value of key in the mapping n, adding the key if missing.
func put(n *yaml.Node, key string, value *yaml.Node) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			n.Content[i+1] = value
			return
		}
	}
	n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
}

func isWorkbookName(name string) bool { return strings.EqualFold(filepath.Ext(name), ".xlsx") }

// Template returns an empty budget for a built-in profile (profile.Builtins)
// with every field present and explained: YAML with a comment on every key
// (its Chinese name, how to fill it in, whether the profile needs it), or
// the entry workbook with its notes.
func Template(profileName, name string) ([]byte, error) {
	if !slices.Contains(profile.Builtins(), profileName) {
		return nil, msg.Errorf("unknown profile %q; the profiles are %s", profileName, strings.Join(profile.Builtins(), ", "))
	}
	p := profile.MustBuiltin(profileName)
	named := &yaml.Node{Kind: yaml.ScalarNode, Value: profileName, Tag: "!!str"}
	if isWorkbookName(name) {
		root := &yaml.Node{Kind: yaml.MappingNode}
		put(root, "profile", named)
		return writeTree(root)
	}
	labels := fieldLabels()
	for _, path := range p.Required {
		if l, ok := labels[path]; ok && !strings.Contains(l, "必填") {
			labels[path] = l + "（" + profileName + " 配置必填）"
		}
	}
	root := skeleton(reflect.TypeOf(budget.Budget{}), "", labels)
	put(root, "profile", named)
	out, err := marshal(root)
	if err != nil {
		return nil, err
	}
	head := msg.Sprintf("# An empty budget (%s): fill in the fields; each is explained in the comment above it. Field reference: data/README.md.\n", profileName)
	return append([]byte(head), out...), nil
}

// fieldLabels gives every path template the comment the template shows:
// the field's Chinese name, how to fill it in and its choices.
func fieldLabels() map[string]string {
	labels := map[string]string{}
	describe := func(label, note string, choices []option) string {
		s := label + "：" + note
		if len(choices) > 0 {
			var cs []string
			for _, c := range choices {
				if c.Label == c.Value {
					cs = append(cs, c.Value)
				} else {
					cs = append(cs, c.Value+"（"+c.Label+"）")
				}
			}
			s += " 可选：" + strings.Join(cs, "、")
		}
		return s
	}
	for _, s := range sheets {
		for _, f := range s.Fields {
			labels[f.Path] = describe(f.Label, f.Note, f.Choices)
		}
		t := s.Table
		if t == nil {
			continue
		}
		for _, list := range t.Lists {
			p := list.Path
			if t.Parent != "" {
				p = t.Parent + "[]." + p
			}
			where := "工作表“" + s.Name + "”"
			if list.Label != "" {
				where += "中的“" + list.Label + "”"
			}
			labels[p] = where + "：" + s.Note
			for lv, l := range t.Levels {
				for _, c := range l.Columns {
					labels[t.columnPath(list, lv, c)] = describe(c.Header, c.Note, c.Choices)
				}
			}
		}
	}
	return labels
}

// skeleton is the YAML tree of a type with every field present and empty,
// one item in every list, each key with its comment.
func skeleton(t reflect.Type, template string, labels map[string]string) *yaml.Node {
	switch {
	case t == decimalType || t == nullDecimalType || t == dateType || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	case t.Kind() == reflect.Slice:
		return &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{skeleton(t.Elem(), template+"[]", labels)}}
	}
	n := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("budget"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		p := tag
		if template != "" {
			p = template + "." + tag
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Value: tag, HeadComment: labels[p]}
		n.Content = append(n.Content, key, skeleton(t.Field(i).Type, p, labels))
	}
	return n
}
