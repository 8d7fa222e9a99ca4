package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// use is one call of Sprintf, Errorf or Fprintf found in the tree.
type use struct {
	pos  token.Position
	key  string
	args int // the arguments after the format; -1 when passed as args...
}

// moduleRoot is the folder holding go.mod.
func moduleRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}

// formatArg says which argument of each function is the message key.
var formatArg = map[string]int{"Sprintf": 0, "Errorf": 0, "Fprintf": 1}

// uses reads every non-test Go file of the module and returns each call of
// this package's functions; bad lists calls whose key is not a literal.
func uses(t *testing.T) (found []use, bad []string) {
	root := moduleRoot(t)
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata" || name == "vendor" || nestedModule(path)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		inMsg := file.Name.Name == "msg" && filepath.Dir(path) == filepath.Join(root, "report", "msg")
		local := ""
		for _, imp := range file.Imports {
			if imp.Path.Value == `"budgetdoc/report/msg"` {
				local = "msg"
				if imp.Name != nil {
					local = imp.Name.Name
				}
			}
		}
		if local == "" && !inMsg {
			return nil
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var fn string
			switch f := call.Fun.(type) {
			case *ast.SelectorExpr:
				if id, ok := f.X.(*ast.Ident); ok && id.Name == local && local != "" {
					fn = f.Sel.Name
				}
			case *ast.Ident:
				if inMsg {
					fn = f.Name
				}
			}
			i, ok := formatArg[fn]
			if !ok || len(call.Args) <= i {
				return true
			}
			pos := fset.Position(call.Pos())
			pos.Filename, _ = filepath.Rel(root, pos.Filename)
			key, ok := literal(call.Args[i])
			if !ok && inMsg {
				return true // the package's own functions pass format on
			}
			if !ok {
				bad = append(bad, pos.String()+": the message key of "+fn+" must be a string literal")
				return true
			}
			args := len(call.Args) - i - 1
			if call.Ellipsis.IsValid() {
				args = -1
			}
			found = append(found, use{pos, key, args})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found, bad
}

// literal is the value of a string literal or a sum of them.
func literal(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			l, ok1 := literal(e.X)
			r, ok2 := literal(e.Y)
			return l + r, ok1 && ok2
		}
	case *ast.ParenExpr:
		return literal(e.X)
	}
	return "", false
}

// Every message made anywhere in the program has its Chinese text, and is
// called with as many arguments as it formats.
func TestEveryMessageHasChineseText(t *testing.T) {
	found, bad := uses(t)
	for _, b := range bad {
		t.Error(b)
	}
	if len(found) == 0 {
		t.Fatal("no message found in the tree; is the walk broken?")
	}
	var missing []string
	for _, u := range found {
		if _, ok := chinese[u.key]; !ok {
			missing = append(missing, u.pos.String()+": "+strconv.Quote(u.key))
		}
		if want := argCount(u.key); u.args >= 0 && u.args != want {
			t.Errorf("%s: %q formats %d arguments but is given %d", u.pos, u.key, want, u.args)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Errorf("%d messages have no Chinese text; add each to a texts_*.go file in report/msg "+
			"(key: the English text, value: the Chinese):\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// The catalogue holds no message the program no longer makes.
func TestNoUnusedMessages(t *testing.T) {
	found, _ := uses(t)
	used := make(map[string]bool)
	for _, u := range found {
		used[u.key] = true
	}
	var unused []string
	for key := range chinese {
		if !used[key] {
			unused = append(unused, strconv.Quote(key))
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("%d messages of the catalogue are made nowhere; remove them from report/msg:\n%s",
			len(unused), strings.Join(unused, "\n"))
	}
}

func argCount(format string) int {
	n := 0
	for _, v := range Verbs(format) {
		n = max(n, v.Arg+1)
	}
	return n
}

var latin = regexp.MustCompile(`[A-Za-z]{3,}`)

// Each Chinese text formats the same arguments with the same verbs as its
// English key (%q may become “%s” or “%c”, %w may become %v), and is Chinese.
// Every text goes into x/text's catalogue (it is put there when its message
// is first made, so a text x/text refuses would otherwise panic only then).
func TestEveryTextEntersTheCatalogue(t *testing.T) {
	for key, zh := range Keys() {
		for l, text := range map[language.Tag]string{Chinese: zh, English: key} {
			if err := catalog.NewBuilder().SetString(l, key, text); err != nil {
				t.Errorf("%q: %v", text, err)
			}
		}
		register(key)
	}
}

func TestChineseTextsMatchTheirKeys(t *testing.T) {
	for key, zh := range chinese {
		if zh == "" {
			t.Errorf("%q: empty Chinese text", key)
			continue
		}
		if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) &&
			(zh == key && latin.MatchString(stripVerbs(key)) || english.MatchString(stripVerbs(zh))) {
			t.Errorf("%q: the Chinese text %q has no Chinese in it", key, zh)
		}
		want, got := verbsByArg(key), verbsByArg(zh)
		if len(want) != len(got) {
			t.Errorf("%q: the Chinese text %q formats %d arguments, the key %d", key, zh, len(got), len(want))
			continue
		}
		for arg, verbs := range want {
			for v := range verbs {
				if !got[arg][v] && !(v == 'q' && (got[arg]['s'] || got[arg]['c'])) && !(v == 'w' && got[arg]['v']) {
					t.Errorf("%q: argument %d is %%%c in the key but not in the Chinese text %q", key, arg+1, v, zh)
				}
			}
		}
	}
}

func verbsByArg(format string) map[int]map[rune]bool {
	m := make(map[int]map[rune]bool)
	for _, v := range Verbs(format) {
		if m[v.Arg] == nil {
			m[v.Arg] = make(map[rune]bool)
		}
		m[v.Arg][v.Verb] = true
	}
	return m
}

var verb = regexp.MustCompile(`%[-+# 0-9.\[\]*]*[a-zA-Z%]`)

func stripVerbs(s string) string { return verb.ReplaceAllString(s, "") }

// messageCalls are the calls whose text arguments reach users when they are
// not a programmer's error: fmt's printers, errors.New, and the checks'
// helpers (fail, warn, mismatch) and the command's usageError.
var messageCalls = map[string]bool{
	"fmt.Errorf": true, "fmt.Sprintf": true, "fmt.Fprintf": true, "fmt.Printf": true, "fmt.Sprint": true,
	"fmt.Sprintln": true, "fmt.Fprintln": true, "fmt.Println": true, "fmt.Print": true, "fmt.Fprint": true,
	"errors.New": true, ".fail": true, ".warn": true, ".mismatch": true, ".usageError": true,
}

// english finds a run of three English words: a sentence a user would read.
var english = regexp.MustCompile(`[A-Za-z]{2,}[ ,;']+[a-z]{2,}[ ,;']+[a-z]{2,}`)

// internal marks a programmer's error, which is not translated: it starts
// with its package's name, as Go errors do ("pdf: unhandled block %T").
// Markup (a text starting with "<") is not a message either.
var internal = regexp.MustCompile(`^[a-z0-9]+: `)

// No English sentence reaches a user except through the catalogue: a text
// given to fmt, errors.New or the checks' helpers, or as a finding's
// Message, is either made by msg.Sprintf or is a programmer's error
// prefixed with its package's name.
func TestNoEnglishOutsideTheCatalogue(t *testing.T) {
	root := moduleRoot(t)
	fset := token.NewFileSet()
	skip := map[string]bool{"report/msg": true, "internal/testtool": true, "internal/synth": true, "internal/synth/synthgen": true}
	var found []string
	report := func(e ast.Expr) {
		s, ok := literal(e)
		if ok && english.MatchString(stripVerbs(s)) && !internal.MatchString(s) && !strings.HasPrefix(s, "<") {
			pos := fset.Position(e.Pos())
			pos.Filename, _ = filepath.Rel(root, pos.Filename)
			found = append(found, pos.String()+": "+strconv.Quote(s))
		}
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || skip[filepath.ToSlash(rel)] || nestedModule(path)) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				sel, ok := n.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				name := "." + sel.Sel.Name
				if id, ok := sel.X.(*ast.Ident); ok && messageCalls[id.Name+name] {
					name = id.Name + name
				}
				if messageCalls[name] {
					for _, a := range n.Args {
						report(a)
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Message" {
					report(n.Value)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		sort.Strings(found)
		t.Errorf("%d English texts reach users without the catalogue: make each with msg.Sprintf (and add its Chinese "+
			"to report/msg), or, for a programmer's error no user should see, start it with the package's name (\"pdf: …\"):\n%s",
			len(found), strings.Join(found, "\n"))
	}
}

// nestedModule reports whether dir holds a module of its own (the patched
// gofpdf under third_party): its texts are not budgetdoc's.
func nestedModule(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}
