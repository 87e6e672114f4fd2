module example.com/revproxy

go 1.26.0
