"""The portal query language: parsed safely into an AST that each index compiles itself."""

from search.query.syntax import (
    FIELDS,
    And,
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
    "Node",
    "Not",
    "Or",
    "Phrase",
    "QuerySyntaxError",
    "Word",
    "parse_query",
]
