package budget

import (
	"reflect"
	"testing"
)

// Encoding the sample and loading it again gives the same budget.
func TestEncodeRoundTrip(t *testing.T) {
	b, err := Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse("again.yaml", data)
	if err != nil {
		t.Fatalf("the encoded budget does not load: %v\n%s", err, data)
	}
	// Zero amounts may be left out, so compare what the budgets say: their
	// encodings, and the figures the documents print.
	if second, _ := Encode(again); string(second) != string(data) {
		t.Error("the budget changed in the round trip")
	}
	if !again.Income.Total().Equal(b.Income.Total()) || !RowTotal(again.Rows).Equal(RowTotal(b.Rows)) ||
		!reflect.DeepEqual(again.Forms[3].Indicators, b.Forms[3].Indicators) || again.Date != b.Date {
		t.Error("figures changed in the round trip")
	}
	if fs := Check(again); len(fs) > 0 {
		t.Errorf("the round-tripped budget has findings: %v", fs)
	}
}
