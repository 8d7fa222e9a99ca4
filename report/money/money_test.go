package money

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestFormat(t *testing.T) {
	for _, c := range []struct {
		in     string
		places int32
		want   string
	}{
		{"13567000", 0, "13,567,000"}, {"13567000", 2, "13,567,000.00"}, {"0", 0, "0"},
		{"999", 0, "999"}, {"1000", 0, "1,000"}, {"-100000", 2, "-100,000.00"}, {"1234.5", 2, "1,234.50"},
	} {
		if got := Format(decimal.RequireFromString(c.in), c.places); got != c.want {
			t.Errorf("Format(%s, %d) = %s, want %s", c.in, c.places, got, c.want)
		}
	}
	if got := Yuan(decimal.RequireFromString("1234.5")); got != "1,234.50" {
		t.Errorf("Yuan = %s", got)
	}
	if got := Signed(decimal.RequireFromString("100"), 2); got != "+100.00" {
		t.Errorf("Signed = %s", got)
	}
}
