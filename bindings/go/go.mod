module github.com/libziggeo/libziggeo/bindings/go

go 1.19
