module example.com/wholesale

go 1.26.0
