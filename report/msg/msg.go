// Package msg is budgetdoc's message catalogue: every text a user reads
// (findings, errors, usage) is made by one call here, in Chinese by default
// or in English.
//
//	msg.Sprintf("unknown key %q", name)   // 未知的键“rows”
//
// The format string is the message's key and its English text; its Chinese
// text is in the catalogue (the texts_*.go files). A test reads every call
// in the tree and fails for a key the catalogue lacks, so a new message
// comes with its Chinese at once.
//
// The catalogue is golang.org/x/text/message's; the arguments are
// formatted exactly as package fmt does (x/text would group the digits of
// every integer, printing the year 2021 as 2,021).
package msg

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// The languages of the catalogue.
var (
	Chinese = language.Chinese
	English = language.English
)

var (
	chinese = make(map[string]string) // key → Chinese, as the catalogue holds it
	current atomic.Pointer[language.Tag]
)

// cat is x/text's catalogue. A text goes into it when its message is first
// made: putting all of them in at start took longer than the rest of
// starting the program, and a build uses a few dozen.
var (
	cat        = catalog.NewBuilder(catalog.Fallback(Chinese))
	registered sync.Map // key → true once its texts are in cat
)

// register puts key's texts into the catalogue, once. A key the texts lack
// is printed as it is, as x/text prints a key it does not know.
func register(key string) {
	if _, done := registered.Load(key); done {
		return
	}
	if zh, ok := chinese[key]; ok { // chinese is only read once init is over
		for l, text := range map[language.Tag]string{Chinese: zh, English: key} {
			if err := cat.SetString(l, key, text); err != nil {
				panic(err)
			}
		}
	}
	registered.Store(key, true)
}

// printers make the messages of each language.
var printers = map[language.Tag]func() *message.Printer{
	Chinese: printerOf(Chinese),
	English: printerOf(English),
}

func printerOf(l language.Tag) func() *message.Printer {
	return sync.OnceValue(func() *message.Printer { return message.NewPrinter(l, message.Catalog(cat)) })
}

// SetLanguage makes l the language of the messages made from now on, and
// returns the one it replaces. It is the program's setting, made once at
// start (tests restore the previous language when done).
func SetLanguage(l language.Tag) (previous language.Tag) {
	previous = Language()
	l = match(l)
	current.Store(&l)
	return previous
}

// Language is the language messages are made in.
func Language() language.Tag {
	if l := current.Load(); l != nil {
		return *l
	}
	return Chinese
}

// IsChinese reports whether messages are made in Chinese.
func IsChinese() bool { return Language() == Chinese }

var matcher = language.NewMatcher([]language.Tag{Chinese, English})

func match(l language.Tag) language.Tag {
	if _, i, conf := matcher.Match(l); conf != language.No && i == 1 {
		return English
	}
	return Chinese
}

// ParseLanguage reads a language name as given on the command line or in
// BUDGETDOC_LANG: zh, zh-CN, en, en_US, chinese, english, 中文, 英文.
func ParseLanguage(s string) (language.Tag, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "chinese", "中文":
		return Chinese, nil
	case "english", "英文":
		return English, nil
	}
	name, _, _ := strings.Cut(strings.TrimSpace(s), ".") // en_US.UTF-8, as in LANG
	tag, err := language.Parse(strings.ReplaceAll(name, "_", "-"))
	if err == nil {
		base, _ := tag.Base()
		switch base.String() {
		case "zh":
			return Chinese, nil
		case "en":
			return English, nil
		}
	}
	return Chinese, Errorf("unknown language %q: the languages are zh (中文) and en (English)", s)
}

// Sprintf makes the message whose key and English text is format, in the
// current language, with args formatted as fmt does.
func Sprintf(format string, args ...any) string {
	l := Language()
	if len(args) == 0 {
		// A text without arguments is made once per language: the data
		// decoder names what it expects (msg.Sprintf("text")) for every
		// value it reads, and x/text's Sprintf is slow for that.
		k := fixedKey{l, format}
		if text, ok := fixed.Load(k); ok {
			return text.(string)
		}
		register(format)
		text, _ := fixed.LoadOrStore(k, printers[l]().Sprintf(format))
		return text.(string)
	}
	register(format)
	return printers[l]().Sprintf(format, plainArgs(args)...)
}

// fixed holds the texts made of a key without arguments, by language and key.
var fixed sync.Map // fixedKey → string

type fixedKey struct {
	lang language.Tag
	key  string
}

// Fprintf writes the message Sprintf makes to w.
func Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return io.WriteString(w, Sprintf(format, args...))
}

// Errorf makes an error of the message Sprintf makes. As with fmt.Errorf,
// an argument given with %w is wrapped by it.
func Errorf(format string, args ...any) error {
	err := &msgError{text: Sprintf(format, args...)}
	for _, v := range Verbs(format) {
		if v.Verb == 'w' && v.Arg < len(args) {
			if e, ok := args[v.Arg].(error); ok {
				err.wrapped = append(err.wrapped, e)
			}
		}
	}
	return err
}

type msgError struct {
	text    string
	wrapped []error
}

func (e *msgError) Error() string   { return e.text }
func (e *msgError) Unwrap() []error { return e.wrapped } // for errors.Is and errors.As

// plain formats its value exactly as package fmt does, %w as %v.
type plain struct{ v any }

// Format is fmt.Formatter's.
func (p plain) Format(s fmt.State, verb rune) {
	if verb == 'w' {
		verb = 'v'
	}
	fmt.Fprintf(s, fmt.FormatString(s, verb), p.v)
}

func plainArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = plain{a}
	}
	return out
}

// add puts texts (English key → Chinese) into the catalogue. Each
// texts_*.go file adds the messages of one part of the program.
func add(texts map[string]string) {
	for key, zh := range texts {
		if old, dup := chinese[key]; dup && old != zh {
			panic(fmt.Sprintf("msg: %q has two Chinese texts, %q and %q", key, old, zh))
		}
		chinese[key] = zh
	}
}

// Keys returns every key of the catalogue with its Chinese text.
func Keys() map[string]string {
	out := make(map[string]string, len(chinese))
	for k, v := range chinese {
		out[k] = v
	}
	return out
}
