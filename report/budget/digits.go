package budget

import (
	"strings"

	"github.com/shopspring/decimal"

	"budgetdoc/report/msg"
)

// MaxDigits is the most digits an amount or a total may have: a spreadsheet
// holds a number as a binary double, exact to 15 significant digits, so
// 99999999999999999999.99 would be shown as 1E+20.
const MaxDigits = 15

// Digits counts the digits an amount prints with, from its first nonzero
// one to its last decimal that is not zero: 13567000 has 8, 1234.50 has 5.
func Digits(d decimal.Decimal) int {
	s := strings.TrimLeft(d.Abs().String(), "0")
	if i := strings.IndexByte(s, '.'); i >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimLeft(strings.Replace(s, ".", "", 1), "0")
	}
	return len(s)
}

// bigTotals refuses totals with more digits than a spreadsheet holds
// exactly; each amount alone may fit while their sum does not.
func (c *checker) bigTotals() {
	b := c.b
	for _, t := range []struct {
		path, name string
		value      decimal.Decimal
	}{
		{"income", "收入合计", b.Income.Total()},
		{"expenditure", "支出合计", b.Expenditure.Total()},
		{"rows", "项目表合计", RowTotal(b.Rows)},
	} {
		if Digits(t.value) > MaxDigits {
			c.fail(t.path, msg.Sprintf("%s %s has more than %d significant digits, more than a spreadsheet holds exactly", t.name, t.value.String(), MaxDigits))
		}
	}
}
