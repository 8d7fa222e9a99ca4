package pdf

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

// dumpPlan prints a plan: each page's orientation, then its runs (position
// in points, font, size, text) and how many rules it draws.
func dumpPlan(pl *plan) string {
	var b strings.Builder
	for i, pg := range pl.pages {
		orient := "portrait"
		if pg.orientation == layout.Landscape {
			orient = "landscape"
		}
		fmt.Fprintf(&b, "page %d %s rules=%d\n", i+1, orient, len(pg.rules))
		for _, m := range pg.marks {
			fmt.Fprintf(&b, "  bookmark %d %s\n", m.level, strconv.QuoteToGraphic(m.title))
		}
		for _, r := range pg.runs {
			font := string(r.font)
			if r.half {
				font += "-halt" // the face's half-width marks
			}
			fmt.Fprintf(&b, "  %6.1f %6.1f %s %g %s\n", r.x, r.y, font, r.size, strconv.QuoteToGraphic(r.text))
		}
	}
	return b.String()
}

// The sample's page plan is kept in testdata, so a change in pagination,
// line breaking or placement shows as a reviewable diff. Run
// `go test ./report/pdf -update` to accept a change.
func TestSamplePlanGolden(t *testing.T) {
	b, err := budget.Load("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := dumpPlan(planOf(t, compose.Disclosure(b, profile.MustBuiltin(profile.Default))))
	testtool.Golden(t, filepath.Join("testdata", "sanmenxia-2021.pdfplan.golden"), got)
}

// The running-text stress variant's page plan: a 30-character unit name in
// titles, TOC and signature, URLs, Latin words and typed spaces.
func TestStressTextPlanGolden(t *testing.T) {
	got := dumpPlan(planOf(t, disclosure(t, stressText)))
	testtool.Golden(t, filepath.Join("testdata", "stress-text.pdfplan.golden"), got)
}
