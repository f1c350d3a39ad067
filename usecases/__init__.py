"""Use cases: what the HTTP routes and the CLI both call."""
