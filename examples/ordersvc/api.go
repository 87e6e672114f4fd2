package main

import (
	"encoding/json"
	"net/http"

	"google.golang.org/grpc"
)

type api struct {
	inventory *inventoryClient
	payments  *grpc.ClientConn
}

func (a *api) getOrder(w http.ResponseWriter, r *http.Request) {
	s, err := a.inventory.legacyStock(r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	json.NewEncoder(w).Encode(s)
}

func (a *api) createOrder(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
}
