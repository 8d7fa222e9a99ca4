package report_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// changeWords is how the explanation compares a figure with last year's,
// in 万元 on the printed amounts: 比上年增加…万元，增长…% · 比上年减少…，
// 下降… · 与上年持平 · 上年无此项.
func changeWords(cur, prev decimal.Decimal) string {
	c := decimal.RequireFromString(strings.ReplaceAll(wan(cur), ",", ""))
	p := decimal.RequireFromString(strings.ReplaceAll(wan(prev), ",", ""))
	tenThousand := decimal.NewFromInt(10000)
	switch {
	case p.IsZero() && c.IsZero(), c.Equal(p):
		return "与上年持平"
	case p.IsZero():
		return "上年无此项"
	case c.GreaterThan(p):
		return fmt.Sprintf("比上年增加%s万元，增长%s%%", wan(c.Sub(p).Mul(tenThousand)), c.Sub(p).Mul(decimal.NewFromInt(100)).Div(p).StringFixed(1))
	}
	return fmt.Sprintf("比上年减少%s万元，下降%s%%", wan(p.Sub(c).Mul(tenThousand)), p.Sub(c).Mul(decimal.NewFromInt(100)).Div(p).StringFixed(1))
}

// share is part's share of whole as the explanation prints it: 占88.5%.
func share(part, whole decimal.Decimal) string {
	return "占" + part.Mul(decimal.NewFromInt(100)).Div(whole).StringFixed(1) + "%"
}

// Every figure of the standard explanation's sections 一 to 十 — totals,
// each income source with its share, 基本 and 项目, the general budget and
// each of its 类, 人员 and 公用经费, 三公, the government fund, 机关运行经费
// — is the independent sum of the example's ledger, compared with the
// same sum of last year's file, as the PDF prints it.
func TestStandardExampleExplanationFigures(t *testing.T) {
	rows, names := readLedger(t, examplePath)
	prevRows, _ := readLedger(t, examplePrevPath)
	both := func(sel func(rawRow) bool) (decimal.Decimal, decimal.Decimal) {
		return sumRaw(rows, sel), sumRaw(prevRows, sel)
	}
	fund := func(f string) func(rawRow) bool { return func(r rawRow) bool { return r.fund == f } }
	general := fund("一般公共预算拨款")
	personnel := func(r rawRow) bool { return strings.HasPrefix(r.econ, "301") || strings.HasPrefix(r.econ, "303") }
	w := func(d decimal.Decimal) string { return wan(d) + "万元" }

	total, prevTotal := both(func(rawRow) bool { return true })
	carry, _ := both(fund("上年结转"))
	want := []string{
		fmt.Sprintf("收入总计%s，支出总计%s，收支总计各%s", w(total), w(total), changeWords(total, prevTotal)),
		fmt.Sprintf("收入预算%s，%s，其中：本年收入%s，上年结转%s", w(total), changeWords(total, prevTotal), w(total.Sub(carry)), w(carry)),
	}
	for _, f := range []struct{ fund, label string }{
		{"一般公共预算拨款", "一般公共预算拨款收入"}, {"政府性基金预算拨款", "政府性基金预算拨款收入"}, {"上年结转", "上年结转"},
	} {
		cur, prev := both(fund(f.fund))
		want = append(want, fmt.Sprintf("%s%s，%s，%s", f.label, w(cur), share(cur, total), changeWords(cur, prev)))
	}
	for _, k := range []struct {
		name  string
		basic bool
	}{{"基本支出", true}, {"项目支出", false}} {
		cur, prev := both(func(r rawRow) bool { return r.basic == k.basic })
		want = append(want, fmt.Sprintf("%s%s，%s，%s", k.name, w(cur), share(cur, total), changeWords(cur, prev)))
	}
	gen, prevGen := both(general)
	want = append(want, fmt.Sprintf("一般公共预算当年拨款%s，%s", w(gen), changeWords(gen, prevGen)))
	var classes []string
	for _, r := range rows {
		if general(r) && !contains(classes, r.code[:3]) {
			classes = append(classes, r.code[:3])
		}
	}
	sort.Strings(classes)
	for _, c := range classes {
		cur, prev := both(func(r rawRow) bool { return general(r) && r.code[:3] == c })
		want = append(want, fmt.Sprintf("%s%s，%s，%s", names[c], w(cur), share(cur, gen), changeWords(cur, prev)))
	}
	for _, p := range []struct {
		name string
		is   bool
	}{{"人员经费", true}, {"公用经费", false}} {
		cur, prev := both(func(r rawRow) bool { return general(r) && r.basic && personnel(r) == p.is })
		want = append(want, fmt.Sprintf("%s%s，%s", p.name, w(cur), changeWords(cur, prev)))
		if !p.is { // 机关运行经费: the example has no 事业单位 of its own rows
			want = append(want, fmt.Sprintf("机关运行经费（一般公共预算基本支出中的公用经费）%s，%s", w(cur), changeWords(cur, prev)))
		}
	}
	econ := func(codes ...string) func(rawRow) bool {
		return func(r rawRow) bool { return general(r) && contains(codes, r.econ) }
	}
	tp, prevTP := both(econ("30212", "31013", "30231", "30217"))
	want = append(want, fmt.Sprintf("“三公”经费预算%s，%s", w(tp), changeWords(tp, prevTP)))
	for _, k := range []struct{ name, code string }{{"因公出国（境）费", "30212"}, {"公务用车运行费", "30231"}, {"公务接待费", "30217"}} {
		cur, prev := both(econ(k.code))
		want = append(want, fmt.Sprintf("%s%s，%s", k.name, w(cur), changeWords(cur, prev)))
	}
	gf, prevGF := both(fund("政府性基金预算拨款"))
	want = append(want, fmt.Sprintf("政府性基金预算拨款安排的支出%s，%s", w(gf), changeWords(gf, prevGF)))

	text := folio.ReplaceAllString(exampleText(t), "")
	for _, s := range want {
		if !strings.Contains(text, squeeze(s)) {
			t.Errorf("the explanation lacks %q", s)
		}
	}
}
