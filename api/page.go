package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// fetchPage GETs one page of a list: a bare JSON array, with the next link
// and counts in headers.
func fetchPage[T any, P interface {
	*T
	objectDecoder
}](ctx context.Context, c *Client, u *url.URL, ep endpoint) (Page[T], error) {
	a, err := c.call(ctx, http.MethodGet, u, ep, nil)
	if err != nil {
		return Page[T]{}, err
	}
	return decodePage[T, P](a)
}

// decodePage validates the body once, then splits it item by item: the
// items need no second validation pass (see objectDecoder).
func decodePage[T any, P interface {
	*T
	objectDecoder
}](a *answer) (Page[T], error) {
	var p Page[T]
	b := trimJSONSpace(a.body)
	bad := func(err error) (Page[T], error) {
		return Page[T]{}, decodeError(http.MethodGet, a.url.Path, a.status, a.body, err)
	}
	switch {
	case string(b) == "null" || len(b) == 0:
		// Nothing: an empty page.
	case b[0] != '[':
		return bad(fmt.Errorf("expected a JSON array, got %s", jsonKind(b)))
	case !json.Valid(b):
		var v any
		err := json.Unmarshal(b, &v) // only to say what is wrong
		if err == nil {
			err = errObjectSyntax
		}
		return bad(err)
	default:
		items, err := splitArray(b)
		if err != nil {
			return bad(err)
		}
		p.Items = make([]T, 0, len(items))
		for i, item := range items {
			if string(item) == "null" {
				continue
			}
			if item[0] != '{' {
				return bad(fmt.Errorf("item %d is %s, not an object", i+1, jsonKind(item)))
			}
			o, err := splitObject(item)
			if err != nil {
				return bad(fmt.Errorf("item %d is %s, not an object", i+1, jsonKind(item)))
			}
			var v T
			P(&v).fromObject(o)
			p.Items = append(p.Items, v)
		}
	}
	if next := LinkRel(a.header, "next"); next != "" {
		if ref, err := url.Parse(next); err == nil {
			// Resolved against the URL asked, so a relative link works.
			p.Next = a.url.ResolveReference(ref).String()
		}
	}
	p.Last = LinkRel(a.header, "last")
	p.Total = headerInt(a.header, "Total", "X-Total", "X-Total-Count")
	p.PerPage = headerInt(a.header, "Per-Page", "X-Per-Page")
	return p, nil
}

// headerInt reads the first of names that holds an integer; unknown when none.
func headerInt(h http.Header, names ...string) Int {
	for _, n := range names {
		if v := strings.TrimSpace(h.Get(n)); v != "" {
			if i, err := ParseInt(v); err == nil && i.Value >= 0 {
				return i
			}
		}
	}
	return Int{}
}
