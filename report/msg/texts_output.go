package msg

// The messages of writing the documents: output files, locks, and texts
// the PDF cannot print whole.
func init() {
	add(map[string]string{
		"unit name %q cannot name a file": "单位名称“%s”不能用作文件名",
		"cannot lock %s: %w":              "无法锁定 %s：%v",
		"the text (%d characters) is too long for its merged cell: it needs %d lines and a page holds %d; shorten it": "文字（%d 个字）太长，合并单元格放不下：需要 %d 行，一页只能放 %d 行；请缩短",
	})
}
