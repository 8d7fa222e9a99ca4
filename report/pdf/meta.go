package pdf

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"

	"budgetdoc/report/layout"
)

// xmp is the document's XMP metadata packet: title, author, subject,
// language and dates, for readers that look there rather than in /Info.
func xmp(m layout.Meta) []byte {
	date := m.Date.UTC().Format("2006-01-02T15:04:05Z")
	esc := html.EscapeString
	return []byte(fmt.Sprintf(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>%s</xmp:CreateDate>
<xmp:ModifyDate>%s</xmp:ModifyDate>
<xmp:CreatorTool>budgetdoc</xmp:CreatorTool>
<pdf:Producer>budgetdoc with gofpdf</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`, esc(m.Title), esc(m.Author), esc(m.Subject), esc(m.Lang), date, date))
}

var (
	xrefEntry   = regexp.MustCompile(`(?m)^(\d{10}) 00000 n `)
	startxref   = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\s*$`)
	metadataObj = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n<< /Type /Metadata`)
)

// completeCatalog adds to the catalog what gofpdf cannot write there: the
// document language (/Lang) and the reference to the XMP metadata stream it
// did write. The cross-reference offsets after the insertion move with it.
func completeCatalog(pdf []byte, lang string) ([]byte, error) {
	var entries string
	if lang != "" {
		entries += "\n/Lang (" + lang + ")"
	}
	if m := metadataObj.FindSubmatch(pdf); m != nil {
		entries += "\n/Metadata " + string(m[1]) + " 0 R"
	}
	if entries == "" {
		return pdf, nil
	}
	at := bytes.Index(pdf, []byte("/Type /Catalog"))
	xref := bytes.LastIndex(pdf, []byte("\nxref\n"))
	if at < 0 || xref < at {
		return nil, fmt.Errorf("pdf: no catalog before the cross-reference table")
	}
	at += len("/Type /Catalog")
	insert := []byte(entries)
	shift := func(s []byte) []byte {
		off, _ := strconv.Atoi(string(s))
		if off > at {
			off += len(insert)
		}
		return []byte(fmt.Sprintf("%010d", off))
	}
	tail := xrefEntry.ReplaceAllFunc(pdf[xref:], func(m []byte) []byte {
		return append(shift(m[:10]), " 00000 n "...)
	})
	loc := startxref.FindSubmatchIndex(tail)
	if loc == nil {
		return nil, fmt.Errorf("pdf: no startxref")
	}
	newStart := strconv.Itoa(xref + 1 + len(insert))
	tail = append(append(append([]byte{}, tail[:loc[2]]...), newStart...), tail[loc[3]:]...)

	out := make([]byte, 0, len(pdf)+len(insert))
	out = append(out, pdf[:at]...)
	out = append(out, insert...)
	out = append(out, pdf[at:xref]...)
	return append(out, tail...), nil
}
