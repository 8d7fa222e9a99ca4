// Package fonts embeds budgetdoc's free CJK fonts and maps each font role
// of a document (title, body, headings, tables) to a face. Users may
// replace a role's face with a TrueType file of their own, such as an
// office's licensed 仿宋_GB2312.
//
// The embedded faces, each under the licence beside it: FandolFang
// Regular (仿宋 body text; GPL with the font exception, converted to
// TrueType outlines by fandol-fang/make.sh), and under the SIL Open Font
// License Noto Serif SC Regular (tables) and Bold (the title: 小标宋 has no
// free equivalent, and Bold is the weight closest to it side by side; Black
// is far heavier), Noto Sans SC Medium (黑体 headings, table headings) and
// LXGW WenKai Regular (楷体 headings). The Noto Serif SC files are those of
// the npm package @expo-google-fonts/noto-serif-sc 0.4.3 (400Regular,
// 700Bold), unchanged.
package fonts

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"io/fs"
	"math"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"budgetdoc/report/msg"
)

var (
	//go:embed noto-serif-sc/NotoSerifSC-Regular.ttf
	serifRegular []byte
	//go:embed noto-serif-sc/NotoSerifSC-Bold.ttf
	serifBoldData []byte
	//go:embed noto-sans-sc/NotoSansSC-Medium.ttf
	sansMedium []byte
	//go:embed lxgw-wenkai/LXGWWenKai-Regular.ttf
	kaiRegular []byte
	//go:embed fandol-fang/FandolFang-Regular.ttf
	fangRegular []byte
)

// Role is what a face is used for; the names match layout.Font.
type Role string

// The roles.
const (
	Title       Role = "title"
	Body        Role = "body"
	Heading1    Role = "heading1"
	Heading2    Role = "heading2"
	Table       Role = "table"
	TableHeader Role = "table-header"
	PageNumber  Role = "page-number"
)

// Roles lists every role.
var Roles = []Role{Title, Body, Heading1, Heading2, Table, TableHeader, PageNumber}

// Face is one TrueType font.
type Face struct {
	Name string // a short name, unique within a Set
	Data []byte

	once   sync.Once
	parsed *sfnt.Font
	err    error

	tablesOnce sync.Once // the tables Subset copies from, and the cmap read
	tables     *tables
	tablesErr  error

	advances [256]atomic.Pointer[[256]uint16] // see Advance
}

var (
	serif     = &Face{Name: "NotoSerifSC-Regular", Data: serifRegular}
	serifBold = &Face{Name: "NotoSerifSC-Bold", Data: serifBoldData}
	sans      = &Face{Name: "NotoSansSC-Medium", Data: sansMedium}
	kai       = &Face{Name: "LXGWWenKai-Regular", Data: kaiRegular}
	fang      = &Face{Name: "FandolFang-Regular", Data: fangRegular}
)

// Set maps every role to a face.
type Set struct {
	faces map[Role]*Face
}

// Default is the embedded faces: the 仿宋 for body text (GB/T 9704), the
// serif for tables and page numbers, its Bold weight for the title, the
// sans for 黑体 headings and table headings, the Kai face for 楷体 headings.
func Default() *Set {
	return &Set{faces: map[Role]*Face{
		Title: serifBold, Body: fang, Heading1: sans, Heading2: kai,
		Table: serif, TableHeader: sans, PageNumber: serif,
	}}
}

// Face returns the face of a role.
func (s *Set) Face(r Role) *Face { return s.faces[r] }

// Faces returns the distinct faces of the set, ordered by name.
func (s *Set) Faces() []*Face {
	seen := make(map[*Face]bool)
	var out []*Face
	for _, f := range s.faces {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Replace sets a role's face to the TrueType font file at path. Files the
// PDF writer cannot embed are refused with the reason.
func (s *Set) Replace(role Role, path string) error {
	if !validRole(role) {
		return msg.Errorf("unknown font role %q; the roles are %s", role, roleList())
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return msg.Errorf("font file %s does not exist", path)
	} else if err != nil {
		return msg.Errorf("font file %s cannot be read: %v", path, err)
	}
	if err := CheckEmbeddable(data); err != nil {
		return msg.Errorf("font %s: %w", path, err)
	}
	faces := make(map[Role]*Face, len(s.faces))
	for r, f := range s.faces {
		faces[r] = f
	}
	faces[role] = &Face{Name: "user-" + string(role), Data: data}
	s.faces = faces
	return nil
}

func roleList() string {
	names := make([]string, len(Roles))
	for i, r := range Roles {
		names[i] = string(r)
	}
	return strings.Join(names, ", ")
}

func validRole(r Role) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// CheckEmbeddable reports whether data is a single TrueType font with glyf
// outlines, the only kind the PDF writer embeds.
func CheckEmbeddable(data []byte) error {
	if len(data) < 12 {
		return msg.Errorf("not a font file")
	}
	switch string(data[:4]) {
	case "ttcf":
		return msg.Errorf("a TrueType collection (.ttc) cannot be embedded; extract one face into a .ttf file (TrueType with glyf outlines), e.g. with fonttools")
	case "OTTO":
		return msg.Errorf("an OpenType font with CFF outlines (.otf) cannot be embedded; use a TrueType (.ttf) font with glyf outlines, such as the TTF build of the same family")
	case "\x00\x01\x00\x00", "true":
	default:
		return msg.Errorf("not a TrueType font (.ttf)")
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return msg.Errorf("the TrueType font cannot be read: %v", err)
	}
	var buf sfnt.Buffer
	if _, err := f.Name(&buf, sfnt.NameIDFamily); err != nil && err != sfnt.ErrNotFound {
		return msg.Errorf("the TrueType font cannot be read: %v", err)
	}
	// The tables the subsetter copies, which sfnt does not all need (OS/2):
	// without them every character would later count as missing.
	t, err := readTables(data)
	if err != nil {
		return msg.Errorf("the TrueType font cannot be read: %v", err)
	}
	// The font's licence (OS/2 fsType): restricted, no subsetting or bitmap
	// embedding only. gofpdf printed an error to standard output for these
	// and embedded the font anyway, with part of its metrics unread.
	if os2 := t.raw["OS/2"]; len(os2) >= 10 {
		if fsType := binary.BigEndian.Uint16(os2[8:]); fsType == 0x0002 || fsType&0x0300 != 0 {
			return msg.Errorf("the font's licence does not allow embedding it in a PDF as a subset (OS/2 fsType %#04x); use a font that allows it", fsType)
		}
	}
	return nil
}

func (f *Face) font() (*sfnt.Font, error) {
	f.once.Do(func() { f.parsed, f.err = sfnt.Parse(f.Data) })
	return f.parsed, f.err
}

// Has reports whether the face has a glyph for r. Characters outside the
// Basic Multilingual Plane are reported missing: the PDF writer cannot
// embed them.
func (f *Face) Has(r rune) bool {
	if r > 0xFFFF || r == utf8.RuneError {
		return false
	}
	if r < 0x20 && r != '\t' {
		return false
	}
	_, ok := f.glyph(r)
	return ok
}

// Advance is r's advance width at size 1, rounded to 1/1000 em as the PDF
// declares it in the font's widths, so that text measured with it is set
// exactly where the PDF viewer puts it. A character the face lacks has the
// width of its .notdef glyph, or half an em when that is zero.
//
// Text is measured character by character, many times over as lines are
// tried, so the advances are kept 256 characters at a time, a block read
// when one of its characters is first measured (as the glyphs are).
func (f *Face) Advance(r rune) float64 {
	if r < 0 || r > 0xFFFF {
		return float64(f.thousandths(0)) / 1000
	}
	b := f.advances[r>>8].Load()
	if b == nil {
		b = f.readAdvances(int(r >> 8))
	}
	return float64(b[r&0xFF]) / 1000
}

// readAdvances reads block hi of the advances, in 1/1000 em, and keeps it
// or the block another goroutine kept first (the same advances).
func (f *Face) readAdvances(hi int) *[256]uint16 {
	b := new([256]uint16)
	for i := range b {
		gid, _ := f.glyph(rune(hi<<8 | i))
		b[i] = f.thousandths(gid)
	}
	if f.advances[hi].CompareAndSwap(nil, b) {
		return b
	}
	return f.advances[hi].Load()
}

// glyph is r's glyph in the face, and whether it has one (.notdef if not).
func (f *Face) glyph(r rune) (int, bool) {
	t, err := f.parsedTables()
	if err != nil || r < 0 || r > 0xFFFF {
		return 0, false
	}
	g := int(t.glyphs.glyph(r))
	return g, g != 0 && g < t.numGlyphs
}

// thousandths is a glyph's advance in 1/1000 em, rounded as the PDF writer
// rounds it; a zero-width .notdef counts as half an em, as there.
func (f *Face) thousandths(gid int) uint16 {
	t, err := f.parsedTables()
	if err != nil {
		return 500
	}
	advance, _ := t.metrics(gid)
	w := uint16(math.Round(1000 * float64(advance) / float64(t.unitsPerEm)))
	if w == 0 && gid == 0 {
		w = 500
	}
	return w
}

// Missing returns the characters of s the face has no glyph for, each once,
// in order of appearance.
func (f *Face) Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if r == ' ' || r == '\n' {
			continue
		}
		if !f.Has(r) && !containsRune(out, r) {
			out = append(out, r)
		}
	}
	return out
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
