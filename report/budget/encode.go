package budget

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"
)

// Encode writes a budget as YAML in the data format Load reads, leaving out
// optional fields that are empty. A budget built in code can so be saved,
// edited by hand and loaded again.
func Encode(b *Budget) ([]byte, error) {
	node := encodeValue(reflect.ValueOf(b).Elem())
	return yaml.Marshal(node)
}

// EncodeValue writes any value with `budget` field tags as YAML, as Encode
// does a budget (a profile, for instance).
func EncodeValue(v any) ([]byte, error) {
	return yaml.Marshal(encodeValue(reflect.Indirect(reflect.ValueOf(v))))
}

func encodeValue(v reflect.Value) *yaml.Node {
	scalar := func(text, tag string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Value: text, Tag: tag}
	}
	switch v.Type() {
	case decimalType:
		return scalar(v.Interface().(decimal.Decimal).String(), "")
	case nullDecimalType:
		return scalar(v.Interface().(decimal.NullDecimal).Decimal.String(), "")
	case dateType:
		return scalar(v.Interface().(Date).String(), "!!str")
	}
	switch v.Kind() {
	case reflect.String:
		return scalar(v.String(), "!!str")
	case reflect.Int:
		return scalar(strconv.FormatInt(v.Int(), 10), "!!int")
	case reflect.Bool:
		return scalar(strconv.FormatBool(v.Bool()), "!!bool")
	case reflect.Slice:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for i := 0; i < v.Len(); i++ {
			n.Content = append(n.Content, encodeValue(v.Index(i)))
		}
		return n
	case reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode}
		for _, f := range fieldsOf(v.Type()).list {
			fv := v.Field(f.index)
			if !f.required && isEmpty(fv) {
				continue
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.name}, encodeValue(fv))
		}
		return n
	}
	panic("budget: cannot encode " + v.Type().String())
}

// isEmpty reports whether an optional field has nothing to write.
func isEmpty(v reflect.Value) bool {
	switch v.Type() {
	case nullDecimalType:
		return !v.Interface().(decimal.NullDecimal).Valid
	case decimalType:
		return v.Interface().(decimal.Decimal).IsZero()
	case dateType:
		return v.IsZero()
	}
	if v.Kind() == reflect.Struct {
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).Tag.Get("budget") != "-" && !isEmpty(v.Field(i)) {
				return false
			}
		}
		return true
	}
	return v.IsZero() || v.Kind() == reflect.Slice && v.Len() == 0
}

// EncodeJSON writes a budget as JSON in the data format Load reads: the
// same fields as Encode, amounts as JSON numbers.
func EncodeJSON(b *Budget) ([]byte, error) {
	var buf bytes.Buffer
	writeJSON(&buf, encodeValue(reflect.ValueOf(b).Elem()), "")
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func writeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) {
	inner := indent + "  "
	switch n.Kind {
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			buf.WriteString("{}")
			return
		}
		buf.WriteString("{\n")
		for i := 0; i+1 < len(n.Content); i += 2 {
			buf.WriteString(inner)
			writeJSONString(buf, n.Content[i].Value)
			buf.WriteString(": ")
			writeJSON(buf, n.Content[i+1], inner)
			if i+2 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			buf.WriteString("[]")
			return
		}
		buf.WriteString("[\n")
		for i, item := range n.Content {
			buf.WriteString(inner)
			writeJSON(buf, item, inner)
			if i+1 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "]")
	default:
		if n.Tag == "!!str" {
			writeJSONString(buf, n.Value)
		} else {
			buf.WriteString(n.Value) // an amount, a whole number or true/false
		}
	}
}

func writeJSONString(buf *bytes.Buffer, s string) {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	buf.Truncate(buf.Len() - 1) // Encode's newline
}
