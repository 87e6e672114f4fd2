package dial

import (
	"context"

	"google.golang.org/grpc/stats"
)

type custom struct{}

func (custom) TagRPC(ctx context.Context, _ *stats.RPCTagInfo) context.Context   { return ctx }
func (custom) HandleRPC(context.Context, stats.RPCStats)                         {}
func (custom) TagConn(ctx context.Context, _ *stats.ConnTagInfo) context.Context { return ctx }
func (custom) HandleConn(context.Context, stats.ConnStats)                       {}
