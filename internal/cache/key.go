package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	"github.com/miimosa/miimosa/api"
)

// keyOf names the list a host answers to a query: the SHA-256 of the host
// and every filter, in hex. The keyword is trimmed as the client trims it
// before sending, and otherwise kept as typed (accents, case, inner
// spaces), since that is what the server is asked. Page and PerPage are not
// part of it: an entry is always the start of the list.
//
// Only the hash reaches the disk, so the file tells nothing of what was
// searched; and a keyword that may be personal is refused outright.
func keyOf(host string, q api.ProjectQuery) (string, error) {
	host = strings.ToLower(strings.TrimSpace(host))
	if host == "" {
		return "", ErrInvalid
	}
	kw := strings.TrimSpace(q.Keyword)
	if personalKeyword(kw) {
		return "", ErrPersonal
	}
	// A JSON array of strings is unambiguous: no choice of values can make
	// two different queries encode alike.
	canon, err := json.Marshal([]string{"projects", host, q.Order, q.Category, q.Type, q.Region, kw})
	if err != nil {
		return "", ErrInvalid // strings always marshal; kept for the contract
	}
	sum := sha256.Sum256(canon)
	return hex.EncodeToString(sum[:]), nil
}

// fileNameLen is how much of the key names the file: 128 bits, enough
// that two queries never share a file; the whole key inside the file
// settles it if they ever did.
const fileNameLen = 32

const fileExt = ".json"

func fileName(key string) string { return key[:fileNameLen] + fileExt }

// isEntryName reports whether name is an entry file this package writes.
func isEntryName(name string) bool {
	if len(name) != fileNameLen+len(fileExt) || !strings.HasSuffix(name, fileExt) {
		return false
	}
	return isLowerHex(name[:fileNameLen])
}

// isTempName reports whether name is a temporary file of writeAtomic:
// "." + an entry name + "." + random digits + ".tmp".
func isTempName(name string) bool {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok || len(rest) < fileNameLen+len(fileExt) || !isEntryName(rest[:fileNameLen+len(fileExt)]) {
		return false
	}
	rest = rest[fileNameLen+len(fileExt):]
	digits, ok := strings.CutPrefix(rest, ".")
	if !ok {
		return false
	}
	digits, ok = strings.CutSuffix(digits, ".tmp")
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}

func isLowerHex(s string) bool {
	for i := range len(s) {
		if (s[i] < '0' || s[i] > '9') && (s[i] < 'a' || s[i] > 'f') {
			return false
		}
	}
	return true
}
