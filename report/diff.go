package report

import (
	"budgetdoc/report/compose"
	"budgetdoc/report/msg"
	"budgetdoc/report/pdf"
	"budgetdoc/report/profile"
	"budgetdoc/report/revision"
	"budgetdoc/report/xlsx"
)

// Revision is the comparison of two versions of a budget; see package
// revision.
type Revision = revision.Revision

// Diff compares two versions of a budget, which need not pass their checks.
func Diff(old, new *Budget) *Revision { return revision.Compare(old, new) }

// RenderRevision lays out a revision table (修订对照表) and renders it as PDF
// or XLSX through the same renderers as the disclosure.
func (bl *Builder) RenderRevision(r *Revision, new *Budget, f Format) ([]byte, error) {
	// The title and the unit line follow the new version's profile: 部门 or
	// 单位 as its documents say it, and the forms' funds in 万元 (the
	// two-sided form) or in 元 (the one-sided one) like every other amount.
	p, err := profile.Fill(new)
	if err != nil {
		p = profile.MustBuiltin(profile.Default)
	}
	unit := "金额单位：元（绩效目标表为万元）"
	if p.Forms.Template == profile.OneSided {
		unit = "金额单位：元"
	}
	doc := compose.Revision(r, p.FileStem(new)+"修订对照表", unit, new.Date.Time())
	switch f {
	case PDF:
		return pdf.Render(doc, pdf.Options{Fonts: bl.fonts})
	case XLSX:
		return xlsx.Render(doc, bl.sheet)
	}
	return nil, msg.Errorf("format %q is not supported for a revision table", f)
}

// WriteFile writes data to path atomically: readers see the old file or
// the new one, never a part.
func WriteFile(path string, data []byte) error { return writeAtomic(path, data) }
