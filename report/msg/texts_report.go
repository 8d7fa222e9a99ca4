package msg

// The messages of building documents: fonts, glyphs, output files (fonts,
// report, report/pdf).
func init() {
	add(map[string]string{
		"unknown font role %q; the roles are %s": "没有“%s”这个字体角色；可用的角色：%s",
		"font file %s does not exist":            "字体文件 %s 不存在",
		"font file %s cannot be read: %v":        "字体文件 %s 无法读取：%v",
		"font %s: %w":                            "字体 %s：%v",
		"not a font file":                        "不是字体文件",
		"a TrueType collection (.ttc) cannot be embedded; extract one face into a .ttf file (TrueType with glyf outlines), e.g. with fonttools":                 "TrueType 字体集（.ttc）无法嵌入；请从中取出一种字体存为 .ttf 文件（glyf 轮廓的 TrueType），例如用 fonttools",
		"an OpenType font with CFF outlines (.otf) cannot be embedded; use a TrueType (.ttf) font with glyf outlines, such as the TTF build of the same family": "CFF 轮廓的 OpenType 字体（.otf）无法嵌入；请改用 glyf 轮廓的 TrueType（.ttf）字体，例如同一字族的 TTF 版本",
		"not a TrueType font (.ttf)":           "不是 TrueType 字体（.ttf）",
		"the TrueType font cannot be read: %v": "TrueType 字体无法读取：%v",
		"the font's licence does not allow embedding it in a PDF as a subset (OS/2 fsType %#04x); use a font that allows it": "字体的授权不允许把它以子集嵌入 PDF（OS/2 fsType %#04x）；请换一种允许嵌入的字体",
		"unit name %q cannot name a file":                 "单位名称“%s”不能用作文件名",
		"format %q is not supported":                      "不支持“%s”格式",
		"format %q is not supported for a revision table": "修订对照表不支持“%s”格式",
		"cannot lock %s: %w":                              "无法锁定 %s：%v",
		"character U+%04X %q is not in the font %s (role %s); replace it, or give that role a font that has it with --font %s=PATH": "字符 U+%04X“%s”不在字体 %s（角色 %s）中；请替换这个字符，或用 --font %s=字体文件 给该角色换一种有这个字的字体",
		"续表 (the mark over a table's continuation pages)":                                                                           "续表（表格续页上方的标记）",
		"page %d of the PDF": "PDF 第 %d 页",
	})
}
