package entry

import (
	"os"
	"testing"

	"budgetdoc/report/msg"
)

// The tests read findings in English; TestChineseFinding reads one in
// Chinese, the default.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
