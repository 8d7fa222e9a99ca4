package layout

import (
	"fmt"
	"strconv"
	"strings"
)

// Walk calls fn for every text of the document with the font role it is
// set in, in document order.
func Walk(d *Document, fn func(t Text, font Font)) {
	for _, b := range d.Blocks {
		switch b := b.(type) {
		case *Heading:
			fn(b.Text, HeadingFont(b.Level))
		case *Paragraph:
			fn(b.Text, b.Style.Font)
		case *Signature:
			fn(b.Name, FontBody)
			fn(b.Date, FontBody)
		case *AttachmentHeading:
			fn(Plain(b.Label), FontHeading1)
			fn(b.Title, FontBody) // as the TOC prints it
		case *Table:
			fn(b.Title, FontTitle)
			fn(Plain(b.Unit), FontTable)
			for _, row := range b.Rows {
				for _, c := range row.Cells {
					f := FontTable
					if c.Header {
						f = FontTableHeader
					}
					fn(c.Text, f)
				}
			}
		}
	}
}

// HeadingFont is the face a heading of the level is set in: parts and 一、
// in 黑体, （一） in 楷体, lower levels in the body face.
func HeadingFont(level int) Font {
	switch level {
	case 0, 1:
		return FontHeading1
	case 2:
		return FontHeading2
	}
	return FontBody
}

// Dump prints a stable text form of the document, one block a line, for
// golden tests and debugging.
func Dump(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "meta title=%s author=%s lang=%s date=%s\n", q(d.Meta.Title), q(d.Meta.Author), q(d.Meta.Lang), d.Meta.Date.Format("2006-01-02"))
	for _, blk := range d.Blocks {
		switch x := blk.(type) {
		case *Heading:
			fmt.Fprintf(&b, "heading %d toc=%v newpage=%v %s\n", x.Level, x.TOC, x.NewPage, q(x.Text.S))
		case *Paragraph:
			fmt.Fprintf(&b, "paragraph font=%s size=%g align=%d indent=%g", x.Style.Font, x.Style.Size, x.Style.Align, x.Style.Indent)
			if x.Style.HangAfter != "" {
				fmt.Fprintf(&b, " hangafter=%s", q(x.Style.HangAfter))
			}
			fmt.Fprintf(&b, " %s\n", q(x.Text.S))
		case *TOC:
			b.WriteString("toc\n")
		case *Spacer:
			fmt.Fprintf(&b, "spacer %d\n", x.Lines)
		case *PageBreak:
			fmt.Fprintf(&b, "pagebreak orientation=%d\n", x.Orientation)
		case *Signature:
			fmt.Fprintf(&b, "signature %s %s\n", q(x.Name.S), q(x.Date.S))
		case *AttachmentHeading:
			fmt.Fprintf(&b, "attachment %s %s orientation=%d\n", q(x.Label), q(x.Title.S), x.Orientation)
		case *Table:
			fmt.Fprintf(&b, "table %s title=%s unit=%s cols=%d header=%d\n", q(x.Name), q(x.Title.S), q(x.Unit), len(x.Columns), x.HeaderRows)
			for _, row := range x.Rows {
				b.WriteString("  row")
				for _, c := range row.Cells {
					rs, cs := c.Span()
					fmt.Fprintf(&b, " [%s %dx%d", q(c.Text.S), rs, cs)
					if c.Indent > 0 {
						fmt.Fprintf(&b, " indent=%d", c.Indent)
					}
					for _, r := range c.Runs {
						if r.Mark != Unmarked {
							fmt.Fprintf(&b, " mark%d=%s", r.Mark, q(r.S))
						}
					}
					if c.Number != nil {
						fmt.Fprintf(&b, " num=%s fmt=%s", c.Number.Value, q(c.Number.Format))
						if s := c.Number.Sum; s != nil {
							fmt.Fprintf(&b, " sum=%d..%d", s.FirstRow, s.LastRow)
						}
						if len(c.Number.Terms) > 0 {
							b.WriteString(" terms=")
							for i, ref := range c.Number.Terms {
								if i > 0 {
									b.WriteString(",")
								}
								fmt.Fprintf(&b, "%d:%d", ref.Row, ref.Col)
							}
						}
					}
					b.WriteString("]")
				}
				b.WriteString("\n")
			}
		default:
			fmt.Fprintf(&b, "unknown block %T\n", blk)
		}
	}
	return b.String()
}

// q quotes s, leaving printable characters such as the ideographic space
// as they are.
func q(s string) string { return strconv.QuoteToGraphic(s) }
