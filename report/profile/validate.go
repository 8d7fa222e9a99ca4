package profile

import (
	"fmt"
	"reflect"
	"strings"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

// Validate checks a profile after merging: every value one of its kind's,
// every placeholder and content name known, every required path a budget
// field. Each finding has the position of the value to fix.
func (p *Profile) Validate() budget.Findings {
	v := validator{p: p}
	v.oneOf("wording", p.Wording, "部门", "单位")
	v.text("file_name", p.FileName)
	if budget.SafeFileName(p.FileName) != p.FileName || strings.HasPrefix(p.FileName, ".") || strings.HasPrefix(p.FileName, "-") {
		v.fail("file_name", msg.Sprintf("%q cannot name a file: leave out / \\ : * ? \" < > | and a leading . or -", p.FileName))
	}
	if len(p.Documents) == 0 {
		v.fail("documents", msg.Sprintf("the profile lists no documents; give some of %s", strings.Join(Documents, ", ")))
	}
	seen := map[string]bool{}
	for i, d := range p.Documents {
		path := fmt.Sprintf("documents[%d]", i)
		v.oneOf(path, d, Documents...)
		if seen[d] {
			v.fail(path, msg.Sprintf("%q is listed twice", d))
		}
		seen[d] = true
	}
	if len(p.Documents) > 0 && p.Documents[0] != DocExplanation {
		v.fail("documents", msg.Sprintf("the list starts with %s: the other documents are its attachments", DocExplanation))
	}
	if p.Has(DocExplanation) {
		for i, t := range p.Explanation.Title {
			v.text(fmt.Sprintf("explanation.title[%d]", i), t)
		}
		v.money("explanation.money", p.Explanation.Money)
		for i, part := range p.Explanation.Parts {
			path := fmt.Sprintf("explanation.parts[%d]", i)
			v.text(path+".heading", part.Heading)
			for j, s := range part.Sections {
				spath := fmt.Sprintf("%s.sections[%d]", path, j)
				v.text(spath+".heading", s.Heading)
				for k, c := range s.Content {
					v.oneOf(fmt.Sprintf("%s.content[%d]", spath, k), c, Contents...)
				}
			}
		}
	}
	if p.Has(DocProjectTable) {
		v.text("project_table.title", p.ProjectTable.Title)
		v.money("project_table.money", p.ProjectTable.Money)
		v.oneOf("project_table.codes", p.ProjectTable.Codes, OneColumn, ThreeColumns)
	}
	if p.Has(DocForms) {
		f := p.Forms
		v.oneOf("forms.template", f.Template, TwoSided, OneSided)
		v.oneOf("forms.for", f.For, "all", "selected")
		v.text("forms.title", f.Title)
		if f.Template == OneSided {
			if f.Rows.Min < 1 || f.Rows.Max < f.Rows.Min {
				v.fail("forms.rows", msg.Sprintf("rows must give min ≥ 1 and max ≥ min (found min %d, max %d)", f.Rows.Min, f.Rows.Max))
			}
			if f.PerLevel1 < 1 {
				v.fail("forms.per_level1", msg.Sprintf("per_level1 must be at least 1 (found %d)", f.PerLevel1))
			}
		}
	}
	standard := false
	for _, d := range budget.StandardTables {
		standard = standard || p.Has(string(d))
	}
	if standard {
		v.money("tables.money", p.Tables.Money)
	}
	var tables []string
	for _, d := range budget.StandardTables {
		tables = append(tables, string(d))
	}
	for i, tt := range p.Tables.Texts {
		path := fmt.Sprintf("tables.texts[%d]", i)
		v.oneOf(path+".document", tt.Document, tables...)
		v.text(path+".title", tt.Title)
		v.text(path+".empty", tt.Empty)
	}
	for i, g := range p.Glossary {
		path := fmt.Sprintf("glossary[%d]", i)
		if strings.TrimSpace(g.Term) == "" || strings.TrimSpace(g.Definition) == "" {
			v.fail(path, msg.Sprintf("a glossary entry needs a term and a definition"))
		}
	}
	for i, r := range p.Required {
		if problem := checkFieldPath(r); problem != "" {
			v.fail(fmt.Sprintf("required[%d]", i), problem)
		}
	}
	return v.findings
}

type validator struct {
	p        *Profile
	findings budget.Findings
}

// fail records an error at path; message is made with msg.Sprintf.
func (v *validator) fail(path, message string) {
	v.findings = append(v.findings, budget.Finding{Severity: budget.Error, Pos: v.p.Pos(path), Path: path, Message: message})
}

// oneOf checks that a value is one of the allowed, suggesting the nearest.
func (v *validator) oneOf(path, value string, allowed ...string) {
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	text := msg.Sprintf("%q is not one of %s", value, strings.Join(allowed, ", "))
	if value == "" {
		text = msg.Sprintf("missing; give one of %s", strings.Join(allowed, ", "))
	} else if s := budget.Nearest(value, allowed); s != "" {
		text += msg.Sprintf("; did you mean %q?", s)
	}
	v.fail(path, text)
}

// text checks a text's placeholders.
func (v *validator) text(path, text string) {
	bad, at := badPlaceholder(text)
	if bad == "" {
		return
	}
	names := make([]string, len(Placeholders))
	for i, ph := range Placeholders {
		names[i] = "{" + ph.Name + "}"
	}
	problem := msg.Sprintf("%s at character %d is not a placeholder; the placeholders are %s", bad, at+1, strings.Join(names, " "))
	if s := budget.Nearest(bad, names); s != "" {
		problem += msg.Sprintf("; did you mean %q?", s)
	}
	v.fail(path, problem)
}

func (v *validator) money(path string, m Money) {
	v.oneOf(path+".unit", m.Unit, "元", "万元")
	v.oneOf(path+".decimals", m.Decimals, "auto", "0", "2")
}

// checkFieldPath checks that a required path names a budget field:
// overview.composition, forms[].funds.total. It returns what is wrong, or "".
func checkFieldPath(path string) string {
	t := reflect.TypeOf(budget.Budget{})
	for _, part := range strings.Split(path, ".") {
		if t.Kind() != reflect.Struct {
			return msg.Sprintf("the path %q goes too deep: %q has no fields under it", path, part)
		}
		name, list := strings.CutSuffix(part, "[]")
		f, ok := fieldByKey(t, name)
		if !ok {
			text := msg.Sprintf("%q in %q is not a budget field", name, path)
			if s := budget.Nearest(name, keysOf(t)); s != "" {
				text += msg.Sprintf("; did you mean %q?", s)
			}
			return text
		}
		t = f.Type
		if list {
			if t.Kind() != reflect.Slice {
				return msg.Sprintf("%q in %q is not a list", name, path)
			}
			t = t.Elem()
		}
	}
	return ""
}

// fieldByKey finds a struct field by its data key.
func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	if t == nil || t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("budget"), ","); name == key && name != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func keysOf(t reflect.Type) []string {
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("budget"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}
