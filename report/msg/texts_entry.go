package msg

// The entry workbook's findings and errors (report/entry), and reading and
// writing data files (report).
func init() {
	add(map[string]string{
		// limits
		"the file is not an XLSX workbook (it cannot be read as a zip archive: %v)":                         "文件不是 XLSX 工作簿（无法作为 zip 压缩包读取：%v）",
		"the workbook holds %d parts, more than %d":                                                         "工作簿包含 %d 个部件，超过上限 %d",
		"the workbook's part %s cannot be read: %v":                                                         "工作簿的部件 %s 无法读取：%v",
		"the workbook's part %s cannot be unzipped: %v":                                                     "工作簿的部件 %s 无法解压：%v",
		"the workbook unzips to more than %d MB; an entry workbook is far smaller":                          "工作簿解压后超过 %d MB；数据录入表远没有这么大",
		"a sheet has a cell on row %d, beyond the %d rows an entry workbook may have; delete what is there": "有工作表在第 %d 行有单元格，超出数据录入表最多 %d 行的限制；请删除那里的内容",
		"the workbook has %d cells, more than %d":                                                           "工作簿有 %d 个单元格，超过上限 %d",
		"the workbook has %d shared texts, more than %d":                                                    "工作簿有 %d 个共享文本，超过上限 %d",

		// reading
		"the workbook cannot be opened: %v": "工作簿无法打开：%v",
		"this is not an entry workbook: it has no sheet %s (budgetdoc init or budgetdoc convert makes one; the workbook that build writes is the disclosure, not its data)": "这不是数据录入表：没有“%s”工作表（budgetdoc init 或 budgetdoc convert 可以生成录入表；budgetdoc build 生成的工作簿是公开文件，不是数据）",
		"the sheet %s cannot be read: %v":                                                                                           "工作表“%s”无法读取：%v",
		"a value on a row without its field in column D; put it on the row of its field":                                            "这一行的 D 栏没有字段名，值无处可放；请填到对应字段的那一行",
		"unknown field %q in column D; this sheet's fields are %s":                                                                  "D 栏的字段“%s”不认识；本表的字段有 %s",
		"the field is given twice (first on row %d)":                                                                                "这个字段填了两次（第一次在第 %d 行）",
		"the formula =%s has no computed value saved with it; open and save the workbook in Excel or WPS, or type the value itself": "公式 =%s 没有保存计算结果；请用 Excel 或 WPS 打开并保存一次，或直接填数值",
		"the cell shows the error %s":                                                                                               "单元格显示错误值 %s",
		"%s is not a date; enter a date such as 2021-03-17":                                                                         "%s 不是日期；请填写日期，如 2021-03-17",
		"%q is neither 是 nor 否":                                                                                                     "“%s”既不是“是”也不是“否”",
		"%q is not an amount: enter a number such as 1234.50":                                                                       "“%s”不是金额：请填数字，如 1234.50",
		"the amount %q is text with 元 or thousands separators: enter the number %s itself (set the cell's format to 数值 or 常规)": "金额“%s”是带“元”或千分位逗号的文本：请直接填数字 %s（单元格格式设为“数值”或“常规”）",
		"the amount %q is text: enter it as the number %s (set the cell's format to 数值 or 常规)":                                 "金额“%s”是文本：请填成数字 %s（单元格格式设为“数值”或“常规”）",
		"unknown column %q; the columns are %s":                                                   "不认识的栏目“%s”；本表的栏目有 %s",
		"a value outside the table's columns would be lost; move it into a column with a heading": "这个值不在表格的任何一栏中，会被丢掉；请移到有表头的栏目里",
		"the %s is missing":                   "缺少%s",
		"the %s %q is not a number from 1 up": "%s“%s”不是从 1 起的数字",
		"the %s %d is given twice":            "%s %d 重复了",
		"the %s is missing: which form of 绩效目标 does the row belong to?": "缺少%s：这一行属于“绩效目标”表的哪一张？",
		"no form of 绩效目标 has the %s %q":                                 "“绩效目标”表中没有%s为“%s”的表",
		"choose the %s: %s":                                             "请选择%s：%s",

		// writing
		"entry workbook: %s":                            "数据录入表：%s",
		"%s is empty, which a workbook row cannot hold": "%s 是空的，工作表的一行放不下空项",
		"%s cannot be told from the group before it in a workbook (give it a name of its own)": "%s 在工作表中与前一组无法区分（请给它一个不同的名称）",
		"%s: %q is not an amount": "%s：“%s”不是金额",
		"%s: %s has more than %d significant digits, more than a spreadsheet cell keeps": "%s：%s 超过 %d 位有效数字，电子表格单元格存不下",
		"%s: %q is not a whole number":                                             "%s：“%s”不是整数",
		"a text of more than 32,767 characters does not fit in a spreadsheet cell": "超过 32767 个字符的文字放不进电子表格的单元格",
		"the character U+%04X cannot be kept in a spreadsheet cell":                "字符 U+%04X 不能存入电子表格的单元格",

		// a new year
		"left to fill in (%s): enter the amount":                                             "待填写（%s）：请填入金额",
		"left to fill in (%s): enter the date":                                               "待填写（%s）：请填入日期",
		"# %d budget, carried forward from %s: enter every %s (the amounts and the date).\n": "# %d 年部门预算，由 %s 结转而来：请填写每一处“%s”（金额和落款日期）。\n",
		"unknown profile %q; the profiles are %s":                                            "没有“%s”这个文件组成；可选的有 %s",
		"# An empty budget (%s): fill in the fields; each is explained in the comment above it. Field reference: data/README.md.\n": "# 空白的部门预算数据（%s）：请逐项填写，每项的说明在它上方的注释里。字段说明见 data/README.md。\n",

		// data files
		"the file is larger than %d MB; a budget is far smaller":                   "文件超过 %d MB；预算数据远没有这么大",
		"%s: unknown data format %q; the formats are .yaml, .yml, .json and .xlsx": "%s：没有“%s”这种数据格式；可用的有 .yaml、.yml、.json 和 .xlsx",
	})
}
