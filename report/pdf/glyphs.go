package pdf

import (
	"fmt"
	"strings"

	"budgetdoc/fonts"
	"budgetdoc/report/layout"
	"budgetdoc/report/msg"
)

// GlyphError is a character that the face it would be set in has no glyph
// for.
type GlyphError struct {
	Char   rune
	Face   string
	Role   layout.Font
	Origin layout.Origin
}

// Error says which character is missing, from which font, and where it is.
func (e GlyphError) Error() string {
	where := ""
	if e.Origin.File != "" {
		where = fmt.Sprintf("%s:%d:%d: ", e.Origin.File, e.Origin.Line, e.Origin.Col)
	}
	if e.Origin.Path != "" {
		where += e.Origin.Path + ": "
	}
	return where + e.Message()
}

// Message says what is missing and what to do, without the place.
func (e GlyphError) Message() string {
	return msg.Sprintf("character U+%04X %q is not in the font %s (role %s); replace it, or give that role a font that has it with --font %s=PATH",
		e.Char, string(e.Char), e.Face, e.Role, e.Role)
}

// GlyphErrors lists missing glyphs; it is the error Render returns for them.
type GlyphErrors []GlyphError

// Error lists every missing glyph, one a line.
func (es GlyphErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// CheckGlyphs checks every character of every text of doc against the face
// of the role it is set in.
func CheckGlyphs(doc *layout.Document, set *fonts.Set) GlyphErrors {
	var errs GlyphErrors
	check := func(t layout.Text, role layout.Font) {
		face := set.Face(fonts.Role(role))
		for _, r := range face.Missing(t.S) {
			errs = append(errs, GlyphError{Char: r, Face: face.Name, Role: role, Origin: t.Origin})
		}
	}
	layout.Walk(doc, check)
	// The renderer's own 续表 over a table's continuation pages: a face
	// without it would print empty boxes.
	for _, b := range doc.Blocks {
		if _, ok := b.(*layout.Table); ok {
			check(layout.Text{S: continuedMark, Origin: layout.Origin{Path: msg.Sprintf("续表 (the mark over a table's continuation pages)")}}, layout.FontTable)
			break
		}
	}
	return errs
}

// checkPlanGlyphs checks what the renderer sets besides the document's
// texts, which CheckGlyphs has checked: page numbers (— 12 —), the numbers
// and leaders of the table of contents, （续） over a cell's continued text.
// A face without one of those characters would print an empty box, so it
// is an error naming the page.
func checkPlanGlyphs(pl *plan, set *fonts.Set) GlyphErrors {
	var errs GlyphErrors
	reported := make(map[*fonts.Face]map[rune]bool)
	check := func(page int, f layout.Font, s string) {
		face := set.Face(fonts.Role(f))
		for _, r := range s {
			if r == ' ' || face.Has(r) || reported[face][r] {
				continue
			}
			if reported[face] == nil {
				reported[face] = make(map[rune]bool)
			}
			reported[face][r] = true
			errs = append(errs, GlyphError{Char: r, Face: face.Name, Role: f,
				Origin: layout.Origin{Path: msg.Sprintf("page %d of the PDF", page)}})
		}
	}
	for i, pg := range pl.pages {
		for _, r := range pg.runs {
			if !r.half { // a half-width mark is one of the text's, checked
				check(i+1, r.font, r.text)
			}
		}
		check(i+1, layout.FontPageNumber, pageNumberText(i+1))
	}
	return errs
}
