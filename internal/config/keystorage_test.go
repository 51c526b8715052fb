package config

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// SetKeyStorage records and forgets a host's key storage, keeping every
// other field of the file, even unknown ones.
func TestSetKeyStorage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "miimosa")
	// No file, nothing to forget: nothing is written.
	if err := SetKeyStorage(dir, "api.example.com", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); !os.IsNotExist(err) {
		t.Fatalf("a file was written to forget nothing: %v", err)
	}
	if err := SetKeyStorage(dir, "api.example.com", KeyStorageFile); err != nil {
		t.Fatal(err)
	}
	f, err := ReadFile(dir)
	if err != nil || f.KeyStorage["api.example.com"] != KeyStorageFile {
		t.Fatalf("read back %+v, %v", f, err)
	}
	if info, _ := os.Stat(filepath.Join(dir, FileName)); runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode().Perm())
	}

	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, []byte(`{"api_url": "https://api.example.com", "newer": {"x": 1},
		"key_storage": {"api.example.com": "file", "127.0.0.1:8080": "file"}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := SetKeyStorage(dir, "api.example.com", ""); err != nil {
		t.Fatal(err)
	}
	var got map[string]json.RawMessage
	data, _ := os.ReadFile(path)
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if string(got["newer"]) != `{"x":1}` && string(got["newer"]) != "{\n    \"x\": 1\n  }" {
		t.Errorf("unknown field changed: %s", got["newer"])
	}
	f, _ = ReadFile(dir)
	if f.APIURL != "https://api.example.com" || f.KeyStorage["api.example.com"] != "" || f.KeyStorage["127.0.0.1:8080"] != KeyStorageFile {
		t.Errorf("after forgetting one host: %+v", f)
	}
	if err := SetKeyStorage(dir, "127.0.0.1:8080", ""); err != nil {
		t.Fatal(err)
	}
	var after map[string]json.RawMessage
	if data, _ := os.ReadFile(path); json.Unmarshal(data, &after) != nil || after["key_storage"] != nil {
		t.Errorf("an empty key_storage is left: %s", data)
	}

	// A damaged file is reported, never overwritten.
	if err := os.WriteFile(path, []byte(`{"api_url": `), 0o600); err != nil {
		t.Fatal(err)
	}
	var ce *Error
	if err := SetKeyStorage(dir, "h", KeyStorageFile); !errors.As(err, &ce) || ce.Problem != ProblemFileMalformed {
		t.Errorf("damaged file: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != `{"api_url": ` {
		t.Errorf("damaged file overwritten: %q", data)
	}
}
