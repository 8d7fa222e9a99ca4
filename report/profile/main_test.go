package profile

import (
	"os"
	"testing"

	"budgetdoc/report/msg"
)

// The package's tests state findings in English, the key of every message.
func TestMain(m *testing.M) {
	msg.SetLanguage(msg.English)
	os.Exit(m.Run())
}
