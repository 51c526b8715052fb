package sandbox

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// Server is the sandbox listening on a loopback address.
type Server struct {
	url     string
	handler *Handler
	srv     *http.Server
	once    sync.Once
	err     error
	done    chan struct{}
}

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves the
// sandbox until ctx is done or Close is called. It refuses any address that is
// not loopback: the sandbox accepts a published demo key and must not be
// reachable from the network.
func Start(ctx context.Context, addr string, opts Options) (*Server, error) {
	if err := checkLoopback(addr); err != nil {
		return nil, err
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: listen on %s: %w", addr, err)
	}
	if ip := ln.Addr().(*net.TCPAddr).IP; !ip.IsLoopback() { // "localhost" may resolve anywhere
		_ = ln.Close()
		return nil, fmt.Errorf("sandbox: %s: %w", ln.Addr(), ErrNotLoopback)
	}
	h := NewHandler(opts)
	s := &Server{
		url:     "http://" + ln.Addr().String(),
		handler: h,
		srv:     &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second},
		done:    make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.err = err
		}
	}()
	go func() {
		select {
		case <-ctx.Done():
			_ = s.Close()
		case <-s.done:
		}
	}()
	return s, nil
}

// ErrNotLoopback is returned by Start for an address other than loopback.
var ErrNotLoopback = errors.New("not a loopback address")

// checkLoopback accepts "localhost" and loopback IPs, with a port.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("sandbox: address %q: %w (use 127.0.0.1:PORT)", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("sandbox: address %q: %w; the sandbox only listens on 127.0.0.1, ::1 or localhost", addr, ErrNotLoopback)
	}
	return nil
}

// URL is the base URL to point a client at, e.g. http://127.0.0.1:8080.
func (s *Server) URL() string { return s.url }

// Handler is the API being served, for tests that inspect received leads.
func (s *Server) Handler() *Handler { return s.handler }

// Close stops the server, giving requests in flight a moment to finish. It
// is safe to call more than once.
func (s *Server) Close() error {
	s.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			_ = s.srv.Close()
		}
		<-s.done
	})
	return s.err
}
