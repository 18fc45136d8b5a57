"""Saved SPARQL queries (*.rq, grlc-style headers) and the quality checks the tests run (checks/)."""
