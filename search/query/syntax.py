"""The query syntax of `/api/v1/search` (documented in docs/QUERY_SYNTAX.md).

    锂离子电池 热失控              both words (AND is implied)
    电池 AND (回收 OR 再生)        boolean operators, upper case, with parentheses
    电池 NOT 燃料   /   电池 -燃料   exclusion
    "固态电解质"                   exact phrase (consecutive characters)
    title:电池  申请人:比亚迪       field scope; also title:"...", title:(a OR b)
    "锂电池 隔膜"~5                 proximity: the words within 5 tokens of each other
    number:CN115000001A  ipc:H01M10  owner:国家电网   number, IPC prefix, current owner
    CN115000001A  ZL202210000001.0  a bare patent number also matches the number field

Nothing from the user ever reaches an engine as query syntax: the parser builds an AST and each
index compiles that AST into its own structures with the words as parameters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 500
MAX_DEPTH = 8
MAX_LEAVES = 32

# Public field names (and their Chinese aliases) -> index field.
FIELDS: dict[str, str] = {
    "title": "title",
    "标题": "title",
    "名称": "title",
    "abstract": "abstract",
    "摘要": "abstract",
    "claims": "claims",
    "权利要求": "claims",
    "主权项": "claims",
    "description": "description",
    "说明书": "description",
    "applicant": "applicants",
    "申请人": "applicants",
    "inventor": "inventors",
    "发明人": "inventors",
    "all": "all",
    "全文": "all",
    # Not text fields: each makes its own leaf (exact number keys, IPC prefix, owner).
    "number": "number",
    "号码": "number",
    "公开号": "number",
    "申请号": "number",
    "ipc": "ipc",
    "分类号": "ipc",
    "owner": "owner",
    "权利人": "owner",
}
KEY_FIELDS = ("number", "ipc", "owner")
MAX_SLOP = 50
# A bare word that looks like a patent number: optional CN/ZL, 7+ digits, a dot or kind code.
_NUMBER_LIKE = re.compile(r"^(?:[A-Za-z]{2})?\d{7,13}(?:[.．]?[\dXx])?(?:[A-Za-z]\d?)?$")
_OPERATORS = {"AND", "OR", "NOT"}
_SPECIAL = set('()":')


class QuerySyntaxError(ValueError):
    """Bad syntax; `position` is the 0-based character offset the problem was found at."""

    code = "QUERY_SYNTAX"

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at position {position})")
        self.message = message
        self.position = position


@dataclass(frozen=True)
class Word:
    text: str
    field: str = "all"
    # Set on a word the synonym dictionary added: the query word it expands.
    expansion_of: str | None = None


@dataclass(frozen=True)
class Near:
    """`"a b"~N`: every word of `words` within `slop` tokens of the others, in any order."""

    words: tuple[str, ...]
    slop: int
    field: str = "all"


@dataclass(frozen=True)
class Key:
    """An exact-value leaf: `number:` (patent number in any form), `ipc:` (prefix), `owner:`."""

    field: str
    value: str


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str = "all"


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Word | Phrase | Near | Key | And | Or | Not
Leaf = Word | Phrase | Near | Key


@dataclass(frozen=True)
class _Token:
    kind: str  # WORD, PHRASE, LPAREN, RPAREN, AND, OR, NOT, MINUS, FIELD, END
    text: str
    position: int


def parse_query(text: str) -> Node:
    if len(text) > MAX_QUERY_LENGTH:
        raise QuerySyntaxError(f"query longer than {MAX_QUERY_LENGTH} characters", MAX_QUERY_LENGTH)
    parser = _Parser(_tokenize(text))
    node = parser.parse()
    if _count_leaves(node) > MAX_LEAVES:
        raise QuerySyntaxError(f"more than {MAX_LEAVES} words or phrases", 0)
    return node


def leaves(node: Node) -> list[Leaf]:
    """Every leaf that is not under a NOT (what a hit is expected to contain)."""
    if isinstance(node, Word | Phrase | Near | Key):
        return [node]
    if isinstance(node, Not):
        return []
    return [leaf for child in node.children for leaf in leaves(child)]


def _count_leaves(node: Node) -> int:
    if isinstance(node, Word | Phrase | Near | Key):
        return 1
    if isinstance(node, Not):
        return _count_leaves(node.child)
    return sum(_count_leaves(c) for c in node.children)


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace() or char == "\u3000":
            i += 1
        elif char in "(（":
            tokens.append(_Token("LPAREN", char, i))
            i += 1
        elif char in ")）":
            tokens.append(_Token("RPAREN", char, i))
            i += 1
        elif char in '"“”':
            end = _closing_quote(text, i)
            slop = re.match(r"[~～](\d{1,3})", text[end + 1 :])
            if slop is None:
                tokens.append(_Token("PHRASE", text[i + 1 : end], i))
                i = end + 1
            else:
                tokens.append(_Token("NEAR", f"{slop.group(1)} {text[i + 1 : end]}", i))
                i = end + 1 + slop.end()
        elif char == "-" and not _continues_word(tokens, i):
            tokens.append(_Token("MINUS", char, i))
            i += 1
        else:
            i = _word(text, i, tokens)
    tokens.append(_Token("END", "", len(text)))
    return _numbers_joined(tokens)


def _numbers_joined(tokens: list[_Token]) -> list[_Token]:
    """`CN 115000001 A` as people copy it from a document is one number, not three words."""
    joined: list[_Token] = []
    i = 0
    while i < len(tokens):
        for width in (3, 2):
            run = tokens[i : i + width]
            if len(run) == width and _spaced_number(run):
                joined.append(_Token("WORD", "".join(t.text for t in run), run[0].position))
                i += width
                break
        else:
            joined.append(tokens[i])
            i += 1
    return joined


def _spaced_number(run: list[_Token]) -> bool:
    if any(t.kind != "WORD" for t in run):
        return False
    digits = [t for t in run if any(c.isdigit() for c in t.text)]
    short = [t for t in run if t not in digits]
    return (
        len(digits) == 1
        and all(len(t.text) <= 2 and t.text.isalpha() for t in short)
        and looks_like_number("".join(t.text for t in run))
    )


def _continues_word(tokens: list[_Token], position: int) -> bool:
    # "5G-NR" is one word; "-燃料" after a space is an exclusion.
    return (
        bool(tokens)
        and tokens[-1].kind == "WORD"
        and tokens[-1].position + len(tokens[-1].text) == position
    )


def _closing_quote(text: str, start: int) -> int:
    for j in range(start + 1, len(text)):
        if text[j] in '"“”':
            return j
    raise QuerySyntaxError("unterminated phrase: a quote is not closed", start)


def _word(text: str, start: int, tokens: list[_Token]) -> int:
    j = start
    while j < len(text) and not text[j].isspace() and text[j] not in '()（）"“”:：':
        j += 1
    word = text[start:j]
    if j < len(text) and text[j] in ":：":
        if word.lower() not in FIELDS and word not in FIELDS:
            raise QuerySyntaxError(
                f"unknown field '{word}'; known: {', '.join(sorted(set(FIELDS)))}", start
            )
        tokens.append(_Token("FIELD", FIELDS.get(word.lower(), FIELDS.get(word, "")), start))
        return j + 1
    if not word:
        raise QuerySyntaxError(f"unexpected '{text[start]}'", start)
    kind = word if word in _OPERATORS else "WORD"
    tokens.append(_Token(kind, word, start))
    return j


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self._tokens = tokens
        self._i = 0
        self._depth = 0

    def _peek(self) -> _Token:
        return self._tokens[self._i]

    def _next(self) -> _Token:
        token = self._tokens[self._i]
        self._i += 1
        return token

    def parse(self) -> Node:
        if self._peek().kind == "END":
            raise QuerySyntaxError("empty query", 0)
        node = self._or("all")
        token = self._peek()
        if token.kind != "END":
            raise QuerySyntaxError(f"unexpected '{token.text}'", token.position)
        return node

    def _or(self, field: str) -> Node:
        children = [self._and(field)]
        while self._peek().kind == "OR":
            self._next()
            children.append(self._and(field))
        return children[0] if len(children) == 1 else Or(tuple(children))

    def _and(self, field: str) -> Node:
        children = [self._unary(field)]
        while self._peek().kind not in ("OR", "RPAREN", "END"):
            if self._peek().kind == "AND":
                self._next()
            children.append(self._unary(field))
        return children[0] if len(children) == 1 else And(tuple(children))

    def _unary(self, field: str) -> Node:
        token = self._peek()
        if token.kind in ("NOT", "MINUS"):
            self._next()
            return Not(self._unary(field))
        return self._primary(field)

    def _primary(self, field: str) -> Node:
        token = self._next()
        if field in KEY_FIELDS:
            return self._key(token, field)
        if token.kind == "WORD":
            return _word_or_number(token.text, field)
        if token.kind == "PHRASE":
            if not token.text.strip():
                raise QuerySyntaxError("empty phrase", token.position)
            return Phrase(token.text.strip(), field)
        if token.kind == "NEAR":
            return _near(token, field)
        if token.kind == "FIELD":
            if field != "all":
                raise QuerySyntaxError("a field inside a field scope", token.position)
            if self._peek().kind in ("END", "RPAREN", "AND", "OR"):
                raise QuerySyntaxError("a field needs a word, phrase or group", token.position)
            return self._unary(token.text)
        if token.kind == "LPAREN":
            return self._group(token, field)
        if token.kind == "END":
            raise QuerySyntaxError("the query ends where a word was expected", token.position)
        raise QuerySyntaxError(f"unexpected '{token.text}'", token.position)

    def _key(self, token: _Token, field: str) -> Node:
        if token.kind in ("WORD", "PHRASE") and token.text.strip():
            return Key(field, token.text.strip())
        if token.kind == "LPAREN":
            return self._group(token, field)
        raise QuerySyntaxError(f"{field}: needs a value", token.position)

    def _group(self, opening: _Token, field: str) -> Node:
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise QuerySyntaxError(f"more than {MAX_DEPTH} nested groups", opening.position)
        if self._peek().kind == "RPAREN":
            raise QuerySyntaxError("empty group", opening.position)
        node = self._or(field)
        closing = self._next()
        if closing.kind != "RPAREN":
            raise QuerySyntaxError("a '(' is not closed", opening.position)
        self._depth -= 1
        return node


def looks_like_number(text: str) -> bool:
    folded = unicodedata.normalize("NFKC", text)
    return bool(_NUMBER_LIKE.match(folded)) and sum(c.isdigit() for c in folded) >= 7


def _word_or_number(text: str, field: str) -> Node:
    # A bare patent number finds the patent by its number (ranked first) and every text that
    # mentions it (a contract citing it).
    if field == "all" and looks_like_number(text):
        return Or((Key("number", text), Word(text, field)))
    return Word(text, field)


def _near(token: _Token, field: str) -> Near:
    slop_text, _, body = token.text.partition(" ")
    words = tuple(body.split())
    if len(words) < 2:
        raise QuerySyntaxError('proximity needs two or more words: "a b"~5', token.position)
    slop = int(slop_text)
    if slop > MAX_SLOP:
        raise QuerySyntaxError(f"proximity distance above {MAX_SLOP}", token.position)
    return Near(words, slop, field)
