package budget

import (
	"encoding/json"
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

// The JSON encoding is JSON (a JSON reader takes it) and loads as the same
// budget as the YAML one.
func TestEncodeJSON(t *testing.T) {
	b, err := Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeJSON(b)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
	if v["year"] != float64(2021) || v["unit"].(map[string]any)["code"] != "111" {
		t.Errorf("year %v, unit code %v", v["year"], v["unit"].(map[string]any)["code"])
	}
	again, err := Parse("again.json", data)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := Encode(b)
	if got, _ := Encode(again); string(got) != string(want) {
		t.Error("the JSON encoding loads as a different budget")
	}
}
