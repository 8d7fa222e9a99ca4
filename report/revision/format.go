package revision

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"budgetdoc/report/money"
)

// Chinese is the kind as the revision table prints it.
func (k Kind) Chinese() string {
	return map[Kind]string{Changed: "修改", Added: "新增", Removed: "删除"}[k]
}

// Describe is a change's old and new values in one line: amounts with
// thousands separators and the signed difference, texts with the changed
// span in context.
func (ch Change) Describe() string {
	delta := ""
	if ch.IsAmount() {
		delta = "（" + money.Signed(*ch.Delta, 2) + "）"
	}
	switch {
	case ch.Kind == Added:
		return "+ " + ch.New + delta
	case ch.Kind == Removed:
		return "- " + ch.Old + delta
	case ch.IsAmount():
		return fmt.Sprintf("%s → %s%s", amountText(ch.Old), amountText(ch.New), delta)
	case len([]rune(ch.Old)) <= shortText && len([]rune(ch.New)) <= shortText && !strings.Contains(ch.Old+ch.New, "\n"):
		return fmt.Sprintf("%s → %s", orBlank(ch.Old), orBlank(ch.New))
	default:
		return Span(ch.Old, ch.New)
	}
}

// shortText is the length up to which a changed text is shown whole.
const shortText = 24

func orBlank(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}

// amountText prints an amount kept as decimal text, or 空 for a blank.
func amountText(s string) string {
	if s == "" {
		return orBlank(s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return money.Format(d, 2)
}

// Where is the change in words, with its lines in the data files:
// 项目表第 13 行 云端经开建设费 金额（原文件第 122 行，新文件第 123 行）.
func (ch Change) Where() string {
	if lines := ch.Lines(); lines != "" {
		return ch.Label + "（" + lines + "）"
	}
	return ch.Label
}

// Lines is where the change is in the data files: 文件第 20 行 when it is
// on the same line of both, else the line of each.
func (ch Change) Lines() string {
	switch {
	case ch.OldLine > 0 && ch.NewLine > 0 && ch.OldLine != ch.NewLine:
		return fmt.Sprintf("原文件第 %d 行，新文件第 %d 行", ch.OldLine, ch.NewLine)
	case ch.OldLine > 0 && ch.NewLine > 0:
		return fmt.Sprintf("文件第 %d 行", ch.NewLine)
	case ch.NewLine > 0:
		return fmt.Sprintf("新文件第 %d 行", ch.NewLine)
	case ch.OldLine > 0:
		return fmt.Sprintf("原文件第 %d 行", ch.OldLine)
	}
	return ""
}

// WriteText prints the revision table (修订对照表) as text. It prints
// nothing for budgets that do not differ.
func (r *Revision) WriteText(w io.Writer) error {
	if r.Same() {
		return nil
	}
	p := &printer{w: w}
	p.printf("修订对照表\n原：%s\n新：%s\n\n", r.OldFile, r.NewFile)
	for _, ch := range r.Changes {
		p.printf("%s　%s\n    %s\n", ch.Kind.Chinese(), ch.Where(), ch.Describe())
	}
	p.printf("\n%s%s%s%s\n", pad("合计", 14), padLeft("原", 18), padLeft("新", 18), padLeft("差额", 18))
	for _, t := range r.Totals {
		p.printf("  %s%s%s%s\n", pad(t.Name, 12), padLeft(money.Format(t.Old, 2), 18), padLeft(money.Format(t.New, 2), 18), padLeft(money.Signed(t.Delta, 2), 18))
	}
	return p.err
}

// width is how many terminal columns s takes: Chinese characters two.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func pad(s string, n int) string     { return s + strings.Repeat(" ", max(n-width(s), 0)) }
func padLeft(s string, n int) string { return strings.Repeat(" ", max(n-width(s), 0)) + s }

// printer writes formatted text, keeping the first error.
type printer struct {
	w   io.Writer
	err error
}

// printf writes format with args; text args, which come from the data
// files, have their control characters and bidi marks escaped, so that a
// data file cannot move the cursor, recolour or reorder a terminal's text.
func (p *printer) printf(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = Escape(s)
		}
	}
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// Escape writes control characters (ESC, CR, NUL …) and the invisible
// bidi and zero-width marks in s as \u001b, leaving all else as it is.
func Escape(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}
