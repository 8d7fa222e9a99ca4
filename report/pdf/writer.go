package pdf

import (
	"slices"
	"strconv"
	"sync"

	"github.com/jung-kurt/gofpdf"

	"budgetdoc/fonts"
	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
	"budgetdoc/report/pdf/cjk"
)

// writer draws a plan with gofpdf.
type writer struct {
	pdf *gofpdf.Fpdf
	set *fonts.Set
	m   *measurer
	// The font and size the page's text is set in (setFont), "" for none
	// known: a new page, or after a transformation's Q restored the one
	// before it.
	font string
	size float64
}

// newWriter starts a PDF with the document's metadata and the faces the
// plan sets text in. Each face is given to gofpdf as a subset holding only
// the characters the plan sets in it, which spares gofpdf reading whole CJK
// fonts and keeps the file small. Dates come from the document, never the
// clock, so the same input gives the same bytes.
func newWriter(m *measurer, meta layout.Meta, pl *plan) (*writer, error) {
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(meta.Date)
	pdf.SetModificationDate(meta.Date)
	pdf.SetTitle(layout.PlainText(meta.Title), true)
	pdf.SetAuthor(meta.Author, true)
	pdf.SetSubject(layout.PlainText(meta.Subject), true)
	pdf.SetKeywords(meta.Keywords, true)
	pdf.SetCreator("budgetdoc", true)
	pdf.SetProducer("budgetdoc with gofpdf", true)
	pdf.SetXmpMetadata(xmp(meta))
	pdf.SetLang(meta.Lang)
	w := &writer{pdf: pdf, set: m.set, m: m}
	full, half := w.facesUsed(pl)
	// A face that sets marks half width somewhere has a second font of
	// those marks' half-width forms. The subsets are made side by side and
	// given to gofpdf in order.
	type font struct {
		family string
		subset func() ([]byte, error)
	}
	var embeds []font
	for _, fc := range full {
		embeds = append(embeds, font{fc.face.Name, func() ([]byte, error) { return fc.face.Subset(fc.chars) }})
	}
	for _, fc := range half {
		embeds = append(embeds, font{halfFamily(fc.face), func() ([]byte, error) { return fc.face.HalfSubset(fc.chars) }})
	}
	// Each subset is parsed for gofpdf beside the others too; gofpdf takes
	// them in order.
	parsed := make([]*gofpdf.UTF8Subset, len(embeds))
	errs := make([]error, len(embeds))
	var wg sync.WaitGroup
	for i, f := range embeds {
		wg.Go(func() {
			data, err := f.subset()
			if err != nil {
				errs[i] = err
				return
			}
			if parsed[i], err = gofpdf.ParseUTF8Subset(data); err != nil {
				errs[i] = msg.Errorf("font %s: %w", f.family, err)
			}
		})
	}
	wg.Wait()
	for i, f := range embeds {
		if errs[i] != nil {
			return nil, errs[i]
		}
		pdf.AddParsedUTF8Subset(f.family, "", parsed[i])
		// gofpdf can report a bad font only through its error state.
		if err := pdf.Error(); err != nil {
			return nil, msg.Errorf("font %s: %w", f.family, err)
		}
	}
	return w, nil
}

// faceChars is a face and the characters a plan sets in it.
type faceChars struct {
	face  *fonts.Face
	chars []rune
}

// facesUsed lists the faces the plan sets text in, ordered by name, each
// with its characters: those of the runs, of the page numbers (drawn with
// the pages), and the body face, which bookmarks are encoded under; and
// the faces that set marks half width, with those marks.
func (w *writer) facesUsed(pl *plan) (full, half []faceChars) {
	used := make(map[*fonts.Face]map[rune]bool)
	halves := make(map[*fonts.Face]map[rune]bool)
	add := func(in map[*fonts.Face]map[rune]bool, f layout.Font, s string) {
		face := w.set.Face(fonts.Role(f))
		if in[face] == nil {
			in[face] = make(map[rune]bool)
		}
		for _, r := range s {
			in[face][r] = true
		}
	}
	add(used, layout.FontBody, "")
	for i, pg := range pl.pages {
		for _, r := range pg.runs {
			if r.half {
				add(halves, r.font, r.text)
			} else {
				add(used, r.font, r.text)
			}
		}
		add(used, layout.FontPageNumber, pageNumberText(i+1))
	}
	return w.byFace(used), w.byFace(halves)
}

// byFace lists the faces of used, ordered by name, each with its
// characters in order.
func (w *writer) byFace(used map[*fonts.Face]map[rune]bool) []faceChars {
	var out []faceChars
	for _, face := range w.set.Faces() {
		if chars, ok := used[face]; ok {
			fc := faceChars{face: face}
			for r := range chars {
				fc.chars = append(fc.chars, r)
			}
			slices.Sort(fc.chars)
			out = append(out, fc)
		}
	}
	return out
}

func (w *writer) family(f layout.Font) string { return w.set.Face(fonts.Role(f)).Name }

// halfFamily names the font of a face's half-width marks.
func halfFamily(face *fonts.Face) string { return face.Name + "-halt" }

// draw writes every page of the plan and returns the file.
func (w *writer) draw(pl *plan) ([]byte, error) {
	pdf := w.pdf
	lastH := 0.0
	if len(pl.pages) > 0 {
		lastH = pl.pages[len(pl.pages)-1].frame.pageH
	}
	for i, pg := range pl.pages {
		orient := "P"
		if pg.orientation == layout.Landscape {
			orient = "L"
		}
		pdf.AddPageFormat(orient, gofpdf.SizeType{Wd: a4Short, Ht: a4Long})
		w.font = "" // the first text sets it
		for _, mk := range pg.marks {
			// Bookmark titles are encoded right only under a UTF-8 font.
			w.setFont(w.family(layout.FontBody), bodySize)
			// gofpdf turns y into a PDF position with the height of the
			// document's last page, not the bookmark's own: a mark on a
			// landscape page is moved by the difference.
			pdf.Bookmark(mk.title, mk.level, mk.y+lastH-pg.frame.pageH)
		}
		width := -1.0
		for _, r := range joinRules(pg.rules) {
			if r.width != width {
				pdf.SetLineWidth(r.width)
				width = r.width
			}
			pdf.Line(r.x1, r.y1, r.x2, r.y2)
		}
		for _, r := range pg.runs {
			w.text(r)
		}
		w.pageNumber(pg, i+1)
	}
	return pdf.OutputBytes()
}

// setFont selects a font for the text that follows, when it is not the
// one selected: gofpdf's SetFont lowers, escapes and looks up the family
// and writes a Tf operator on every call, and a call for each run was a
// tenth of drawing.
func (w *writer) setFont(family string, size float64) {
	if family != w.font || size != w.size {
		w.pdf.SetFont(family, "", size)
		w.font, w.size = family, size
	}
}

func (w *writer) text(r run) {
	family := w.family(r.font)
	if r.half {
		family = halfFamily(w.set.Face(fonts.Role(r.font)))
	}
	w.setFont(family, r.size)
	if r.spacing != 0 {
		w.pdf.RawWriteStr(strconv.FormatFloat(r.spacing, 'f', 4, 64) + " Tc\n")
	}
	if r.mark == layout.Unmarked {
		w.pdf.Text(r.x, r.y, r.text)
	} else {
		w.marked(r)
	}
	if r.spacing != 0 {
		w.pdf.RawWriteStr("0 Tc\n")
	}
}

// markColours are the colours of deleted (red) and inserted (blue) words,
// as a reviser's marks are printed.
var markColours = map[layout.Mark][3]int{layout.Deleted: {0xC0, 0, 0}, layout.Inserted: {0, 0x50, 0xB0}}

// marked draws a marked run in its colour: deleted words struck through at
// the middle of the Chinese characters, inserted words underlined.
func (w *writer) marked(r run) {
	c := markColours[r.mark]
	w.pdf.SetTextColor(c[0], c[1], c[2])
	w.pdf.SetDrawColor(c[0], c[1], c[2])
	w.pdf.Text(r.x, r.y, r.text)
	y := r.y + r.size*0.15 // underline
	if r.mark == layout.Deleted {
		y = r.y - r.size*0.35
	}
	w.pdf.SetLineWidth(r.size / 16)
	w.pdf.Line(r.x, y, r.x+r.width, y)
	w.pdf.SetTextColor(0, 0, 0)
	w.pdf.SetDrawColor(0, 0, 0)
}

// pageNumber prints — N — in 四号 7 mm under the type area: on odd pages
// at the right, on even pages at the left, one character in. A landscape
// page is bound turned a quarter, its head toward the binding, so its
// number is printed turned with it, where a portrait page's would be once
// bound (GB/T 9704 §10: odd pages at the table's lower left, even pages at
// its upper left).
func (w *writer) pageNumber(pg *page, n int) {
	f := pg.frame
	text := pageNumberText(n)
	st := textStyle{font: layout.FontPageNumber, size: pageNoSize}
	width := w.m.textWidth(st, text)
	// The dash, at about a third of the em above the baseline, sits 7 mm
	// under the type area.
	below := mm(7) + 0.35*pageNoSize
	if pg.orientation == layout.Landscape {
		x, y := f.left-below, f.top+pageNoSize
		if n%2 == 1 {
			y = f.top + f.height - pageNoSize - width
		}
		w.pdf.TransformBegin()
		w.pdf.TransformRotate(-90, x, y)
		w.text(run{x: x, y: y, text: text, font: st.font, size: st.size})
		w.pdf.TransformEnd()
		w.font = "" // the font set inside is forgotten with the transformation
		return
	}
	x := f.left + pageNoSize
	if n%2 == 1 {
		x = f.left + f.width - pageNoSize - width
	}
	w.text(run{x: x, y: f.top + f.height + below, text: text, font: st.font, size: st.size})
}

// pageNumberText is the text of page n's number.
func pageNumberText(n int) string { return "— " + strconv.Itoa(n) + " —" }

// measurer gives advance widths of runes at size 1, per face, and the
// half-width forms of marks, cached: measuring a mark's ink reads its
// outline. It belongs to one document's writer and is used by one
// goroutine.
type measurer struct {
	set    *fonts.Set
	halves map[*fonts.Face]map[rune]halfForm
	// The face measured last and its font: text is measured character by
	// character, a line in one font, and the set's map is hashed otherwise
	// for each character.
	lastFont layout.Font
	lastFace *fonts.Face
}

func newMeasurer(set *fonts.Set) *measurer {
	return &measurer{set: set, halves: make(map[*fonts.Face]map[rune]halfForm)}
}

// halfForm is a mark's half-width form in a face: where its ink is and
// its advance at size 1.
type halfForm struct {
	ink   cjk.Ink
	width float64
}

// half is r's half-width form in the font (fonts.Face.HalfForm), which
// the face's font of half-width marks declares.
func (m *measurer) half(f layout.Font, r rune) halfForm {
	face := m.set.Face(fonts.Role(f))
	hs := m.halves[face]
	if hs == nil {
		hs = make(map[rune]halfForm)
		m.halves[face] = hs
	}
	if h, ok := hs[r]; ok {
		return h
	}
	side, width := face.HalfForm(r)
	h := halfForm{width: width}
	switch side {
	case fonts.InkLeft:
		h.ink = cjk.InkLeft
	case fonts.InkRight:
		h.ink = cjk.InkRight
	}
	hs[r] = h
	return h
}

// width is the advance of r in the font at size 1 pt, which the face
// keeps (fonts.Face.Advance).
func (m *measurer) width(f layout.Font, r rune) float64 {
	if f != m.lastFont || m.lastFace == nil {
		m.lastFont, m.lastFace = f, m.set.Face(fonts.Role(f))
	}
	return m.lastFace.Advance(r)
}

// textWidth is the visible width of s set in st.
func (m *measurer) textWidth(st textStyle, s string) float64 {
	w, n := 0.0, 0
	for _, r := range s {
		w += m.width(st.font, r)*st.size + st.tracking
		n++
	}
	if n > 0 {
		w -= st.tracking
	}
	return w
}
