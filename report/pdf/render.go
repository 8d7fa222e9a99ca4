package pdf

import (
	"fmt"

	"budgetdoc/fonts"
	"budgetdoc/report/layout"
	"budgetdoc/report/pdf/cjk"
)

// Options are the renderer's settings; the zero value uses the embedded
// fonts.
type Options struct {
	Fonts *fonts.Set
}

// Render typesets doc and returns the PDF file's bytes. Every character is
// first checked against the face it is set in; a missing glyph is an error
// (see GlyphErrors), never a blank box.
func Render(doc *layout.Document, opts Options) ([]byte, error) {
	m, pl, err := typeset(doc, opts)
	if err != nil {
		return nil, err
	}
	w, err := newWriter(m, doc.Meta, pl)
	if err != nil {
		return nil, err
	}
	return w.draw(pl)
}

// CheckLayout typesets doc without writing it, to find what Render would
// refuse: missing glyphs (GlyphErrors) and text that cannot be printed
// whole (*CellError).
func CheckLayout(doc *layout.Document, opts Options) error {
	_, _, err := typeset(doc, opts)
	return err
}

// typeset checks doc's glyphs and plans its pages. It measures text with
// the faces' own widths, the same the PDF declares, so that no font is given
// to the PDF writer before the pages show which characters each face sets.
func typeset(doc *layout.Document, opts Options) (*measurer, *plan, error) {
	set := opts.Fonts
	if set == nil {
		set = fonts.Default()
	}
	if errs := CheckGlyphs(doc, set); len(errs) > 0 {
		return nil, nil, errs
	}
	m := newMeasurer(set)
	pl, err := layoutPages(doc, m)
	if err != nil {
		return nil, nil, err
	}
	if errs := checkPlanGlyphs(pl, set); len(errs) > 0 {
		return nil, nil, errs
	}
	return m, pl, nil
}

// layoutPages plans the whole document.
func layoutPages(doc *layout.Document, m *measurer) (*plan, error) {
	p := newPlanner(m)
	p.blocks = doc.Blocks
	for i, b := range doc.Blocks {
		p.block = i
		if err := p.add(b, doc.Blocks[i+1:]); err != nil {
			return nil, err
		}
	}
	if p.cur == nil {
		p.newPage()
	}
	p.fillTOC()
	return &p.plan, nil
}

// block is the one dispatch over the closed set of block kinds.
// rest is the blocks after b, which a heading is kept with.
func (p *planner) add(b layout.Block, rest []layout.Block) error {
	switch b := b.(type) {
	case *layout.Heading:
		p.renderHeading(b, rest)
	case *layout.Paragraph:
		if p.cur == nil {
			p.newPage()
		}
		p.keepList(b, rest)
		p.paragraph(b.Text, b.Style)
	case *layout.TOC:
		p.renderTOC()
	case *layout.Spacer:
		p.renderSpacer(b)
	case *layout.PageBreak:
		p.orient = b.Orientation
		p.newPage()
	case *layout.Signature:
		p.renderSignature(b)
	case *layout.AttachmentHeading:
		p.renderAttachment(b)
	case *layout.Table:
		return p.renderTable(b)
	default:
		return fmt.Errorf("pdf: unhandled block %T", b)
	}
	return nil
}

// keptList is the most lines a list (附件：1. … 2. …) and the signature
// after it may take to be kept on one page.
const keptList = 12

// keepList starts a new page before a list's item when what must stay
// together from it does not fit on this one: a short list and the
// signature after it (at most keptList lines), from its first item; and the
// close of a document, the list's last two items with the signature after
// them (… 10. … 11. and the unit's name and date), as a typesetter keeps a
// closing block together rather than leave the last item alone with the
// signature at the head of a page. The items of a list are the consecutive
// paragraphs with a hanging label.
func (p *planner) keepList(b *layout.Paragraph, rest []layout.Block) {
	if b.Style.HangAfter == "" || p.line == 0 {
		return
	}
	first := true
	if p.block > 0 {
		if prev, ok := p.blocks[p.block-1].(*layout.Paragraph); ok && prev.Style.HangAfter != "" {
			first = false
		}
	}
	items := []*layout.Paragraph{b}
	var sig *layout.Signature
	for _, r := range rest {
		if s, ok := r.(*layout.Signature); ok {
			sig = s
			break
		}
		item, ok := r.(*layout.Paragraph)
		if !ok || item.Style.HangAfter == "" {
			break
		}
		items = append(items, item)
	}
	closing := sig != nil && (len(items) == 2 || len(items) == 1 && first)
	if !first && !closing {
		return
	}
	n := 0
	for _, item := range items {
		n += p.linesOf(item.Text, item.Style)
	}
	if sig != nil {
		n += 1 + p.signatureLines(sig) // the signature goes with the list
	}
	if (closing || n <= keptList) && n > p.free() {
		p.newPage()
	}
}

// headingStyle is how a heading of the level is set: parts centred in 黑体
// 小二, 一、 in 黑体 and （一） in 楷体 at body size, indented two characters.
func headingStyle(level int) layout.Style {
	switch level {
	case 0:
		return layout.Style{Font: layout.HeadingFont(0), Size: 18, Align: layout.Center}
	default:
		return layout.Style{Font: layout.HeadingFont(level), Size: bodySize, Align: layout.Justify, Indent: 2}
	}
}

func (p *planner) renderHeading(h *layout.Heading, rest []layout.Block) {
	style := headingStyle(h.Level)
	if h.NewPage || p.cur == nil {
		p.newPage()
	}
	blank := h.Level == 0 && p.line > 0 // a part heading has a blank line above it
	need := len(p.breakParagraph(h.Text, style, true).lines)
	if blank {
		need++
	}
	need += p.keepLines(rest)
	if p.free() < need {
		p.newPage()
		blank = false
	}
	if blank {
		p.line++
	}
	p.listed(h, p.lineTop(p.line))
	p.flow(p.breakParagraph(h.Text, style, true), style.Align) // headings are balanced
}

// carryOver moves the last n lines of the current page to a new page,
// when they are lines of running text, taking one more if the paragraph
// would otherwise leave a single line behind.
func (p *planner) carryOver(n int) {
	pg := p.cur
	if len(pg.runs) == 0 || p.line < n {
		return
	}
	last := pg.runs[len(pg.runs)-1]
	lines := 0
	for _, r := range pg.runs {
		if r.block == last.block {
			lines++
		}
	}
	if _, ok := p.blocks[last.block].(*layout.Paragraph); !ok || lines < n {
		return
	}
	if lines-n == 1 {
		n++
	}
	cut := p.lineTop(p.line - n)
	var stay, move []run
	for _, r := range pg.runs {
		if r.y > cut {
			r.y -= cut - pg.frame.top
			move = append(move, r)
		} else {
			stay = append(stay, r)
		}
	}
	pg.runs = stay
	p.newPage()
	p.cur.runs = move
	p.line = n
}

// keepLines is how many lines of what follows a heading must share its
// page: the least of a paragraph that may start a page's foot (two lines,
// or all of a paragraph of up to three, which cannot split 2 + 1), or a
// following heading with what it keeps in turn, or a table's first rows.
func (p *planner) keepLines(rest []layout.Block) int {
	if len(rest) == 0 {
		return 0
	}
	switch n := rest[0].(type) {
	case *layout.Paragraph:
		if lines := p.linesOf(n.Text, n.Style); lines <= 3 {
			return lines
		}
		return 2
	case *layout.Heading:
		return len(p.breakParagraph(n.Text, headingStyle(n.Level), true).lines) + p.keepLines(rest[1:])
	case *layout.Table:
		return 3
	}
	return 0
}

// renderAttachment starts an attachment on a new page: 附件N flush left in
// 黑体 on the first line, then a blank line.
func (p *planner) renderAttachment(a *layout.AttachmentHeading) {
	p.orient = a.Orientation
	p.newPage()
	p.listed(a, p.lineTop(0))
	p.paragraph(layout.Plain(a.Label), layout.Style{Font: layout.FontHeading1, Align: layout.Left})
	p.line++
}

func (p *planner) renderSpacer(s *layout.Spacer) {
	if p.cur == nil {
		p.newPage()
	}
	// Blank lines at the head of a page are dropped.
	if p.line > 0 {
		p.line = min(p.line+s.Lines, p.cur.frame.lines)
	}
}

// signatureName breaks the issuing body's name into lines that end two
// characters from the right edge.
func (p *planner) signatureName(s *layout.Signature) (textStyle, []cjk.Box, []cjk.BoxLine) {
	st := gridStyle(layout.FontBody, bodySize)
	avail := frameFor(p.orient).width - 2*charPitch
	name := p.boxes(s.Name.S, st, 0)
	return st, name, setLines(name, st, avail, avail, true)
}

// signatureLines is how many lines the signature takes: its name and date.
func (p *planner) signatureLines(s *layout.Signature) int {
	_, _, lines := p.signatureName(s)
	return len(lines) + 1
}

// renderSignature sets the issuing body and the date after one blank line
// (GB/T 9704 7.3.5.2): the name two characters from the right edge, the
// date on the next line starting two characters right of the name's
// start; a date longer than that moves the name right and ends two
// characters from the edge itself. A name too long for the line is wrapped
// in balanced lines inside the type area.
func (p *planner) renderSignature(s *layout.Signature) {
	if p.cur == nil {
		p.newPage()
	}
	st, name, lines := p.signatureName(s)
	f := frameFor(p.orient)
	right := f.left + f.width - 2*charPitch // where the name and date end
	nameW := 0.0
	for _, l := range lines {
		_, w := cjk.Place(name, l, f.width, st.size, false)
		nameW = max(nameW, w-st.tracking)
	}
	date := p.boxes(s.Date.S, st, 0)
	dateLine := cjk.BoxLine{End: len(date), Last: true}
	_, dateW := cjk.Place(date, dateLine, f.width, st.size, false)
	dateW -= st.tracking
	nameX := right - nameW
	dateX := nameX + 2*charPitch
	if dateX+dateW > right {
		dateX = right - dateW
		nameX = max(dateX-2*charPitch, f.left)
	}
	need := len(lines) + 1
	if p.line > 0 && p.free() < need+1 {
		// The signature never stands alone on a page (GB/T 9704): the last
		// lines of the text go over with it.
		p.carryOver(2)
	}
	p.ensure(need)
	if p.line > 0 {
		p.line++
	}
	for i, l := range lines {
		p.placeLine(name, l, i, st, nameX, p.lineTop(p.line), nameW, layout.Left)
		p.line++
	}
	p.placeLine(date, dateLine, len(lines), st, dateX, p.lineTop(p.line), dateW, layout.Left)
	p.line++
}
