package xlsx

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"budgetdoc/internal/testtool"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/profile"
)

// Goals of figures, marks and Latin of many lengths (seeded), which the
// workbook breaks or keeps as typed, print in LibreOffice on the lines they
// were given and within their row: no line of one character and its marks,
// none starting with a mark. Lines measured with % and ≥ as narrow as a
// period were wrapped again (…群众满意度≥95%数 / 字 / 化…) and ran out of
// their row.
func TestFormGoalsOfFiguresPrintOnTheirLines(t *testing.T) {
	phrases := []string{"开展", "全域旅游", "宣传推广活动", "，", "、", "2024年12月底前", "完成", "新媒体推送120条", "PDF宣传册5000册", "游客人次增长≥8%", "。", "“青川四季”", "（含乡镇）", "群众满意度≥95%", "覆盖率", "服务对象", "提升", "5万人次", "Wi-Fi", "保障", "正常运转", "数字化", "(试点)", "；", "1.5%", "服务对象满意度指标"}
	dir := t.TempDir()
	var files []string
	var datas [][]byte
	for seed := 0; seed < 12; seed++ {
		rng := rand.New(rand.NewSource(int64(seed)))
		gen := func(n int) string {
			var b strings.Builder
			for len([]rune(b.String())) < n {
				b.WriteString(phrases[rng.Intn(len(phrases))])
			}
			return b.String()
		}
		lens := []int{20 + rng.Intn(40), 40 + rng.Intn(120), 60 + rng.Intn(240)}
		path := testtool.EditCopy(t, "../../data/sanmenxia-2021.yaml",
			"        - 完成数字人才、智慧街道、智慧园区三项具体建设工程", "        - \""+gen(lens[0])+"\"",
			"        - 同步构建政务服务中心体系。", "        - \""+gen(lens[1])+"\"",
			"        - 负责开发区行政审批服务工作,办理开发区权限范围内行政审批和项目服务,构建“一站服务、一网通办”审批服务,实现“办事不出区”确保投资审批、项目落地等业务手续办理全程跟踪式服务。", "        - \""+gen(lens[2])+"\"")
		b, err := budget.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		data, err := Render(compose.Disclosure(b, profile.MustBuiltin(profile.Default)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprintf("s%d.xlsx", seed))
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file)
		datas = append(datas, data)
	}
	fontsDir, _ := filepath.Abs("../../fonts")
	for i, printed := range testtool.LibreOfficePDF(t, fontsDir, files...) {
		f, err := excelize.OpenReader(bytes.NewReader(datas[i]))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		words := printedRuns(t, printed)
		for _, g := range formGoals(t, f) {
			where := fmt.Sprintf("seed %d %s", i, g.sheet)
			lines := goalLines(words, g.text)
			if lines == nil {
				t.Errorf("%s: the goal is not printed whole: %q", where, g.text)
				continue
			}
			checkGoalLines(t, fmt.Sprintf("%s %q", where, g.text), lines)
			checkGoalInRow(t, where, words, lines, g.text)
		}
	}
}
