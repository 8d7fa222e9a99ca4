package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"budgetdoc/internal/testtool"
)

// covers reports whether the point (x, y) lies on a level or upright rule
// of rules with the given width.
func covers(rules []rule, x, y, width float64) bool {
	const eps = 0.011
	for _, r := range rules {
		if r.width != width {
			continue
		}
		x1, x2 := min(r.x1, r.x2), max(r.x1, r.x2)
		y1, y2 := min(r.y1, r.y2), max(r.y1, r.y2)
		if x >= x1-eps && x <= x2+eps && y >= y1-eps && y <= y2+eps {
			return true
		}
	}
	return false
}

// points samples a rule every half point, ends included.
func points(r rule) [][2]float64 {
	n := int(max(abs(r.x2-r.x1), abs(r.y2-r.y1))/0.5) + 1
	var out [][2]float64
	for i := 0; i <= n; i++ {
		f := float64(i) / float64(n)
		out = append(out, [2]float64{r.x1 + f*(r.x2-r.x1), r.y1 + f*(r.y2-r.y1)})
	}
	return out
}

func abs(x float64) float64 { return max(x, -x) }

// Joining a page's rules draws exactly what its pieces drew: every point of
// every piece is on a joined rule of its width, every point of a joined
// rule on a piece, and no two joined rules of one line overlap.
func TestJoinRulesDrawsTheSameLines(t *testing.T) {
	for _, path := range []string{"../../data/examples/qingchuan-culture-2024.yaml", "testdata/stress-tables.yaml"} {
		pl := planOf(t, disclosure(t, path))
		pieces, joined := 0, 0
		for p, pg := range pl.pages {
			j := joinRules(pg.rules)
			pieces, joined = pieces+len(pg.rules), joined+len(j)
			for _, r := range pg.rules {
				for _, pt := range points(r) {
					if !covers(j, pt[0], pt[1], r.width) {
						t.Fatalf("%s page %d: %v of the rule %+v is not drawn", path, p+1, pt, r)
					}
				}
			}
			for _, r := range j {
				for _, pt := range points(r) {
					if !covers(pg.rules, pt[0], pt[1], r.width) {
						t.Fatalf("%s page %d: %v of the joined rule %+v is on no rule of the page", path, p+1, pt, r)
					}
				}
			}
		}
		if joined*3 > pieces {
			t.Errorf("%s: %d pieces joined into %d rules; a table's edges should join to far fewer", path, pieces, joined)
		}
	}
}

// The PDF strokes each line of a table once: read back from the file, no
// two strokes of a page run along the same line over the same stretch.
func TestPDFStrokesEachLineOnce(t *testing.T) {
	qpdf := testtool.Need(t, "qpdf")
	path := renderFile(t, disclosure(t, "../../data/examples/qingchuan-culture-2024.yaml"))
	plain := filepath.Join(t.TempDir(), "plain.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", path, plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	stroke := regexp.MustCompile(`(?m)^([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l S$`)
	pageStart := regexp.MustCompile(`(?m)^%% Contents for page \d+`)
	starts := pageStart.FindAllIndex(data, -1)
	if len(starts) == 0 {
		t.Fatal("qpdf's output has no page contents")
	}
	strokes := 0
	for i, s := range starts {
		end := len(data)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		type seg struct{ x1, y1, x2, y2 float64 }
		var segs []seg
		for _, m := range stroke.FindAllSubmatch(data[s[0]:end], -1) {
			f := func(b []byte) float64 { v, _ := strconv.ParseFloat(string(b), 64); return v }
			segs = append(segs, seg{f(m[1]), f(m[2]), f(m[3]), f(m[4])})
		}
		strokes += len(segs)
		for a := range segs {
			for b := a + 1; b < len(segs); b++ {
				p, q := segs[a], segs[b]
				level := p.y1 == p.y2 && q.y1 == q.y2 && p.y1 == q.y1 &&
					min(max(p.x1, p.x2), max(q.x1, q.x2))-max(min(p.x1, p.x2), min(q.x1, q.x2)) > 0.02
				upright := p.x1 == p.x2 && q.x1 == q.x2 && p.x1 == q.x1 &&
					min(max(p.y1, p.y2), max(q.y1, q.y2))-max(min(p.y1, p.y2), min(q.y1, q.y2)) > 0.02
				if level || upright {
					t.Errorf("page %d: %v and %v stroke the same stretch", i+1, p, q)
				}
			}
		}
	}
	if strokes == 0 {
		t.Error("no strokes found: the table rules were not read")
	}
}

// BenchmarkJoinRulesExample joins the rules of the 2024 example's pages,
// as drawing them does.
func BenchmarkJoinRulesExample(b *testing.B) {
	pl := planOf(b, disclosure(b, "../../data/examples/qingchuan-culture-2024.yaml"))
	for b.Loop() {
		for _, pg := range pl.pages {
			joinRules(pg.rules)
		}
	}
}
