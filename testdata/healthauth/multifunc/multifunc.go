// Package multifunc builds routers across several functions.
package multifunc

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

func health(w http.ResponseWriter, r *http.Request) {}

func requireAuth(next http.Handler) http.Handler { return next }

func ginAuth() gin.HandlerFunc { return func(c *gin.Context) { c.Next() } }

// routes is called from main with the router.
func routes(r chi.Router) {
	r.Get("/healthz", health) // want `behind auth middleware requireAuth`
}

func main() {
	r := chi.NewRouter()
	r.Use(requireAuth)
	routes(r)
	http.ListenAndServe(":8080", r)
}

// newEngine returns a router built here; the caller adds the health route
// after Use.
func newEngine() *gin.Engine {
	e := gin.New()
	e.Use(ginAuth())
	return e
}

func startGin() {
	e := newEngine()
	e.GET("/readyz", func(c *gin.Context) {}) // want `behind auth middleware ginAuth`
	e.Run()
}

// Health registered in a helper before the caller's Use: not flagged.
func registerProbes(e *gin.Engine) {
	e.GET("/livez", func(c *gin.Context) {})
}

func startGin2() {
	e := gin.New()
	registerProbes(e)
	e.Use(ginAuth())
	e.GET("/users", func(c *gin.Context) {})
}

// Routers in struct fields, used by methods.
type Server struct {
	router *gin.Engine
	mux    *http.ServeMux
}

func NewServer() *Server {
	s := &Server{router: gin.New(), mux: http.NewServeMux()}
	s.router.Use(ginAuth())
	s.routes()
	s.plainRoutes()
	return s
}

func (s *Server) routes() {
	s.router.GET("/health", func(c *gin.Context) {}) // want `behind auth middleware ginAuth`
}

func (s *Server) plainRoutes() {
	s.mux.HandleFunc("/healthz", health)
}

// handler returns the mux wrapped in auth.
func (s *Server) handler() http.Handler {
	return requireAuth(s.mux)
}

// A helper registering health on a public router and an authenticated one
// is flagged only where every call is behind auth.
func addHealth(r chi.Router) {
	r.Get("/ping", health)
}

func twoRouters() {
	public := chi.NewRouter()
	private := chi.NewRouter()
	private.Use(requireAuth)
	addHealth(public)
	addHealth(private)
}
