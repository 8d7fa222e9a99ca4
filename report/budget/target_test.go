package budget

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseTarget(t *testing.T) {
	for _, c := range []struct {
		in               string
		op, number, unit string
		word             string
	}{
		{in: "≥13459.00(平方米)", op: "≥", number: "13459", unit: "平方米"},
		{in: "=100%", op: "=", number: "100", unit: "%"},
		{in: "≤30天", op: "≤", number: "30", unit: "天"},
		{in: "=100.00(%)", op: "=", number: "100", unit: "%"},
		{in: "≥ 95（%）", op: "≥", number: "95", unit: "%"},
		{in: ">=3项", op: ">=", number: "3", unit: "项"},
		{in: "＜0.5", op: "＜", number: "0.5"},
		{in: "3项", number: "3", unit: "项"},
		{in: "优", word: "优"},
		{in: "满意", word: "满意"},
	} {
		got, err := ParseTarget(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if c.word != "" {
			if got.Word != c.word {
				t.Errorf("%q: word %q, want %q", c.in, got.Word, c.word)
			}
			continue
		}
		if got.Word != "" || got.Op != c.op || got.Number.String() != c.number || got.Unit != c.unit {
			t.Errorf("%q: got %+v (number %s), want op %q number %s unit %q", c.in, got, got.Number, c.op, c.number, c.unit)
		}
	}
	for _, c := range []struct {
		in   string
		at   int
		want string
	}{
		{"≥", 1, "a number must follow ≥"},
		{"=>100", 0, `"=>" is not an operator`},
		{"≠100", 0, `"≠" is not an operator`},
		{"≥13459.0.0平方米", 1, `"13459.0.0" is not a number`},
		{"≥1,000人", 2, "without thousands separators"},
		{"≥.5", 1, `".5" is not a number`},
		{"≥十天", 1, "a number must follow ≥"},
		{"≥30(天", 3, "has no closing )"},
		{"-5%", 0, "cannot start a figure"},
		{"", 0, "empty"},
		{"=100≥%", 4, "has an operator in it"},
	} {
		_, err := ParseTarget(c.in)
		te, ok := err.(*TargetError)
		if !ok {
			t.Errorf("%q: want an error, got %v", c.in, err)
			continue
		}
		if te.At != c.at || !strings.Contains(te.Message, c.want) {
			t.Errorf("%q: error at %d %q, want at %d %q", c.in, te.At, te.Message, c.at, c.want)
		}
	}
}

func TestBadTargetIsAnErrorAtItsValue(t *testing.T) {
	text := readSample(t)
	text = strings.Replace(text, "forms:\n  - row: smart\n", `forms:
  - rows: [smart]
    name: 单栏表
    funds: { total: 5000000, fiscal: 5000000 }
    targets:
      - name: 产出指标
        groups:
          - name: 数量指标
            items:
              - { name: 面积, value: "≥13459.0.0(平方米)" }
  - row: smart
`, 1)
	text = strings.Replace(text, "  - row: smart\n", "  - row: smartx\n", 1)
	fs := findings(text)
	var found bool
	for _, f := range fs {
		if f.Path == "forms[0].targets[0].groups[0].items[0].value" && f.Pos.Line > 0 &&
			strings.Contains(f.Message, `指标值 "≥13459.0.0(平方米)": at character 2: "13459.0.0" is not a number`) {
			found = true
		}
	}
	if !found {
		t.Errorf("no error at the value: %v", fs)
	}
}

func TestFiscalAboveTotalPointsAtFiscal(t *testing.T) {
	text, line := edit(t, readSample(t), "      total: 500\n      fiscal: 500\n", "      total: 500\n      fiscal: 600\n")
	fs := findings(text)
	if !fs.HasErrors() || fs[0].Path != "forms[0].annual.fiscal" || fs[0].Pos.Line != line+1 ||
		!strings.Contains(fs[0].Message, "财政拨款 600万元 exceeds 年度资金总额 500万元") {
		t.Errorf("want the error at the 财政拨款 on line %d first, got %v", line+1, fs)
	}
	if strings.Contains(fs.Error(), "annual.total") {
		t.Errorf("the total is reported too: %v", fs)
	}
}

func TestFormOverSeveralRows(t *testing.T) {
	sample := readSample(t)
	// The smart form covers two rows: its 年度资金总额 must be their sum.
	text, _ := edit(t, sample, "  - row: smart\n", "  - rows: [smart, cloud]\n")
	fs := findings(text)
	if !strings.Contains(fs.Error(), "the sum of its rows \"smart\"") || fs[0].Path != "forms[0].annual.total" {
		t.Errorf("want a sum mismatch naming both rows, got %v", fs)
	}
	text, _ = edit(t, sample, "  - row: smart\n", "  - row: smart\n    rows: [cloud]\n")
	if fs := findings(text); !strings.Contains(fs.Error(), "forms[0].rows: give row or rows, not both") {
		t.Errorf("row and rows: %v", fs)
	}
}

// 机关运行经费 counts the 公用经费 of the department and of its 行政 and 参公
// units, not of its 事业单位; a row names a listed unit.
func TestUnits(t *testing.T) {
	b := &Budget{
		Categories: []Category{{"公用", Basic}},
		Units:      []BudgetUnit{{Name: "局机关", Kind: Administrative}, {Name: "文化馆", Kind: PublicInstitution}, {Name: "执法队", Kind: CivilServiceLike}},
		Rows: []Row{
			{Category: "公用", EconomicCode: "30201", Amount: decimal.NewNullDecimal(decimal.NewFromInt(100))},
			{Category: "公用", EconomicCode: "30201", Unit: "局机关", Amount: decimal.NewNullDecimal(decimal.NewFromInt(20))},
			{Category: "公用", EconomicCode: "30201", Unit: "文化馆", Amount: decimal.NewNullDecimal(decimal.NewFromInt(3000))},
			{Category: "公用", EconomicCode: "30201", Unit: "执法队", Amount: decimal.NewNullDecimal(decimal.NewFromInt(4))},
			{Category: "公用", EconomicCode: "30101", Unit: "局机关", Amount: decimal.NewNullDecimal(decimal.NewFromInt(50000))},
		},
	}
	if got := b.RunningCostFigure(); !got.Equal(decimal.NewFromInt(124)) {
		t.Errorf("机关运行经费 %s, want 124 (the 事业单位's 3000 and the 人员经费 left out)", got)
	}
	text := strings.Replace(readSample(t), "rows:\n", "units:\n  - { name: 开发区政务服务部, kind: 行政单位 }\n  - { name: 开发区政务服务部, kind: 机关 }\nrows:\n", 1)
	text = strings.Replace(text, "    detail: 在职人员\n", "    detail: 在职人员\n    unit: 开发区政务服务\n", 1)
	fs := findings(text).Error()
	for _, want := range []string{`units[1].name: unit "开发区政务服务部" is listed twice`, `units[1].kind: unit kind "机关" must be`,
		`rows[0].unit: unit "开发区政务服务" is not listed under units; did you mean "开发区政务服务部"?`} {
		if !strings.Contains(fs, want) {
			t.Errorf("findings lack %s:\n%s", want, fs)
		}
	}
}
