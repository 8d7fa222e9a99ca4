package budget

// StandardGlossary is the eight entries of 名词解释 that disclosures print
// unless the data replaces them.
var StandardGlossary = []Entry{
	{"财政拨款收入", "是指省级财政当年拨付的资金。"},
	{"事业收入", "是指事业单位开展专业活动及辅助活动所取得的收入。"},
	{"其他收入", "是指部门取得的除“财政拨款”、“事业收入”、“事业单位经营收入”等以外的收入。"},
	{"用事业基金弥补收支差额", "是指事业单位在当年的“财政拨款收入”、“事业收入”、“经营收入”和“其他收入”不足以安排当年支出的情况下，使用以前年度积累的事业基金（即事业单位以前各年度收支相抵后，按国家规定提取、用于弥补以后年度收支差额的基金）弥补当年收支缺口的资金。"},
	{"基本支出", "是指为保障机构正常运转、完成日常工作任务所必需的开支，其内容包括人员经费和日常公用经费两部分。"},
	{"项目支出", "是指在基本支出之外，为完成特定的行政工作任务或事业发展目标所发生的支出。"},
	{"“三公”经费", "是指纳入省级财政预算管理，部门使用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。其中，因公出国（境）费反映单位公务出国（境）的住宿费、旅费、伙食补助费、杂费、培训费等支出；公务用车购置及运行费反映单位公务用车购置费及租用费、燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。"},
	{"机关运行经费", "是指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。"},
}

// Resolved is the glossary as printed: the standard entries (unless
// NoDefaults), each replaced by a data entry of the same term, then the data's
// other entries in their order.
func (g Glossary) Resolved() []Entry { return g.ResolvedWith(StandardGlossary) }

// ResolvedWith is Resolved with other default entries, a profile's.
func (g Glossary) ResolvedWith(defaults []Entry) []Entry {
	var out []Entry
	used := make(map[string]bool)
	if !g.NoDefaults {
		for _, std := range defaults {
			e := std
			for _, own := range g.Entries {
				if own.Term == std.Term {
					e, used[own.Term] = own, true
					break
				}
			}
			out = append(out, e)
		}
	}
	for _, own := range g.Entries {
		if !used[own.Term] {
			out = append(out, own)
		}
	}
	return out
}
