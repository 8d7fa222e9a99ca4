package budget

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"budgetdoc/report/msg"
)

// The package's tests state findings in English, the key of every message;
// TestFindingsInBothLanguages checks the Chinese.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}

// A finding reads as a finance clerk writes it in Chinese, with the field's
// Chinese name after its path, and in English with --lang en.
func TestFindingsInBothLanguages(t *testing.T) {
	defer msg.SetLanguage(msg.SetLanguage(msg.Chinese))
	data, err := os.ReadFile("../../data/sanmenxia-2021.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "basic: 3567000", "basic: 3467000", 1)
	text = strings.Replace(text, "amount: 60000", "amount: 60,000", 1)
	check := func() string {
		b, err := Parse("x.yaml", []byte(text))
		if err != nil {
			return err.Error()
		}
		return Check(b).Error()
	}
	for _, c := range []struct {
		lang language.Tag
		want []string
	}{
		{msg.Chinese, []string{
			"x.yaml:104:13: 错误：rows[9].amount（金额）：“60,000”不是金额（请去掉千位分隔符）",
		}},
		{msg.English, []string{
			`x.yaml:104:13: error: rows[9].amount: "60,000" is not an amount (write it without thousands separators)`,
		}},
	} {
		msg.SetLanguage(c.lang)
		got := check()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%v: findings\n%s\nlack\n%s", c.lang, got, w)
			}
		}
	}
	text = strings.Replace(text, "amount: 60,000", "amount: 60000", 1)
	for lang, want := range map[language.Tag]string{
		msg.Chinese: "x.yaml:36:10: 错误：expenditure.basic（基本支出）：基本支出 3,467,000.00 ≠ 各行合计 3,567,000.00（相差 100,000.00）",
		msg.English: "x.yaml:36:10: error: expenditure.basic: 基本支出 3,467,000.00 ≠ sum of its rows 3,567,000.00 (difference 100,000.00)",
	} {
		msg.SetLanguage(lang)
		if got := check(); !strings.Contains(got, want) {
			t.Errorf("%v: findings\n%s\nlack\n%s", lang, got, want)
		}
	}
}
