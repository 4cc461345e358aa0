// Package recipe tests an app's key handling against revokit-mock from Go, with the standard
// library only. TestMain reaches the server at $REVOKIT_MOCK_URL, or starts
// `npx --no-install revokit-mock` with the seed file ../seed.json, whose fixed credentials the
// tests read from ../seed.env as a suite keeps them in its .env. Each test takes a session of its
// own (a whole world: keys, clock, journal), so the tests run in parallel.
package recipe

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

var mockURL string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	if url := os.Getenv("REVOKIT_MOCK_URL"); url != "" {
		mockURL = strings.TrimRight(url, "/")
	} else {
		command := strings.Fields(os.Getenv("REVOKIT_MOCK_COMMAND"))
		if len(command) == 0 {
			command = []string{"npx", "--no-install", "revokit-mock"}
		}
		args := append(command[1:], "--port", "0", "--log", "json", "--require-session", "--no-demo", "--seed", "../seed.json")
		server := exec.Command(command[0], args...)
		server.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // npx does not pass SIGTERM on: stop the group
		stdout, err := server.StdoutPipe()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		server.Stderr = os.Stderr
		if err := server.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "cannot start revokit-mock:", err)
			return 1
		}
		defer func() {
			_ = syscall.Kill(-server.Process.Pid, syscall.SIGTERM)
			_ = server.Wait()
		}()
		// With --log json, the first line is the banner as JSON, with the URL of the free port.
		var banner struct{ URL string }
		line, _ := bufio.NewReader(stdout).ReadBytes('\n')
		if err := json.Unmarshal(line, &banner); err != nil || banner.URL == "" {
			fmt.Fprintf(os.Stderr, "revokit-mock did not start: %q\n", line)
			return 1
		}
		mockURL = banner.URL
	}
	if err := waitForHealth(mockURL, 30*time.Second); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

func waitForHealth(url string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		response, err := http.Get(url + "/__mock/health")
		if err == nil {
			response.Body.Close()
			if response.StatusCode == http.StatusOK {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("revokit-mock at %s is not healthy after %s", url, timeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// env reads ../seed.env: the credentials seed.json gives the mock, as a suite keeps them.
func env(t *testing.T) map[string]string {
	text, err := os.ReadFile("../seed.env")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{}
	for _, line := range strings.Split(string(text), "\n") {
		if name, value, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(name, "#") {
			vars[name] = value
		}
	}
	return vars
}

// session is one test's world on the shared server: its base URL is all a client needs.
type session struct {
	t   *testing.T
	url string
}

func newSession(t *testing.T) *session {
	id := regexp.MustCompile(`[^A-Za-z0-9._-]`).ReplaceAllString(t.Name(), "-")
	if len(id) > 64 {
		id = id[:64]
	}
	t.Cleanup(func() {
		request, _ := http.NewRequest(http.MethodDelete, mockURL+"/__mock/sessions/"+id, nil)
		if response, err := http.DefaultClient.Do(request); err == nil {
			response.Body.Close()
		}
	})
	return &session{t: t, url: mockURL + "/__session/" + id}
}

// do sends a request to the session and returns the status and the decoded JSON body.
func (s *session) do(method, path string, headers map[string]string, body any) (int, map[string]any) {
	s.t.Helper()
	var payload bytes.Buffer
	if body != nil {
		_ = json.NewEncoder(&payload).Encode(body)
	}
	request, err := http.NewRequest(method, s.url+path, &payload)
	if err != nil {
		s.t.Fatal(err)
	}
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	for name, value := range headers {
		request.Header.Set(name, value)
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		s.t.Fatal(err)
	}
	defer response.Body.Close()
	decoded := map[string]any{}
	_ = json.NewDecoder(response.Body).Decode(&decoded)
	return response.StatusCode, decoded
}

func (s *session) clock(change map[string]any) {
	s.t.Helper()
	if status, body := s.do(http.MethodPost, "/__mock/clock", nil, change); status != http.StatusOK {
		s.t.Fatalf("POST /__mock/clock: %d %v", status, body)
	}
}

func TestRevokedVirtualKeyFailsAtTheGatewayAfterPropagation(t *testing.T) {
	t.Parallel()
	vars, s := env(t), newSession(t)
	gateway := map[string]string{"Authorization": "Bearer " + vars["REVOKIT_VK_SECRET"]}

	s.clock(map[string]any{"frozen": true}) // time moves only when the test says so
	status, body := s.do(http.MethodPost, "/api/gateway/v1/virtual-keys/"+vars["REVOKIT_VK_ID"]+"/revoke", map[string]string{"X-Auth-Token": vars["REVOKIT_PROJECT_KEY"]}, nil)
	if status != http.StatusOK || body["virtual_key"].(map[string]any)["status"] != "revoked" {
		t.Fatalf("revoke: %d %v", status, body)
	}

	s.clock(map[string]any{"advance_ms": 59_999})
	if status, _ := s.do(http.MethodGet, "/v1/models", gateway, nil); status != http.StatusOK {
		t.Fatalf("before propagation: %d, want 200", status)
	}
	s.clock(map[string]any{"advance_ms": 1})
	status, body = s.do(http.MethodGet, "/v1/models", gateway, nil)
	if status != http.StatusUnauthorized || body["error"].(map[string]any)["type"] != "virtual_key_revoked" {
		t.Fatalf("after propagation: %d %v, want 401 virtual_key_revoked", status, body)
	}
}

func TestAdminKeyRevokesAMemberKeyOnce(t *testing.T) {
	t.Parallel()
	vars, s := env(t), newSession(t)
	admin := map[string]string{"Authorization": "Bearer " + vars["REVOKIT_ADMIN_KEY"]}
	if status, body := s.do(http.MethodDelete, "/api/api-keys/"+vars["REVOKIT_MEMBER_KEY_ID"], admin, nil); status != http.StatusOK || body["success"] != true {
		t.Fatalf("first revoke: %d %v", status, body)
	}
	if status, _ := s.do(http.MethodDelete, "/api/api-keys/"+vars["REVOKIT_MEMBER_KEY_ID"], admin, nil); status != http.StatusConflict {
		t.Fatalf("second revoke: %d, want 409", status)
	}
}

func TestRevokedVineKeyFailsAtOnce(t *testing.T) {
	t.Parallel()
	vars, s := env(t), newSession(t)
	bearer := map[string]string{"Authorization": "Bearer " + vars["REVOKIT_VINE_KEY"]}
	detect := map[string]any{"url": "https://studio.example/"}
	if status, _ := s.do(http.MethodPost, "/api/v1/detect", bearer, detect); status != http.StatusOK {
		t.Fatalf("detect before revoke: %d", status)
	}
	if status, _ := s.do(http.MethodPost, "/api/v1/keys/"+vars["REVOKIT_VINE_KEY_ID"]+"/revoke", nil, nil); status != http.StatusOK {
		t.Fatalf("revoke: %d", status)
	}
	if status, _ := s.do(http.MethodPost, "/api/v1/detect", bearer, detect); status != http.StatusUnauthorized {
		t.Fatalf("detect after revoke: %d, want 401", status)
	}
}
