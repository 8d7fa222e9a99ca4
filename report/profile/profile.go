// Package profile reads document profiles: data that says which documents
// a disclosure publishes and in what shape — 部门 or 单位 wording, 元 or 万元,
// function codes in one column or as 类 | 款 | 项, the performance form's
// template, titles, headings and the glossary's default entries. A new
// region is a new profile file, not new code.
//
// Profiles are YAML files with the same loader as budgets (positions,
// unknown keys with suggestions). The built-in ones are embedded; a budget
// names one (`profile: national`) or a file next to it
// (`profile: ./our-city.yaml`), which may extend another and change a few
// keys.
package profile

import (
	"embed"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"go.yaml.in/yaml/v3"

	"budgetdoc/report/budget"
	"budgetdoc/report/msg"
)

// Default is the profile of a budget that names none: the seed's.
const Default = "seed"

// Profile is one document profile. Every field is optional in a file that
// extends another; Validate checks the merged result.
type Profile struct {
	Name        string `budget:"name"`
	Description string `budget:"description"` // one line, for `budgetdoc profiles`
	// Extends names the profile this one starts from: a built-in name, or
	// a file relative to this one.
	Extends string `budget:"extends"`
	// Wording is 部门 (a department with its units) or 单位 (a single unit):
	// it fills {部门} in titles, headings and the file name.
	Wording string `budget:"wording"`
	// FileName is the disclosure's file name without extension.
	FileName string `budget:"file_name"`
	// Documents are what the disclosure publishes, in order: the
	// explanation first, the others as its attachments.
	Documents    []string     `budget:"documents"`
	Explanation  Explanation  `budget:"explanation"`
	ProjectTable ProjectTable `budget:"project_table"`
	Forms        Forms        `budget:"forms"`
	Tables       Tables       `budget:"tables"`
	// Glossary is 名词解释's default entries; a budget's own entries replace
	// or follow them.
	Glossary []budget.Entry `budget:"glossary"`
	// Required are budget fields this profile's documents print, as paths
	// (overview.composition, forms[].funds.total).
	Required []string `budget:"required"`

	sources []budget.Source // where each key was read, the extending file first
	files   fs.FS           // where profile files are read from; nil: the OS's
}

// Explanation is the explanatory document: its title lines, its money and
// its parts, each a heading and sections.
type Explanation struct {
	Title []string `budget:"title"`
	Money Money    `budget:"money"`
	Parts []Part   `budget:"parts"`
}

// Part is a 第一部分 … of the explanation.
type Part struct {
	Heading  string    `budget:"heading"`
	Sections []Section `budget:"sections"`
}

// Section is an optional heading (一、…) and the contents that fill it, by
// name (see Contents).
type Section struct {
	Heading string   `budget:"heading"`
	Content []string `budget:"content"`
}

// ProjectTable is the expenditure project table (部门支出预算项目表).
type ProjectTable struct {
	Title string `budget:"title"`
	Money Money  `budget:"money"`
	// Codes is one_column (2010301) or three_columns (类 201 | 款 03 | 项 01).
	Codes string `budget:"codes"`
}

// Tables are the nine tables of the standard set: their money, and per
// table its title and the note an empty one prints.
type Tables struct {
	Money Money       `budget:"money"`
	Texts []TableText `budget:"texts"`
}

// TableText is one standard table's wording.
type TableText struct {
	Document string `budget:"document"` // summary, income … state_capital
	Title    string `budget:"title"`    // {单位名称}{年度}年部门收支总表
	Name     string `budget:"name"`     // the spreadsheet's sheet name
	Empty    string `budget:"empty"`    // the note of an empty table: 本部门（单位）无…，故本表为空表。
}

// Text returns the wording of a standard table, and whether the profile
// gives one.
func (t Tables) Text(doc string) (TableText, bool) {
	for _, tt := range t.Texts {
		if tt.Document == doc {
			return tt, true
		}
	}
	return TableText{}, false
}

// Forms are the performance-goal forms.
type Forms struct {
	// Template is two_sided (实施期 and 年度, funds in 万元) or one_sided
	// (one indicator tree, funds in 元).
	Template string `budget:"template"`
	Title    string `budget:"title"`
	// For is all (every 项目支出 row should have a form) or selected.
	For string `budget:"for"`
	// Rows bound the one-sided form's indicator rows; PerLevel1 bounds the
	// rows under one 一级指标.
	Rows      Bounds `budget:"rows"`
	PerLevel1 int    `budget:"per_level1"`
}

// Bounds is an inclusive range of counts.
type Bounds struct {
	Min int `budget:"min"`
	Max int `budget:"max"`
}

// Money is how a document prints amounts.
type Money struct {
	Unit string `budget:"unit"` // 元 or 万元
	// Decimals is auto (whole amounts without decimals, others with two),
	// 0 or 2.
	Decimals string `budget:"decimals"`
}

// The documents a profile may list.
const (
	DocExplanation  = "explanation"
	DocProjectTable = "project_table"
	DocForms        = "forms"
)

// Documents are the document names a profile may list: the explanation,
// the project table, the nine standard tables and the forms.
var Documents = func() []string {
	docs := []string{DocExplanation, DocProjectTable}
	for _, d := range budget.StandardTables {
		docs = append(docs, string(d))
	}
	return append(docs, DocForms)
}()

// Contents are the names a section's content may list: a budget's texts
// printed as written, and paragraphs composed from its figures.
var Contents = []string{
	"overview.organization", "overview.staffing", "overview.duties", "overview.composition",
	// the seed's part two
	"income", "non_tax", "three_public",
	// the thirteen sections of the standard explanation
	"overall", "income_sources", "spending", "fiscal", "general_budget", "basic_spending",
	"three_public_change", "government_fund", "state_capital", "running_cost", "procurement",
	"assets", "performance",
	"glossary",
}

// The form templates and code layouts.
const (
	TwoSided     = "two_sided"
	OneSided     = "one_sided"
	OneColumn    = "one_column"
	ThreeColumns = "three_columns"
)

//go:embed builtin/*.yaml
var builtin embed.FS

// Builtins lists the built-in profiles' names, sorted.
func Builtins() []string {
	entries, _ := builtin.ReadDir("builtin")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

// Source returns a built-in profile's YAML text as it is embedded.
func Source(name string) ([]byte, bool) {
	data, err := builtin.ReadFile("builtin/" + name + ".yaml")
	return data, err == nil
}

// IsFile reports whether a profile reference names a file rather than a
// built-in profile: it has a path separator or a .yaml/.yml ending.
func IsFile(ref string) bool {
	ext := strings.ToLower(filepath.Ext(ref))
	return strings.ContainsAny(ref, `/\`) || ext == ".yaml" || ext == ".yml"
}

// maxDepth bounds a chain of extends, which also stops a cycle.
const maxDepth = 8

// Load reads the profile ref names: a built-in name, or a file path
// relative to dir. The result is merged with what it extends and validated.
func Load(ref, dir string) (*Profile, error) { return LoadFS(nil, ref, dir) }

// LoadFS is Load reading profile files from files (see budget.Source.Files):
// a path that is absolute or leads outside it is refused. Nil files means
// the operating system's.
func LoadFS(files fs.FS, ref, dir string) (*Profile, error) {
	p := &Profile{files: files}
	if err := load(p, ref, dir, nil); err != nil {
		return nil, err
	}
	if fs := p.Validate(); len(fs) > 0 {
		return nil, fs
	}
	return p, nil
}

// load decodes ref into p after the profiles it extends; chain are the
// files and names already on the way, to stop a circle.
func load(p *Profile, ref, dir string, chain []string) error {
	name, data, err := read(p.files, ref, dir)
	if err != nil {
		return err
	}
	for _, c := range chain {
		if c == name {
			return msg.Errorf("%s: profiles extend each other in a circle: %s", name, strings.Join(append(chain, name), " → "))
		}
	}
	if len(chain) >= maxDepth {
		return msg.Errorf("%s: more than %d profiles extend each other", name, maxDepth)
	}
	// The base is decoded first and this file over it, so that its keys
	// overlay the base's: mappings merge, lists and texts are replaced.
	ext := extendsOf(name, data)
	if ext.ref != "" {
		base := dir
		if IsFile(name) {
			base = filepath.Dir(name)
		}
		if err := load(p, ext.ref, base, append(chain, name)); err != nil {
			return atPos(err, ext.pos)
		}
	}
	extended := p.Name
	src, fs := budget.Decode(name, data, p)
	if len(fs) > 0 {
		return fs
	}
	if p.Name == extended || p.Name == "" {
		// A profile is known by its own name: an extending file that
		// gives none is named after its file.
		p.Name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	p.sources = append([]budget.Source{src}, p.sources...)
	return nil
}

// read returns a profile's name for errors (the path of a file, or the
// built-in name) and its data.
func read(files fs.FS, ref, dir string) (string, []byte, error) {
	if ref == "" {
		ref = Default
	}
	if !IsFile(ref) {
		data, ok := Source(ref)
		if !ok {
			text := msg.Sprintf("unknown profile %q; the built-in profiles are %s", ref, strings.Join(Builtins(), ", "))
			if s := budget.Nearest(ref, Builtins()); s != "" {
				text += msg.Sprintf("; did you mean %q?", s)
			}
			text += msg.Sprintf(" (a profile file is named by its path, e.g. ./our-city.yaml)")
			return ref, nil, errors.New(text)
		}
		return ref, data, nil
	}
	if files != nil {
		name := path.Join(filepath.ToSlash(dir), filepath.ToSlash(ref))
		if filepath.IsAbs(ref) || strings.HasPrefix(ref, "/") || !fs.ValidPath(name) {
			return ref, nil, msg.Errorf("profile %s: only a profile file in the data file's own folder can be used here", ref)
		}
		data, err := readLimited(files.Open, name)
		if err != nil {
			return ref, nil, msg.Errorf("profile %s: %v", ref, err)
		}
		return name, data, nil
	}
	file := ref
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	data, err := readLimited(openOS, file)
	if err != nil {
		return file, nil, msg.Errorf("profile %s: %v", ref, err)
	}
	return file, data, nil
}

// openOS opens with O_NONBLOCK: a plain open of a named pipe waits for a
// writer, so profile: ./a-fifo.yaml would hang before readLimited's check
// could refuse it. On a regular file the flag changes nothing.
func openOS(name string) (fs.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// maxProfile bounds a profile file: profiles are a few kilobytes, and
// profile: /dev/zero must not fill the memory.
const maxProfile = 1 << 20

// readLimited reads a regular file (not a pipe or a device, which could
// block) of at most maxProfile bytes.
func readLimited(open func(string) (fs.File, error), name string) ([]byte, error) {
	f, err := open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, msg.Errorf("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, maxProfile+1))
	if err == nil && len(data) > maxProfile {
		err = msg.Errorf("larger than %d KB; a profile is far smaller", maxProfile>>10)
	}
	return data, err
}

// Pos returns where the value at path was set: in the extending file when
// it set it, else in the profile it extends. A path set nowhere gives its
// nearest parent's position.
func (p *Profile) Pos(path string) budget.Pos {
	for q := path; q != ""; {
		for _, s := range p.sources {
			if pos, ok := s.Lookup(q); ok {
				return pos
			}
		}
		i := strings.LastIndexAny(q, ".[")
		if i <= 0 {
			break
		}
		q = q[:i]
	}
	if len(p.sources) > 0 {
		return budget.Pos{File: p.sources[0].File}
	}
	return budget.Pos{}
}

// File is the file (or built-in name) the profile was read from.
func (p *Profile) File() string {
	if len(p.sources) == 0 {
		return ""
	}
	return p.sources[0].File
}

// Has reports whether the profile publishes the document.
func (p *Profile) Has(doc string) bool {
	for _, d := range p.Documents {
		if d == doc {
			return true
		}
	}
	return false
}

// For returns the profile a budget names, reading a profile file relative
// to the budget's file. Errors are findings at the budget's profile key.
func For(b *budget.Budget) (*Profile, error) {
	dir := "."
	if b.Source.File != "" {
		dir = filepath.Dir(b.Source.File)
	}
	ref := b.Profile
	if ref == "" && b.Documents.Standard() {
		ref = "national" // documents: {set: standard} names the national set
	}
	p, err := LoadFS(b.Source.Files, ref, dir)
	if err == nil {
		return p, nil
	}
	if fs, ok := err.(budget.Findings); ok {
		return nil, fs
	}
	return nil, budget.Findings{{Severity: budget.Error, Pos: b.Source.Pos("profile"), Path: "profile", Message: err.Error()}}
}

// Fill returns the profile a budget names (For) and lets it fill the
// budget's document set (DocumentSet), as a build does before it checks
// and composes: the nine tables' money unit comes from there.
func Fill(b *budget.Budget) (*Profile, error) {
	p, err := For(b)
	if err == nil {
		b.Documents = p.DocumentSet(b.Documents)
	}
	return p, err
}

// MustBuiltin returns a built-in profile; it panics when the name is not
// one, for tests and defaults.
func MustBuiltin(name string) *Profile {
	p, err := Load(name, "")
	if err != nil {
		panic(err)
	}
	return p
}

type extends struct {
	ref string
	pos budget.Pos
}

// extendsOf finds the top-level extends key of a profile file.
// A file that is not a YAML mapping has none here; the decoder then
// reports what is wrong with it, at its position.
func extendsOf(name string, data []byte) extends {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return extends{}
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k, v := m.Content[i], m.Content[i+1]; k.Value == "extends" && v.Kind == yaml.ScalarNode {
			return extends{v.Value, budget.Pos{File: name, Line: v.Line, Col: v.Column}}
		}
	}
	return extends{}
}

// atPos turns a plain error into a finding at pos; findings keep their own
// positions.
func atPos(err error, pos budget.Pos) error {
	if _, ok := err.(budget.Findings); ok {
		return err
	}
	return budget.Findings{{Severity: budget.Error, Pos: pos, Path: "extends", Message: err.Error()}}
}

// DocumentSet is the budget's document set as the profile fills it: the
// standard set when the profile prints any of the nine tables, in the
// tables' money unit unless the budget names its own, with the project
// table when the profile lists it.
func (p *Profile) DocumentSet(own budget.DocumentSet) budget.DocumentSet {
	set := budget.DocumentSet{Set: budget.SeedSet, MoneyUnit: own.MoneyUnit, ProjectTable: p.Has(DocProjectTable) || own.ProjectTable}
	for _, d := range budget.StandardTables {
		if p.Has(string(d)) {
			set.Set = budget.StandardSet
		}
	}
	if set.MoneyUnit == "" && set.Set == budget.StandardSet {
		set.MoneyUnit = p.Tables.Money.Unit
	}
	return set
}
