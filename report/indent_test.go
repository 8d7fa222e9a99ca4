package report_test

import (
	"math"
	"strings"
	"testing"

	"budgetdoc/report"
	"budgetdoc/report/layout"
)

// Every body paragraph of the explanation is indented two characters (or
// more), and every paragraph and heading starts its first line as many
// characters in on the rendered page as the composer says, in every
// section, whatever it says (a section with nothing to report, one with its
// 项 listed, one with last year's figure only).
func TestExplanationIndentsOnPage(t *testing.T) {
	for _, c := range []struct {
		name string
		path func(t *testing.T) string
	}{
		{"example", func(t *testing.T) string { return examplePath }},
		{"seed", func(t *testing.T) string { return samplePath }},
		// 国有资本经营 spending this year (section 九 with its 项), and a
		// fund last year had and this year has not (section 八's 上年为).
		{"other funds", func(t *testing.T) string {
			return examplePair(t, []string{
				`detail: 文化旅游市场执法检查, economic_code: "30226", amount: 85000 }`,
				`detail: 文化旅游市场执法检查, economic_code: "30226", fund: 国有资本经营预算拨款, amount: 85000 }`,
				"general_budget: 9449300", "general_budget: 9364300\n  state_capital: 85000",
				`fund: 政府性基金预算拨款, amount: 220000 }`, `amount: 220000 }`,
				`fund: 政府性基金预算拨款, amount: 300000 }`, `amount: 300000 }`,
				"government_fund: 520000", "government_fund: 0",
				"general_budget: 9364300", "general_budget: 9884300",
			}, nil)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := c.path(t)
			b, err := report.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := report.Compose(b)
			if err != nil {
				t.Fatal(err)
			}
			pdf, err := buildFile(path, t.TempDir(), report.PDF)
			if err != nil {
				t.Fatal(err)
			}
			checkIndents(t, doc, bboxLines(t, pdf))
		})
	}
}

// checkIndents finds each indented paragraph and heading of the document,
// up to its attachments, among the lines in order and checks where its
// first line starts.
func checkIndents(t *testing.T, doc *layout.Document, lines []bboxLine) {
	t.Helper()
	at, checked := 0, 0
	for _, blk := range doc.Blocks {
		var text string
		var indent float64
		switch x := blk.(type) {
		case *layout.Paragraph:
			text, indent = x.Text.S, x.Style.Indent
			if x.Style.Font == layout.FontBody && x.Style.Align != layout.Center && indent < 2 {
				t.Errorf("body paragraph %q has an indent of %g characters, not 2", text, indent)
			}
		case *layout.Heading:
			if x.Level == 0 {
				continue // centred part titles
			}
			text, indent = x.Text.S, 2
		case *layout.AttachmentHeading:
			if checked < 20 {
				t.Errorf("only %d paragraphs checked", checked)
			}
			return
		default:
			continue
		}
		if indent == 0 || text == "" {
			continue
		}
		// Leading ideographic spaces indent further (the attachment list's
		// lines under 附件：).
		trimmed := strings.TrimLeft(text, "　")
		indent += float64(len([]rune(text)) - len([]rune(trimmed)))
		flat := squeeze(layout.PlainText(trimmed))
		found := false
		for i := at; i < len(lines); i++ {
			l := lines[i]
			if l.page < 2 || len(l.text) < 4 || !strings.HasPrefix(flat, squeeze(l.text)) {
				continue
			}
			want := typeLeft + indent*charPitch
			if strings.ContainsRune(noEnd, []rune(l.text)[0]) {
				want -= charPitch / 2 // an opening mark's blank half hangs left
			}
			if math.Abs(l.xMin-want) > 0.6 {
				t.Errorf("page %d: %q starts at x %.2f, %.2f characters in; want %g", l.page, l.text, l.xMin, (l.xMin-typeLeft)/charPitch, indent)
			}
			at, found = i+1, true
			checked++
			break
		}
		if !found {
			t.Errorf("no line of %q found after line %d", text, at)
		}
	}
	t.Error("no attachments reached")
}
