package budget

import (
	"sort"
	"strings"

	"github.com/shopspring/decimal"
)

// The rows are the department's ledger: every table of the standard set
// and every figure of its explanation is a sum over them. This file holds
// what a row carries besides its amount: its fund, its function code's
// names and its economic code.

// FundSource is a fund (资金来源): the income line it is stated under and how
// the standard tables group it.
type FundSource struct {
	Name   string // as rows give it and the tables print it
	Income string // the field of income that states it
	// Fiscal is the 财政拨款 budget the fund belongs to (一般公共预算,
	// 政府性基金预算, 国有资本经营预算), or "" for other funds.
	Fiscal string
}

// The fiscal budgets a 财政拨款 fund belongs to.
const (
	FiscalGeneral = "一般公共预算"
	FiscalFund    = "政府性基金预算"
	FiscalCapital = "国有资本经营预算"
)

// DefaultFund is the fund of a row that names none.
const DefaultFund = "一般公共预算拨款"

// CarryoverFund is the fund of last year's unspent money. It is counted as
// 一般公共预算 carry-over in the 财政拨款 tables.
const CarryoverFund = "上年结转"

// FundSources are the funds a row may name, in the order the tables print them.
var FundSources = []FundSource{
	{DefaultFund, "general_budget", FiscalGeneral},
	{"政府性基金预算拨款", "government_fund", FiscalFund},
	{"国有资本经营预算拨款", "state_capital", FiscalCapital},
	{"财政专户管理资金", "special_account", ""},
	{"事业收入", "institution_business", ""},
	{"事业单位经营收入", "institution_operation", ""},
	{"上级补助收入", "superior_subsidy", ""},
	{"附属单位上缴收入", "subordinate_remittance", ""},
	{"其他收入", "other", ""},
	{CarryoverFund, "carryover", FiscalGeneral},
}

// FundNamed returns the fund of the name and whether there is one.
func FundNamed(name string) (FundSource, bool) {
	for _, s := range FundSources {
		if s.Name == name {
			return s, true
		}
	}
	return FundSource{}, false
}

// Stated is the income the budget states for the fund.
func (in Income) Stated(s FundSource) decimal.Decimal {
	switch s.Income {
	case "general_budget":
		return in.GeneralBudget
	case "government_fund":
		return in.GovernmentFund
	case "state_capital":
		return in.StateCapital
	case "special_account":
		return in.SpecialAccount
	case "institution_business":
		return in.InstitutionBusiness
	case "institution_operation":
		return in.InstitutionOperation
	case "superior_subsidy":
		return in.SuperiorSubsidy
	case "subordinate_remittance":
		return in.SubordinateRemit
	case "other":
		return in.Other
	case "carryover":
		return in.Carryover
	}
	return decimal.Zero
}

// FundName is the row's fund, DefaultFund when it names none.
func (r Row) FundName() string {
	if r.Fund == "" {
		return DefaultFund
	}
	return r.Fund
}

// Value is the row's amount, zero when blank.
func (r Row) Value() decimal.Decimal {
	if r.Amount.Valid {
		return r.Amount.Decimal
	}
	return decimal.Zero
}

// Function names a function code for every row: a 类 (3 digits), 款 (5)
// or 项 (7).
type Function struct {
	Code string `budget:"code,required"`
	Name string `budget:"name,required"`
}

// FunctionNames gives every 类, 款 and 项 code of the rows its name: from
// functions first, then from rows whose function_name is 类-款-项 (the
// first row giving a code wins; Check reports rows that disagree), and the
// last part of function_name names the 项.
func (b *Budget) FunctionNames() map[string]string {
	names := make(map[string]string)
	for _, f := range b.Functions {
		names[f.Code] = f.Name
	}
	for _, r := range b.Rows {
		if len(r.FunctionCode) != 7 {
			continue
		}
		parts := FunctionParts(r.FunctionName)
		codes := []string{r.FunctionCode[:3], r.FunctionCode[:5], r.FunctionCode}
		if len(parts) == 3 {
			for i, code := range codes {
				if _, ok := names[code]; !ok {
					names[code] = parts[i]
				}
			}
		} else if _, ok := names[r.FunctionCode]; !ok {
			names[r.FunctionCode] = r.FunctionName
		}
	}
	return names
}

// FunctionParts splits a function name written 类-款-项 into its three
// names; a name with another number of parts is returned whole.
func FunctionParts(name string) []string {
	parts := strings.Split(name, "-")
	if len(parts) != 3 {
		return []string{name}
	}
	return parts
}

// Economic classes (部门预算支出经济分类, 类) and the 款 that budgets use
// most; a 款 outside this list must carry its name in the data.
var EconomicClasses = map[string]string{
	"301": "工资福利支出",
	"302": "商品和服务支出",
	"303": "对个人和家庭的补助",
	"307": "债务利息及费用支出",
	"309": "资本性支出（基本建设）",
	"310": "资本性支出",
	"311": "对企业补助（基本建设）",
	"312": "对企业补助",
	"313": "对社会保障基金补助",
	"399": "其他支出",
}

// EconomicItems are the common economic 款 and their names.
var EconomicItems = map[string]string{
	"30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费",
	"30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费",
	"30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费",
	"30113": "住房公积金", "30114": "医疗费", "30199": "其他工资福利支出",
	"30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费", "30205": "水费",
	"30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费", "30211": "差旅费",
	"30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费", "30215": "会议费",
	"30216": "培训费", "30217": "公务接待费", "30218": "专用材料费", "30224": "被装购置费",
	"30225": "专用燃料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费",
	"30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
	"30240": "税金及附加费用", "30299": "其他商品和服务支出",
	"30301": "离休费", "30302": "退休费", "30303": "退职（役）费", "30304": "抚恤金",
	"30305": "生活补助", "30306": "救济费", "30307": "医疗费补助", "30308": "助学金",
	"30309": "奖励金", "30399": "其他对个人和家庭的补助",
	"31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置",
	"31005": "基础设施建设", "31006": "大型修缮", "31007": "信息网络及软件购置更新",
	"31013": "公务用车购置", "31019": "其他交通工具购置", "31021": "文物和陈列品购置",
	"31022": "无形资产购置", "31099": "其他资本性支出",
	"39999": "其他支出",
}

// The 三公 economic accounts.
const (
	EconOverseasTravel   = "30212" // 因公出国（境）费用
	EconReception        = "30217" // 公务接待费
	EconVehicleOperation = "30231" // 公务用车运行维护费
	EconVehiclePurchase  = "31013" // 公务用车购置
)

// EconomicItemName is the row's economic 款 name: its own, else the
// catalogue's.
func (r Row) EconomicItemName() string {
	if r.EconomicName != "" {
		return r.EconomicName
	}
	return EconomicItems[r.EconomicCode]
}

// Personnel reports whether an economic code is 人员经费 (301 工资福利支出
// and 303 对个人和家庭的补助); the other classes of basic spending are
// 公用经费.
func Personnel(economicCode string) bool {
	return strings.HasPrefix(economicCode, "301") || strings.HasPrefix(economicCode, "303")
}

// KindOf returns the kind of each category, by name.
func (b *Budget) KindOf() map[string]Kind {
	kinds := make(map[string]Kind, len(b.Categories))
	for _, c := range b.Categories {
		kinds[c.Name] = c.Kind
	}
	return kinds
}

// LedgerThreePublic sums the 三公 economic accounts of the rows of
// 一般公共预算拨款. ok is false when no row has an economic code, so the
// ledger cannot say.
func (b *Budget) LedgerThreePublic() (t ThreePublic, ok bool) {
	for _, r := range b.Rows {
		if r.EconomicCode != "" {
			ok = true
		}
		if r.FundName() != DefaultFund {
			continue
		}
		switch r.EconomicCode {
		case EconOverseasTravel:
			t.OverseasTravel = t.OverseasTravel.Add(r.Value())
		case EconVehiclePurchase:
			t.VehiclePurchase = t.VehiclePurchase.Add(r.Value())
		case EconVehicleOperation:
			t.VehicleOperation = t.VehicleOperation.Add(r.Value())
		case EconReception:
			t.Reception = t.Reception.Add(r.Value())
		}
	}
	return t, ok
}

// ThreePublicFigures is the 三公 budget the standard documents print: the
// ledger's when its rows have economic codes, else the stated one.
func (b *Budget) ThreePublicFigures() ThreePublic {
	if t, ok := b.LedgerThreePublic(); ok {
		return t
	}
	return b.ThreePublic
}

// FunctionClasses are the 类 codes of the rows that sel selects, in order.
func (b *Budget) FunctionClasses(sel func(Row) bool) []string {
	seen := make(map[string]bool)
	var codes []string
	for _, r := range b.Rows {
		if len(r.FunctionCode) == 7 && r.Amount.Valid && sel(r) && !seen[r.FunctionCode[:3]] {
			seen[r.FunctionCode[:3]] = true
			codes = append(codes, r.FunctionCode[:3])
		}
	}
	sort.Strings(codes)
	return codes
}

// SumOf sums the amounts of the rows that sel selects.
func (b *Budget) SumOf(sel func(Row) bool) decimal.Decimal {
	total := decimal.Zero
	for _, r := range b.Rows {
		if sel(r) {
			total = total.Add(r.Value())
		}
	}
	return total
}
