"""Knowledge that is data, not code: cue words, actors, outlets, chrome, places, event words.

Each kind lives in ``claimcheck/data/<kind>.toml``. A user extends a kind for their own
beat by dropping a file of the same shape into ``<config dir>/data/<kind>*.toml`` (or a
folder named by ``CLAIMCHECK_DATA_DIR``); its lists are appended to the built-in ones.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .. import config


def _extra_dirs() -> list[Path]:
    dirs = [config.config_dir() / "data"]
    if os.environ.get("CLAIMCHECK_DATA_DIR"):
        dirs.append(Path(os.environ["CLAIMCHECK_DATA_DIR"]))
    return [d for d in dirs if d.is_dir()]


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + value
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = _merge(dict(base[key]), value)
        else:
            base[key] = value
    return base


@lru_cache(maxsize=None)
def load(kind: str) -> dict[str, Any]:
    """The merged contents of the ``kind`` data files."""
    text = resources.files("claimcheck.data").joinpath(f"{kind}.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for folder in _extra_dirs():
        for path in sorted(folder.glob(f"{kind}*.toml")):
            try:
                data = _merge(data, tomllib.loads(path.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as exc:
                raise ValueError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
    return data
