// Package synth makes synthetic budgets for tests and benchmarks: any
// number of project rows and performance forms, with realistic texts, that
// pass every check. The same arguments always give the same budget.
package synth

import (
	"fmt"
	"math/rand"

	"github.com/shopspring/decimal"

	"budgetdoc/report/budget"
)

// Options size a synthetic budget.
type Options struct {
	Seed       int64
	Rows       int // project-table rows
	Forms      int // performance forms, one per 重点项目 row
	Indicators int // 三级指标 per side of each form; 0 means 12
	// Standard makes the budget a ledger of the standard set: rows with
	// funds (一般公共预算, 政府性基金, 上年结转) and economic codes, amounts
	// with cents, the tables in MoneyUnit (元 or 万元; blank means 万元).
	Standard  bool
	MoneyUnit string
}

var functions = []struct{ code, name string }{
	{"2010301", "一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行"},
	{"2010302", "一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务"},
	{"2013801", "一般公共服务支出-市场监督管理事务-行政运行"},
	{"2080505", "社会保障和就业支出-行政事业单位离退休-机关事业单位基本养老保险缴费支出"},
	{"2101102", "卫生健康支出-行政事业单位医疗-事业单位医疗"},
	{"2210201", "住房保障支出-住房改革支出-住房公积金"},
	{"2120102", "城乡社区支出-城乡社区管理事务-一般行政管理事务"},
	{"2130104", "农林水支出-农业农村-事业运行"},
}

var details = []string{"在职人员", "办公经费", "差旅费", "会议费", "培训费", "公务接待费", "维修（护）费",
	"专用材料费", "委托业务费", "信息化建设运维费", "政务服务工作经费", "专项购置费", "宣传经费"}

var projects = []string{"智慧园区建设", "政务服务大厅运营", "数字人才平台", "营商环境提升", "网上办事系统升级",
	"档案数字化", "安全生产监管", "社区服务中心改造"}

var level2 = map[string][]string{
	"产出指标":  {"数量指标", "质量指标", "时效指标", "成本指标"},
	"效益指标":  {"经济效益指标", "社会效益指标", "可持续影响指标"},
	"满意度指标": {"服务对象满意度指标"},
}

var values = []string{"优", "100%", "95%", "不少于3次", "按进度", "2021年底前完成", "达到开门营业标准"}

// Budget returns a synthetic budget.
func Budget(o Options) *budget.Budget {
	rng := rand.New(rand.NewSource(o.Seed))
	if o.Indicators == 0 {
		o.Indicators = 12
	}
	b := &budget.Budget{
		Year: 2021,
		Date: budget.Date{Year: 2021, Month: 3, Day: 1},
		Unit: budget.Unit{Name: fmt.Sprintf("合成测试第%d政务服务部", o.Seed), ShortName: "政务服务部"},
		Overview: budget.Overview{
			Organization: []string{"部门机构设置：根据有关文件精神，成立政务服务部，内设综合管理科、审批服务科、项目落地科3个科室。"},
			Staffing:     []string{fmt.Sprintf("人员情况：现有人员%d人。", 10+rng.Intn(90))},
			Duties:       []string{"本部门主要职责是：负责行政审批服务工作，集中办理权限范围内行政审批和项目服务，构建“一站服务、一网通办”审批服务，实现“办事不出区”。"},
			Composition:  []string{"本单位此次预算公开只有本部门一个单位，没有二级预算单位。"},
		},
		Categories: []budget.Category{
			{Name: "人员支出", Kind: budget.Basic}, {Name: "公用及运转支出", Kind: budget.Basic},
			{Name: "一般性支出", Kind: budget.Basic}, {Name: "重点项目", Kind: budget.Project},
		},
	}
	// The first rows are the projects with forms, then the rest in runs of
	// each category, as real tables group them.
	for i := 0; i < o.Rows; i++ {
		f := functions[rng.Intn(len(functions))]
		row := budget.Row{FunctionCode: f.code, FunctionName: f.name}
		if i < o.Forms {
			row.Category = "重点项目"
			row.Key = fmt.Sprintf("p%d", i+1)
			row.Detail = fmt.Sprintf("%s%d", projects[i%len(projects)], i+1)
			row.Amount = decimal.NewNullDecimal(decimal.NewFromInt(int64(10+rng.Intn(500)) * 10000))
		} else {
			row.Category = b.Categories[(i*3/max(o.Rows, 1))%3].Name
			row.Detail = fmt.Sprintf("%s%04d", details[rng.Intn(len(details))], i+1)
			if rng.Intn(5) > 0 {
				row.Amount = decimal.NewNullDecimal(decimal.NewFromInt(int64(1+rng.Intn(900)) * 1000))
			}
		}
		b.Rows = append(b.Rows, row)
	}
	if o.Standard {
		ledger(b, o)
	}
	b.Expenditure.Basic = budget.RowTotal(b.RowsOf(budget.Basic))
	b.Expenditure.Project = budget.RowTotal(b.RowsOf(budget.Project))
	b.Income.GeneralBudget = b.Expenditure.Total()
	if o.Standard {
		b.Income.GeneralBudget = b.SumOf(func(r budget.Row) bool { return r.FundName() == budget.DefaultFund })
		b.Income.GovernmentFund = b.SumOf(func(r budget.Row) bool { return r.FundName() == "政府性基金预算拨款" })
		b.Income.Carryover = b.SumOf(func(r budget.Row) bool { return r.FundName() == budget.CarryoverFund })
		b.ThreePublic = b.ThreePublicFigures()
	}
	for i := 0; i < o.Forms && i < o.Rows; i++ {
		b.Forms = append(b.Forms, form(rng, b.Rows[i], o.Indicators))
	}
	return b
}

func form(rng *rand.Rand, row budget.Row, indicators int) budget.Form {
	annual := row.Amount.Decimal.Div(decimal.NewFromInt(10000))
	period := annual.Mul(decimal.NewFromInt(3))
	return budget.Form{
		Row: row.Key, Name: row.Detail,
		Period: budget.Funds{Total: period, Fiscal: period, Goals: []string{"完成" + row.Detail + "三项具体建设工程", "建立长效运行机制，做好日常运营和维护工作。"}},
		Annual: budget.Funds{Total: annual, Fiscal: annual, Goals: []string{"按计划完成" + row.Detail + "年度建设任务。"}},
		Indicators: budget.Indicators{
			Period: tree(rng, indicators, row.Detail),
			Annual: tree(rng, indicators, row.Detail),
		},
	}
}

// tree spreads n 三级指标 over the three 一级指标 and their 二级指标.
func tree(rng *rand.Rand, n int, project string) []budget.Level1 {
	var out []budget.Level1
	names := []string{"产出指标", "效益指标", "满意度指标"}
	for k, name := range names {
		count := n / len(names)
		if k < n%len(names) {
			count++
		}
		l1 := budget.Level1{Name: name}
		groups := level2[name]
		for i := 0; i < count; i++ {
			g := i % len(groups)
			if g >= len(l1.Groups) {
				l1.Groups = append(l1.Groups, budget.Level2{Name: groups[g]})
			}
			l1.Groups[g].Items = append(l1.Groups[g].Items, budget.Indicator{
				Name:  fmt.Sprintf("%s指标%d", project, i+1),
				Value: values[rng.Intn(len(values))],
			})
		}
		if len(l1.Groups) > 0 {
			out = append(out, l1)
		}
	}
	return out
}

// Economic codes for the standard ledger: 人员经费 for 人员支出 rows,
// 公用经费 for the other basic rows, spending accounts for projects.
var (
	personnelCodes = []string{"30101", "30102", "30103", "30107", "30108", "30110", "30113", "30302"}
	publicCodes    = []string{"30201", "30205", "30206", "30211", "30217", "30228", "30229", "30231"}
	projectCodes   = []string{"30227", "30226", "30218", "30212", "31002", "31013"}
	fundFunctions  = []struct{ code, name string }{
		{"2070701", "文化旅游体育与传媒支出-国家电影事业发展专项资金安排的支出-资助国产影片放映"},
		{"2296003", "其他支出-彩票公益金安排的支出-用于体育事业的彩票公益金"},
	}
)

// ledger turns the rows into a standard-set ledger. It draws from its own
// random source, so the seed set's budgets stay as they were.
func ledger(b *budget.Budget, o Options) {
	rng := rand.New(rand.NewSource(o.Seed*7919 + 1))
	b.Documents = budget.DocumentSet{Set: budget.StandardSet, MoneyUnit: o.MoneyUnit}
	kinds := b.KindOf()
	for i := range b.Rows {
		r := &b.Rows[i]
		if r.Amount.Valid && rng.Intn(2) == 0 && r.Key == "" { // cents, so that 万元 rounding shows
			r.Amount.Decimal = r.Amount.Decimal.Add(decimal.New(int64(rng.Intn(1000000)), -2))
		}
		switch {
		case r.Category == "人员支出":
			r.EconomicCode = personnelCodes[rng.Intn(len(personnelCodes))]
		case kinds[r.Category] == budget.Basic:
			r.EconomicCode = publicCodes[rng.Intn(len(publicCodes))]
		default:
			r.EconomicCode = projectCodes[rng.Intn(len(projectCodes))]
			if r.Key != "" { // rows with forms stay general budget
				continue
			}
			switch rng.Intn(6) {
			case 0:
				f := fundFunctions[rng.Intn(len(fundFunctions))]
				r.Fund, r.FunctionCode, r.FunctionName = "政府性基金预算拨款", f.code, f.name
			case 1:
				r.Fund = budget.CarryoverFund
			}
		}
	}
}
