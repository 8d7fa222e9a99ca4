package compose

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
	"budgetdoc/report/layout"
	"budgetdoc/report/profile"
)

var seed = profile.MustBuiltin(profile.Default)

func sample(t *testing.T) *budget.Budget {
	b, err := budget.Load("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPartTwoFollowsTheFigures(t *testing.T) {
	b := sample(t)
	if got, want := incomeSentence(src{b, seed}), "2021 年收入预算 13,567,000 元，其中本年收入预算 13,567,000 元，包括：一般公共预算（含财政拨款及纳入一般公共预算管理）收入 13,567,000 元，支出预算 13,567,000 元，其中：基本支出 3,567,000 元，项目支出 10,000,000 元。部门（单位）结余结转资金 0 元。"; got != want {
		t.Errorf("income sentence\n got %s\nwant %s", got, want)
	}
	if got, want := threePublicSentence(src{b, seed}), "开发区政务服务部 2021 年“三公”经费预算为 0 元。"; got != want {
		t.Errorf("三公 sentence %q, want %q", got, want)
	}
	// A revised budget: another year, a carry-over, a fund income, 三公 spending.
	b.Year = 2022
	b.Income.Carryover = decimal.NewFromInt(500)
	b.Income.GovernmentFund = decimal.RequireFromString("1234.5")
	b.ThreePublic.Reception = decimal.NewFromInt(8000)
	got := incomeSentence(src{b, seed})
	for _, want := range []string{"2022 年收入预算 13,568,734.50 元", "其中本年收入预算 13,568,234.50 元、上年结转 500 元",
		"政府性基金预算收入 1,234.50 元", "结余结转资金 500 元"} {
		if !strings.Contains(got, want) {
			t.Errorf("revised income sentence %q lacks %q", got, want)
		}
	}
	if got := threePublicSentence(src{b, seed}); !strings.Contains(got, "2022 年“三公”经费预算为 8,000 元，其中：") || !strings.Contains(got, "公务接待费 8,000 元。") {
		t.Errorf("revised 三公 sentence %q", got)
	}
}

func TestExplainStructure(t *testing.T) {
	doc := Explain(sample(t), seed, []layout.Text{layout.Plain("附件甲")})
	dump := layout.Dump(doc)
	for _, want := range []string{
		`heading 0 toc=true newpage=true "第一部分　三门峡经济开发区政务服务部概况"`,
		`heading 1 toc=true newpage=false "一、机构设置、职能"`,
		`"八、机关运行经费：是指`,
		`"附件：1. 附件甲"`,
		`signature "三门峡经济开发区政务服务部" "2021年3月17日"`,
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("the document lacks %s", want)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 8: "八", 10: "十", 11: "十一", 20: "二十", 23: "二十三"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %s, want %s", n, got, want)
		}
	}
}
