package xlsx

import (
	"github.com/xuri/excelize/v2"

	"budgetdoc/report/layout"
)

// styleKey is what distinguishes one cell style from another.
type styleKey struct {
	title, header bool
	label         bool // the attachment label above the title
	plain         bool // no borders: the title and unit rows
	align         layout.Align
	format        string // number format, "" for text
	indent        int    // the cell's own indent, in levels
}

func cellStyle(c *layout.Cell) styleKey {
	k := styleKey{header: c.Header, align: c.Align, indent: c.Indent}
	if c.Number != nil {
		k.format = c.Number.Format
	}
	return k
}

// style returns the workbook's style for k, creating it once.
func (w *workbook) style(k styleKey) (int, error) {
	if id, ok := w.styles[k]; ok {
		return id, nil
	}
	font := &excelize.Font{Family: w.opts.CellFont, Size: w.opts.Size}
	switch {
	case k.title:
		font = &excelize.Font{Family: w.opts.HeaderFont, Size: titleSize}
	case k.label:
		font = &excelize.Font{Family: w.opts.HeaderFont, Size: 14}
	case k.header:
		font = &excelize.Font{Family: w.opts.HeaderFont, Size: w.opts.Size}
	}
	horizontal := map[layout.Align]string{layout.Justify: "left", layout.Left: "left", layout.Center: "center", layout.Right: "right"}[k.align]
	s := &excelize.Style{
		Font:      font,
		Alignment: &excelize.Alignment{Horizontal: horizontal, Vertical: "center", WrapText: true},
	}
	if indented(k) {
		s.Alignment.Indent = 1 // text clear of the cell's border
	}
	// A level is three spaces of the body font (ECMA-376 §18.8.1), about
	// one character of the table's Chinese text.
	s.Alignment.Indent += k.indent
	if !k.title && !k.plain {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			s.Border = append(s.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	if k.format != "" {
		format := k.format
		s.CustomNumFmt = &format
	}
	id, err := w.f.NewStyle(s)
	if err != nil {
		return 0, err
	}
	w.styles[k] = id
	return id, nil
}

// indented reports whether a cell's text keeps a small distance from the
// border it is aligned to: bordered cells set flush left or right.
func indented(k styleKey) bool {
	return !k.title && !k.plain && !k.label && k.align != layout.Center
}
