package entry

import "budgetdoc/report/budget"

// The entry workbook is described once, here: which sheet and which column
// or row holds each field of the data format. Writing, reading, the guide
// sheet, the cell notes and the commented YAML of `init` all follow this
// table, and a test fails when a field of the model has no cell in it.

// sheet is one sheet of the entry workbook: either a form of single fields
// (one row per field) or a table with one row per item of a list.
type sheet struct {
	Name string // the sheet's name, as the findings name it
	Note string // what the sheet holds, for the guide sheet
	// A form: each field on a row of its own, label | value | note | key.
	Fields []field
	// A table: the list items, one per row.
	Table *table
}

// field is one single value of a form sheet.
type field struct {
	Path    string   // the field's path in the data format (unit.name)
	Label   string   // its Chinese name
	Note    string   // how to fill it in
	Choices []option // a drop-down, as for a column
}

// table is a sheet of list items. Its rows fill the lists of Lists, which
// hang below the root or below an item of the Parent list; a row names its
// parent item by the parent's 序号 and, when there are several lists, which
// list by a choice column. Levels nest: every level but the last is a group
// (一级指标 → 二级指标), started again whenever its cells change.
type table struct {
	Parent   string   // the list whose items own these rows ("forms"); "" for the root
	Numbered bool     // the first column is the item's 序号, which child sheets refer to
	Choice   string   // the header of the column choosing among Lists
	Lists    []choice // the lists filled; one means no choice column
	Levels   []level
}

// choice is one list a table fills, with the label the choice column shows.
type choice struct {
	Label string
	Path  string // below the parent item (or the root)
}

// level is one level of nesting in a table: the list at Path below the
// item of the level before (the first level is the chosen list itself).
type level struct {
	Path    string
	Columns []column
}

// column is one column of a table.
type column struct {
	Field  string  // the field below the level's item; "" for the item itself (a list of texts)
	Header string  // the Chinese heading
	Note   string  // how to fill it in, shown as the heading's note
	Width  float64 // in Excel units (a Han character is about 2.2)
	// Choices turn the column into a drop-down: the label shown and the
	// value stored.
	Choices []option
	// ListOf makes the column's drop-down the values of another sheet's
	// column (the categories of 支出分类).
	ListOf string
}

// option is one entry of a drop-down.
type option struct{ Label, Value string }

// parentHeader is the heading of the column naming a row's parent item.
const parentHeader = "绩效表序号"

// numberHeader is the heading of a numbered table's first column.
const numberHeader = "序号"

var yesNo = []option{{"是", "true"}, {"否", "false"}}

var sheets = []sheet{
	{Name: "基本信息", Note: "预算年度、落款日期和单位名称等。", Fields: []field{
		{"profile", "文件配置", "公开文件的样式：内置配置 seed（默认）、national（全国标准格式）、one-sided（单栏式绩效表），或同一文件夹中的配置文件，如 ./our-city.yaml。", nil},
		{"year", "预算年度", "必填。四位数字，如 2022。", nil},
		{"date", "落款日期", "必填。公开文件的落款日期，如 2022-03-17；须在预算年度内，或上年 10 月 1 日以后。", nil},
		{"unit.name", "单位名称", "必填。印在标题和落款处。", nil},
		{"unit.short_name", "单位简称", "正文中称呼本单位用的简称；不填则用单位名称。", nil},
		{"unit.code", "单位编码", "如 111；按文本填写，前导的 0 会保留。", nil},
		{"unit.accounting_unit", "财务核算依托单位", "绩效目标表中的财务核算依托单位名称；不填则用单位名称。", nil},
		{"project_table.title_unit", "项目表标题单位", "项目表标题中年度前面的名称；不填则用单位名称。", nil},
		{"glossary.no_defaults", "不印标准名词解释", "选“是”则只印“名词解释”表中的词条；不填或“否”则印标准的八条，表中同名词条替换标准词条。", nil},
		{"documents.set", "公开文件组成", "简版：情况说明、项目表和绩效目标表（默认）；标准版：十三部分的情况说明、九张表和绩效目标表。",
			[]option{{"简版", budget.SeedSet}, {"标准版", budget.StandardSet}}},
		{"documents.money_unit", "金额单位", "标准版各表和说明的金额单位，元或万元；不填时简版用元、标准版用万元。",
			[]option{{budget.Yuan, budget.Yuan}, {budget.TenThousandYuan, budget.TenThousandYuan}}},
		{"documents.project_table", "标准版附项目表", "选“是”则标准版也附部门支出预算项目表。", nil},
		{"previous", "上年数据文件", "上年的数据文件名（与本表在同一文件夹时直接写文件名，如 2021.yaml 或 2021.xlsx），用于与上年比较；可空。", nil},
	}},
	{Name: "收入支出", Note: "收入预算、支出预算、非税收入征收计划和“三公”经费，单位：元。", Fields: []field{
		{"income.general_budget", "一般公共预算拨款", "元。含财政拨款及纳入一般公共预算管理的收入。", nil},
		{"income.government_fund", "政府性基金预算拨款", "元。", nil},
		{"income.state_capital", "国有资本经营预算拨款", "元。", nil},
		{"income.institution_business", "事业收入", "元。", nil},
		{"income.institution_operation", "事业单位经营收入", "元。", nil},
		{"income.special_account", "财政专户管理资金", "元。", nil},
		{"income.superior_subsidy", "上级补助收入", "元。", nil},
		{"income.subordinate_remittance", "附属单位上缴收入", "元。", nil},
		{"income.other", "其他收入", "元。", nil},
		{"income.carryover", "上年结转", "元。部门结余结转资金。", nil},
		{"expenditure.basic", "基本支出", "必填，元。须等于“项目表”中基本支出类分类各行金额之和。", nil},
		{"expenditure.project", "项目支出", "必填，元。须等于“项目表”中项目支出类分类各行金额之和。", nil},
		{"non_tax.administrative_fees", "行政事业性收费", "元。纳入预算管理的行政事业性收费等收入。", nil},
		{"non_tax.fines", "罚没收入", "元。", nil},
		{"non_tax.state_resources", "国有资源（资产）有偿使用收入", "元。", nil},
		{"three_public.overseas_travel", "因公出国（境）费", "元。", nil},
		{"three_public.vehicle_purchase", "公务用车购置费", "元。", nil},
		{"three_public.vehicle_operation", "公务用车运行费", "元。", nil},
		{"three_public.reception", "公务接待费", "元。", nil},
		{"running_cost", "机关运行经费", "元。填了则与项目表中的公用经费核对；可空。", nil},
	}},
	{Name: "其他情况", Note: "政府采购、国有资产占用、绩效目标管理和变动说明的设置（标准版情况说明用）。", Fields: []field{
		{"procurement.goods", "政府采购·货物", "元。", nil},
		{"procurement.works", "政府采购·工程", "元。", nil},
		{"procurement.services", "政府采购·服务", "元。", nil},
		{"procurement.sme_reserved", "预留中小企业份额", "元。", nil},
		{"assets.as_of", "资产统计截止日期", "如 2023-12-31。车辆见“公务用车”表。", nil},
		{"assets.general_equipment", "通用设备（单价50万元以上）", "台（套）数。", nil},
		{"assets.special_equipment", "专用设备（单价100万元以上）", "台（套）数。", nil},
		{"assets.planned", "拟购置车辆和设备", "一句话，照写照印；空着表示不购置。", nil},
		{"performance.projects", "绩效目标管理项目数", "个；空着则按绩效目标表数。", nil},
		{"performance.amount", "绩效目标管理金额", "元；空着则按绩效目标表合计。", nil},
		{"reason_threshold", "变动说明阈值（%）", "与上年相比增减超过这个百分比而没有写原因的，检查时提示；空着为 10。", nil},
	}},
	{Name: "概况", Note: "情况说明第一部分的文字，一行一段，按顺序印出。", Table: &table{
		Choice: "部分",
		Lists: []choice{
			{"部门机构设置", "overview.organization"},
			{"人员情况", "overview.staffing"},
			{"主要职责", "overview.duties"},
			{"部门预算单位构成", "overview.composition"},
		},
		Levels: []level{{Columns: []column{
			{Header: "段落", Width: 100, Note: "一段文字，照写照印（含“人员情况：”等开头语）。"},
		}}},
	}},
	{Name: "支出分类", Note: "项目表各行所属的分类，以及每类是基本支出还是项目支出。", Table: &table{
		Lists: []choice{{"", "categories"}},
		Levels: []level{{Columns: []column{
			{Field: "name", Header: "分类名称", Width: 24, Note: "必填。印在项目表“项目名称”栏，如 人员支出。"},
			{Field: "kind", Header: "支出类型", Width: 14, Note: "必填。基本支出或项目支出。",
				Choices: []option{{"基本支出", "basic"}, {"项目支出", "project"}}},
		}}},
	}},
	{Name: "项目表", Note: "部门支出预算项目表，一行一个明细项目，金额单位：元。", Table: &table{
		Lists: []choice{{"", "rows"}},
		Levels: []level{{Columns: []column{
			{Field: "key", Header: "行标识", Width: 14, Note: "给有绩效目标表的行起一个标识（如 cloud），绩效目标表的“项目行标识”引用它；修订对照也用它认行。"},
			{Field: "function_code", Header: "科目编码", Width: 12, Note: "必填。7 位功能分类科目编码（类 3 位 + 款 2 位 + 项 2 位），按文本填写。"},
			{Field: "function_name", Header: "科目名称", Width: 40, Note: "必填。类-款-项，如 一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行。"},
			{Field: "category", Header: "支出分类", Width: 16, Note: "必填。从“支出分类”表中选。", ListOf: "支出分类"},
			{Field: "item", Header: "项目名称", Width: 16, Note: "印在“项目名称”栏；不填则印支出分类的名称。"},
			{Field: "detail", Header: "明细项目名称", Width: 24, Note: "必填。"},
			{Field: "amount", Header: "金额（元）", Width: 16, Note: "元，填数字，最多两位小数；不要填千分位逗号或“元”。不填则印空白。"},
			{Field: "note", Header: "备注", Width: 20, Note: "印在备注栏。"},
			{Field: "fund", Header: "资金来源", Width: 18, Note: "从下拉列表中选；不填为一般公共预算拨款。", Choices: fundChoices()},
			{Field: "economic_code", Header: "经济分类编码", Width: 12, Note: "部门预算支出经济分类的款，5 位，如 30101；按文本填写。"},
			{Field: "economic_name", Header: "经济分类名称", Width: 16, Note: "不填则用经济分类目录中的名称。"},
			{Field: "unit", Header: "所属预算单位", Width: 20, Note: "本行所属的预算单位（“预算单位”表中的单位名称）；不填为本部门。"},
		}}},
	}},
	{Name: "预算单位", Note: "部门所属的预算单位（部门预算单位构成）；“概况”中不写单位构成时据此生成。", Table: &table{
		Lists: []choice{{"", "units"}},
		Levels: []level{{Columns: []column{
			{Field: "name", Header: "单位名称", Width: 30, Note: "必填。"},
			{Field: "code", Header: "单位编码", Width: 12, Note: "按文本填写。"},
			{Field: "kind", Header: "单位性质", Width: 16, Note: "必填。机关运行经费只算行政单位和参公事业单位。",
				Choices: []option{{"行政单位", "行政单位"}, {"参公事业单位", "参公事业单位"}, {"事业单位", "事业单位"}}},
		}}},
	}},
	{Name: "功能科目", Note: "功能分类科目的类、款、项名称（标准版各表用）；项目表中“科目名称”写成 类-款-项 的可不填。", Table: &table{
		Lists: []choice{{"", "functions"}},
		Levels: []level{{Columns: []column{
			{Field: "code", Header: "科目编码", Width: 12, Note: "必填。类 3 位、款 5 位或项 7 位，按文本填写。"},
			{Field: "name", Header: "科目名称", Width: 40, Note: "必填。"},
		}}},
	}},
	{Name: "绩效目标", Note: "项目绩效目标申报表，一行一张表，资金单位：万元。目标见“绩效目标内容”，指标见“绩效指标”，按序号对应。", Table: &table{
		Lists:    []choice{{"", "forms"}},
		Numbered: true,
		Levels: []level{{Columns: []column{
			{Field: "row", Header: "项目行标识", Width: 14, Note: "必填（一张表对应多行时改在“绩效表对应行”中填）。对应“项目表”中该项目行的行标识。"},
			{Field: "name", Header: "项目名称", Width: 24, Note: "必填。"},
			{Field: "unit", Header: "单位名称", Width: 20, Note: "不填则用基本信息中的单位名称。"},
			{Field: "accounting_unit", Header: "财务核算依托单位", Width: 20, Note: "不填则用基本信息中的财务核算依托单位。"},
			{Field: "period.total", Header: "实施期资金总额（万元）", Width: 14, Note: "必填，万元，最多四位小数。"},
			{Field: "period.fiscal", Header: "实施期财政拨款（万元）", Width: 14, Note: "必填，万元。"},
			{Field: "period.other", Header: "实施期其他资金（万元）", Width: 14, Note: "万元；不填则印空白。"},
			{Field: "annual.total", Header: "年度资金总额（万元）", Width: 14, Note: "必填，万元。"},
			{Field: "annual.fiscal", Header: "年度财政拨款（万元）", Width: 14, Note: "必填，万元。"},
			{Field: "annual.other", Header: "年度其他资金（万元）", Width: 14, Note: "万元；不填则印空白。"},
			{Field: "department", Header: "单栏表·主管部门（及代码）", Width: 20, Note: "单栏式绩效表用；不填则用单位名称和编码。"},
			{Field: "nature", Header: "单栏表·项目性质", Width: 12, Note: "单栏式绩效表用。",
				Choices: []option{{"常年性", "常年性"}, {"一次性", "一次性"}, {"延续性", "延续性"}}},
			{Field: "kind", Header: "单栏表·项目类别", Width: 14, Note: "单栏式绩效表用。"},
			{Field: "start", Header: "单栏表·计划开始日期", Width: 14, Note: "单栏式绩效表用，如 2024-01-01。"},
			{Field: "end", Header: "单栏表·计划完成日期", Width: 14, Note: "单栏式绩效表用，如 2024-12-31。"},
			{Field: "funds.total", Header: "单栏表·年度资金总额（元）", Width: 16, Note: "单栏式绩效表用，元；须等于财政拨款、上年结转、其他资金之和。"},
			{Field: "funds.fiscal", Header: "单栏表·财政拨款（元）", Width: 16, Note: "元。"},
			{Field: "funds.carryover", Header: "单栏表·上年结转（元）", Width: 16, Note: "元。"},
			{Field: "funds.other", Header: "单栏表·其他资金（元）", Width: 16, Note: "元。"},
		}}},
	}},
	{Name: "绩效表对应行", Note: "一张绩效目标表对应项目表多行时，逐行列出这些行的行标识（此时“绩效目标”中的项目行标识不填）。", Table: &table{
		Parent: "forms",
		Lists:  []choice{{"", "rows"}},
		Levels: []level{{Columns: []column{
			{Header: "项目行标识", Width: 14, Note: "“项目表”中一行的行标识。"},
		}}},
	}},
	{Name: "绩效目标内容", Note: "每张绩效目标表的总体目标，一行一条，多条时编号印出。", Table: &table{
		Parent: "forms",
		Choice: "目标类别",
		Lists: []choice{{"实施期目标", "period.goals"}, {"年度目标", "annual.goals"},
			{"项目总目标（单栏表）", "goal"}, {"年度总体目标（单栏表）", "annual_goal"}},
		Levels: []level{{Columns: []column{
			{Header: "目标", Width: 80, Note: "一条目标，照写照印。"},
		}}},
	}},
	{Name: "绩效指标", Note: "每张绩效目标表的指标，一行一个三级指标；一级、二级指标相同的相邻行归为一组。", Table: &table{
		Parent: "forms",
		Choice: "指标类别",
		Lists:  []choice{{"实施期指标", "indicators.period"}, {"年度指标", "indicators.annual"}, {"单栏表指标", "targets"}},
		Levels: []level{
			{Columns: []column{{Field: "name", Header: "一级指标", Width: 14, Note: "如 产出指标、效益指标、满意度指标。空着表示同上一行。"}}},
			{Path: "groups", Columns: []column{{Field: "name", Header: "二级指标", Width: 14, Note: "如 数量指标、质量指标。空着表示同上一行。"}}},
			{Path: "items", Columns: []column{
				{Field: "name", Header: "三级指标", Width: 30, Note: "必填。"},
				{Field: "value", Header: "指标值", Width: 24, Note: "如 ≥95%；可空。"},
			}},
		},
	}},
	{Name: "名词解释", Note: "情况说明第三部分。标准的八条默认印出；这里的词条与标准词条同名时替换它，否则加在后面。", Table: &table{
		Lists: []choice{{"", "glossary.entries"}},
		Levels: []level{{Columns: []column{
			{Field: "term", Header: "名词", Width: 20, Note: "必填。"},
			{Field: "definition", Header: "解释", Width: 90, Note: "必填。"},
		}}},
	}},
	{Name: "变动原因", Note: "与上年相比变动的原因（主要原因是……），标准版情况说明用。", Table: &table{
		Lists: []choice{{"", "reasons"}},
		Levels: []level{{Columns: []column{
			{Field: "key", Header: "说明对象", Width: 24, Note: "必填。total（收支总计）、科目编码、basic、project、资金来源名称、three_public.reception 等。"},
			{Field: "text", Header: "原因", Width: 80, Note: "必填。"},
		}}},
	}},
	{Name: "公务用车", Note: "国有资产占用情况中的车辆，一行一类。", Table: &table{
		Lists: []choice{{"", "assets.vehicles"}},
		Levels: []level{{Columns: []column{
			{Field: "kind", Header: "车辆类别", Width: 30, Note: "必填。如 一般公务用车。"},
			{Field: "count", Header: "数量（辆）", Width: 12, Note: "必填。"},
		}}},
	}},
}

// fundChoices are the funds a row may name.
func fundChoices() []option {
	var opts []option
	for _, f := range budget.FundSources {
		opts = append(opts, option{f.Name, f.Name})
	}
	return opts
}

// guideSheet is the first sheet: how to fill the workbook in.
const guideSheet = "填写说明"
