package compose

import (
	"fmt"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
)

// DataTexts are the data's texts that the standard explanation sets inside
// its generated sentences (reasons, names of codes, vehicle kinds …), each
// with its origin. A generated sentence has no single origin, so a glyph
// check of these texts is what names the line of a character that cannot
// be printed.
func DataTexts(b *budget.Budget) []layout.Text {
	if !b.Documents.Standard() {
		return nil
	}
	c := src{b: b}
	var out []layout.Text
	add := func(s, path string) {
		if s != "" {
			out = append(out, c.text(s, path))
		}
	}
	for i, r := range b.Reasons {
		add(r.Text, fmt.Sprintf("reasons[%d].text", i))
	}
	for i, f := range b.Functions {
		add(f.Name, fmt.Sprintf("functions[%d].name", i))
	}
	for i, r := range b.Rows {
		add(r.FunctionName, fmt.Sprintf("rows[%d].function_name", i))
		add(r.EconomicName, fmt.Sprintf("rows[%d].economic_name", i))
	}
	for i, v := range b.Assets.Vehicles {
		add(v.Kind, fmt.Sprintf("assets.vehicles[%d].kind", i))
	}
	add(b.Assets.Planned, "assets.planned")
	return out
}
