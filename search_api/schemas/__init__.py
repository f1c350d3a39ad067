"""Request and response schemas of the HTTP API, by area (the OpenAPI document is generated
from these): common (errors, health), search, entities, graph."""
