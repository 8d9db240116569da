module github.com/libziggeo/libziggeo/benches/go

go 1.19

require github.com/libziggeo/libziggeo/bindings/go v0.0.0

replace github.com/libziggeo/libziggeo/bindings/go => ../../bindings/go
