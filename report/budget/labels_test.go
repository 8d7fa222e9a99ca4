package budget

import (
	"reflect"
	"strings"
	"testing"
)

func TestFieldLabel(t *testing.T) {
	for path, want := range map[string]string{
		"rows[11].amount":       "金额",
		"rows[2]":               "项目表的行",
		"expenditure.basic":     "基本支出",
		"forms[0].annual.total": "资金总额",
		"forms[1].indicators.period[0].groups[1].items[2].value": "指标值",
		"rows[3].amout": "",
		"nosuch":        "",
		"year.x":        "",
	} {
		if got := FieldLabel(path); got != want {
			t.Errorf("FieldLabel(%q) = %q, want %q", path, got, want)
		}
	}
}

// Every field of the data model has its Chinese label, so every finding's
// path is followed by it.
func TestEveryFieldHasALabel(t *testing.T) {
	seen := make(map[reflect.Type]bool)
	used := make(map[string]bool)
	var walk func(t reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Slice || typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			tag := f.Tag.Get("budget")
			if tag == "" || tag == "-" {
				continue
			}
			key := typ.Name() + "." + strings.Split(tag, ",")[0]
			if labels[key] == "" {
				t.Errorf("%s has no Chinese name in labels (report/budget/labels.go)", key)
			}
			used[key] = true
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(Budget{}))
	for key := range labels {
		if !used[key] {
			t.Errorf("labels names %s, which is no field of the model", key)
		}
	}
}
