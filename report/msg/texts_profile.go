package msg

// Document profiles (report/profile), the one-sided form's checks and
// `budgetdoc profiles`.
func init() {
	add(map[string]string{
		// a budget against its profile
		"the profile %q prints no forms: the %d forms are not published": "配置“%s”不印绩效目标表：这 %d 张表不会公开",
		"required field %q is missing (the profile %q prints it)":        "缺少必填字段“%s”（配置“%s”要印它）",
		"the profile %q prints the %s form, which has no %q":             "配置“%s”印的是%s绩效目标表，没有“%s”这一项",
		"two-sided": "两栏式",
		"one-sided": "单栏式",
		"指标值 %q is %g characters wide; the form prints at most %d on one line and never breaks a value": "指标值“%s”宽 %g 个字：表中一行最多印 %d 个字，指标值不能折行",
		"一级指标 %q has %d rows; the form merges its cell over at most %d":                                 "一级指标“%s”下有 %d 行：表中这一格最多合并 %d 行",
		"the form has %d indicator rows; the profile %q allows %d to %d":                                "这张表有 %d 行指标：配置“%s”允许 %d 到 %d 行",

		// reading a profile
		"%s: profiles extend each other in a circle: %s":               "%s：配置之间循环继承：%s",
		"%s: more than %d profiles extend each other":                  "%s：继承的配置超过 %d 层",
		"unknown profile %q; the built-in profiles are %s":             "没有名为“%s”的配置；内置的配置有 %s",
		" (a profile file is named by its path, e.g. ./our-city.yaml)": "（配置文件要写路径，例如 ./our-city.yaml）",
		"profile %s: %v": "配置 %s：%v",
		"profile %s: only a profile file in the data file's own folder can be used here": "配置 %s：这里只能使用与数据文件在同一文件夹中的配置文件",
		"not a regular file":                          "不是普通文件",
		"larger than %d KB; a profile is far smaller": "超过 %d KB；配置文件远没有这么大",

		// checking a profile
		"%q cannot name a file: leave out / \\ : * ? \" < > | and a leading . or -": "“%s”不能作文件名：不要用 / \\ : * ? \" < > |，也不要以 . 或 - 开头",
		"the profile lists no documents; give some of %s":                           "配置没有列出任何文件；请从 %s 中选",
		"%q is listed twice": "“%s”列了两次",
		"the list starts with %s: the other documents are its attachments": "列表要以 %s 开头：其余文件都是它的附件",
		"rows must give min ≥ 1 and max ≥ min (found min %d, max %d)":      "rows 要满足 min ≥ 1 且 max ≥ min（现在 min 为 %d，max 为 %d）",
		"per_level1 must be at least 1 (found %d)":                         "per_level1 至少为 1（现在是 %d）",
		"a glossary entry needs a term and a definition":                   "名词解释的每一条都要有 term（名词）和 definition（解释）",
		"%q is not one of %s":     "“%s”不是以下之一：%s",
		"missing; give one of %s": "缺少；请从 %s 中选一个",
		"%s at character %d is not a placeholder; the placeholders are %s": "第 %[2]d 个字处的 %[1]s 不是占位符；可用的占位符有 %[3]s",
		"the path %q goes too deep: %q has no fields under it":             "路径“%s”写得太深了：“%s”下面没有字段",
		"%q in %q is not a budget field":                                   "“%[2]s”中的“%[1]s”不是预算数据的字段",
		"%q in %q is not a list":                                           "“%[2]s”中的“%[1]s”不是列表",

		// 指标值
		"at character %d: %s": "第 %d 个字处：%s",
		"%q cannot start a figure: write an operator (≥ ≤ = > <) and then the number": "数值不能以“%s”开头：先写比较符号（≥ ≤ = > <），再写数字",
		"%q is not an operator: use ≥ ≤ = > or <":                                     "“%s”不是比较符号：请用 ≥ ≤ = > 或 <",
		"a number must follow %s":                                                     "%s 后面要写数字",
		"%q is not a number":                                                          "“%s”不是数字",
		"the unit %s has no closing %s":                                               "单位 %s 缺少后括号 %s",
		"the unit %q has an operator in it: one operator, at the start":               "单位“%s”里有比较符号：比较符号只能有一个，写在最前面",
		"指标值 %q: %v":                                                                  "指标值“%s”：%v",

		// forms
		`required field "row" is missing (a form over several rows gives rows: [a, b])`: "缺少必填字段“row”（一张表对应多行时写 rows: [a, b]）",
		"give row or rows, not both": "row 和 rows 只能写一个",
		"%q, %s%s":                   "“%s”，%s%s",
		"the amount of its row %s,":  "对应行 %s 的金额，",
		"the sum of its rows %s,":    "对应各行 %s 的金额合计，",
		"财政拨款 %s万元 exceeds %s资金总额 %s万元":        "财政拨款 %s万元 超过了%s资金总额 %s万元",
		"财政拨款 %s元 exceeds 年度资金总额 %s元 (by %s元)": "财政拨款 %s元 超过了年度资金总额 %s元（多 %s元）",
		"项目性质 %q must be one of %s":            "项目性质“%s”应为以下之一：%s",
		"计划完成日期 %s is before 计划开始日期 %s":        "计划完成日期 %s 早于计划开始日期 %s",

		"in %s the project table's rows add up to %s, while the exact total %s 元 rounds to %s: the table prints %s as its 合计": "以%s计，项目表各行合计 %s，而精确合计 %s 元四舍五入为 %s：表中“合计”印 %s",

		// units
		"unit %q is listed twice (first at units[%d]%s)": "预算单位“%s”列了两次（第一次在 units[%d]%s）",
		"unit kind %q must be 行政单位, 参公事业单位 or 事业单位":      "单位性质“%s”应为行政单位、参公事业单位或事业单位",
		"unit %q is not listed under units%s":            "预算单位“%s”不在 units 中%s",

		// budgetdoc profiles
		"list, print or check document profiles": "列出、显示或检查文件配置（profile）",
		" (default)":                             "（默认）",
		"%s: profile %q is valid\n":              "%s：配置“%s”没有问题\n",
		"Usage: budgetdoc profiles [show NAME|FILE | check FILE]\n  (no argument)  list the built-in profiles\n  show NAME      print a built-in profile's YAML, to start a region's own from\n  show FILE      print a profile file merged with what it extends\n  check FILE     check a profile file\n": "用法：budgetdoc profiles [show 名称|文件 | check 文件]\n  （不带参数）   列出内置的配置\n  show 名称      显示内置配置的 YAML，可据此编写本地区的配置\n  show 文件      显示配置文件与其所继承配置合并后的内容\n  check 文件     检查配置文件\n",
		"budgetdoc profiles: want no argument, show NAME or check FILE\n": "budgetdoc profiles：应不带参数，或写 show 名称、check 文件\n",
		"# %s merged with the profiles it extends\n":                      "# %s 与其所继承的配置合并后的内容\n",
	})
}
