"""The FastAPI service and the `SearchIndex` protocol with its two implementations."""
