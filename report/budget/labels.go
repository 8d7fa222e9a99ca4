package budget

import (
	"reflect"
	"strings"
)

// labels are the Chinese names of the model's fields, by struct type and
// key. They are kept here rather than in struct tags so that a field added
// to the model is one line there and one here; TestEveryFieldHasALabel
// fails for a field without its name.
var labels = map[string]string{
	"Budget.year": "预算年度", "Budget.unit": "单位", "Budget.date": "落款日期", "Budget.overview": "概况",
	"Budget.income": "收入预算", "Budget.expenditure": "支出预算", "Budget.non_tax": "非税收入征收计划",
	"Budget.three_public": "“三公”经费", "Budget.glossary": "名词解释", "Budget.categories": "支出分类",
	"Budget.project_table": "项目表", "Budget.rows": "项目表的行", "Budget.forms": "绩效目标申报表",
	"Budget.documents": "公开文件组成", "Budget.functions": "功能分类科目", "Budget.previous": "上年数据文件",
	"Budget.reasons": "变动原因", "Budget.reason_threshold": "需说明原因的变动幅度", "Budget.procurement": "政府采购预算",
	"Budget.assets": "国有资产占用情况", "Budget.performance": "预算绩效情况", "Budget.running_cost": "机关运行经费",

	"Unit.name": "单位名称", "Unit.short_name": "单位简称", "Unit.code": "单位编码", "Unit.accounting_unit": "财务核算依托单位",

	"Overview.organization": "部门机构设置", "Overview.staffing": "人员情况", "Overview.duties": "主要职责",
	"Overview.composition": "部门预算单位构成",

	"Income.general_budget": "一般公共预算拨款", "Income.government_fund": "政府性基金预算拨款",
	"Income.state_capital": "国有资本经营预算拨款", "Income.institution_business": "事业收入",
	"Income.institution_operation": "事业单位经营收入", "Income.other": "其他收入", "Income.carryover": "上年结转",
	"Income.special_account": "财政专户管理资金", "Income.superior_subsidy": "上级补助收入",
	"Income.subordinate_remittance": "附属单位上缴收入",

	"Expenditure.basic": "基本支出", "Expenditure.project": "项目支出",

	"NonTax.administrative_fees": "行政事业性收费", "NonTax.fines": "罚没收入", "NonTax.state_resources": "国有资源（资产）有偿使用收入",

	"ThreePublic.overseas_travel": "因公出国（境）费", "ThreePublic.vehicle_purchase": "公务用车购置费",
	"ThreePublic.vehicle_operation": "公务用车运行费", "ThreePublic.reception": "公务接待费",

	"Glossary.no_defaults": "不用标准名词", "Glossary.entries": "名词", "Entry.term": "名词", "Entry.definition": "解释",

	"Category.name": "分类名称", "Category.kind": "支出类型", "ProjectTable.title_unit": "表题中的单位名称",

	"Row.key": "行标识", "Row.function_code": "科目编码", "Row.function_name": "科目名称", "Row.category": "分类",
	"Row.item": "项目名称", "Row.detail": "明细项目名称", "Row.amount": "金额", "Row.note": "备注",
	"Row.fund": "资金来源", "Row.economic_code": "经济分类科目编码", "Row.economic_name": "经济分类科目名称",

	"Form.row": "对应行", "Form.name": "项目名称", "Form.unit": "单位名称", "Form.accounting_unit": "财务核算依托单位",
	"Form.period": "实施期", "Form.annual": "年度", "Form.indicators": "绩效指标",
	"Funds.total": "资金总额", "Funds.fiscal": "财政拨款", "Funds.other": "其他资金", "Funds.goals": "绩效目标",
	"Indicators.period": "实施期指标", "Indicators.annual": "年度指标",
	"Level1.name": "一级指标", "Level1.groups": "二级指标", "Level2.name": "二级指标", "Level2.items": "三级指标",
	"Indicator.name": "三级指标", "Indicator.value": "指标值",

	"DocumentSet.set": "文件组合", "DocumentSet.money_unit": "金额单位", "DocumentSet.project_table": "附项目表",
	"Function.code": "科目编码", "Function.name": "科目名称",
	"Reason.key": "说明的项目", "Reason.text": "原因",
	"Procurement.goods": "货物", "Procurement.works": "工程", "Procurement.services": "服务",
	"Procurement.sme_reserved": "预留中小企业份额",
	"Assets.as_of":             "统计截止日期", "Assets.vehicles": "车辆", "Assets.general_equipment": "一般设备",
	"Assets.special_equipment": "专用设备", "Assets.planned": "购置计划",
	"Vehicle.kind": "车辆类型", "Vehicle.count": "数量",
	"Performance.projects": "项目个数", "Performance.amount": "金额",

	"Budget.profile": "文件配置", "Budget.units": "预算单位",
	"BudgetUnit.name": "单位名称", "BudgetUnit.code": "单位编码", "BudgetUnit.kind": "单位性质", "Row.unit": "所属预算单位",
	"Form.rows": "对应各行", "Form.department": "主管部门（及代码）", "Form.nature": "项目性质", "Form.kind": "项目类别",
	"Form.start": "计划开始日期", "Form.end": "计划完成日期", "Form.funds": "项目资金", "Form.goal": "项目总目标",
	"Form.annual_goal": "年度总体目标", "Form.targets": "绩效指标",
	"YuanFunds.total": "年度资金总额", "YuanFunds.fiscal": "财政拨款", "YuanFunds.carryover": "上年结转", "YuanFunds.other": "其他资金",
}

// FieldLabel is the Chinese name of the field at path (rows[3].amount →
// 金额); "" when the path names no field of the model.
func FieldLabel(path string) string {
	t := reflect.TypeOf(Budget{})
	label := ""
	for _, part := range strings.Split(path, ".") {
		name, _, _ := strings.Cut(part, "[")
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return ""
		}
		f, ok := fieldByTag(t, name)
		if !ok {
			return ""
		}
		label = labels[t.Name()+"."+name]
		t = f.Type
	}
	return label
}

// fieldByTag finds the field of struct type t whose `budget` tag names it.
func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if tagName, _, _ := strings.Cut(f.Tag.Get("budget"), ","); tagName == name && name != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}
