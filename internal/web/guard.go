package web

import (
	"crypto/subtle"
	"net"
	"net/http"
	"net/url"
	"strings"
)

const (
	tokenCookie = "budgetdoc_token"
	csrfCookie  = "budgetdoc_csrf"
)

// guard puts the server's checks in front of every route: the Host (on
// loopback), the token (off loopback), a path without traversal, and the
// Origin of a form post. The CSRF token itself is checked where the form is
// read.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "same-origin") // "no-referrer" would make Chrome send Origin: null with our own posts
		if s.opts.LoopbackOnly && !loopbackHost(r.Host) {
			http.Error(w, "只接受本机地址的访问", http.StatusForbidden)
			return
		}
		if s.opts.Token != "" && !s.tokenValid(w, r) {
			http.Error(w, "需要口令：请使用启动时显示的完整地址（含 token）", http.StatusUnauthorized)
			return
		}
		if traversal(r) {
			http.Error(w, "无效的路径", http.StatusBadRequest)
			return
		}
		if r.Method == http.MethodPost && !sameOrigin(r) {
			http.Error(w, "拒绝来自其他网站的提交", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// tokenValid accepts the token from the Authorization header, the cookie,
// or the query (which then sets the cookie, so links need not carry it).
func (s *Server) tokenValid(w http.ResponseWriter, r *http.Request) bool {
	same := func(v string) bool {
		return v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(s.opts.Token)) == 1
	}
	if auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && same(auth) {
		return true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && same(c.Value) {
		return true
	}
	if same(r.URL.Query().Get("token")) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.opts.Token, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode})
		return true
	}
	return false
}

// traversal reports a request whose path or query holds a parent reference,
// an absolute path or a backslash: no route takes one, so it is an attack or
// a broken link, and either way a clear 400.
func traversal(r *http.Request) bool {
	suspicious := func(v string) bool {
		return strings.Contains(v, "..") || strings.ContainsAny(v, "\\\x00") || strings.HasPrefix(v, "/")
	}
	raw := r.URL.EscapedPath()
	if p, err := url.PathUnescape(raw); err != nil || strings.Contains(p, "..") || strings.ContainsAny(p, "\\\x00") {
		return true
	}
	for _, vs := range r.URL.Query() {
		for _, v := range vs {
			if suspicious(v) {
				return true
			}
		}
	}
	return false
}

// sameOrigin refuses a post whose Origin (or, without one, Referer) names
// another site. Browsers send Origin with every form post.
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		origin = r.Header.Get("Referer")
	}
	if origin == "" || origin == "null" {
		return origin == "" // a non-browser client; the CSRF token still applies
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// csrfToken returns the browser's CSRF token, setting the cookie when the
// browser has none yet. Forms carry it in a hidden field; a post is
// accepted only when field and cookie agree (double submit), which a page
// on another site cannot arrange.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && idPattern.MatchString(c.Value) {
		return c.Value
	}
	token := newID()
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode})
	return token
}

func (s *Server) csrfValid(r *http.Request, field string) bool {
	c, err := r.Cookie(csrfCookie)
	return err == nil && field != "" && subtle.ConstantTimeCompare([]byte(c.Value), []byte(field)) == 1
}

// formCSRF checks the CSRF field of an url-encoded form post.
func (s *Server) formCSRF(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil || !s.csrfValid(r, r.PostForm.Get("csrf")) {
		http.Error(w, "表单已过期，请刷新页面后重试", http.StatusForbidden)
		return false
	}
	return true
}
