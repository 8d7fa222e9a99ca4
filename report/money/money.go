// Package money formats decimal amounts the way Chinese budget documents
// print them: 13,567,000 or 13,567,000.50.
package money

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Format prints d with thousands separators and exactly places decimals.
func Format(d decimal.Decimal, places int32) string {
	s := d.StringFixed(places)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// Yuan prints an amount in 元 as running text does: whole amounts without
// decimals (13,567,000), others with two (1,234.50).
func Yuan(d decimal.Decimal) string {
	if d.IsInteger() {
		return Format(d, 0)
	}
	return Format(d, 2)
}

// Signed prints a difference with its sign shown: +100,000.00, -5.00, and
// zero as 0.00.
func Signed(d decimal.Decimal, places int32) string {
	if d.IsPositive() {
		return "+" + Format(d, places)
	}
	return Format(d, places)
}

// Plain prints an amount in 万元 or another unit without separators or
// trailing zeros: 3000, 0.5.
func Plain(d decimal.Decimal) string { return d.String() }
