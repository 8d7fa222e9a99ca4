package compose

import (
	"sort"
	"testing"

	"budgetdoc/report/profile"
)

// Every content name a profile may list has a composer, and every composer
// a name profiles can list.
func TestContentsHaveComposers(t *testing.T) {
	known := map[string]bool{}
	for _, name := range profile.Contents {
		known[name] = true
		if contents[name] == nil {
			t.Errorf("profile content %q has no composer", name)
		}
	}
	var extra []string
	for name := range contents {
		if !known[name] {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("composers %v are not in profile.Contents", extra)
	}
	for _, d := range profile.Documents {
		if d != profile.DocExplanation && attachers[d] == nil {
			t.Errorf("profile document %q has no composer", d)
		}
	}
}
