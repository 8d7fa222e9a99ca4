package budget

import "github.com/shopspring/decimal"

// Reason explains a change against last year (主要原因是…). Key names what
// it explains: "total" (收支总计), a function code (7, 5 or 3 digits),
// "basic", "project", "personnel", "public", a fund name, or a 三公 field
// ("three_public.reception", "three_public" for the total), "running_cost".
type Reason struct {
	Key  string `budget:"key,required"`
	Text string `budget:"text,required"`
}

// Procurement is the 政府采购 plan (section 十一), in 元.
type Procurement struct {
	Goods    decimal.Decimal `budget:"goods"`    // 货物
	Works    decimal.Decimal `budget:"works"`    // 工程
	Services decimal.Decimal `budget:"services"` // 服务
	// SMEReserved is the amount reserved for small and medium enterprises
	// (预留中小企业份额).
	SMEReserved decimal.Decimal `budget:"sme_reserved"`
}

// Total is goods + works + services.
func (p Procurement) Total() decimal.Decimal { return sum(p.Goods, p.Works, p.Services) }

// Assets are the state assets in use (section 十二).
type Assets struct {
	// AsOf is the date the counts are taken (截至2023年12月31日).
	AsOf     Date      `budget:"as_of"`
	Vehicles []Vehicle `budget:"vehicles"`
	// GeneralEquipment counts general equipment of 50万元 or more a unit;
	// SpecialEquipment special equipment of 100万元 or more.
	GeneralEquipment int `budget:"general_equipment"`
	SpecialEquipment int `budget:"special_equipment"`
	// Planned are the vehicles and equipment to be bought this year, as a
	// sentence; blank means none.
	Planned string `budget:"planned"`
}

// Vehicle is a count of vehicles of one kind (领导干部用车, 一般公务用车 …).
type Vehicle struct {
	Kind  string `budget:"kind,required"`
	Count int    `budget:"count,required"`
}

// Performance is section 十三's facts that the forms do not give: the
// projects under 绩效目标管理 and their amount in 元. Left out, they are
// counted from the forms.
type Performance struct {
	Projects int                 `budget:"projects"`
	Amount   decimal.NullDecimal `budget:"amount"`
}
