package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/language"

	"budgetdoc/internal/testtool"
	"budgetdoc/report"
	"budgetdoc/report/msg"
)

const samplePath = "../data/sanmenxia-2021.yaml"

// sampleBuilds holds the sample built once per format for all tests.
var sampleBuilds = map[report.Format]*sampleBuild{report.PDF: {}, report.XLSX: {}}

type sampleBuild struct {
	once sync.Once
	path string
	err  error
}

// sampleFile builds the sample in one format, once, and returns the file.
func sampleFile(t *testing.T, f report.Format) string {
	t.Helper()
	sb := sampleBuilds[f]
	sb.once.Do(func() {
		dir, err := os.MkdirTemp("", "budgetdoc-sample")
		if err == nil {
			sb.path, err = buildFile(samplePath, dir, f)
		}
		sb.err = err
	})
	if sb.err != nil {
		t.Fatal(sb.err)
	}
	return sb.path
}

// buildSample is the sample's PDF.
func buildSample(t *testing.T) string { return sampleFile(t, report.PDF) }

// buildFile builds the budget in data into dir in one format.
func buildFile(data, dir string, f report.Format) (string, error) {
	b, err := report.Load(data)
	if err != nil {
		return "", err
	}
	bl, err := report.New()
	if err != nil {
		return "", err
	}
	paths, err := bl.Build(b, dir, f)
	if err != nil {
		return "", err
	}
	return paths[0], nil
}

func TestPDFIsValid(t *testing.T) {
	path := buildSample(t)
	out := testtool.Run(t, "qpdf", "--check", path)
	if !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check:\n%s", out)
	}
}

func TestPDFFontsEmbeddedWithToUnicode(t *testing.T) {
	out := testtool.Run(t, "pdffonts", buildSample(t))
	lines := strings.Split(strings.TrimSpace(out), "\n")[2:]
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists %d fonts:\n%s", len(lines), out)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type... emb sub uni object ID: emb and uni are 5th and 3rd from the end.
		if emb, uni := f[len(f)-5], f[len(f)-3]; emb != "yes" || uni != "yes" {
			t.Errorf("font not embedded with ToUnicode: %s", l)
		}
	}
}

func TestPDFMetadata(t *testing.T) {
	out := testtool.Run(t, "pdfinfo", buildSample(t))
	for _, want := range []string{
		"Title:           三门峡经济开发区政务服务部2021年部门预算",
		"Author:          三门峡经济开发区政务服务部",
		"Creator:         budgetdoc",
		"CreationDate:    Wed Mar 17 00:00:00 2021 UTC",
		"Metadata Stream: yes",
		"Page size:       595.28 x 841.89 pts (A4)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, out)
		}
	}
	raw, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("/Lang (zh-CN)")) {
		t.Error("the catalog has no /Lang")
	}
}

// squeeze removes white space, which pdftotext puts where gaps are.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func TestPDFTextInReadingOrder(t *testing.T) {
	text := testtool.Run(t, "pdftotext", buildSample(t), "-")
	flat := squeeze(text)
	last := -1
	for _, want := range []string{
		"三门峡经济开发区政务服务部", "2021年部门预算情况说明", "目录",
		"第一部分三门峡经济开发区政务服务部概况", "一、机构设置、职能", "部门机构设置：根据中共三门峡市委办公室",
		"人员情况：政务服务部现有人员12人", "本部门主要职责是", "二、部门预算单位构成",
		"第二部分三门峡经济开发区政务服务部2021年度部门预算情况说明",
		"2021年收入预算13,567,000元，其中本年收入预算13,567,000元",
		"基本支出3,567,000元，项目支出10,000,000元", "非税收入征收计划编列0元",
		"开发区政务服务部2021年“三公”经费预算为0元。",
		"第三部分名词解释", "一、财政拨款收入：是指省级财政当年拨付的资金。", "八、机关运行经费",
		"三门峡经济开发区政务服务部2021年3月17日",
	} {
		i := strings.Index(flat[last+1:], squeeze(want))
		if i < 0 {
			t.Fatalf("after position %d, the text lacks %q", last, want)
		}
		last += 1 + i
	}
	// The generated sentence keeps its spaces around figures.
	if !strings.Contains(text, "2021 年收入预算 13,567,000 元") {
		t.Error("pdftotext lacks “2021 年收入预算 13,567,000 元” with its spaces")
	}
	if strings.Contains(flat, "2019年") {
		t.Error("the seed's 2019 typo is in the output")
	}
}

// pageTexts returns each page's text.
func pageTexts(t *testing.T, path string) []string {
	text := testtool.Run(t, "pdftotext", "-layout", path, "-")
	pages := strings.Split(text, "\f")
	return pages[:len(pages)-1]
}

// An attachment's label; the typesetter sets a quarter em between 附件 and
// its number, which pdftotext reads as a space.
var attachmentLabel = regexp.MustCompile(`^附件 ?\d+\b`)

var tocLine = regexp.MustCompile(`^(.*?)\s*\.{3,}\s*(\d+)$`)

func TestTOCPagesMatchHeadings(t *testing.T) {
	pages := pageTexts(t, buildSample(t))
	entries := 0
	prefix := ""
	for _, line := range strings.Split(pages[0], "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "—") {
			continue
		}
		m := tocLine.FindStringSubmatch(line)
		if m == nil {
			if entries > 0 || strings.HasPrefix(line, "第") {
				prefix += line // an entry that runs over two lines
			}
			continue
		}
		label := attachmentLabel.FindString(strings.TrimSpace(prefix + m[1]))
		title := squeeze(prefix + m[1])
		prefix = ""
		page, _ := strconv.Atoi(m[2])
		entries++
		found := 0
		for i := 1; i < len(pages) && found == 0; i++ {
			if label != "" {
				// An attachment's page opens with its label on a line of its own.
				if first, _, _ := strings.Cut(strings.TrimSpace(pages[i]), "\n"); first == label {
					found = i + 1
				}
			} else if strings.Contains(squeeze(pages[i]), title) {
				found = i + 1
			}
		}
		if found != page {
			t.Errorf("TOC says %q is on page %d; it is printed on page %d", title, page, found)
		}
	}
	if entries < 5 {
		t.Errorf("TOC has %d entries, want at least 5", entries)
	}
}

func TestBookmarksMatchTOC(t *testing.T) {
	out := testtool.Run(t, "qpdf", "--json", "--json-key=outlines", buildSample(t))
	var doc struct {
		Outlines []struct {
			Title string
			Kids  []struct{ Title string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, o := range doc.Outlines {
		titles = append(titles, o.Title)
		for _, k := range o.Kids {
			titles = append(titles, k.Title)
		}
	}
	want := []string{"第一部分　三门峡经济开发区政务服务部概况", "一、机构设置、职能", "二、部门预算单位构成",
		"第二部分　三门峡经济开发区政务服务部2021年度部门预算情况说明", "第三部分　名词解释"}
	if strings.Join(titles[:min(len(titles), len(want))], "|") != strings.Join(want, "|") {
		t.Errorf("bookmarks %q, want them to start with %q", titles, want)
	}
}

// typedGap is a typed space beside a Chinese character or mark, which the
// typesetter drops (it sets its own quarter em in the PDF's text).
var typedGap = regexp.MustCompile(`[\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}“”] +\S|\S +[\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FFEF}“”]`)

// The plain text of both files, where no quarter-em gap can be set, drops
// the typed space between Chinese and digits as the typesetter does: the
// PDF's bookmarks and document information, the workbook's properties and
// its tables' titles (read back by qpdf, pdfinfo and excelize).
func TestPlainTextDropsTypedGaps(t *testing.T) {
	type text struct{ where, s string }
	var texts []text
	out := testtool.Run(t, "qpdf", "--json", "--json-key=outlines", buildSample(t))
	type outline struct {
		Title string
		Kids  []outline
	}
	var doc struct{ Outlines []outline }
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			texts = append(texts, text{"PDF bookmark", o.Title})
			walk(o.Kids)
		}
	}
	walk(doc.Outlines)
	for _, line := range strings.Split(testtool.Run(t, "pdfinfo", buildSample(t)), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && (k == "Title" || k == "Subject") {
			texts = append(texts, text{"PDF " + k, strings.TrimSpace(v)})
		}
	}
	f, err := excelize.OpenFile(sampleFile(t, report.XLSX))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, text{"XLSX title", props.Title}, text{"XLSX subject", props.Subject})
	for _, sheet := range f.GetSheetList() {
		for row := 1; row <= 3; row++ { // the label, the title, the unit
			v, err := f.GetCellValue(sheet, "A"+strconv.Itoa(row))
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, text{"XLSX " + sheet + "!A" + strconv.Itoa(row), v})
		}
	}
	found := false
	for _, x := range texts {
		found = found || x.where == "PDF bookmark" && strings.Contains(x.s, "服务部2021年度部门预算情况说明")
		if m := typedGap.FindString(x.s); m != "" {
			t.Errorf("%s %q: a typed space beside Chinese (%q)", x.where, x.s, m)
		}
	}
	if !found || len(texts) < 15 {
		t.Errorf("read %d texts; the 第二部分 bookmark found: %v", len(texts), found)
	}
}

func TestBuildsAreByteIdentical(t *testing.T) {
	first, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	path, err := buildFile(samplePath, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	second, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, second) {
		t.Error("two builds of the same data differ")
	}
}

func TestMissingGlyphIsAnError(t *testing.T) {
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "政务服务部主要负责开发区", "政务服务部主要负责\ue000开发区", 1)
	line := strings.Count(text[:strings.Index(text, "\ue000")], "\n") + 1
	dir := t.TempDir()
	path := filepath.Join(dir, "glyph.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := report.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	bl, _ := report.New()
	findings := bl.Check(b)
	if !findings.HasErrors() || !strings.Contains(findings.Error(), "U+E000") ||
		!strings.Contains(findings.Error(), path+":"+strconv.Itoa(line)+":") ||
		!strings.Contains(findings.Error(), "overview.duties[0]") {
		t.Fatalf("want an error naming U+E000 at line %d, got:\n%v", line, findings)
	}
	if paths, err := bl.Build(b, dir, report.PDF); err == nil || len(paths) > 0 {
		t.Fatalf("build with a missing glyph wrote %v, err %v", paths, err)
	}
}

func TestTTCFontIsRefused(t *testing.T) {
	ttc := filepath.Join(t.TempDir(), "simsun.ttc")
	if err := os.WriteFile(ttc, append([]byte("ttcf"), make([]byte, 64)...), 0o644); err != nil {
		t.Fatal(err)
	}
	defer msg.SetLanguage(msg.Language())
	for lang, want := range map[language.Tag]string{msg.Chinese: "字体集（.ttc）无法嵌入", msg.English: "collection (.ttc) cannot be embedded"} {
		msg.SetLanguage(lang)
		_, err := report.New(report.WithFont("body", ttc))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), ".ttf") {
			t.Errorf("%v: want a clear refusal of the TTC file, got %v", lang, err)
		}
	}
}

func pageCount(t *testing.T, path string) int {
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(testtool.Run(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo gives no page count for %s", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// --split writes the explanatory document and each attachment as files of
// their own, which together hold every page of the whole.
func TestSplitParts(t *testing.T) {
	b, err := report.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	bl, _ := report.New(report.WithSplit())
	paths, err := bl.Build(b, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 7 {
		t.Fatalf("wrote %d files, want the whole and 6 parts: %v", len(paths), paths)
	}
	total := 0
	for i, p := range paths[1:] {
		if want := []string{"-情况说明.pdf", "-附件1.pdf", "-附件2.pdf", "-附件3.pdf", "-附件4.pdf", "-附件5.pdf"}[i]; !strings.HasSuffix(p, want) {
			t.Errorf("part %d is %s, want a name ending %s", i, p, want)
		}
		total += pageCount(t, p)
	}
	if whole := pageCount(t, paths[0]); total != whole {
		t.Errorf("the parts have %d pages, the whole %d", total, whole)
	}
	if text := testtool.Run(t, "pdftotext", paths[2], "-"); !strings.Contains(squeeze(text), "附件1政务服务中心2021年部门支出预算项目表") {
		t.Errorf("the 附件1 part does not hold the project table:\n%.200s", text)
	}
}

// A role given a font of the user's is set in it.
func TestUserFontForARole(t *testing.T) {
	b, _ := report.Load(samplePath)
	bl, err := report.New(report.WithFont("body", "../fonts/lxgw-wenkai/LXGWWenKai-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := bl.Build(b, t.TempDir(), report.PDF)
	if err != nil {
		t.Fatal(err)
	}
	if out := testtool.Run(t, "pdffonts", paths[0]); !strings.Contains(out, "utf8user-body") {
		t.Errorf("the user's body font is not embedded:\n%s", out)
	}
}
