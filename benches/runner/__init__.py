"""The benchmark harness behind `make bench`: servers, clients, runs and the report."""
