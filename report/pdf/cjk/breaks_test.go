package cjk

import (
	"math/rand"
	"strings"
	"testing"
)

// fixed measures every rune as one unit, a half-width one as half.
func fixed(r rune) float64 {
	if r < 0x2000 {
		return 0.5
	}
	return 1
}

func lines(text string, first, width float64) []string {
	rs := []rune(text)
	var out []string
	for _, l := range Break(rs, first, width, fixed) {
		out = append(out, string(rs[l.Start:l.End]))
	}
	return out
}

func TestBreakRules(t *testing.T) {
	cases := []struct {
		name, text string
		width      float64
		want       []string
	}{
		{"plain", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
		{"comma not at start", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"opening not at end", "一二“三四”五", 3, []string{"一二", "“三", "四”五"}},
		{"number whole", "收入13,567,000元", 5, []string{"收入", "13,567,000", "元"}},
		{"dash pair", "一二——三四", 3, []string{"一二", "——三", "四"}},
		{"ellipsis pair", "一二……", 3, []string{"一二", "……"}},
		{"percent", "满意度100%。", 4, []string{"满意度", "100%。"}},
		{"space hangs", "2021 年收入", 3, []string{"2021 ", "年收入"}},
	}
	for _, c := range cases {
		got := lines(c.text, c.width, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: %q → %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

// Joining the lines gives back the text, every rule holds, and no line is
// wider than the measure unless it is one unbreakable cluster.
func TestBreakProperties(t *testing.T) {
	alphabet := []rune("一二三四五六七八九十收入支出预算，。、；：！？“”（）《》【】——……2021,56780abc %")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 5000; n++ {
		rs := make([]rune, rng.Intn(80))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		width := float64(2 + rng.Intn(20))
		ls := Break(rs, width-1, width, fixed)
		var joined []rune
		for i, l := range ls {
			joined = append(joined, rs[l.Start:l.End]...)
			vis := l.Visible(rs)
			if i > 0 && len(vis) > 0 && strings.ContainsRune(noStart, vis[0]) && vis[0] != rs[l.Start-1] {
				// A forbidden start is only acceptable when the line before
				// could not have taken it: a single over-wide cluster.
				if len(Clusters(rs[ls[i-1].Start:ls[i-1].End])) > 1 {
					t.Fatalf("%q: line %d starts with %q: %q", string(rs), i, vis[0], string(vis))
				}
			}
			if i < len(ls)-1 && len(vis) > 0 && strings.ContainsRune(noEnd, vis[len(vis)-1]) && len(Clusters(vis)) > 1 {
				t.Fatalf("%q: line %d ends with %q", string(rs), i, vis[len(vis)-1])
			}
			if avail := map[bool]float64{true: width - 1, false: width}[i == 0]; l.Width > avail+0.01 && len(Clusters(vis)) > 1 {
				t.Fatalf("%q: line %d is %.1f wide, more than %.1f", string(rs), i, l.Width, avail)
			}
		}
		if string(joined) != string(rs) {
			t.Fatalf("lines lose or add text: %q → %q", string(rs), string(joined))
		}
	}
}
