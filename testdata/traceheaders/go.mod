module example.com/traceheaders

go 1.26.0
