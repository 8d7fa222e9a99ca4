package budget

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetdoc/report/msg"
)

var unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '([^']*)' referenced$`)

// commonSyntaxMistake recognises the YAML mistakes people make most (a tab
// used for indent, a colon inside an unquoted text, a quote or bracket left
// open, an alias to no anchor) and places them at their line and column
// with a hint in plain words. The parser only gives a line, often not the
// mistake's.
func commonSyntaxMistake(name string, data []byte, err string) (Finding, bool) {
	lines := strings.Split(string(data), "\n")
	at := func(line, byteCol int, message string) (Finding, bool) {
		col := utf8.RuneCountInString(lines[line-1][:byteCol]) + 1
		return Finding{Severity: Error, Pos: Pos{File: name, Line: line, Col: col}, Message: message}, true
	}
	if m := unknownAnchor.FindStringSubmatch(err); m != nil {
		for i, l := range lines {
			if j := strings.Index(l, "*"+m[1]); j >= 0 {
				return at(i+1, j, msg.Sprintf("YAML syntax: *%s refers to no anchor &%s above it; define &%s first or correct the name", m[1], m[1], m[1]))
			}
		}
	}
	if err == "yaml: control characters are not allowed" {
		for i, l := range lines {
			if j := strings.IndexFunc(l, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\r' }); j >= 0 {
				r, _ := utf8.DecodeRuneInString(l[j:])
				return at(i+1, j, msg.Sprintf("YAML syntax: the control character %U cannot be in a data file; remove it", r))
			}
		}
	}
	m := yamlLine.FindStringSubmatch(err)
	if m == nil {
		return Finding{}, false
	}
	line, _ := strconv.Atoi(m[1])
	if line < 1 || line > len(lines) {
		return Finding{}, false
	}
	text := lines[line-1]
	// A quote left open runs on over the next lines, and the parser fails
	// further down, in many ways: the open quote is the mistake.
	upTo := line + 1
	if m[2] == "found unexpected end of stream" || m[2] == "could not find expected ':'" || collectionErrors[m[2]] {
		upTo = len(lines) // the parser names a line before or after it
	}
	for i := 0; i < min(upTo, len(lines)); i++ {
		if j := openQuote(lines[i]); j >= 0 {
			return at(i+1, j, msg.Sprintf("YAML syntax: the quote opened here is never closed; close it on this line"))
		}
	}
	switch m[2] {
	case "found character that cannot start any token", "found a tab character that violates indentation":
		indent := len(text) - len(strings.TrimLeft(text, " \t"))
		if j := strings.IndexByte(text[:indent], '\t'); j >= 0 {
			return at(line, j, msg.Sprintf("YAML syntax: a tab is used for indent; indent with spaces only"))
		}
	case "mapping values are not allowed in this context":
		// key: text: more — the second colon is in the text.
		if _, rest, ok := strings.Cut(text, ": "); ok {
			if j := strings.Index(rest, ":"); j >= 0 {
				return at(line, len(text)-len(rest)+j, msg.Sprintf(`YAML syntax: a ":" inside a text; put the whole text in quotes ("…")`))
			}
		}
	case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
		open := "["
		if strings.HasSuffix(m[2], "'}'") {
			open = "{"
		}
		for i := line; i <= len(lines); i++ { // the parser counts from 0 here
			if j := strings.LastIndex(lines[i-1], open); j >= 0 {
				return at(i, j, msg.Sprintf("YAML syntax: the bracket %s opened here is not closed; close it on this line", open))
			}
		}
	}
	return Finding{}, false
}

// openQuote returns where a quoted scalar that the line does not close
// starts, or -1: a value beginning with " or ' after "key: " or "- ".
func openQuote(line string) int {
	trimmed := strings.TrimLeft(line, " ")
	start := len(line) - len(trimmed)
	if strings.HasPrefix(trimmed, "- ") {
		trimmed, start = trimmed[2:], start+2
	} else if _, v, ok := strings.Cut(trimmed, ": "); ok {
		start += len(trimmed) - len(v)
		trimmed = v
	}
	lead := len(trimmed) - len(strings.TrimLeft(trimmed, " "))
	trimmed, start = trimmed[lead:], start+lead
	if trimmed == "" || (trimmed[0] != '"' && trimmed[0] != '\'') {
		return -1
	}
	q := trimmed[0]
	for i := 1; i < len(trimmed); i++ {
		switch {
		case q == '"' && trimmed[i] == '\\':
			i++
		case trimmed[i] == q && q == '\'' && i+1 < len(trimmed) && trimmed[i+1] == '\'':
			i++
		case trimmed[i] == q:
			return -1
		}
	}
	return start
}
