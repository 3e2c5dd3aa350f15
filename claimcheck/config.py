"""Where claimcheck keeps things, and the settings a user can change.

Precedence everywhere: command-line option, then environment variable, then the
config file (``config.toml`` in the user's config folder), then the default.
"""

from __future__ import annotations

import getpass
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import platformdirs

APP = "claimcheck"


def data_dir() -> Path:
    return Path(os.environ.get("CLAIMCHECK_HOME") or platformdirs.user_data_dir(APP))


def config_dir() -> Path:
    return Path(os.environ.get("CLAIMCHECK_CONFIG_DIR") or platformdirs.user_config_dir(APP))


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'claimcheck.db'}"


def db_url(option: str | None = None) -> str:
    return option or os.environ.get("CLAIMCHECK_DB") or load_settings().db or default_db_url()


def cluster(option: str | None = None) -> str | None:
    """The Dask scheduler for ingest and analyze: --cluster, CLAIMCHECK_CLUSTER, ``cluster =`` in the config; None: this machine."""
    return option or os.environ.get("CLAIMCHECK_CLUSTER") or load_settings().cluster


def stanza_dir(option: str | None = None) -> Path:
    """The stanza resources folder: --stanza-dir, CLAIMCHECK_STANZA_DIR, STANZA_RESOURCES_DIR, stanza's default."""
    chosen = option or os.environ.get("CLAIMCHECK_STANZA_DIR") or os.environ.get("STANZA_RESOURCES_DIR")
    return Path(chosen or load_settings().stanza_dir or Path.home() / "stanza_resources").expanduser()


def reviewer(option: str | None = None) -> str:
    if option:
        return option
    if os.environ.get("CLAIMCHECK_REVIEWER"):
        return os.environ["CLAIMCHECK_REVIEWER"]
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "reviewer"


@dataclass(frozen=True)
class ConflictSettings:
    min_confidence: float = 0.5  # shown by default: the lowest at which the seeds keep P and R of 0.9 (README, Measuring)
    store_from: float = 0.3  # kept in the store down to this confidence, so a reviewer can look lower (--min-confidence)
    window_days: int = 3  # claims further apart than this are about different engagements
    count_ratio: float = 10.0  # counts further apart than this ratio are about different events, not disputed ones
    estimate_tolerance: float = 0.25  # an estimate ("نحو 20") agrees with counts within this share of it
    undated_pool: int = 200  # undated claims of one event type and area compared across stories, at most


@dataclass(frozen=True)
class Settings:
    db: str | None = None
    stanza_dir: str | None = None
    cluster: str | None = None  # a Dask scheduler (tcp://HOST:8786) that ingest and analyze send articles to
    organisation: str = "claimcheck"
    organisation_url: str | None = None
    review_url: str | None = None  # where the organisation publishes reviews: a review's url is this + the claim id
    # One article larger than this is refused (never cut): news is far smaller, and a much larger
    # file is usually a dump or the wrong file. A collection may be larger; each record may not.
    max_article_mb: float = 5.0
    conflicts: ConflictSettings = field(default_factory=ConflictSettings)


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    path = config_dir() / "config.toml"
    if not path.exists():
        return Settings()
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    conflicts = ConflictSettings(**raw.get("conflicts", {}))
    export = raw.get("export", {})
    return Settings(
        db=raw.get("db"),
        stanza_dir=raw.get("stanza_dir"),
        cluster=raw.get("cluster"),
        organisation=export.get("organisation", "claimcheck"),
        organisation_url=export.get("organisation_url"),
        review_url=export.get("review_url"),
        max_article_mb=float(raw.get("ingest", {}).get("max_article_mb", Settings.max_article_mb)),
        conflicts=conflicts,
    )
