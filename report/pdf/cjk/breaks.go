// Package cjk breaks Chinese text into lines by the rules of W3C clreq and
// GB/T 15834: no line starts with closing punctuation, none ends with opening
// punctuation, runs of digits and Latin letters and the paired dash and
// ellipsis are never split. It knows nothing of fonts or PDF: callers pass a
// function that measures a rune.
package cjk

import "unicode"

// noStart are the marks that must not begin a line.
const noStart = "、，。．：；！？”’）】」』》〉·;,.:!?)]}%）〕〗〙〛｝〞"

// noEnd are the marks that must not end a line.
const noEnd = "“‘（【「『《〈([{〔〖〘〚｛〝"

// inseparable are marks written doubled (—— and ……) whose halves stay together.
const inseparable = "—…"

// runeSet is a set of characters of the Basic Multilingual Plane, one bit
// each: the classes below are asked about every character of every line.
type runeSet [0x10000 / 64]uint64

func newRuneSet(chars string) *runeSet {
	var s runeSet
	for _, r := range chars {
		s[r/64] |= 1 << (r % 64)
	}
	return &s
}

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && s[r/64]&(1<<(r%64)) != 0
}

var (
	noStartSet          = newRuneSet(noStart)
	noEndSet            = newRuneSet(noEnd)
	inseparableSet      = newRuneSet(inseparable)
	halfBlankOpeningSet = newRuneSet(halfBlankOpening)
	urlSeparatorSet     = newRuneSet("/.-?&") // a URL breaks after one of them
)

// isWordRune reports whether r belongs to a run that must stay whole:
// Latin letters and digits (2021, 13,567,000, PDF).
func isWordRune(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isWordJoiner reports whether r joins two word runes into one run
// (13,567,000; 3.5; 1/2; A-1).
func isWordJoiner(r rune) bool {
	return r == ',' || r == '.' || r == '/' || r == '-' || r == '_' || r == '\'' || r == ':'
}

// Clusters splits text into the units a line may break between: it returns
// the rune offset where each cluster starts. A break is allowed before any
// cluster but the first.
func Clusters(text []rune) []int {
	var starts []int
	n := len(text)
	for i := 0; i < n; {
		starts = append(starts, i)
		i = clusterEnd(text, i)
	}
	return starts
}

// clusterEnd returns the end of the cluster that starts at i.
func clusterEnd(text []rune, i int) int {
	n := len(text)
	j := i
	// Opening marks bind to what follows them.
	for j < n && noEndSet.has(text[j]) {
		j++
		for j < n && text[j] == ' ' && noEndSet.has(text[j-1]) {
			j++ // a stray space after an opening mark does not free it
		}
	}
	if j < n {
		switch r := text[j]; {
		case isWordRune(r):
			j++
			for j < n {
				if isWordRune(text[j]) {
					j++
				} else if isWordJoiner(text[j]) && j+1 < n && isWordRune(text[j+1]) && isWordRune(text[j-1]) {
					j += 2
				} else {
					break
				}
			}
		case inseparableSet.has(r):
			for j < n && text[j] == r {
				j++
			}
		default:
			j++
		}
	}
	// Closing marks, and the rest of a doubled dash or ellipsis, bind to what
	// precedes them.
	for j < n && (noStartSet.has(text[j]) || j > 0 && inseparableSet.has(text[j]) && text[j] == text[j-1]) {
		j++
	}
	return j
}

// Line is one line of a broken paragraph, as rune offsets [Start, End).
// Width excludes trailing spaces, which hang past the margin.
type Line struct {
	Start, End int
	Width      float64
	// Last is set on the paragraph's last line, which is not justified.
	Last bool
}

// Break fits text into lines of the given width; first is the width of
// the first line (less when it is indented). measure gives a rune's advance.
// Every rune of text is in exactly one line: joining the lines gives text.
func Break(text []rune, first, width float64, measure func(rune) float64) []Line {
	var lines []Line
	starts := Clusters(text)
	starts = append(starts, len(text))
	avail := first
	line := Line{}
	pending := 0.0     // width of spaces at the line's end, counted once text follows them
	const slack = 0.01 // points: rounding must not push a full line's last character down
	for k := 0; k+1 < len(starts); k++ {
		s, e := starts[k], starts[k+1]
		w := 0.0
		for _, r := range text[s:e] {
			w += measure(r)
		}
		if isSpaces(text[s:e]) {
			line.End = e // spaces hang at a line end and need no room
			pending += w
			continue
		}
		if line.End > line.Start && line.Width+pending+w > avail+slack {
			line.Width = trimmedWidth(text, line, measure)
			lines = append(lines, line)
			line = Line{Start: s, End: s}
			avail = width
			pending = 0
		}
		line.Width += pending
		pending = 0
		if line.End == line.Start && w > avail+slack {
			// A cluster wider than a whole line: split it by runes.
			for _, r := range text[s:e] {
				rw := measure(r)
				if line.End > line.Start && line.Width+rw > avail+slack {
					lines = append(lines, line)
					line = Line{Start: line.End, End: line.End}
					avail = width
				}
				line.End++
				line.Width += rw
			}
			continue
		}
		line.End = e
		line.Width += w
	}
	line.Width = trimmedWidth(text, line, measure)
	line.Last = true
	return append(lines, line)
}

func isSpaces(rs []rune) bool {
	for _, r := range rs {
		if r != ' ' && r != '\u3000' {
			return false
		}
	}
	return len(rs) > 0
}

// trimmedWidth is the width of the line without its trailing spaces.
func trimmedWidth(text []rune, l Line, measure func(rune) float64) float64 {
	end := l.End
	for end > l.Start && (text[end-1] == ' ' || text[end-1] == '\u3000') {
		end--
	}
	w := 0.0
	for _, r := range text[l.Start:end] {
		w += measure(r)
	}
	return w
}

// Visible returns the runes of l without trailing spaces.
func (l Line) Visible(text []rune) []rune {
	end := l.End
	for end > l.Start && (text[end-1] == ' ' || text[end-1] == '\u3000') {
		end--
	}
	return text[l.Start:end]
}

// NoStart reports whether r is a mark that must not begin a line (，。、）).
func NoStart(r rune) bool { return noStartSet.has(r) }

// NoEnd reports whether r is a mark that must not end a line (（“《).
func NoEnd(r rune) bool { return noEndSet.has(r) }
