package report_test

import (
	"math"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
)

// The GB/T 9704 type area in points.
const (
	mmPt      = 72 / 25.4
	typeLeft  = 28 * mmPt
	typeTop   = 37 * mmPt
	typeRight = (28 + 156) * mmPt
	typeBot   = (37 + 225) * mmPt
	pitch     = 225 * mmPt / 22
	charPitch = 156 * mmPt / 28
)

const (
	noStart = "、，。．：；！？”’）】」』》〉·;,.:!?)]}%"
	noEnd   = "“‘（【「『《〈([{"
)

// stressBudget is the sample with its duties replaced by paragraphs dense
// with punctuation, digits and quotes, so that many lines break next to a
// mark.
func stressBudget(t *testing.T) *report.Budget {
	b, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	fragments := []string{"“一站服务、一网通办”", "（三办文【2020】17号）", "《实施方案》", "：", "；", "。", "，",
		"！", "？", "……", "——", "13,567,000元", "2021年", "100%", "「审批」", "『服务』", "开发区政务服务部",
		"行政审批", "项目落地", "、", "〈附〉", "PDF文件"}
	rng := rand.New(rand.NewSource(7))
	b.Overview.Duties = nil
	for p := 0; p < 12; p++ {
		var s strings.Builder
		s.WriteString("行政审批") // a paragraph may begin only where a line may
		for s.Len() < 600 {
			s.WriteString(fragments[rng.Intn(len(fragments))])
		}
		b.Overview.Duties = append(b.Overview.Duties, s.String())
	}
	return b
}

func buildBudget(t *testing.T, b *report.Budget) string {
	bl, err := report.New()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := bl.Build(b, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	return paths[0]
}

func checkKinsoku(t *testing.T, path string) {
	text := testtool.Run(t, "pdftotext", "-layout", path, "-")
	n := 0
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.Trim(line, "\f"))
		if line == "" {
			continue
		}
		n++
		rs := []rune(line)
		if strings.ContainsRune(noStart, rs[0]) {
			t.Errorf("line starts with %q: %s", rs[0], line)
		}
		if strings.ContainsRune(noEnd, rs[len(rs)-1]) {
			t.Errorf("line ends with %q: %s", rs[len(rs)-1], line)
		}
	}
	if n < 50 {
		t.Errorf("only %d lines of text", n)
	}
}

func TestLineBreakRulesSample(t *testing.T) { checkKinsoku(t, buildSample(t)) }

func TestLineBreakRulesStress(t *testing.T) { checkKinsoku(t, buildBudget(t, stressBudget(t))) }

type bboxLine struct {
	page                   int
	xMin, yMin, xMax, yMax float64
	text                   string
}

var (
	bboxPage = regexp.MustCompile(`<page `)
	bboxLn   = regexp.MustCompile(`<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">`)
	bboxWord = regexp.MustCompile(`<word [^>]*>([^<]*)</word>`)
)

func bboxLines(t *testing.T, path string) []bboxLine {
	out := testtool.Run(t, "pdftotext", "-bbox-layout", path, "-")
	var lines []bboxLine
	page := 0
	for _, chunk := range strings.Split(out, "<line ")[0:] {
		page += len(bboxPage.FindAllString(chunk, -1))
		m := bboxLn.FindStringSubmatch("<line " + chunk)
		if m == nil {
			continue
		}
		l := bboxLine{page: page}
		l.xMin, _ = strconv.ParseFloat(m[1], 64)
		l.yMin, _ = strconv.ParseFloat(m[2], 64)
		l.xMax, _ = strconv.ParseFloat(m[3], 64)
		l.yMax, _ = strconv.ParseFloat(m[4], 64)
		for _, w := range bboxWord.FindAllStringSubmatch(chunk, -1) {
			l.text += w[1]
		}
		lines = append(lines, l)
	}
	return lines
}

// Body lines sit on the 22-line grid inside the margins; a line followed by
// a continuation line of its paragraph is full and ends flush right.
func checkGrid(t *testing.T, path string) {
	all := bboxLines(t, path)
	// The explanatory document's pages: the attachments' tables keep no grid.
	var lines []bboxLine
	for _, l := range all {
		if l.text == "附件1" {
			break
		}
		lines = append(lines, l)
	}
	var body []bboxLine
	for _, l := range lines {
		// 三号 body lines: the page number line (四号) and the 小标宋/小二
		// titles are taller or shorter.
		if h := l.yMax - l.yMin; l.page > 1 && math.Abs(h-lines[len(lines)/2].yMax+lines[len(lines)/2].yMin) < 0.5 && l.yMin < typeBot {
			body = append(body, l)
		}
	}
	if len(body) < 40 {
		t.Fatalf("only %d body lines found", len(body))
	}
	flush := 0
	for i, l := range body {
		// The glyph box is centred in grid line k (to within the fonts'
		// ascent and descent).
		centre := (l.yMin + l.yMax) / 2
		k := math.Round((centre-typeTop)/pitch - 0.5)
		if off := centre - (typeTop + (k+0.5)*pitch); math.Abs(off) > 1.5 || k < 0 || k > 21 {
			t.Errorf("page %d line %q at y %.2f is off the grid (line %.0f, %.2f pt off)", l.page, l.text, l.yMin, k, off)
		}
		// A line that starts with an opening mark sets it half-width: the
		// mark's blank left half (its ink is on the right) lies in the margin.
		left := typeLeft
		if strings.ContainsRune(noEnd, []rune(l.text)[0]) {
			left -= charPitch / 2
		}
		if l.xMin < left-0.5 || l.xMax > typeRight+0.6 {
			t.Errorf("page %d line %q runs outside the type area: x %.2f–%.2f", l.page, l.text, l.xMin, l.xMax)
		}
		if i+1 < len(body) && body[i+1].page == l.page && math.Abs(body[i+1].xMin-typeLeft) < 0.5 && math.Abs(body[i+1].yMin-l.yMin-pitch) < 0.5 {
			flush++
			if math.Abs(l.xMax-typeRight) > 0.6 {
				t.Errorf("page %d line %q is followed by its continuation but ends at %.2f, not flush at %.2f", l.page, l.text, l.xMax, typeRight)
			}
		}
	}
	if flush < 20 {
		t.Errorf("only %d full lines checked", flush)
	}
}

func TestBodyOnGridSample(t *testing.T) { checkGrid(t, buildSample(t)) }

func TestBodyOnGridStress(t *testing.T) { checkGrid(t, buildBudget(t, stressBudget(t))) }

// A full line of body text holds 28 characters.
func TestTwentyEightCharactersALine(t *testing.T) {
	for _, l := range bboxLines(t, buildSample(t)) {
		if l.page == 2 && strings.HasPrefix(l.text, "委办公室三门峡市") {
			if n := len([]rune(l.text)); n != 28 {
				t.Errorf("line %q has %d characters, want 28", l.text, n)
			}
			return
		}
	}
	t.Error("the second line of 部门机构设置 was not found")
}
