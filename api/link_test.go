package api_test

import (
	"net/http"
	"reflect"
	"testing"

	"github.com/miimosa/miimosa/api"
)

func TestParseLinkHeader(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want []api.Link
	}{
		{"sandbox style", []string{`<http://h/projects?page=2&per_page=20>; rel="next", <http://h/projects?page=15>; rel="last"`},
			[]api.Link{{URL: "http://h/projects?page=2&per_page=20", Rels: []string{"next"}}, {URL: "http://h/projects?page=15", Rels: []string{"last"}}}},
		{"unquoted rel, odd spacing", []string{` <a> ;rel=next ,<b>;  rel = last `},
			[]api.Link{{URL: "a", Rels: []string{"next"}}, {URL: "b", Rels: []string{"last"}}}},
		{"several rels", []string{`</p?page=3>; rel="next last"`},
			[]api.Link{{URL: "/p?page=3", Rels: []string{"next", "last"}}}},
		{"comma inside the URL", []string{`<http://h/p?tags=a,b&page=2>; rel="next"`},
			[]api.Link{{URL: "http://h/p?tags=a,b&page=2", Rels: []string{"next"}}}},
		{"comma and escapes inside quotes", []string{`<a>; title="x, \"y\""; rel="NEXT"`},
			[]api.Link{{URL: "a", Rels: []string{"next"}, Params: map[string]string{"title": `x, "y"`}}}},
		{"first rel wins", []string{`<a>; rel="prev"; rel="next"`},
			[]api.Link{{URL: "a", Rels: []string{"prev"}}}},
		{"several header lines", []string{`<a>; rel="prev"`, `<b>; rel="next"`},
			[]api.Link{{URL: "a", Rels: []string{"prev"}}, {URL: "b", Rels: []string{"next"}}}},
		{"garbage skipped", []string{`garbage, <b>; rel="next", <c> junk, <d>; rel=last`},
			[]api.Link{{URL: "b", Rels: []string{"next"}}, {URL: "d", Rels: []string{"last"}}}},
		{"unterminated", []string{`<a; rel="next"`}, nil},
		{"empty", []string{"", " , ,"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := api.ParseLinkHeader(c.in...)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("ParseLinkHeader(%q)\n got %#v\nwant %#v", c.in, got, c.want)
			}
		})
	}
}

func TestLinkRel(t *testing.T) {
	h := http.Header{}
	h.Add("Link", `<http://h/projects?page=1>; rel="first", <http://h/projects?page=1>; rel="prev"`)
	h.Add("Link", `<http://h/projects?page=3>; rel="next last"`)
	if got := api.LinkRel(h, "next"); got != "http://h/projects?page=3" {
		t.Errorf("next = %q", got)
	}
	if got := api.LinkRel(h, "Prev"); got != "http://h/projects?page=1" {
		t.Errorf("prev = %q", got)
	}
	if got := api.LinkRel(http.Header{}, "next"); got != "" {
		t.Errorf("no header: next = %q", got)
	}
}
