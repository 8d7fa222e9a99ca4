package web

import (
	"net/http"
	"slices"

	"budgetdoc/report"
	"budgetdoc/report/budget"
	"budgetdoc/report/profile"
)

// profileView is one built-in profile on the front page.
type profileView struct{ Name, Description string }

func builtinProfiles() []profileView {
	var views []profileView
	for _, name := range profile.Builtins() {
		views = append(views, profileView{name, profile.MustBuiltin(name).Description})
	}
	return views
}

// blank gives an empty entry workbook for a built-in profile, to start a
// budget in Excel or WPS: every sheet, heading, note and drop-down, and the
// profile already chosen.
func (s *Server) blank(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("profile")
	if !slices.Contains(profile.Builtins(), name) {
		http.Error(w, "没有这个内置配置", http.StatusNotFound)
		return
	}
	data, err := report.Marshal(&budget.Budget{Profile: name}, "blank.xlsx")
	if err != nil {
		s.fail(w, err)
		return
	}
	serveFile(w, r, "部门预算录入表-"+name+".xlsx", data, false)
}
