"""The portal query language: parsed safely into an AST that each index compiles itself."""

from search.query.syntax import (
    FIELDS,
    And,
    Key,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    QuerySyntaxError,
    Word,
    parse_query,
)

__all__ = [
    "FIELDS",
    "And",
    "Key",
    "Near",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "QuerySyntaxError",
    "Word",
    "parse_query",
]
