package fonts

import (
	"encoding/binary"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestSubsetKeepsGlyphsAndMetrics(t *testing.T) {
	text := []rune("部门预算公开2021年“三公”经费——附件：13,567,000元。é")
	for _, face := range Default().Faces() {
		data, err := face.Subset(text)
		if err != nil {
			t.Fatalf("%s: %v", face.Name, err)
		}
		if err := CheckEmbeddable(data); err != nil {
			t.Fatalf("%s: the subset is not embeddable: %v", face.Name, err)
		}
		sub, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", face.Name, err)
		}
		orig, _ := face.font()
		if sub.NumGlyphs() > len(text)+8 {
			t.Errorf("%s: the subset has %d glyphs for %d characters", face.Name, sub.NumGlyphs(), len(text))
		}
		var b1, b2 sfnt.Buffer
		ppem := fixed.I(int(orig.UnitsPerEm()))
		for _, r := range text {
			oi, _ := orig.GlyphIndex(&b1, r)
			if oi == 0 {
				continue // not in this face
			}
			si, err := sub.GlyphIndex(&b2, r)
			if err != nil || si == 0 {
				t.Errorf("%s: %q is missing from the subset", face.Name, r)
				continue
			}
			oa, _ := orig.GlyphAdvance(&b1, oi, ppem, font.HintingNone)
			sa, _ := sub.GlyphAdvance(&b2, si, ppem, font.HintingNone)
			if oa != sa {
				t.Errorf("%s: %q advance %v in the subset, %v in the face", face.Name, r, sa, oa)
			}
			// The outline survives: same number of segments.
			os, _ := orig.LoadGlyph(&b1, oi, ppem, nil)
			n := len(os)
			ss, err := sub.LoadGlyph(&b2, si, ppem, nil)
			if err != nil || len(ss) != n {
				t.Errorf("%s: %q outline has %d segments in the subset (%v), %d in the face", face.Name, r, len(ss), err, n)
			}
		}
	}
}

// A font sfnt reads but the subsetter cannot (here without an OS/2 table)
// is refused when it is given, with the reason, instead of having every
// character reported missing from it later.
func TestCheckEmbeddableNeedsTheSubsettersTables(t *testing.T) {
	tabs := smallFontTables(t)
	delete(tabs.raw, "OS/2")
	if err := CheckEmbeddable(assemble(tabs.raw)); err == nil || !strings.Contains(err.Error(), "OS/2") {
		t.Errorf("a font without OS/2: %v", err)
	}
}

// A font whose licence forbids embedding it as a subset (OS/2 fsType
// restricted, no subsetting, bitmap only) is refused when it is given;
// editable and installable ones are embedded.
func TestCheckEmbeddableHonoursTheLicence(t *testing.T) {
	for fsType, refused := range map[uint16]bool{0: false, 0x0004: false, 0x0008: false, 0x0002: true, 0x0104: true, 0x0208: true} {
		tabs := smallFontTables(t)
		os2 := append([]byte(nil), tabs.raw["OS/2"]...)
		binary.BigEndian.PutUint16(os2[8:], fsType)
		tabs.raw["OS/2"] = os2
		err := CheckEmbeddable(assemble(tabs.raw))
		if refused != (err != nil) || refused && !strings.Contains(err.Error(), "fsType") {
			t.Errorf("fsType %#04x: %v", fsType, err)
		}
	}
}

// smallFontTables is the tables of a small subset of the body face (中文),
// for tests that break one of them.
func smallFontTables(t *testing.T) *tables {
	t.Helper()
	small, err := fang.Subset([]rune("中文"))
	if err != nil {
		t.Fatal(err)
	}
	tabs, err := readTables(small)
	if err != nil {
		t.Fatal(err)
	}
	return tabs
}
