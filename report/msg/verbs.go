package msg

// Verb is one formatting directive of a message: its verb letter and the
// index of the argument it formats.
type Verb struct {
	Verb rune
	Arg  int
}

// Verbs lists the directives of a format string in order, following fmt's
// rules for explicit argument indexes (%[2]s). It is what the catalogue's
// test compares between a key and its Chinese text.
func Verbs(format string) []Verb {
	var verbs []Verb
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		// flags, width, precision and argument indexes
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				n, j := 0, i+1
				for j < len(format) && format[j] >= '0' && format[j] <= '9' {
					n = n*10 + int(format[j]-'0')
					j++
				}
				if j < len(format) && format[j] == ']' && n > 0 {
					arg = n - 1
					i = j
				}
			case c == '*':
				arg++ // the width or precision is an argument
			case c == '+' || c == '-' || c == '#' || c == ' ' || c == '.' || c >= '0' && c <= '9':
			default:
				goto verb
			}
			i++
		}
	verb:
		if i >= len(format) {
			break
		}
		if format[i] == '%' {
			continue
		}
		verbs = append(verbs, Verb{Verb: rune(format[i]), Arg: arg})
		arg++
	}
	return verbs
}
