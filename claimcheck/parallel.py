"""Per-article analysis in worker processes, or as tasks on a Dask cluster.

The analysis of one article (``pipeline.analyze_article``) needs nothing but the article and
the knowledge files, so it runs anywhere; only the writer in the calling process touches the
store. Every runner yields ``(article, claims)`` in input order, with a bounded number of
articles in flight, so memory stays bounded whatever the size of the input.

- ``jobs=1``: in this process.
- ``jobs=N``: a pool of N worker processes on this machine.
- ``cluster="tcp://HOST:8786"``: Dask ``distributed`` workers. Articles are sent as text
  (workers need no shared filesystem), in partitions of ``PARTITION`` articles; the user's
  knowledge overlays (``<config dir>/data/*.toml`` and ``CLAIMCHECK_DATA_DIR``) are sent with
  each task and installed on the worker before it analyses, so workers find what this
  machine finds.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis.analyzer import Analyzer, BuiltinAnalyzer, get_analyzer
from .models import Article

if TYPE_CHECKING:
    from .store.database import ClaimRecords

PARTITION = 32  # articles per Dask task: enough to amortise a task's overhead, small enough to spread
CHUNK = 8  # articles per message to a local worker process


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyzer_spec(analyzer: Analyzer | None):
    """What a worker needs to make the same analyzer: (name, stanza folder), or the analyzer itself."""
    if analyzer is None or type(analyzer) is BuiltinAnalyzer:
        return ("builtin", None)
    if getattr(analyzer, "name", None) == "stanza" and hasattr(analyzer, "dir"):
        return ("stanza", str(analyzer.dir))
    return analyzer  # another analyzer (tests, plugins): sent as it is, so it must pickle


def _make(spec) -> Analyzer:
    if isinstance(spec, tuple):
        return get_analyzer(*spec)
    return spec


# --- worker side ------------------------------------------------------------------------------

_worker_analyzer: Analyzer | None = None
_worker_spec = None


def _analyzer_for(spec) -> Analyzer:
    global _worker_analyzer, _worker_spec
    if _worker_analyzer is None or _worker_spec != spec:
        _worker_analyzer, _worker_spec = _make(spec), spec
    return _worker_analyzer


def _init_process(spec) -> None:
    _exit_with_parent()
    _analyzer_for(spec)


def _exit_with_parent() -> None:
    """End this worker when the process that started it (the ingest, or its fork server) is gone: a killed
    ingest leaves no orphans behind."""
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="claimcheck-parent-watch").start()


def analyze_chunk(articles: list[Article], spec=None) -> list[ClaimRecords]:
    """The claims of each article as the store writes them, with their blocking keys (runs in a worker)."""
    analyzer = _analyzer_for(spec if spec is not None else _worker_spec or ("builtin", None))
    return [_analysed(article, analyzer) for article in articles]


def _analysed(article: Article, analyzer: Analyzer) -> ClaimRecords:
    """Rows, not objects: the writer's work of turning claims into rows is done here, in parallel, and
    rows are smaller to send back."""
    from .pipeline import analyze_article
    from .store.database import claim_records

    return claim_records(analyze_article(article, analyzer))


# --- knowledge overlays for remote workers ------------------------------------------------------


def knowledge_overlays() -> list[tuple[str, str]]:
    """(file name, text) of every knowledge overlay this machine reads, in the order it reads them."""
    from .knowledge import loader

    out = []
    for n, folder in enumerate(loader._extra_dirs()):
        for path in sorted(folder.glob("*.toml")):
            out.append((f"{n}/{path.name}", path.read_text(encoding="utf-8")))
    return out


_installed_overlays: str | None = None


def install_overlays(overlays: list[tuple[str, str]]) -> None:
    """Make this (worker) process read exactly ``overlays`` as its knowledge overlays.

    They are written to a folder of their own (named by their digest), the process's config folder
    is pointed at an empty one so that the worker machine's own files do not mix in, and every cached
    piece of knowledge is dropped when the overlays changed since the last task.
    """
    global _installed_overlays
    digest = hashlib.sha256(repr(overlays).encode("utf-8")).hexdigest()[:16]
    if digest == _installed_overlays:
        return
    import tempfile

    base = Path(tempfile.gettempdir()) / f"claimcheck-overlays-{os.getuid() if hasattr(os, 'getuid') else 0}" / digest
    (base / "config" / "data").mkdir(parents=True, exist_ok=True)
    (base / "extra").mkdir(parents=True, exist_ok=True)
    for name, text in overlays:
        index, _, filename = name.partition("/")
        folder = base / "config" / "data" if index == "0" else base / "extra"
        (folder / filename).write_text(text, encoding="utf-8")
    os.environ["CLAIMCHECK_CONFIG_DIR"] = str(base / "config")
    os.environ["CLAIMCHECK_DATA_DIR"] = str(base / "extra")
    clear_caches()
    _installed_overlays = digest


def clear_caches() -> None:
    """Drop every cache of claimcheck's modules (knowledge read from files, and what is built from it)."""
    import sys

    global _worker_analyzer
    _worker_analyzer = None
    for name, module in list(sys.modules.items()):
        if not (name == "claimcheck" or name.startswith("claimcheck.")) or module is None:
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()


def analyze_partition(articles: list[Article], spec, overlays: list[tuple[str, str]]) -> list[ClaimRecords]:
    """A Dask task: the knowledge of the machine that sent it, then the claims of each article."""
    install_overlays(overlays)
    return analyze_chunk(articles, spec)


# --- runners (the calling side) ----------------------------------------------------------------


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_many(articles: Iterable[Article], analyzer: Analyzer | None = None, *, jobs: int = 1,
                 cluster: str | None = None) -> Iterator[tuple[Article, ClaimRecords]]:
    """``(article, its claims as records)`` for each article, in input order."""
    if cluster:
        yield from _on_dask(articles, analyzer_spec(analyzer), cluster)
    elif jobs <= 1:
        analyzer = analyzer or BuiltinAnalyzer()
        for article in articles:
            yield article, _analysed(article, analyzer)
    else:
        yield from _in_processes(articles, analyzer_spec(analyzer), jobs)


def _ordered(submit, chunks: Iterable[list[Article]], in_flight: int) -> Iterator[tuple[Article, ClaimRecords]]:
    """Submit chunks, at most ``in_flight`` pending, and yield their results in input order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        while len(pending) >= in_flight:
            done_chunk, future = pending.popleft()
            yield from zip(done_chunk, future.result())
    while pending:
        done_chunk, future = pending.popleft()
        yield from zip(done_chunk, future.result())


def _start_method() -> str | None:
    """fork when this process runs one thread: workers then start at once, with its modules and knowledge
    already loaded. With other threads (a progress bar, a UI, a Dask client, PyTorch's pools) a forked child
    could inherit a lock held by one of them and hang: forkserver then."""
    import multiprocessing
    import threading

    import sys

    methods = multiprocessing.get_all_start_methods()
    # PyTorch (stanza) runs native thread pools that threading does not count: a fork after it loaded
    # can hang the child on a lock one of them held.
    if "fork" in methods and threading.active_count() == 1 and "torch" not in sys.modules:
        return "fork"
    return "forkserver" if "forkserver" in methods else None


def _in_processes(articles: Iterable[Article], spec, jobs: int) -> Iterator[tuple[Article, ClaimRecords]]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_start_method())
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_process, initargs=(spec,)) as pool:
        yield from _ordered(lambda chunk: pool.submit(analyze_chunk, chunk), _chunks(articles, CHUNK), jobs * 12)


def _on_dask(articles: Iterable[Article], spec, address: str) -> Iterator[tuple[Article, ClaimRecords]]:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - a dependency
        raise RuntimeError(f"--cluster needs dask.distributed ({exc}); pip install 'dask[distributed]'") from exc
    overlays = knowledge_overlays()
    with Client(address, set_as_default=False) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        [spec_future] = client.scatter([spec], broadcast=True)
        [overlay_future] = client.scatter([overlays], broadcast=True)
        yield from _ordered(
            lambda chunk: client.submit(analyze_partition, chunk, spec_future, overlay_future, pure=False),
            _chunks(articles, PARTITION), workers * 3)
