package layout

// Block is one of the closed set of block kinds below.
type Block interface{ block() }

// Font names the role a text is set in; each renderer maps roles to faces.
type Font string

// The font roles.
const (
	FontBody        Font = "body"         // 仿宋 or the serif
	FontTitle       Font = "title"        // 小标宋
	FontHeading1    Font = "heading1"     // 黑体
	FontHeading2    Font = "heading2"     // 楷体
	FontTable       Font = "table"        // table cells
	FontTableHeader Font = "table-header" // table headings
	FontPageNumber  Font = "page-number"
)

// Align is a horizontal alignment.
type Align int

// The alignments. Justify fills full lines edge to edge and sets the last
// line flush left.
const (
	Justify Align = iota
	Left
	Center
	Right
)

// Style is how a paragraph is set.
type Style struct {
	Font  Font
	Size  float64 // points; 0 means the body size, 三号 16 pt
	Align Align
	// Indent is the first line's indent in characters (2 for body text).
	Indent float64
	// HangAfter, when the text starts with it, aligns the lines after the
	// first with the text that follows it (附件：1. …); otherwise they start
	// at the left edge.
	HangAfter string
}

// Heading is a numbered heading of the given level: 0 for a part
// (第一部分), 1 for 一、, 2 for （一）. Headings with TOC set are listed in
// the table of contents and the PDF outline.
type Heading struct {
	Level int
	Text  Text
	TOC   bool
	// NewPage starts the heading on a new page.
	NewPage bool
}

// Paragraph is running text.
type Paragraph struct {
	Text  Text
	Style Style
}

// TOC is the table of contents: every Heading with TOC set, with its page.
type TOC struct{}

// Spacer is blank lines.
type Spacer struct{ Lines int }

// Orientation is a page's orientation.
type Orientation int

// The orientations.
const (
	Portrait Orientation = iota
	Landscape
)

// PageBreak starts a new page in the given orientation.
type PageBreak struct{ Orientation Orientation }

// AttachmentHeading opens an attachment: its label (附件1) flush left in
// 黑体 on the first line of a new page, a blank line, then what follows
// (the attachment's title). Title is the attachment's entry in the table of
// contents and the outline.
type AttachmentHeading struct {
	Label       string
	Title       Text
	Orientation Orientation
}

// Signature is the issuing body and date at the end of a document,
// right-aligned with the date centred under the name.
type Signature struct {
	Name, Date Text
}

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*TOC) block()       {}
func (*Spacer) block()    {}
func (*PageBreak) block() {}
func (*Signature) block() {}
func (*Table) block()     {}

func (*AttachmentHeading) block() {}
