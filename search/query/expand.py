"""Query-time synonym expansion: a query word that is a term of the technical dictionary also
matches the term's other spellings (锂电池 finds 锂离子电池). Phrases, proximity and exact-value
leaves are taken as written; a word is expanded only when it is a whole dictionary term, so
乙醇 is never found inside 乙醇胺."""

from __future__ import annotations

from search.query.syntax import And, Node, Not, Or, Word
from search.synonyms import SynonymDictionary

# Per query word, so that a short query cannot blow up into dozens of leaves.
MAX_EXPANSIONS_PER_WORD = 4


def expand_synonyms(node: Node, dictionary: SynonymDictionary) -> Node:
    if isinstance(node, Word) and node.expansion_of is None:
        alternatives = dictionary.expansions(node.text)[:MAX_EXPANSIONS_PER_WORD]
        if not alternatives:
            return node
        expanded = [Word(a, node.field, expansion_of=node.text) for a in alternatives]
        return Or((node, *expanded))
    if isinstance(node, Not):
        return Not(expand_synonyms(node.child, dictionary))
    if isinstance(node, And):
        return And(tuple(expand_synonyms(c, dictionary) for c in node.children))
    if isinstance(node, Or):
        return Or(tuple(expand_synonyms(c, dictionary) for c in node.children))
    return node


def expansions_of(node: Node | None) -> dict[str, list[str]]:
    """Query word -> the spellings it was expanded to."""
    found: dict[str, list[str]] = {}
    if isinstance(node, Word) and node.expansion_of is not None:
        found.setdefault(node.expansion_of, []).append(node.text)
    elif isinstance(node, Not):
        found.update(expansions_of(node.child))
    elif isinstance(node, And | Or):
        for child in node.children:
            for term, spellings in expansions_of(child).items():
                known = found.setdefault(term, [])
                known.extend(s for s in spellings if s not in known)
    return found
