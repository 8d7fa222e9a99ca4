package report

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"budgetdoc/fonts"
	"budgetdoc/report/budget"
	"budgetdoc/report/compose"
	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
	"budgetdoc/report/pdf"
	"budgetdoc/report/profile"
	"budgetdoc/report/xlsx"
)

// Format is an output format.
type Format string

// The output formats.
const (
	PDF  Format = "pdf"
	XLSX Format = "xlsx"
)

// Builder builds disclosures with a set of fonts.
type Builder struct {
	fonts *fonts.Set
	sheet xlsx.Options
	split bool
}

// Option configures a Builder.
type Option func(*Builder) error

// WithFont sets a font role (body, title, heading1, heading2, table,
// table-header, page-number) to the TrueType file at path.
func WithFont(role, path string) Option {
	return func(b *Builder) error { return b.fonts.Replace(fonts.Role(role), path) }
}

// WithSpreadsheetFonts names the fonts of the workbook's cells and headings
// (by default 宋体 and 黑体, which Chinese Office and WPS have); an empty name
// keeps the default.
func WithSpreadsheetFonts(cell, header string) Option {
	return func(b *Builder) error {
		b.sheet.CellFont, b.sheet.HeaderFont = cell, header
		return nil
	}
}

// WithSplit also writes each part of the PDF (the explanatory document and
// every attachment) as a file of its own, <name>-情况说明.pdf, <name>-附件1.pdf ….
func WithSplit() Option {
	return func(b *Builder) error { b.split = true; return nil }
}

// New returns a Builder with the embedded fonts, changed by opts.
func New(opts ...Option) (*Builder, error) {
	b := &Builder{fonts: fonts.Default()}
	for _, o := range opts {
		if err := o(b); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Check runs the budget's checks and, when they pass, checks that the fonts
// have a glyph for every character the documents print and that the PDF can
// print every text whole (a merged cell taller than a page cannot), so that
// a budget that passes Check builds.
func (bl *Builder) Check(b *Budget) Findings {
	findings, doc, _ := bl.check(b)
	if findings.HasErrors() {
		return findings
	}
	// A glyph missing here is one the renderer sets itself (a page number).
	err := pdf.CheckLayout(doc, pdf.Options{Fonts: bl.fonts})
	var cell *pdf.CellError
	var glyphs pdf.GlyphErrors
	switch {
	case errors.As(err, &cell):
		findings = append(findings, cellFinding(cell))
	case errors.As(err, &glyphs):
		findings = append(findings, glyphFindings(b, glyphs)...)
	}
	return findings
}

// Prepared is a budget whose checks have passed, with its disclosure
// composed: what Build does before it renders. A batch that prints every
// budget's findings before it builds any prepares each budget once and
// builds what it prepared, so that no budget is checked or composed twice.
type Prepared struct {
	Budget  *Budget
	doc     *layout.Document
	profile *profile.Profile
}

// Prepare runs the checks Build makes before it renders: Check without
// typesetting the PDF. A text too long for its merged cell is then found
// while the PDF is rendered, and returned as a Finding. The Prepared is nil
// when the findings hold an error.
func (bl *Builder) Prepare(b *Budget) (*Prepared, Findings) {
	findings, doc, p := bl.check(b)
	if findings.HasErrors() {
		return nil, findings
	}
	return &Prepared{Budget: b, doc: doc, profile: p}, findings
}

// cellFinding is a text the PDF cannot print whole, as a finding at the
// text's line.
func cellFinding(e *pdf.CellError) Finding {
	return budget.Finding{
		Severity: budget.Error,
		Pos:      budget.Pos{File: e.Origin.File, Line: e.Origin.Line, Col: e.Origin.Col},
		Path:     e.Origin.Path,
		Message:  e.Message,
	}
}

// check is Check, also returning the composed disclosure when the budget's
// own checks pass, so that Build composes it once.
func (bl *Builder) check(b *Budget) (Findings, *layout.Document, *profile.Profile) {
	findings, p := checkWithProfile(b)
	if findings.HasErrors() {
		return findings, nil, nil
	}
	doc := compose.Disclosure(b, p)
	findings = append(findings, compose.RoundingFindings(b, doc)...)
	findings = append(findings, glyphFindings(b, glyphErrors(b, doc, bl.fonts))...)
	return findings, doc, p
}

// glyphFindings are missing glyphs as findings at their texts' lines.
func glyphFindings(b *Budget, errs pdf.GlyphErrors) Findings {
	var findings Findings
	for _, e := range errs {
		pos := budget.Pos{File: e.Origin.File, Line: e.Origin.Line, Col: e.Origin.Col}
		if e.Origin.Path != "" {
			pos = b.Source.Pos(e.Origin.Path) // also a workbook's cell
		}
		findings = append(findings, budget.Finding{
			Severity: budget.Error,
			Pos:      pos,
			Path:     e.Origin.Path,
			Message:  e.Message(),
		})
	}
	return findings
}

// glyphErrors checks every character against its font. The data's texts
// inside generated sentences are checked on their own first, so that a
// missing glyph is named at its field; the sentence's own error, which has
// no origin, is then left out.
func glyphErrors(b *Budget, doc *layout.Document, set *fonts.Set) pdf.GlyphErrors {
	data := &layout.Document{}
	for _, t := range compose.DataTexts(b) {
		for _, role := range []layout.Font{layout.FontBody, layout.FontTable} { // sentences and tables
			data.Add(&layout.Paragraph{Text: t, Style: layout.Style{Font: role}})
		}
	}
	var errs pdf.GlyphErrors
	named := make(map[rune]bool)
	seen := make(map[string]bool)
	for _, e := range pdf.CheckGlyphs(data, set) {
		named[e.Char] = true
		if key := fmt.Sprintf("%c %s", e.Char, e.Origin.Path); !seen[key] {
			seen[key] = true
			errs = append(errs, e)
		}
	}
	for _, e := range pdf.CheckGlyphs(doc, set) {
		if e.Origin == (layout.Origin{}) && named[e.Char] {
			continue
		}
		errs = append(errs, e)
	}
	return errs
}

// checkWithProfile runs the budget's checks and its profile's, returning
// the profile when it could be read.
// The profile fills the budget's document set first, since the budget's
// checks depend on which documents print.
func checkWithProfile(b *Budget) (Findings, *profile.Profile) {
	p, err := profile.Fill(b)
	if err != nil {
		return append(budget.Check(b), err.(budget.Findings)...), nil
	}
	return append(budget.Check(b), p.CheckBudget(b)...), p
}

// BaseName is the disclosure's file name without extension, as its profile
// words it: <单位名称><年度>年部门预算, by the one rule of budget.FileStem.
func BaseName(b *Budget) string {
	p, err := profile.Fill(b)
	if err != nil {
		p = profile.MustBuiltin(profile.Default)
	}
	return p.FileStem(b)
}

// Document is one output file of a disclosure: its file name (no folder)
// and its bytes.
type Document struct {
	Name string
	Data []byte
}

// Documents checks b and renders its disclosure in the given formats, in
// memory: the same bytes Build writes, for servers and other callers that do
// not write into a folder. With WithSplit every part of the PDF follows the
// whole PDF.
func (bl *Builder) Documents(b *Budget, formats ...Format) ([]Document, error) {
	pr, findings := bl.Prepare(b)
	if pr == nil {
		return nil, findings
	}
	return bl.documents(pr, formats)
}

// BaseName is the disclosure's file name without extension, as the function
// BaseName gives it, from the profile Prepare read rather than reading it again.
func (pr *Prepared) BaseName() string { return pr.profile.FileStem(pr.Budget) }

// Lean drops the composed disclosure, which BuildPrepared then composes
// again. A batch of many budgets keeps those not being built lean, so that
// its memory does not grow with their number (a composed disclosure of 50
// rows and 10 forms holds about a megabyte).
func (pr *Prepared) Lean() { pr.doc = nil }

func (bl *Builder) documents(pr *Prepared, formats []Format) ([]Document, error) {
	if pr == nil || pr.profile == nil {
		return nil, errors.New("report: a Prepared not made by Prepare")
	}
	b, p, doc := pr.Budget, pr.profile, pr.doc
	if doc == nil {
		doc = compose.Disclosure(b, p)
	}
	var docs []Document
	base := pr.BaseName()
	if base != filepath.Base(base) || strings.ContainsAny(base, `/\`) || filepath.IsAbs(base) {
		// Check refuses such names; this guards callers that skip it.
		return nil, msg.Errorf("unit name %q cannot name a file", b.Unit.Name)
	}
	// The formats are rendered side by side (the XLSX is written while the
	// PDF is typeset), each into its own slot, so that the documents and the
	// error returned keep the formats' order.
	rendered := make([][]Document, len(formats))
	errs := make([]error, len(formats))
	var wg sync.WaitGroup
	for i, f := range formats {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rendered[i], errs[i] = bl.render(b, p, doc, base, f)
		}()
	}
	wg.Wait()
	for i := range formats {
		if errs[i] != nil {
			return nil, errs[i]
		}
		docs = append(docs, rendered[i]...)
	}
	return docs, nil
}

// render renders the composed disclosure in one format: its document and,
// for a PDF with WithSplit, each part's.
func (bl *Builder) render(b *Budget, p *profile.Profile, doc *layout.Document, base string, f Format) ([]Document, error) {
	var data []byte
	var err error
	switch f {
	case PDF:
		data, err = pdf.Render(doc, pdf.Options{Fonts: bl.fonts})
	case XLSX:
		data, err = xlsx.Render(doc, bl.sheet)
	default:
		err = msg.Errorf("format %q is not supported", f)
	}
	var cell *pdf.CellError
	var glyphs pdf.GlyphErrors
	switch {
	case errors.As(err, &cell):
		return nil, Findings{cellFinding(cell)}
	case errors.As(err, &glyphs):
		return nil, glyphFindings(b, glyphs)
	}
	if err != nil {
		return nil, err
	}
	docs := []Document{{base + "." + string(f), data}}
	if f == PDF && bl.split {
		for _, part := range compose.Parts(b, p) {
			data, err := pdf.Render(part.Doc, pdf.Options{Fonts: bl.fonts})
			if err != nil {
				return nil, err
			}
			docs = append(docs, Document{base + "-" + part.Name + ".pdf", data})
		}
	}
	return docs, nil
}

// Render checks b and writes its disclosure in one format into w (an HTTP
// response, a zip entry), returning the document's file name. With
// WithSplit the parts are left out: use Documents for them.
func (bl *Builder) Render(w io.Writer, b *Budget, f Format) (name string, err error) {
	whole := *bl // a copy: the Builder may serve other goroutines
	whole.split = false
	docs, err := whole.Documents(b, f)
	if err != nil {
		return "", err
	}
	_, err = w.Write(docs[0].Data)
	return docs[0].Name, err
}

// Build checks b and writes its disclosure into dir in the given formats,
// returning the paths written. Nothing is written when a check fails, and
// every document is rendered before the first file is touched. All are
// then written to temporary files, side by side, and renamed over the old
// ones only when every one is written, so a failure to write leaves the
// previous files intact.
func (bl *Builder) Build(b *Budget, dir string, formats ...Format) ([]string, error) {
	pr, findings := bl.Prepare(b)
	if pr == nil {
		return nil, findings
	}
	return bl.BuildPrepared(pr, dir, formats...)
}

// BuildPrepared is Build of a budget Prepare has checked and composed.
func (bl *Builder) BuildPrepared(pr *Prepared, dir string, formats ...Format) ([]string, error) {
	docs, err := bl.documents(pr, formats)
	if err != nil {
		return nil, err
	}
	unlock, err := lockOutputs(dir, pr.BaseName()) // documents checked pr
	if err != nil {
		return nil, err
	}
	defer unlock()
	return writeAll(dir, docs)
}

// Compose returns the disclosure as a layout document in its profile's
// shape, for callers that render it themselves.
func Compose(b *Budget) (*layout.Document, error) {
	p, err := profile.Fill(b)
	if err != nil {
		return nil, err
	}
	return compose.Disclosure(b, p), nil
}
