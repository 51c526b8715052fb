package sandbox

import (
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"
)

// maxBodyBytes caps a request body (1 MiB); beyond it the answer is 413.
const maxBodyBytes = 1 << 20

// firstLeadID is the id of the first lead the sandbox receives.
const firstLeadID = 4201

// ReceivedLead is a lead as the sandbox stored it, for tests: the fields the
// seed defines, as strings, keyed by their JSON names.
type ReceivedLead struct {
	ID         int64
	Fields     map[string]string
	ReceivedAt time.Time
}

// leadFields are the body fields of POST /leads, from the seed.
var (
	leadRequired = []string{"email", "firstname", "lastname", "phone", "collect_type",
		"project_description", "project_total_budget", "publication_timeframe"}
	leadOptional = []string{"birthdate", "siret", "post_code", "city", "project_name", "social_link",
		"project_crowdfunding_budget", "project_loan_budget", "project_input_budget", "department",
		"category", "turnover", "lead_source", "campaign_id"}
	publicationTimeframes = []string{"within_month", "next_months", "another_quarter"}
)

// emailPattern is Ruby's URI::MailTo::EMAIL_REGEXP, with the domain required
// to have a dot, as a Rails email validation usually adds.
var emailPattern = regexp.MustCompile(`^[a-zA-Z0-9.!#$%&'*+/=?^_` + "`" + `{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$`)

// Rails validation messages.
const (
	msgBlank       = "can't be blank"
	msgInvalid     = "is invalid"
	msgNotIncluded = "is not included in the list"
)

func (h *Handler) createLead(w http.ResponseWriter, r *http.Request) {
	fields, errs, err := readLead(w, r)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, "request body is larger than 1 MiB")
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	validateLead(fields, errs)
	if len(errs) > 0 {
		writeJSON(w, http.StatusBadRequest, fieldErrors{Errors: errs})
		return
	}
	h.mu.Lock()
	lead := ReceivedLead{ID: h.nextLeadID, Fields: fields, ReceivedAt: time.Now()}
	h.nextLeadID++
	h.leads = append(h.leads, lead)
	h.mu.Unlock()
	// The project name only: the other fields are a person's data.
	h.log.Info("lead received", "id", lead.ID, "project_name", fields["project_name"])
	writeJSON(w, http.StatusOK, map[string]any{"id": lead.ID, "status": "received"})
}

// readLead decodes the body as a JSON object. Each known field may be a
// string or, read liberally as Rails would, a number; null counts as absent;
// any other JSON type is "is invalid". Unknown fields are ignored.
func readLead(w http.ResponseWriter, r *http.Request) (map[string]string, map[string][]string, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err := dec.Decode(&raw); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, nil, err
		}
		return nil, nil, errors.New("request body must be a JSON object")
	}
	if raw == nil || dec.More() { // "null", or more JSON after the object
		return nil, nil, errors.New("request body must be a JSON object")
	}
	fields := map[string]string{}
	errs := map[string][]string{}
	for _, name := range slices.Concat(leadRequired, leadOptional) {
		v, ok := raw[name]
		if !ok {
			continue
		}
		var s string
		var n json.Number
		switch {
		case string(v) == "null":
		case json.Unmarshal(v, &s) == nil:
			fields[name] = s
		case json.Unmarshal(v, &n) == nil:
			fields[name] = n.String()
		default:
			errs[name] = append(errs[name], msgInvalid)
		}
	}
	return fields, errs, nil
}

// validateLead applies the seed's rules, adding Rails messages to errs.
func validateLead(fields map[string]string, errs map[string][]string) {
	add := func(name, msg string) { errs[name] = append(errs[name], msg) }
	for _, name := range leadRequired {
		if strings.TrimSpace(fields[name]) == "" && len(errs[name]) == 0 {
			add(name, msgBlank)
		}
	}
	if v := strings.TrimSpace(fields["email"]); v != "" && !emailPattern.MatchString(v) {
		add("email", msgInvalid)
	}
	for _, c := range []struct {
		name    string
		allowed []string
	}{
		{"collect_type", collectTypes},
		{"publication_timeframe", publicationTimeframes},
		{"category", categories},
	} {
		if v := strings.TrimSpace(fields[c.name]); v != "" && !slices.Contains(c.allowed, v) {
			add(c.name, msgNotIncluded)
		}
	}
	if v := strings.TrimSpace(fields["department"]); v != "" && !validDepartment(v) {
		add("department", msgInvalid)
	}
}

// validDepartment accepts INSEE department codes: 01–95 but not 20 (Corsica
// is 2A and 2B), and the overseas 971–976.
func validDepartment(code string) bool {
	switch {
	case code == "2A" || code == "2B":
		return true
	case len(code) == 2 && digits(code):
		return code != "00" && code != "20" && code <= "95"
	case len(code) == 3 && digits(code):
		return code >= "971" && code <= "976"
	}
	return false
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Leads returns a copy of the leads received so far, oldest first.
func (h *Handler) Leads() []ReceivedLead {
	h.mu.Lock()
	defer h.mu.Unlock()
	out := make([]ReceivedLead, len(h.leads))
	for i, l := range h.leads {
		l.Fields = maps.Clone(l.Fields)
		out[i] = l
	}
	return out
}
