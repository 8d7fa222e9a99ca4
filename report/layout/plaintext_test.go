package layout

import "testing"

func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		"三门峡经济开发区政务服务部 2021 年度部门预算情况说明": "三门峡经济开发区政务服务部2021年度部门预算情况说明",
		"2021 年部门预算情况说明":                "2021年部门预算情况说明",
		"2021年部门预算情况说明":                 "2021年部门预算情况说明",
		"使用 Microsoft Excel 或 WPS 表格":   "使用Microsoft Excel或WPS表格",
		"（ 2021 ）":                      "（2021）",
		"附件1　政务服务中心":                    "附件1　政务服务中心", // an ideographic space is the text's own
		" 3.5 MB ":                      " 3.5 MB ",
		"“三公” 经费":                       "“三公”经费",
	} {
		if got := PlainText(in); got != want {
			t.Errorf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}
