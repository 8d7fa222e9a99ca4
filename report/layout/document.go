// Package layout is the backend-neutral model of a document: headings,
// paragraphs, a table of contents, page breaks and tables with spanning
// cells. Composers build it from a budget; the PDF and XLSX renderers
// consume it. It imports only the standard library.
package layout

import "time"

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
type Text struct {
	S      string
	Origin Origin
}

// Plain is fixed wording with no origin in the data.
func Plain(s string) Text { return Text{S: s} }

// Add appends blocks to the document.
func (d *Document) Add(blocks ...Block) { d.Blocks = append(d.Blocks, blocks...) }
