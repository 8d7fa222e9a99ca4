// Package layout is the backend-neutral model of a document: headings,
// paragraphs, a table of contents, page breaks and tables with spanning
// cells. Composers build it from a budget; the PDF and XLSX renderers
// consume it. It imports only the standard library.
package layout

import (
	"time"
	"unicode/utf8"
)

// Document is a sequence of blocks with the metadata of the file.
type Document struct {
	Meta   Meta
	Blocks []Block
}

// Meta is the document's metadata.
type Meta struct {
	Title, Author, Subject, Keywords string
	Lang                             string    // BCP 47, e.g. zh-CN
	Date                             time.Time // creation date; from the data, never the clock
}

// Origin says where a text came from, so that a renderer's error (a
// missing glyph) points at the line of the data file to fix.
type Origin struct {
	File      string
	Line, Col int
	Path      string // the field path, overview.duties[0]
}

// Text is a string with its origin. Origin is zero for fixed wording.
// Seams, set by the composer, are where a title or heading built from a
// name breaks best (see Seam); a renderer that balances lines prefers them.
type Text struct {
	S      string
	Origin Origin
	Seams  []Seam
}

// Seam is a place in a text, At runes from its start, where a line may end
// at a boundary of its structure: after the unit's name, or (Weak) after
// one of the name's own parts (青川区 | 文化广电和旅游局 | …服务中心).
type Seam struct {
	At   int
	Weak bool
}

// Prefixed is t with prefix put before it, its seams moved along.
func (t Text) Prefixed(prefix string) Text {
	n := utf8.RuneCountInString(prefix)
	seams := make([]Seam, len(t.Seams))
	for i, s := range t.Seams {
		seams[i] = Seam{At: s.At + n, Weak: s.Weak}
	}
	return Text{S: prefix + t.S, Origin: t.Origin, Seams: seams}
}

// Plain is fixed wording with no origin in the data.
func Plain(s string) Text { return Text{S: s} }

// Add appends blocks to the document.
func (d *Document) Add(blocks ...Block) { d.Blocks = append(d.Blocks, blocks...) }
