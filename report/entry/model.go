package entry

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
)

// kind is what a cell holds, read from the model's type of its field.
type kind int

const (
	textKind   kind = iota
	amountKind      // money in 元, two decimals
	wanKind         // money in 万元, four decimals
	intKind
	dateKind
	boolKind
)

var (
	decimalType     = reflect.TypeOf(decimal.Decimal{})
	nullDecimalType = reflect.TypeOf(decimal.NullDecimal{})
	dateType        = reflect.TypeOf(budget.Date{})
)

// fieldInfo is what the model says of one leaf field.
type fieldInfo struct {
	kind     kind
	required bool
	nullable bool // an amount that may be blank, as distinct from 0
}

// infoAt returns the kind of the field at a path template of the data
// format (rows[].amount, forms[].period.goals[]).
func infoAt(path string) (fieldInfo, error) {
	t := reflect.TypeOf(budget.Budget{})
	info := fieldInfo{}
	wan := false
	for _, part := range strings.Split(path, ".") {
		name, isList := strings.CutSuffix(part, "[]")
		if t.Kind() != reflect.Struct {
			return info, fmt.Errorf("entry: %s: %s is not a mapping", path, name)
		}
		f, ok := structField(t, name)
		if !ok {
			return info, fmt.Errorf("entry: %s: the model has no field %q", path, name)
		}
		_, opts, _ := strings.Cut(f.Tag.Get("budget"), ",")
		info.required = opts == "required"
		wan = f.Tag.Get("wan") == "true"
		t = f.Type
		if isList {
			if t.Kind() != reflect.Slice {
				return info, fmt.Errorf("entry: %s: %s is not a list", path, name)
			}
			t = t.Elem()
			info.required = true // an item of a list is there
		}
	}
	switch {
	case t == decimalType || t == nullDecimalType:
		info.kind, info.nullable = amountKind, t == nullDecimalType
		if wan {
			info.kind = wanKind
		}
	case t == dateType:
		info.kind = dateKind
	case t.Kind() == reflect.String:
		info.kind = textKind
	case t.Kind() == reflect.Int:
		info.kind = intKind
	case t.Kind() == reflect.Bool:
		info.kind = boolKind
	default:
		return info, fmt.Errorf("entry: %s: a %s cannot be one cell", path, t)
	}
	return info, nil
}

// structField finds the field of t tagged `budget:"name…"`.
func structField(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("budget"), ",")
		if tag == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// modelLeaves lists the path templates of every single value the model
// holds: the fields a workbook must have a cell for.
func modelLeaves() []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		switch {
		case t == decimalType || t == nullDecimalType || t == dateType || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Pointer:
			out = append(out, prefix)
		case t.Kind() == reflect.Slice:
			walk(t.Elem(), prefix+"[]")
		case t.Kind() == reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				tag, _, _ := strings.Cut(t.Field(i).Tag.Get("budget"), ",")
				if tag == "" || tag == "-" {
					continue
				}
				p := tag
				if prefix != "" {
					p = prefix + "." + tag
				}
				walk(t.Field(i).Type, p)
			}
		}
	}
	walk(reflect.TypeOf(budget.Budget{}), "")
	return out
}

// columnPath is the path template of a table column: the chosen list, the
// levels below it and the column's field.
func (t *table) columnPath(list choice, lv int, c column) string {
	p := list.Path + "[]"
	if t.Parent != "" {
		p = t.Parent + "[]." + p
	}
	for _, l := range t.Levels[1 : lv+1] {
		p += "." + l.Path + "[]"
	}
	if c.Field != "" {
		p += "." + c.Field
	}
	return p
}

// specLeaves lists the path templates the workbook has a cell for.
func specLeaves() []string {
	var out []string
	for _, s := range sheets {
		for _, f := range s.Fields {
			out = append(out, f.Path)
		}
		if t := s.Table; t != nil {
			for _, list := range t.Lists {
				for lv, l := range t.Levels {
					for _, c := range l.Columns {
						out = append(out, t.columnPath(list, lv, c))
					}
				}
			}
		}
	}
	return out
}
