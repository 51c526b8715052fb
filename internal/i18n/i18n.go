// Package i18n is the one message catalogue: every word a person reads comes
// from here, in English and in French. Each area of the program registers its
// messages from its own file (msg_*.go) so that no two people edit one map.
package i18n

import (
	"fmt"
	"strings"
	"sync"
)

// Lang is a language the program speaks.
type Lang int

const (
	EN Lang = iota
	FR
)

func (l Lang) String() string {
	if l == FR {
		return "fr"
	}
	return "en"
}

// Key names a message.
type Key string

// Msg is one message in both languages; fmt verbs allowed, the same in both.
type Msg struct{ EN, FR string }

var (
	mu      sync.RWMutex
	catalog = map[Key]Msg{}
)

// Register adds messages; a key registered twice is a programming error
// caught by the catalogue test, and the later one wins.
func Register(msgs map[Key]Msg) {
	mu.Lock()
	defer mu.Unlock()
	for k, m := range msgs {
		if _, dup := catalog[k]; dup {
			duplicates = append(duplicates, k)
		}
		catalog[k] = m
	}
}

var duplicates []Key

// All returns a copy of the catalogue, for tests.
func All() map[Key]Msg {
	mu.RLock()
	defer mu.RUnlock()
	out := make(map[Key]Msg, len(catalog))
	for k, m := range catalog {
		out[k] = m
	}
	return out
}

// Duplicates lists keys registered more than once, for tests.
func Duplicates() []Key { return duplicates }

// Printer picks messages in one language.
type Printer struct{ Lang Lang }

// New returns a printer for lang.
func New(lang Lang) Printer { return Printer{Lang: lang} }

// T returns the message for key in the printer's language, formatted with
// args. An unknown key shows itself, so a gap is visible rather than blank.
func (p Printer) T(key Key, args ...any) string {
	mu.RLock()
	m, ok := catalog[key]
	mu.RUnlock()
	if !ok {
		return string(key)
	}
	s := m.EN
	if p.Lang == FR && m.FR != "" {
		s = m.FR
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Parse reads a language name as given to --lang ("fr", "fr_FR.UTF-8", "en").
func Parse(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "", s == "c", s == "posix":
		return EN, false
	case strings.HasPrefix(s, "fr"):
		return FR, true
	case strings.HasPrefix(s, "en"):
		return EN, true
	}
	return EN, false
}

// Detect chooses the language: flag first, then LC_ALL, LC_MESSAGES, LANG,
// as POSIX orders them; English when none names a language we speak.
func Detect(flag string, getenv func(string) string) Lang {
	if l, ok := Parse(flag); ok {
		return l
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := getenv(v)
		if val == "" {
			continue
		}
		l, _ := Parse(val)
		return l // the first one set decides, even when it is C
	}
	return EN
}
