package msg

// The messages of reading a data file: its size, encoding, syntax and the
// limits on what it may expand to (report/budget).
func init() {
	add(map[string]string{
		"the file is larger than %d MB, far larger than a budget; is it the right file?":                                                "文件超过 %d MB，远大于一份预算数据；是不是选错了文件？",
		"the file is UTF-16; read as UTF-16 — save it as UTF-8":                                                                         "文件是 UTF-16 编码；已按 UTF-16 读取——请以 UTF-8 编码另存",
		"the file is GBK; read as GBK — save it as UTF-8":                                                                               "文件是 GBK 编码；已按 GBK 读取——请以 UTF-8 编码另存",
		"the file is not UTF-8 text, nor GBK or UTF-16 (is it Latin-1?): save it with the encoding UTF-8":                               "文件不是 UTF-8 编码，也不是 GBK 或 UTF-16（是不是 Latin-1 等西文编码？）：请以 UTF-8 编码另存",
		"the file is not a budget: it holds %s, where a budget is a mapping of keys (year:, unit:, …)":                                  "文件不是预算数据：其中是%s，而预算数据应是“键: 值”的映射（year:、unit: 等）",
		"the file holds %s, where a mapping of keys (key: value) is expected":                                                           "文件中是%s，而这里应是“键: 值”的映射",
		`expected text, found "key: value": a ":" followed by a space inside a text makes it a key; put the whole text in quotes ("…")`: "这里应是文字，却是“键: 值”：文字中的冒号加空格会被当作键；请给整段文字加上引号（\"…\"）",
		"YAML syntax: the control character %U cannot be in a data file; remove it":                                                     "YAML 语法错误：数据文件中不能有控制字符 %U；请删除",
		"nothing (~)": "空值（~）",
		"aliases (*name) expand the file to more than %d bytes of text, far more than it holds; are they nested in each other?": "别名（*名称）展开后的文字超过 %d 字节，远多于文件本身；是不是别名互相嵌套了？",
		"required list %q is empty; give it at least one entry":                                                                 "必填的列表“%s”是空的；请至少填写一项",
		"YAML syntax: *%s refers to no anchor &%s above it; define &%s first or correct the name":                               "YAML 语法错误：*%s 引用的锚点 &%s 在上文中不存在；请先定义 &%s 或改正名称",
		"YAML syntax: a tab is used for indent; indent with spaces only":                                                        "YAML 语法错误：这里用 Tab 缩进了；请只用空格缩进",
		`YAML syntax: a ":" inside a text; put the whole text in quotes ("…")`:                                                  "YAML 语法错误：文字中有冒号“:”；请给整段文字加上引号（\"…\"）",
		"YAML syntax: the quote opened here is never closed; close it on this line":                                             "YAML 语法错误：这里的引号没有闭合；请在本行末尾补上引号",
		"YAML syntax: the bracket %s opened here is not closed; close it on this line":                                          "YAML 语法错误：这里的括号 %s 没有闭合；请在本行补上",
		"%s has more than %d significant digits, more than a spreadsheet holds exactly":                                         "%s 超过 %d 位有效数字，电子表格无法精确保存",
		"%s %s has more than %d significant digits, more than a spreadsheet holds exactly":                                      "%s %s 超过 %d 位有效数字，电子表格无法精确保存",
	})
}
