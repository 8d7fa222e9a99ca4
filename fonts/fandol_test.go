package fonts

import (
	"bufio"
	"compress/gzip"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The 仿宋 body face was converted from FandolFang-Regular.otf (CFF) to
// TrueType outlines (fandol-fang/make.sh). Every glyph keeps its advance,
// its character mapping and, within the conversion's 1-unit tolerance, its
// outline's bounds, as measured on the OTF itself (testdata, written by
// fandol-fang/metrics.py).
func TestFandolFangConversion(t *testing.T) {
	f, err := sfnt.Parse(fangRegular)
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.Open("testdata/fandol-fang-metrics.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	z, err := gzip.NewReader(file)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	upem := fixed.Int26_6(f.UnitsPerEm()) << 6 // one pixel per font unit
	var buf sfnt.Buffer
	gid, bad := 0, 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Fields(sc.Text())
		g := sfnt.GlyphIndex(gid)
		adv, err := f.GlyphAdvance(&buf, g, upem, font.HintingNone)
		if err != nil {
			t.Fatalf("glyph %d: %v", gid, err)
		}
		if want := atoi(t, fields[0]); adv != fixed.Int26_6(want)<<6 {
			t.Errorf("glyph %d: advance %v units, the OTF has %d", gid, float64(adv)/64, want)
			bad++
		}
		segs, err := f.LoadGlyph(&buf, g, upem, nil)
		if err != nil {
			t.Fatalf("glyph %d: %v", gid, err)
		}
		rest := fields[1:]
		if rest[0] == "-" {
			if len(segs) != 0 {
				t.Errorf("glyph %d: has an outline, the OTF's is empty", gid)
				bad++
			}
			rest = rest[1:]
		} else {
			got := tightBounds(segs)
			for i, name := range []string{"xMin", "yMin", "xMax", "yMax"} {
				if d := math.Abs(got[i] - float64(atoi(t, rest[i]))); d > 1.5 {
					t.Errorf("glyph %d: %s %.1f, the OTF's is %s", gid, name, got[i], rest[i])
					bad++
				}
			}
			rest = rest[4:]
		}
		for _, hex := range rest {
			r, err := strconv.ParseInt(hex, 16, 32)
			if err != nil {
				t.Fatal(err)
			}
			if idx, err := f.GlyphIndex(&buf, rune(r)); err != nil || idx != g {
				t.Errorf("U+%04X maps to glyph %d, the OTF maps it to %d", r, idx, gid)
				bad++
			}
		}
		if bad > 20 {
			t.Fatal("too many differences")
		}
		gid++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if gid != f.NumGlyphs() || gid < 10000 {
		t.Errorf("the TTF has %d glyphs, the OTF %d", f.NumGlyphs(), gid)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// tightBounds is the box around a glyph's outline in font units, y up:
// the on-curve points and the extremes of each quadratic curve (control
// points may lie outside the outline).
func tightBounds(segs sfnt.Segments) [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	add := func(x, y float64) {
		b[0], b[1] = math.Min(b[0], x), math.Min(b[1], -y)
		b[2], b[3] = math.Max(b[2], x), math.Max(b[3], -y)
	}
	pt := func(p fixed.Point26_6) (float64, float64) { return float64(p.X) / 64, float64(p.Y) / 64 }
	var cx, cy float64 // the current point
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo, sfnt.SegmentOpLineTo:
			cx, cy = pt(s.Args[0])
			add(cx, cy)
		case sfnt.SegmentOpQuadTo:
			qx, qy := pt(s.Args[0])
			ex, ey := pt(s.Args[1])
			for _, t := range []float64{quadExtreme(cx, qx, ex), quadExtreme(cy, qy, ey)} {
				if t > 0 && t < 1 {
					u := 1 - t
					add(u*u*cx+2*u*t*qx+t*t*ex, u*u*cy+2*u*t*qy+t*t*ey)
				}
			}
			cx, cy = ex, ey
			add(cx, cy)
		case sfnt.SegmentOpCubeTo:
			panic("a TrueType outline has no cubic curves")
		}
	}
	return b
}

// quadExtreme is the parameter where a quadratic from a via b to c turns
// back in one coordinate, or -1 when it does not.
func quadExtreme(a, b, c float64) float64 {
	d := a - 2*b + c
	if d == 0 {
		return -1
	}
	return (a - b) / d
}
