package sandbox

import (
	"encoding/json"
	"net/http"
)

// writeJSON sends v as the whole body in one Write, so that the malformed-body
// fault can cut it (see faults.go).
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		// Only the sandbox's own types reach here; a failure is a bug worth a 500.
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// errorBody is the Rails controller error form: {"error": "message"}.
type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// fieldErrors is the Rails model error form: {"errors": {"field": ["message"]}}.
type fieldErrors struct {
	Errors map[string][]string `json:"errors"`
}
