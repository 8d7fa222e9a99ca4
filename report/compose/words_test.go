package compose

import (
	"strings"
	"testing"

	"budgetdoc/report/layout"
)

// worded marks the ends of the listed words, longest first, and keeps the
// characters no word holds together; a list or a sentence gets no seams.
func TestWordedSeams(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"惠民演出场次", "惠民|演出|场次|"},
		{"服务对象满意度指标", "服务|对象|满意度|指标|"},
		{"城隍庙古建筑修缮", "城隍庙|古建筑|修缮|"},
		{"≥5万人次", "≥5万|人次|"},
		{"群众和企业满意度", "群众|和|企业|满意度|"},
		{"前期拆除、线路改造", "前期拆除、线路改造"},
		{"优", "优"},
	} {
		got := worded(layout.Plain(tc.text))
		rs := []rune(tc.text)
		var b strings.Builder
		at := 0
		for _, s := range got.Seams {
			b.WriteString(string(rs[at:s.At]) + "|")
			at = s.At
		}
		b.WriteString(string(rs[at:]))
		if b.String() != tc.want {
			t.Errorf("worded(%q) = %q, want %q", tc.text, b.String(), tc.want)
		}
	}
}
