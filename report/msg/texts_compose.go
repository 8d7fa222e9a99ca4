package msg

// The findings of the composers (report/compose).
func init() {
	add(map[string]string{
		"%s, line %q, column %q: the total %s is not the sum of its printed parts, %s (rounding to %s; adjust by hand if the published table must add up)": "%s，“%s”行“%s”栏：合计 %s 不等于其各项打印数之和 %s（按%s四舍五入所致；公开的表格须平衡时请手工调整）",
	})
}
