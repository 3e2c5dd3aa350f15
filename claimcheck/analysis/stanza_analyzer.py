"""The stanza analyzer: stanza's Arabic tokens, lemmas, tags and dependency tree.

claimcheck splits sentences itself (the same split as the built-in analyzer, so both
analyzers see the same sentences) and gives stanza one document per sentence. stanza and
torch are imported only when a ``StanzaAnalyzer`` is made: they take seconds to load.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse

from ..models import Article, Sentence, Token
from .sentences import sentence_spans
from .text import normalize

LANG = "ar"
PROCESSORS = ("tokenize", "pos", "lemma", "depparse")


def _resources(folder: Path) -> dict:
    try:
        data = json.loads((folder / "resources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def model_status(dir: Path) -> dict:
    """Which Arabic models stanza would load from ``dir``, and whether all are there.

    Reads ``resources.json`` the way stanza does: the model that the ``default`` package
    names for each processor, plus the files it depends on (word vectors, character LMs).
    ``mwt`` is listed too when the tokenizer needs it (stanza's own PADT models do).
    """
    folder = Path(dir).expanduser()
    lang = _resources(folder).get(LANG)
    lang = lang if isinstance(lang, dict) else {}
    chosen = (lang.get("packages") or {}).get("default")
    if not isinstance(chosen, dict):
        chosen = lang.get("default_processors")
    chosen = chosen if isinstance(chosen, dict) else {}
    wanted = list(PROCESSORS)
    if "mwt" in chosen:
        wanted.insert(1, "mwt")
    processors = {}
    for proc in wanted:
        package = chosen.get(proc)
        path = folder / LANG / proc / f"{package}.pt" if package else None
        needs = lang.get(proc, {}).get(package, {}).get("dependencies", []) if package else []
        dep_paths = [folder / LANG / d["model"] / f"{d['package']}.pt" for d in needs if "model" in d]
        installed = path is not None and path.is_file() and all(p.is_file() for p in dep_paths)
        processors[proc] = {"installed": installed, "path": str(path) if path else None, "package": package}
    return {
        "dir": str(folder),
        "processors": processors,
        "ready": all(info["installed"] for info in processors.values()),
    }


def _network_reason(exc: Exception) -> str:
    """A one-line reason for a failed download (requests' messages run to several lines)."""
    response = getattr(exc, "response", None)
    request = getattr(exc, "request", None)
    url = getattr(response, "url", None) or getattr(request, "url", None)
    host = urlparse(url).hostname if url else None
    if response is not None and getattr(response, "status_code", None):
        return f"HTTP {response.status_code} from {url}"
    name = type(exc).__name__
    if host and name in ("ConnectionError", "ConnectTimeout", "ReadTimeout", "Timeout", "SSLError", "ProxyError"):
        return f"{name} reaching {host}"
    text = " ".join(str(exc).split())
    return f"{name}: {text[:200]}" if text else name


def download_models(dir: Path, package: str = "default") -> None:
    """Fetch stanza's Arabic tokenize/pos/lemma/depparse models (and what they need) into ``dir``.

    Any failure becomes a RuntimeError with a one-line reason, so the CLI shows a message,
    not a traceback.
    """
    folder = Path(dir).expanduser()
    try:
        import requests
        import stanza
    except ImportError as exc:
        raise RuntimeError(f"stanza is not installed ({exc}); install it with `pip install stanza==1.15.0`") from exc
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RuntimeError(f"cannot create {folder} ({exc.strerror or exc}); pass another --stanza-dir") from exc
    try:
        stanza.download(LANG, model_dir=str(folder), processors=",".join(PROCESSORS), package=package,
                        logging_level="WARN")
    except requests.RequestException as exc:
        raise RuntimeError(
            f"could not download the Arabic models from stanza's model hub ({_network_reason(exc)}); "
            "check the network or copy a stanza_resources folder and pass --stanza-dir"
        ) from exc
    except OSError as exc:  # after RequestException, which is also an OSError
        raise RuntimeError(f"could not write the models to {folder} ({exc.strerror or exc}); "
                           "pass a writable --stanza-dir") from exc
    except Exception as exc:  # unknown package, checksum mismatch, a resources file stanza cannot read
        raise RuntimeError(
            f"could not download the Arabic models from stanza's model hub ({_network_reason(exc)}); "
            "check the network or copy a stanza_resources folder and pass --stanza-dir"
        ) from exc


class StanzaAnalyzer:
    """Sentences from claimcheck's splitter; tokens, lemmas, UPOS and heads from stanza."""

    name = "stanza"

    def __init__(self, stanza_dir: str | Path | None = None) -> None:
        from .. import config

        self.dir = config.stanza_dir(str(stanza_dir) if stanza_dir else None)
        status = model_status(self.dir)
        if not status["ready"]:
            missing = ", ".join(p for p, info in status["processors"].items() if not info["installed"])
            raise RuntimeError(
                f"stanza's Arabic models are not installed in {self.dir} (missing: {missing}); "
                "run `claimcheck models download`, or pass --stanza-dir with a folder that has them"
            )
        try:
            import stanza
        except ImportError as exc:
            raise RuntimeError(f"stanza is not installed ({exc}); install it with `pip install stanza==1.15.0`") from exc
        try:
            self._nlp = stanza.Pipeline(
                LANG,
                dir=str(self.dir),
                processors=",".join(status["processors"]),
                download_method=None,  # never touch the network (or rewrite resources.json)
                use_gpu=False,
                tokenize_no_ssplit=True,  # one document = one claimcheck sentence
                logging_level="WARN",
            )
        except Exception as exc:  # models from another stanza version, a truncated download, ...
            raise RuntimeError(
                f"cannot load stanza's Arabic models from {self.dir} ({type(exc).__name__}: {exc}); "
                "run `claimcheck models download` to get models for this stanza version"
            ) from exc

    def sentences(self, article: Article) -> list[Sentence]:
        spans = sentence_spans(article)
        if not spans:
            return []
        text = article.text
        # One call for the whole article: stanza batches across documents.
        docs = self._nlp.bulk_process([text[s:e] for s, e, _, _ in spans])
        return [
            Sentence(s, e, _tokens(text, s, e, doc), story=story, headline=headline, parsed=True)
            for (s, e, story, headline), doc in zip(spans, docs)
        ]


def _tokens(text: str, start: int, end: int, doc) -> tuple[Token, ...]:
    """claimcheck tokens (one per stanza word) with offsets into the article text."""
    out: list[Token] = []
    cursor = start
    for sent in doc.sentences:
        base = len(out)  # stanza numbers words per sentence, from 1
        for tok in sent.tokens:
            s, e = _locate(text, tok, start, cursor, end)
            cursor = e
            words = tok.words
            pieces = [(s, e)] if len(words) == 1 else _split(text, s, e, [w.text for w in words])
            for word, (ws, we) in zip(words, pieces):
                out.append(Token(
                    text[ws:we], ws, we, normalize(text[ws:we]),
                    lemma=word.lemma, upos=word.upos,
                    head=base + word.head - 1 if word.head else -1,
                    deprel=word.deprel,
                ))
    return tuple(out)


def _locate(text: str, tok, offset: int, cursor: int, end: int) -> tuple[int, int]:
    """Where stanza's token lies in the article text, at or after ``cursor``."""
    s = e = None
    if tok.start_char is not None and tok.end_char is not None:
        s, e = offset + tok.start_char, offset + tok.end_char
        if s >= cursor and text[s:e] == tok.text:
            return s, e
    found = text.find(tok.text, cursor, end) if tok.text else -1
    if found >= 0:
        return found, found + len(tok.text)
    if s is not None and cursor <= s <= e <= end:
        return s, e  # stanza rewrote the token's text (e.g. <UNK> for an over-long token)
    while cursor < end and text[cursor].isspace():
        cursor += 1
    return cursor, min(end, cursor + len(tok.text))


def _split(text: str, s: int, e: int, words: list[str]) -> list[tuple[int, int]]:
    """Spans for the words of a multi-word token (e.g. و+قال, ل+ال+جيش written للجيش).

    Words whose spelling survives are matched from the left and from the right; the
    words in between (spelling changed by the expansion) share what is left.
    """
    left, lo = 0, s
    while left < len(words) and words[left] and text.startswith(words[left], lo) and lo + len(words[left]) <= e:
        lo += len(words[left])
        left += 1
    right, hi = len(words), e
    while right > left and words[right - 1] and text[lo:hi].endswith(words[right - 1]):
        hi -= len(words[right - 1])
        right -= 1
    spans = []
    pos = s
    for w in words[:left]:
        spans.append((pos, pos + len(w)))
        pos += len(w)
    middle = words[left:right]
    for k, w in enumerate(middle):
        rest_after = len(middle) - k - 1
        take = hi - pos if rest_after == 0 else min(len(w), max(0, hi - pos - rest_after))
        spans.append((pos, pos + take))
        pos += take
    pos = hi
    for w in words[right:]:
        spans.append((pos, pos + len(w)))
        pos += len(w)
    return spans
