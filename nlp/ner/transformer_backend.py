"""Optional NER backend: a small BERT-style character encoder trained here (models/ner_transformer).

Needs the ``[transformers]`` extra (torch CPU build + transformers); the default install uses the spaCy backend.
Select it with ``JUANSHEN_NER_BACKEND=transformers``; the packaged artifact is read from
``JUANSHEN_NER_TRANSFORMER_DIR`` (nlp.settings; default models/ner_transformer/package). The model tags one BIO
label per character, so offsets are character offsets with no tokenizer alignment to get wrong.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nlp.ner.base import Span
from nlp.settings import ReviewSettings

if TYPE_CHECKING:  # torch is an optional dependency
    import torch

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PAD, UNK, CLS, SEP, MASK = range(len(SPECIALS))
# Break long texts after these characters first, so a window seldom cuts an entity in two.
BREAKS = "。；;！？!?\n，,、 "


def normalize_char(ch: str) -> str:
    """Full-width to half-width and lower case, one character in, one out (offsets must not move)."""
    if ch.isspace():
        return " "
    norm = unicodedata.normalize("NFKC", ch)
    if len(norm) != 1:
        return ch
    low = norm.lower()
    return low if len(low) == 1 else norm


class CharVocab:
    """One id per (normalised) character; unknown characters map to [UNK]."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self.tokens = list(tokens)
        self.index = {t: i for i, t in enumerate(self.tokens)}

    @classmethod
    def load(cls, path: Path) -> CharVocab:
        # One token per line; a space token is stored as the line "[SPACE]" so the file stays line-safe.
        lines = path.read_text(encoding="utf-8").split("\n")
        return cls([" " if t == "[SPACE]" else t for t in lines if t])

    def save(self, path: Path) -> None:
        path.write_text("\n".join("[SPACE]" if t == " " else t for t in self.tokens) + "\n", encoding="utf-8")

    def __len__(self) -> int:
        return len(self.tokens)

    def encode(self, text: str) -> list[int]:
        return [self.index.get(normalize_char(c), UNK) for c in text]


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """Split ``text`` into consecutive [start, end) pieces of at most ``size`` characters, preferring to cut at
    punctuation in the second half of a piece."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = max((text.rfind(b, start + size // 2, end) for b in BREAKS), default=-1)
            if cut >= 0:
                end = cut + 1
        out.append((start, end))
        start = end
    return out


def bio_labels(entity_labels: Iterable[str]) -> list[str]:
    labels = ["O"]
    for lab in sorted(set(entity_labels)):
        labels += [f"B-{lab}", f"I-{lab}"]
    return labels


def spans_to_bio(length: int, spans: Iterable[Span]) -> list[str]:
    tags = ["O"] * length
    for sp in spans:
        if sp.start >= sp.end or sp.end > length or any(t != "O" for t in tags[sp.start : sp.end]):
            continue  # overlapping or broken annotation: keep the first, BIO cannot hold both
        tags[sp.start] = f"B-{sp.label}"
        for i in range(sp.start + 1, sp.end):
            tags[i] = f"I-{sp.label}"
    return tags


def bio_to_spans(tags: Sequence[str], offset: int = 0) -> list[Span]:
    """Decode BIO tags; an I- tag that does not continue an entity of its type starts one (the usual lenient rule)."""
    spans: list[Span] = []
    label: str | None = None
    start = 0
    for i, tag in enumerate([*tags, "O"]):
        kind, _, lab = tag.partition("-")
        if label is not None and not (kind == "I" and lab == label):
            spans.append(Span(label, offset + start, offset + i))
            label = None
        if kind in ("B", "I") and label is None:
            label, start = lab, i
    return spans


class BioDecoder:
    """Best tag path over one tag layer in which every I-X follows B-X or I-X (per-character argmax leaves stray I-
    tags that become fragment entities). Used at run time and for the dev score that picks the training epoch."""

    def __init__(self, tags: Sequence[str]) -> None:
        import torch

        self.tags = list(tags)
        n = len(self.tags)
        blocked = float("-inf")
        self._allowed = torch.zeros(n, n)
        self._start = torch.zeros(n)
        for j, tag in enumerate(self.tags):
            if tag.startswith("I-"):
                self._start[j] = blocked
                for k, prev in enumerate(self.tags):
                    if prev[2:] != tag[2:] or prev == "O":
                        self._allowed[k, j] = blocked

    def viterbi(self, scores: torch.Tensor) -> list[str]:
        """``scores``: [characters, tags] log-probabilities of this layer."""
        if len(scores) == 0:
            return []
        score = scores[0] + self._start
        back = []
        for t in range(1, len(scores)):
            total = score.unsqueeze(1) + self._allowed  # [previous, current]
            score, arg = total.max(0)
            score = score + scores[t]
            back.append(arg)
        path = [int(score.argmax())]
        for arg in reversed(back):
            path.append(int(arg[path[-1]]))
        return [self.tags[i] for i in path[::-1]]

    def argmax(self, scores: torch.Tensor) -> list[str]:
        return [self.tags[i] for i in scores.argmax(-1).tolist()]


def tag_layers(config: Any) -> list[list[str]]:
    """The model's tag layers: one BIO tag set per layer, side by side in the logits. Two layers let a victim nest
    inside a stolen item (被害人王某某的手机), as the spaCy backend's two pipelines do; a package without the
    ``tag_layers`` entry has one layer, its id2label."""
    layers = getattr(config, "tag_layers", None)
    if layers:
        return [list(layer) for layer in layers]
    return [[config.id2label[i] for i in range(config.num_labels)]]


class TransformerNerBackend:
    """NerBackend over the packaged character BERT (config.json, vocab.txt, model.safetensors, meta.json)."""

    def __init__(self, package: Path | str | None = None, batch_size: int = 32, decode: str | None = None) -> None:
        import torch
        from safetensors.torch import load_file
        from transformers import BertConfig, BertForTokenClassification

        self.package = Path(package) if package else ReviewSettings().ner_transformer_dir
        if not (self.package / "model.safetensors").is_file():
            raise FileNotFoundError(
                f"transformers NER package missing at {self.package}; build it with `make -C models/ner_transformer`"
            )
        meta: dict[str, Any] = json.loads((self.package / "meta.json").read_text(encoding="utf-8"))
        self.name = "transformers-bert-small"
        self.version = str(meta.get("version", "0"))
        self.vocab = CharVocab.load(self.package / "vocab.txt")
        config = BertConfig.from_json_file(str(self.package / "config.json"))
        self.decoders = [BioDecoder(layer) for layer in tag_layers(config)]
        self.max_chars = config.max_position_embeddings - 2
        self.model = BertForTokenClassification(config)
        state = {k: v.float() for k, v in load_file(str(self.package / "model.safetensors")).items()}
        self.model.load_state_dict(state, strict=False)  # the pooler is unused and not shipped
        self.model.eval()
        self.batch_size = batch_size
        self._torch = torch
        self.decode = decode or str(meta.get("decode", "viterbi"))

    def _tag(self, pieces: list[str]) -> list[list[list[str]]]:
        """Per piece, one tag sequence per layer."""
        torch = self._torch
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))  # similar lengths: less padding
        out: list[list[list[str]]] = [[] for _ in pieces]
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                idx = order[b : b + self.batch_size]
                width = max(len(pieces[i]) for i in idx) + 2
                ids = torch.full((len(idx), width), PAD, dtype=torch.long)
                for row, i in enumerate(idx):
                    enc = [CLS, *self.vocab.encode(pieces[i]), SEP]
                    ids[row, : len(enc)] = torch.tensor(enc)
                logits = self.model(input_ids=ids, attention_mask=(ids != PAD).long()).logits
                offset = 0
                for decoder in self.decoders:
                    logp = torch.log_softmax(logits[..., offset : offset + len(decoder.tags)], -1)
                    offset += len(decoder.tags)
                    for row, i in enumerate(idx):
                        scores = logp[row, 1 : len(pieces[i]) + 1]
                        decode = decoder.viterbi if self.decode == "viterbi" else decoder.argmax
                        out[i].append(decode(scores))
        return out

    def predict(self, texts: list[str]) -> list[list[Span]]:
        pieces: list[str] = []
        where: list[tuple[int, int]] = []
        for t_i, text in enumerate(texts):
            for start, end in windows(text, self.max_chars):
                pieces.append(text[start:end])
                where.append((t_i, start))
        result: list[list[Span]] = [[] for _ in texts]
        for (t_i, start), layers in zip(where, self._tag(pieces), strict=True):
            for tags in layers:
                result[t_i].extend(bio_to_spans(tags, offset=start))
        return [sorted(set(r), key=lambda s: (s.start, s.end, s.label)) for r in result]


def load_backend(package: Path | str | None = None) -> TransformerNerBackend:
    """Entry point for backend selection (``JUANSHEN_NER_BACKEND=transformers``)."""
    return TransformerNerBackend(package)


def selected_backend_name() -> str:
    """Which NER backend the environment asks for: "spacy" (default) or "transformers" (nlp/ner/select.py)."""
    from nlp.ner.select import backend_name

    return backend_name()
