package pdf

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/layout"
)

// paragraphs is a document of left-aligned body paragraphs, one line each.
func paragraphs(texts ...string) *layout.Document {
	doc := &layout.Document{Meta: layout.Meta{Title: "标点挤压", Lang: "zh-CN", Date: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)}}
	for _, s := range texts {
		doc.Blocks = append(doc.Blocks, &layout.Paragraph{Text: layout.Text{S: s}, Style: layout.Style{Font: layout.FontBody, Align: layout.Left}})
	}
	return doc
}

// Two marks that meet take an em and a half, not two, as the PDF's own
// widths say (pdftotext -bbox measures the glyphs from them), and read
// back in order, with no space or break, in every pdftotext mode.
func TestCompressedPairsReadBack(t *testing.T) {
	cases := []struct {
		text  string
		pitch float64 // the word's width in grid cells (the full-width last glyph's is its advance)
	}{
		{"见通知》（试行", 6.5},
		{"称“财政拨款”、“事业收入”", 13}, // ” and 、 are half width
		{"单位）。其中（“云端”）", 10.5}, // ）。 （“ ”） each save half an em
		{"吗？（甲）", 4.5},         // FandolFang's ？ is centred: the bracket gives up its blank
		{"中文，中文。", 6},
	}
	var texts []string
	for _, c := range cases {
		texts = append(texts, c.text)
	}
	path := renderFile(t, paragraphs(texts...))
	ws := words(t, path)
	for _, c := range cases {
		var found *word
		for i := range ws {
			if ws[i].text == c.text {
				found = &ws[i]
			}
		}
		if found == nil {
			t.Errorf("%s: not one word in pdftotext -bbox", c.text)
			continue
		}
		if got := (found.xMax - found.xMin - bodySize + charPitch) / charPitch; math.Abs(got-c.pitch) > 0.01 {
			t.Errorf("%s: %.3f characters wide, want %.1f", c.text, got, c.pitch)
		}
	}
	for _, mode := range [][]string{nil, {"-layout"}, {"-raw"}} {
		out := testtool.Run(t, "pdftotext", append(mode, path, "-")...)
		for _, c := range cases {
			if !strings.Contains(out, c.text) {
				t.Errorf("pdftotext %v: %q is not read back whole:\n%s", mode, c.text, out)
			}
		}
	}
	// The font of half-width marks declares each mark set so, and only
	// those, half an em wide (FandolFang's full width is 1000).
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`/BaseFont /utf8fandolfang-regular-halt\s*/CIDSystemInfo[^>]*?/W \[([^\]]*)\]`).FindSubmatch(data)
	if m == nil {
		t.Fatal("no widths of the half-width FandolFang font in the PDF")
	}
	declared := make(map[rune]string)
	f := strings.Fields(string(m[1]))
	for i := 0; i+2 < len(f); i += 3 { // first last width
		from, _ := strconv.Atoi(f[i])
		to, _ := strconv.Atoi(f[i+1])
		for r := from; r <= to; r++ {
			declared[rune(r)] = f[i+2]
		}
	}
	for _, r := range "》”、）“（" {
		if declared[r] != "500" {
			t.Errorf("%q is declared %q wide in the half-width font, want 500", r, declared[r])
		}
	}
	if len(declared) != 6 {
		t.Errorf("the half-width font declares %d marks, want 6: %v", len(declared), declared)
	}
	if fonts := testtool.Run(t, "pdffonts", path); strings.Count(fonts, "-halt") != 1 {
		t.Errorf("want one font of half-width marks:\n%s", fonts)
	}
	// Without two marks that meet, no such font is embedded.
	if fonts := testtool.Run(t, "pdffonts", renderFile(t, paragraphs("中文，中文。", "（甲）"))); strings.Contains(fonts, "-halt") {
		t.Errorf("a font of half-width marks with none set:\n%s", fonts)
	}
}

var markPair = regexp.MustCompile(`[、，。：；）》」』”’（《「『“‘]{2,}`)

// In the running-text stress variant's justified paragraphs, every run of
// marks reads back whole, in order, in every pdftotext mode, however its
// line was justified; and the sample sets some marks half width.
func TestCompressedMarksInOrder(t *testing.T) {
	doc := disclosure(t, stressText)
	want := make(map[string]int)
	layout.Walk(doc, func(tx layout.Text, f layout.Font) {
		for _, m := range markPair.FindAllString(tx.S, -1) {
			want[m]++
		}
	})
	if len(want) < 8 {
		t.Fatalf("the stress text has only %d runs of marks: %v", len(want), want)
	}
	path := renderFile(t, doc)
	for _, mode := range [][]string{nil, {"-layout"}, {"-raw"}} {
		out := testtool.Run(t, "pdftotext", append(mode, path, "-")...)
		// The typesetter starts no line with a closing mark and ends none
		// with an opening one: a line of the extracted text that does was
		// broken by the reader, at glyphs whose boxes overlap.
		for _, line := range strings.Split(out, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			first, last := []rune(line)[0], []rune(line)[len([]rune(line))-1]
			if strings.ContainsRune("、，。：；）》」』”’", first) || strings.ContainsRune("（《「『“‘", last) {
				t.Errorf("pdftotext %v breaks a line at a mark: %q", mode, line)
			}
		}
		flat := squeeze(out)
		for m, n := range want {
			// A line may break after a closing mark, before an opening
			// one: squeezing the line breaks out joins them again. Tables
			// and the TOC print some texts twice.
			if got := strings.Count(flat, m); got < n {
				t.Errorf("pdftotext %v: %q read back %d times, the text has it %d times", mode, m, got, n)
			}
		}
	}
}
