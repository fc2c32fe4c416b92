"""The one cache of everything computed from the loaded programme, in two tiers with the same
data version and the same namespaces and keys:

- **in memory** (`versioned_cache`): whole pages, paths, the search index's terms, the
  municipality name lookup, map SVGs, HSDS tables: Python objects in each worker's memory;
- **on disk, shared** (`versioned_cache.shared`): rendered PDFs (the service maps, the area
  overview, the programme document): bytes in files that every worker and process reads, that
  survive a restart, and that are rendered once per data version, not once per worker.

**Bound to the data version.** Every entry is stored under the version of the data set it was
computed from (`core.dataversion`: one provider, registered by the programme app, read once per
request by the first middleware). When a new data set is loaded, the first reader sees a new
version: the memory tier is emptied, the disk tier starts a new folder and removes the older
ones, and each value is computed again on demand. Nothing is ever served from another data set,
and nothing needs to be invalidated by hand. Without a loaded data set nothing is kept.

**Failures are never cached.** An exception raised by `compute` propagates and nothing is stored
in either tier, so a failure is retried by the next request.

**Memory tier.** An in-process LRU per worker: values are kept as Python objects (no pickling on
each hit, which Django's LocMem cache would do); each namespace holds at most its own number of
entries (`NAMESPACE_LIMITS`, default `DEFAULT_LIMIT`), least recently used go first. Two threads
that miss the same key at once may both compute it (these values take milliseconds); the later
result wins.

**Disk tier** (`SharedTier`): `<CACHE_DIR>/<version>/<namespace>/<key>`, where `<version>` is
the data version's publication time and a digest of the version and the code's release
(`core.httpcache.release`), so that new templates never serve a PDF drawn by the old ones. A
file is written whole to a temporary name and renamed (a reader sees the old state or the whole
file, never half of it). Each key has a lock file (`flock`): whoever misses first renders while
the others, in any worker or process, wait and then read its file, so a PDF is never rendered
twice at once (`fill` is the warm-up's non-waiting variant: it leaves a key someone else is
rendering to them). A file that cannot be written is logged and the bytes still returned. The
first process to create a version's folder removes the folders of the versions published before
it (never newer ones, which a worker still finishing a request of the old version could
otherwise remove), and the warm-up removes every other version's folder (`sweep`), so disk use
stays at about one data version's files. KOTOKARTTA_CACHE_DIR (default
`<KOTOKARTTA_VAR_DIR>/cache`) must be one folder shared by the web workers and `kotokartta map
--warm`.

Why not Django's cache framework for the disk tier: its file cache pickles every value on each
read and write (these are PDFs of hundreds of kilobytes), has no lock that keeps two processes
from computing the same value, and its versions are part of the key, so an old data version's
files stay until random culling finds them rather than being removed as a whole.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import TypeVar

from django.conf import settings

from kotokartta.core.dataversion import DataVersion
from kotokartta.core.dataversion import current_version as data_version
from kotokartta.core.httpcache import release

__all__ = ["DataVersion", "SharedTier", "VersionedCache", "data_version", "versioned_cache"]

T = TypeVar("T")

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 256
NAMESPACE_LIMITS: dict[str, int] = {
    "page": 2000,  # whole responses (core.pagecache)
    "path": 4096,  # paths: municipality × profile × language
}

_MISSING = object()


class VersionedCache:
    """Values computed from the loaded data, by namespace and key, for the current version, in
    this worker's memory; `shared` is the disk tier for rendered files."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Hashable | None = None
        self._entries: dict[str, OrderedDict[Hashable, object]] = {}
        self.shared = SharedTier()
        """The disk tier: rendered files shared by every worker and process."""

    def get_or_compute(self, namespace: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value of `key` in `namespace` for the current data version, computing
        (and keeping) it on a miss. Without a loaded data set nothing is kept."""
        version = data_version()
        found = self._get(version, namespace, key)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        value = compute()
        self._put(version, namespace, key, value)
        return value

    def get(self, namespace: str, key: Hashable) -> object | None:
        """The cached value for the current data version, or None."""
        found = self._get(data_version(), namespace, key)
        return None if found is _MISSING else found

    def put(self, namespace: str, key: Hashable, value: object) -> None:
        """Keep `value` for the current data version (for callers that keep only some
        results, like the page cache)."""
        self._put(data_version(), namespace, key, value)

    def _get(self, version: Hashable | None, namespace: str, key: Hashable) -> object:
        if version is None:
            return _MISSING
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            entries = self._entries.get(namespace)
            if entries is None or key not in entries:
                return _MISSING
            entries.move_to_end(key)
            return entries[key]

    def _put(self, version: Hashable | None, namespace: str, key: Hashable, value: object) -> None:
        if version is None:
            return
        with self._lock:
            if version != self._version:
                return  # computed from a data set that is no longer current
            entries = self._entries.setdefault(namespace, OrderedDict())
            entries[key] = value
            entries.move_to_end(key)
            limit = NAMESPACE_LIMITS.get(namespace, DEFAULT_LIMIT)
            while len(entries) > limit:
                entries.popitem(last=False)

    def size(self, namespace: str) -> int:
        with self._lock:
            return len(self._entries.get(namespace, ()))

    def clear(self, namespace: str | None = None) -> None:
        """Forget everything in memory (or one namespace); the next reads compute again."""
        with self._lock:
            if namespace is None:
                self._entries.clear()
                self._version = None
            else:
                self._entries.pop(namespace, None)


_KEY = re.compile(r"^[a-z0-9][a-z0-9._-]{0,120}$")
_VERSION_FOLDER = re.compile(r"^(\d{16,})-[0-9a-f]{16}$")


class SharedTier:
    """Bytes computed from the loaded data (rendered PDFs), by namespace and key, for the current
    data version, in files under settings.CACHE_DIR that every worker and process shares.
    Namespaces and keys are lower-case file names (`pdf`, `map-kajaani-ar-a4`)."""

    def root(self) -> Path:
        return Path(settings.CACHE_DIR)

    def folder(self, version: DataVersion) -> Path:
        """The folder of one data version (and of the deployed code's release): named by the
        version's publication time in microseconds, so that older versions can be told from
        newer ones, and by a digest of the version and the release."""
        digest = hashlib.sha256(f"{version.token}|{release()[0]}".encode()).hexdigest()
        published = version.published_at.timestamp() if version.published_at else 0.0
        return self.root() / f"{round(published * 1_000_000):016d}-{digest[:16]}"

    def get_or_compute(self, namespace: str, key: str, compute: Callable[[], bytes]) -> bytes:
        """The stored bytes of `key` for the current data version; on a miss, `compute` them
        once (whoever else misses the same key meanwhile waits for this render) and store
        them. Without a loaded data set, compute and keep nothing."""
        version = data_version()
        if version is None:
            return compute()
        path = self._path(version, namespace, key)
        found = _read(path)
        if found is not None:
            return found
        with _locked(path, wait=True):
            found = _read(path)  # rendered by whoever held the lock
            if found is not None:
                return found
            data = compute()
            self._store(version, path, data)
            return data

    def get(self, namespace: str, key: str) -> bytes | None:
        """The stored bytes for the current data version, or None."""
        version = data_version()
        return None if version is None else _read(self._path(version, namespace, key))

    def has(self, namespace: str, key: str) -> bool:
        version = data_version()
        return version is not None and self._path(version, namespace, key).is_file()

    def fill(self, namespace: str, key: str, compute: Callable[[], bytes]) -> bool:
        """For warming ahead: compute and store `key` unless it is stored already or someone
        else is computing it right now (they will store it). True if this call computed it."""
        version = data_version()
        if version is None:
            return False
        path = self._path(version, namespace, key)
        if path.is_file():
            return False
        with _locked(path, wait=False) as mine:
            if not mine or path.is_file():
                return False
            self._store(version, path, compute())
            return True

    def first_time(self, marker: str) -> bool:
        """True for the first caller, in any process, for the current data version (e.g. to
        start one warm-up per version); False after that and without a loaded data set."""
        version = data_version()
        if version is None:
            return False
        if not _KEY.match(marker):
            raise ValueError(f"a marker must be a lower-case file name, not {marker!r}")
        folder = self._version_folder(version)
        try:
            os.close(os.open(folder / f".{marker}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True

    def sweep(self) -> int:
        """Remove the folders of every data version but the current one; return how many."""
        version = data_version()
        keep = None if version is None else self.folder(version)
        return self._sweep(keep=keep, newer_too=True)

    def _sweep(self, *, keep: Path | None, newer_too: bool = False) -> int:
        """Remove other versions' folders: all of them, or (newer_too=False) only those published
        no later than `keep`, so that a worker still finishing a request of an older version
        never removes the newer version's files."""
        root = self.root()
        if not root.is_dir():
            return 0
        kept = _VERSION_FOLDER.match(keep.name) if keep is not None else None
        limit = int(kept.group(1)) if kept else None
        removed = 0
        for other in root.iterdir():
            # Only folders this tier made: a mistaken CACHE_DIR never loses anything else.
            found = _VERSION_FOLDER.match(other.name)
            if other == keep or not found or not other.is_dir():
                continue
            if newer_too or limit is None or int(found.group(1)) <= limit:
                shutil.rmtree(other, ignore_errors=True)
                removed += 1
        return removed

    def _version_folder(self, version: DataVersion) -> Path:
        folder = self.folder(version)
        if not folder.is_dir():
            try:
                folder.mkdir(parents=True)
            except FileExistsError:
                pass  # another process made it at the same moment (and sweeps)
            else:
                self._sweep(keep=folder)  # a new version: the older ones go
        return folder

    def _path(self, version: DataVersion, namespace: str, key: str) -> Path:
        for part in (namespace, key):
            if not _KEY.match(part):
                raise ValueError(f"a namespace or key must be a lower-case file name, not {part!r}")
        return self._version_folder(version) / namespace / key

    def _store(self, version: DataVersion, path: Path, data: bytes) -> None:
        """Write atomically, unless a new data version was published while computing (the bytes
        may mix both; the next reader computes them for the new version). A file that cannot
        be written is logged, not raised: the reader still gets its bytes."""
        if data_version() != version:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            logger.warning("cache: cannot store %s: %s", path, error.strerror or error)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def _locked(path: Path, *, wait: bool) -> Iterator[bool]:
    """Hold the key's lock (a lock file beside it); with wait=False, yield False at once when
    someone else holds it. flock locks belong to the open file, so two threads of one worker
    exclude each other as two processes do."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.parent / f".{path.name}.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


versioned_cache = VersionedCache()
