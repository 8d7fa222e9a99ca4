package budget

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"budgetdoc/report/msg"
)

// Budget is one department's budget for one year: everything the disclosure's
// documents print or compute. Amounts are in 元 unless a field says 万元.
type Budget struct {
	// Profile names the document profile: a built-in one (seed, national,
	// one-sided) or a profile file relative to this one (./our-city.yaml).
	// Empty means the seed's.
	Profile string `budget:"profile"`
	Year    int    `budget:"year,required"`
	Unit    Unit   `budget:"unit,required"`
	// Units are the budget units under the department (部门预算单位构成);
	// a row may name one.
	Units       []BudgetUnit `budget:"units"`
	Date        Date         `budget:"date,required"`
	Overview    Overview     `budget:"overview,required"`
	Income      Income       `budget:"income,required"`
	Expenditure Expenditure  `budget:"expenditure,required"`
	NonTax      NonTax       `budget:"non_tax"`
	ThreePublic ThreePublic  `budget:"three_public"`
	Glossary    Glossary     `budget:"glossary"`
	// Categories group the project-table rows and say which are 基本支出 and
	// which 项目支出.
	Categories   []Category   `budget:"categories,required"`
	ProjectTable ProjectTable `budget:"project_table"`
	Rows         []Row        `budget:"rows,required"`
	Forms        []Form       `budget:"forms"`

	// Documents chooses the documents of the disclosure and how they print
	// money; the zero value is the seed's set.
	Documents DocumentSet `budget:"documents"`
	// Functions name function codes (类 3 digits, 款 5, 项 7) for all rows.
	Functions []Function `budget:"functions"`
	// PreviousFile is last year's data file of the same department, relative
	// to this file; Load reads it into Previous.
	PreviousFile string `budget:"previous"`
	// Reasons explain changes against last year, keyed by what they explain.
	Reasons []Reason `budget:"reasons"`
	// ReasonThreshold is the change, in percent, above which a figure
	// without a reason is warned of; zero means 10.
	ReasonThreshold decimal.Decimal `budget:"reason_threshold"`
	Procurement     Procurement     `budget:"procurement"`
	Assets          Assets          `budget:"assets"`
	Performance     Performance     `budget:"performance"`
	// RunningCost is the stated 机关运行经费; it is checked against the
	// ledger's 公用经费 when given.
	RunningCost decimal.NullDecimal `budget:"running_cost"`

	// Previous is last year's budget, read from PreviousFile; nil without one.
	Previous *Budget `budget:"-"`

	// Source records where each value was read; it is empty for a budget
	// built in code.
	Source Source `budget:"-"`
}

// Unit names the department.
type Unit struct {
	Name string `budget:"name,required"`
	// ShortName is how the narrative refers to the unit in running text
	// (开发区政务服务部); it defaults to Name.
	ShortName      string `budget:"short_name"`
	Code           string `budget:"code"`
	AccountingUnit string `budget:"accounting_unit"`
}

// DisplayShortName is ShortName, or Name when no short name is set.
func (u Unit) DisplayShortName() string {
	if u.ShortName != "" {
		return u.ShortName
	}
	return u.Name
}

// BudgetUnit is one budget unit of the department.
type BudgetUnit struct {
	Name string   `budget:"name,required"`
	Code string   `budget:"code"`
	Kind UnitKind `budget:"kind,required"`
}

// UnitKind is a budget unit's kind.
type UnitKind string

// The kinds of budget unit. 机关运行经费 counts the first two only.
const (
	Administrative    UnitKind = "行政单位"
	CivilServiceLike  UnitKind = "参公事业单位" // 参照公务员法管理的事业单位
	PublicInstitution UnitKind = "事业单位"
)

// UnitKinds are the kinds of budget unit, in the order they are listed.
var UnitKinds = []UnitKind{Administrative, CivilServiceLike, PublicInstitution}

// Overview holds the texts of part one (概况), each a list of paragraphs
// printed as written.
type Overview struct {
	Organization []string `budget:"organization,required"` // 部门机构设置
	Staffing     []string `budget:"staffing"`              // 人员情况
	Duties       []string `budget:"duties,required"`       // 主要职责
	// Composition is required where the profile prints it; left empty, it
	// is written from Units.
	Composition []string `budget:"composition"` // 部门预算单位构成
}

// Income is the income budget by source.
type Income struct {
	GeneralBudget        decimal.Decimal `budget:"general_budget"`         // 一般公共预算拨款
	GovernmentFund       decimal.Decimal `budget:"government_fund"`        // 政府性基金预算拨款
	StateCapital         decimal.Decimal `budget:"state_capital"`          // 国有资本经营预算拨款
	InstitutionBusiness  decimal.Decimal `budget:"institution_business"`   // 事业收入
	InstitutionOperation decimal.Decimal `budget:"institution_operation"`  // 事业单位经营收入
	Other                decimal.Decimal `budget:"other"`                  // 其他收入
	Carryover            decimal.Decimal `budget:"carryover"`              // 上年结转
	SpecialAccount       decimal.Decimal `budget:"special_account"`        // 财政专户管理资金
	SuperiorSubsidy      decimal.Decimal `budget:"superior_subsidy"`       // 上级补助收入
	SubordinateRemit     decimal.Decimal `budget:"subordinate_remittance"` // 附属单位上缴收入
}

// CurrentYear is the income of the budget year itself (本年收入), without
// the carry-over from the year before.
func (in Income) CurrentYear() decimal.Decimal {
	return sum(in.GeneralBudget, in.GovernmentFund, in.StateCapital, in.SpecialAccount,
		in.InstitutionBusiness, in.InstitutionOperation, in.SuperiorSubsidy, in.SubordinateRemit, in.Other)
}

// Total is all income: the current year's plus the carry-over.
func (in Income) Total() decimal.Decimal { return in.CurrentYear().Add(in.Carryover) }

// Expenditure is the stated expenditure budget; checks compare it with the
// project table.
type Expenditure struct {
	Basic   decimal.Decimal `budget:"basic,required"`   // 基本支出
	Project decimal.Decimal `budget:"project,required"` // 项目支出
}

// Total is 基本支出 + 项目支出.
func (e Expenditure) Total() decimal.Decimal { return e.Basic.Add(e.Project) }

// NonTax is the plan for non-tax revenue (非税收入征收计划).
type NonTax struct {
	AdministrativeFees decimal.Decimal `budget:"administrative_fees"` // 行政事业性收费
	Fines              decimal.Decimal `budget:"fines"`               // 罚没收入
	StateResources     decimal.Decimal `budget:"state_resources"`     // 国有资源（资产）有偿使用收入
}

// Total is the sum of the three kinds.
func (n NonTax) Total() decimal.Decimal {
	return sum(n.AdministrativeFees, n.Fines, n.StateResources)
}

// ThreePublic is the "三公" budget.
type ThreePublic struct {
	OverseasTravel   decimal.Decimal `budget:"overseas_travel"`   // 因公出国（境）费
	VehiclePurchase  decimal.Decimal `budget:"vehicle_purchase"`  // 公务用车购置费
	VehicleOperation decimal.Decimal `budget:"vehicle_operation"` // 公务用车运行费
	Reception        decimal.Decimal `budget:"reception"`         // 公务接待费
}

// Total is the sum of the four kinds.
func (t ThreePublic) Total() decimal.Decimal {
	return sum(t.OverseasTravel, t.VehiclePurchase, t.VehicleOperation, t.Reception)
}

// Glossary is part three (名词解释). By default the eight standard entries
// are printed; an entry in Entries with the same term replaces the standard
// one in place, other entries are appended.
type Glossary struct {
	// NoDefaults drops the standard entries, so only Entries are printed.
	NoDefaults bool    `budget:"no_defaults"`
	Entries    []Entry `budget:"entries"`
}

// Entry is one glossary term and its definition.
type Entry struct {
	Term       string `budget:"term,required"`
	Definition string `budget:"definition,required"`
}

// Kind says whether a category's rows are 基本支出 or 项目支出.
type Kind string

// The two kinds of expenditure.
const (
	Basic   Kind = "basic"   // 基本支出
	Project Kind = "project" // 项目支出
)

// Category is a group of project-table rows, printed in the 项目名称 column.
type Category struct {
	Name string `budget:"name,required"`
	Kind Kind   `budget:"kind,required"`
}

// ProjectTable holds what the project table prints besides its rows.
type ProjectTable struct {
	// TitleUnit is the name before the year in the table's title; it
	// defaults to the unit's name.
	TitleUnit string `budget:"title_unit"`
}

// Row is one line of the project table (部门支出预算项目表).
type Row struct {
	// Key identifies the row for performance forms and revision diffs.
	Key          string `budget:"key"`
	FunctionCode string `budget:"function_code,required"` // 科目编码, 7 digits
	FunctionName string `budget:"function_name,required"` // 科目名称, 类-款-项
	Category     string `budget:"category,required"`      // a Category's name
	// Item is the 项目名称 printed; it defaults to the category's name.
	Item   string              `budget:"item"`
	Detail string              `budget:"detail,required"` // 明细项目名称
	Amount decimal.NullDecimal `budget:"amount"`          // blank prints blank
	Note   string              `budget:"note"`            // 备注
	// Fund is the row's 资金来源, one of FundSources' names; blank means
	// 一般公共预算拨款.
	Fund string `budget:"fund"`
	// EconomicCode is the 部门预算支出经济分类 款 (5 digits, 30101) and
	// EconomicName its name; the name defaults to the catalogue's.
	EconomicCode string `budget:"economic_code"`
	EconomicName string `budget:"economic_name"`
	// Unit names the budget unit of units the row belongs to; empty means
	// the department itself.
	Unit string `budget:"unit"`
}

// DisplayItem is the 项目名称 the table prints for the row.
func (r Row) DisplayItem() string {
	if r.Item != "" {
		return r.Item
	}
	return r.Category
}

// Form is one performance-goal form. Which of its fields it has depends
// on the profile's template: the two-sided form (项目绩效目标申报表: period
// and annual, funds in 万元) or the one-sided one (财政项目支出绩效目标填报表:
// funds in 元, one indicator tree, targets).
type Form struct {
	// Row is the Key of its project-table row; Rows are the keys when the
	// form covers several rows.
	Row            string   `budget:"row"`
	Rows           []string `budget:"rows"`
	Name           string   `budget:"name,required"`
	Unit           string   `budget:"unit"`            // defaults to the unit's name; 实施单位 of the one-sided form
	AccountingUnit string   `budget:"accounting_unit"` // defaults to the unit's accounting unit

	// The two-sided form.
	Period     Funds      `budget:"period"` // 实施期
	Annual     Funds      `budget:"annual"` // 年度
	Indicators Indicators `budget:"indicators"`

	// The one-sided form.
	Department string    `budget:"department"`  // 主管部门（及代码）; defaults to the unit's name and code
	Nature     string    `budget:"nature"`      // 项目性质: 常年性, 一次性 or 延续性
	Kind       string    `budget:"kind"`        // 项目类别
	Start      Date      `budget:"start"`       // 计划开始日期
	End        Date      `budget:"end"`         // 计划完成日期
	Funds      YuanFunds `budget:"funds"`       // 项目资金, in 元
	Goal       []string  `budget:"goal"`        // 项目总目标
	AnnualGoal []string  `budget:"annual_goal"` // 年度总体目标
	Targets    []Level1  `budget:"targets"`     // the indicator tree; values are parsed (ParseTarget)
}

// Keys are the keys of the rows the form covers.
func (f Form) Keys() []string {
	if f.Row != "" {
		return append([]string{f.Row}, f.Rows...)
	}
	return f.Rows
}

// YuanFunds are the one-sided form's funds, in 元.
type YuanFunds struct {
	Total     decimal.Decimal `budget:"total"`     // 年度资金总额
	Fiscal    decimal.Decimal `budget:"fiscal"`    // 其中：财政拨款
	Carryover decimal.Decimal `budget:"carryover"` // 上年结转
	Other     decimal.Decimal `budget:"other"`     // 其他资金
}

// Funds are a form's money and goals for one period, in 万元.
type Funds struct {
	Total  decimal.Decimal     `budget:"total,required" wan:"true"`
	Fiscal decimal.Decimal     `budget:"fiscal,required" wan:"true"` // 财政拨款
	Other  decimal.NullDecimal `budget:"other" wan:"true"`           // 其他资金; blank prints blank
	// Goals are printed one per line, numbered when there is more than one.
	Goals []string `budget:"goals,required"`
}

// Indicators are the two indicator trees of a two-sided form.
type Indicators struct {
	Period []Level1 `budget:"period"`
	Annual []Level1 `budget:"annual"`
}

// Level1 is a 一级指标 (产出指标, 效益指标, 满意度指标) and its 二级指标.
type Level1 struct {
	Name   string   `budget:"name,required"`
	Groups []Level2 `budget:"groups,required"`
}

// Level2 is a 二级指标 (数量指标 …) and its 三级指标.
type Level2 struct {
	Name  string      `budget:"name,required"`
	Items []Indicator `budget:"items,required"`
}

// Indicator is a 三级指标 and its 指标值, which may be blank.
type Indicator struct {
	Name  string `budget:"name,required"`
	Value string `budget:"value"`
}

// Date is a calendar day.
type Date struct {
	Year, Month, Day int
}

// Time is the date at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Chinese is the date as official documents print it: 2021年3月17日.
func (d Date) Chinese() string { return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day) }

// String is the ISO form, 2021-03-17.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// ParseDate reads an ISO date (2021-03-17).
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, msg.Errorf("%q is not a date of the form 2021-03-17", s)
	}
	return Date{t.Year(), int(t.Month()), t.Day()}, nil
}

// RowsOf returns the rows whose category is of the given kind.
func (b *Budget) RowsOf(kind Kind) []Row {
	kinds := make(map[string]Kind, len(b.Categories))
	for _, c := range b.Categories {
		kinds[c.Name] = c.Kind
	}
	var rows []Row
	for _, r := range b.Rows {
		if kinds[r.Category] == kind {
			rows = append(rows, r)
		}
	}
	return rows
}

// RowTotal sums the amounts of rows; blank amounts count as zero.
func RowTotal(rows []Row) decimal.Decimal {
	total := decimal.Zero
	for _, r := range rows {
		if r.Amount.Valid {
			total = total.Add(r.Amount.Decimal)
		}
	}
	return total
}

// RowByKey returns the index of the row with the key, or -1.
func (b *Budget) RowByKey(key string) int {
	for i, r := range b.Rows {
		if r.Key != "" && r.Key == key {
			return i
		}
	}
	return -1
}

func sum(ds ...decimal.Decimal) decimal.Decimal {
	total := decimal.Zero
	for _, d := range ds {
		total = total.Add(d)
	}
	return total
}
