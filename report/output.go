package report

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/gofrs/flock"

	"budgetdoc/report/msg"
)

// lockOutputs takes the advisory lock of one budget's documents in dir, so
// that two builds of the same budget at once write their files one after
// the other and never leave the PDF of one version beside the XLSX of the
// other. The lock is the hidden file .<stem>.lock (github.com/gofrs/flock:
// flock on Unix, LockFileEx on Windows), removed again on unlock so that
// the folder holds only the documents. Holding it, it removes the temporary
// files an interrupted build of the budget left behind. The returned
// function releases the lock.
func lockOutputs(dir, stem string) (unlock func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "."+stem+".lock")
	for {
		lock := flock.New(path, flock.SetPermissions(0o644))
		if err := lock.Lock(); err != nil {
			return nil, msg.Errorf("cannot lock %s: %w", path, err)
		}
		// The holder before us may have removed the file we locked; a lock
		// on a removed file excludes no one, so take the one now there.
		held, err1 := lock.Stat()
		onDisk, err2 := os.Stat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, onDisk) {
			removeLeftovers(dir, stem)
			return func() {
				os.Remove(path) // while locked: a waiter then sees its file is gone
				lock.Close()
			}, nil
		}
		lock.Close()
	}
}

// leftover matches, after ".<stem>", the temporary names writeTemp gives
// the files of a build: .<stem>.pdf.123.tmp, .<stem>-附件2.pdf.123.tmp …
// Another budget's stem may begin with this one's, so the rest is matched
// exactly.
var leftover = regexp.MustCompile(`^(\.pdf|\.xlsx|-情况说明\.pdf|-附件[0-9]+\.pdf)\.[0-9]+\.tmp$`)

// removeLeftovers deletes the temporary files of stem's documents in dir;
// the caller holds the budget's lock, so none of them is being written.
func removeLeftovers(dir, stem string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), "."+stem)
		if ok && e.Type().IsRegular() && leftover.MatchString(rest) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// writeAtomic writes data to a temporary file beside path and renames it
// over path, so readers see the old file or the new one, never a part.
func writeAtomic(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once renamed
	return os.Rename(tmp, path)
}

// writeTemp writes data, synced to disk, to a new temporary file beside
// path, and returns the file's name; renaming it over path then replaces
// path whole.
func writeTemp(path string, data []byte) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// writeAll writes each document into dir: all to temporary files at once
// (each waits on its own sync to disk), then each renamed over its path,
// so that a failure to write any leaves every previous file as it was.
func writeAll(dir string, docs []Document) ([]string, error) {
	tmps := make([]string, len(docs))
	errs := make([]error, len(docs))
	var wg sync.WaitGroup
	for i, d := range docs {
		wg.Go(func() { tmps[i], errs[i] = writeTemp(filepath.Join(dir, d.Name), d.Data) })
	}
	wg.Wait()
	defer func() {
		for _, tmp := range tmps {
			if tmp != "" {
				os.Remove(tmp) // a no-op once renamed
			}
		}
	}()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	var written []string
	for i, d := range docs {
		path := filepath.Join(dir, d.Name)
		if err := os.Rename(tmps[i], path); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	return written, nil
}
