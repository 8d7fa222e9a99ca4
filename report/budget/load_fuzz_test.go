package budget

import "testing"

// FuzzParse feeds the loader arbitrary files: it must return a budget or
// findings, never panic, and checks must run on whatever it returns.
func FuzzParse(f *testing.F) {
	f.Add([]byte(readSample(f)))
	f.Add([]byte(`{"year": 2021, "rows": [{"amount": 1.005}]}`))
	f.Add([]byte("year: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse("fuzz.yaml", data)
		if err != nil {
			if _, ok := err.(Findings); !ok {
				t.Fatalf("error is %T, not Findings", err)
			}
			return
		}
		Check(b)
	})
}
