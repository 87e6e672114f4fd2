module example.com/gcle2e

go 1.22
