"""Benchmarks: `make bench` runs them all and writes bench/results/*.json. Timing goals live here, not in tests."""
