// Package budget is the data model of a department's budget disclosure: the
// Budget type, its loading from YAML or JSON with the position of every value,
// and the checks that every figure adds up before anything is printed.
//
// A Budget can be loaded with Load or built in code; Check works on both.
// Findings carry file:line:column positions when the budget came from a file.
package budget
