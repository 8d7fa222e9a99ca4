package budget

import (
	"strings"
	"testing"
)

func TestFileStemMapsForbiddenCharacters(t *testing.T) {
	b := &Budget{Year: 2021, Unit: Unit{Name: `甲/乙\丙:丁*戊?己"庚<辛>壬|癸`}}
	want := `甲／乙＼丙：丁＊戊？己＂庚＜辛＞壬｜癸2021年部门预算`
	if got := FileStem(b); got != want {
		t.Errorf("FileStem = %q, want %q", got, want)
	}
	sample := readSample(t)
	text, _ := edit(t, sample, "name: 三门峡经济开发区政务服务部", "name: 开发区/政务服务部")
	if fs := findings(text); fs.HasErrors() {
		t.Errorf("a name with / is mapped, not refused:\n%v", fs)
	}
}

func TestUnsafeUnitNamesRefusedAtTheirLine(t *testing.T) {
	sample := readSample(t)
	for _, c := range []struct{ name, want string }{
		{`../other/乙单位`, "hidden or option-like"},
		{`"..\\乙单位"`, "hidden or option-like"},
		{`.乙单位`, "hidden or option-like"},
		{`-rf乙单位`, "hidden or option-like"},
		{`"　乙单位"`, "starts with a space"},
		{`"乙\x00单位"`, "U+0000"},
		{`"乙\n单位"`, "U+000A"},
		{`"乙\u202e单位"`, "U+202E"},
		{`"乙\u200b单位"`, "U+200B"},
		{`"乙\e[31m单位"`, "U+001B"},
		{strings.Repeat("很长的单位名称", 11), "too long for a file name"},
	} {
		text, line := edit(t, sample, "name: 三门峡经济开发区政务服务部", "name: "+c.name)
		fs := findings(text)
		var found *Finding
		for i, f := range fs {
			if f.Path == "unit.name" && f.Severity == Error {
				found = &fs[i]
			}
		}
		if found == nil || !strings.Contains(found.Message, c.want) || found.Pos.Line != line {
			t.Errorf("unit.name %s: want an error at line %d saying %q, got\n%v", c.name, line, c.want, fs)
		}
	}
}

func TestLongestNameThatFits(t *testing.T) {
	sample := readSample(t)
	// 72 Chinese characters: 216 bytes; with "2021年部门预算" (19), the
	// longest suffix (17) and a temporary name's 16 bytes that is 268.
	for _, c := range []struct {
		chars int
		ok    bool
	}{{67, true}, {68, false}, {72, false}} {
		name := strings.Repeat("单", c.chars)
		text, _ := edit(t, sample, "name: 三门峡经济开发区政务服务部", "name: "+name)
		fs := findings(text)
		if fs.HasErrors() == c.ok {
			t.Errorf("a name of %d characters: ok = %v, want %v\n%v", c.chars, !fs.HasErrors(), c.ok, fs)
		}
	}
}
