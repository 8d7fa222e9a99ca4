package pdf

import (
	"fmt"
	"html"

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
