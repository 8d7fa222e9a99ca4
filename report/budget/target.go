package budget

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"budgetdoc/report/msg"
)

// Target is a parsed 指标值 of the one-sided form: an operator, a number and
// a unit (≥13459.00(平方米), =100%, ≤30天), or a word (优, 满意). The form
// prints the value as written; the parts are for checks.
type Target struct {
	Op     string          // ≥ ≤ = > < (as written, also ＝ ≧ >= …); "" for a bare number
	Number decimal.Decimal // valid when Word is ""
	Unit   string          // 平方米 from (平方米) or 平方米; % ; may be ""
	Word   string          // a value that is not a figure
}

// TargetError is a malformed 指标值, at a character of the value.
type TargetError struct {
	At      int // the character (rune) offset in the value, from 0
	Message string
}

func (e *TargetError) Error() string {
	return msg.Sprintf("at character %d: %s", e.At+1, e.Message)
}

// operators are the comparison signs a value may start with, longest first
// so that >= is read whole.
var operators = []string{">=", "<=", "≥", "≤", "≧", "≦", "=", "＝", ">", "<", "＞", "＜"}

// opChars are characters that look like operators; one in the wrong place
// makes a bad operator rather than a word.
const opChars = "≥≤≧≦=＝><＞＜≠≈~～"

// ParseTarget reads a 指标值. A value starting with an operator or a digit is
// a figure: the operator, a plain decimal number and an optional unit, in
// brackets or not. Anything else is a word.
func ParseTarget(s string) (Target, error) {
	value := strings.TrimSpace(s)
	lead := len([]rune(s)) - len([]rune(strings.TrimLeftFunc(s, unicode.IsSpace)))
	if value == "" {
		return Target{}, &TargetError{0, "the value is empty"}
	}
	first, _ := utf8.DecodeRuneInString(value)
	if !strings.ContainsRune(opChars, first) && !isDigit(first) {
		if first == '+' || first == '-' || first == '.' {
			return Target{}, &TargetError{lead, msg.Sprintf("%q cannot start a figure: write an operator (≥ ≤ = > <) and then the number", string(first))}
		}
		return Target{Word: value}, nil
	}
	var t Target
	rest := value
	for _, op := range operators {
		if strings.HasPrefix(rest, op) {
			t.Op, rest = op, rest[len(op):]
			break
		}
	}
	at := lead + utf8.RuneCountInString(t.Op)
	if t.Op == "" && !isDigit(first) {
		return Target{}, &TargetError{lead, msg.Sprintf("%q is not an operator: use ≥ ≤ = > or <", string(first))}
	}
	if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(opChars, r) {
		return Target{}, &TargetError{lead, msg.Sprintf("%q is not an operator: use ≥ ≤ = > or <", t.Op+string(r))}
	}
	trimmed := strings.TrimLeft(rest, " ")
	at += len(rest) - len(trimmed)
	rest = trimmed
	n := 0
	dots := 0
	for n < len(rest) && (isDigit(rune(rest[n])) || rest[n] == '.') {
		if rest[n] == '.' {
			dots++
		}
		n++
	}
	number := rest[:n]
	switch {
	case n == 0:
		return Target{}, &TargetError{at, msg.Sprintf("a number must follow %s", t.Op)}
	case dots > 1 || strings.HasPrefix(number, ".") || strings.HasSuffix(number, "."):
		return Target{}, &TargetError{at, msg.Sprintf("%q is not a number", number)}
	}
	d, err := decimal.NewFromString(number)
	if err != nil {
		return Target{}, &TargetError{at, msg.Sprintf("%q is not a number", number)}
	}
	t.Number = d
	unit := strings.TrimSpace(rest[n:])
	uat := at + n + (len(rest[n:]) - len(strings.TrimLeft(rest[n:], " ")))
	if r, _ := utf8.DecodeRuneInString(unit); r == ',' || r == '，' {
		return Target{}, &TargetError{uat, "write the number without thousands separators"}
	} else if isDigit(r) || r == '.' {
		return Target{}, &TargetError{uat, msg.Sprintf("%q is not a number", number+unit)}
	}
	t.Unit = unit
	for _, br := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(unit, br[0]) {
			if !strings.HasSuffix(unit, br[1]) {
				return Target{}, &TargetError{uat, msg.Sprintf("the unit %s has no closing %s", unit, br[1])}
			}
			t.Unit = strings.TrimSuffix(strings.TrimPrefix(unit, br[0]), br[1])
		}
	}
	if strings.ContainsAny(t.Unit, opChars) {
		return Target{}, &TargetError{uat, msg.Sprintf("the unit %q has an operator in it: one operator, at the start", t.Unit)}
	}
	return t, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
