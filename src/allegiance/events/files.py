"""Finding out what an input file is (plain, gzip or zip; which layout) and streaming it.

GDELT distributes its event files zipped (``20120801.export.CSV.zip``); users
also keep them unzipped or gzipped. Each zip member is one event file.
"""

from __future__ import annotations

import gzip
import hashlib
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from allegiance.errors import InputError
from allegiance.events.layouts import LAYOUTS, Layout, layout_for

SNIFF_BYTES = 1 << 16
SNIFF_LINES = 5
_ZIP_MAGIC = b"PK\x03\x04"
_GZIP_MAGIC = b"\x1f\x8b"


class Compression(StrEnum):
    NONE = "none"
    GZIP = "gzip"
    ZIP = "zip"


@dataclass(frozen=True, slots=True)
class EventFile:
    """One GDELT event file to read: where it is, how it is packed, which layout it has."""

    path: Path
    compression: Compression
    layout: Layout
    member: str | None = None

    @property
    def name(self) -> str:
        """How messages and evidence name the file: the file name, plus the zip member."""
        if self.member is not None and self.member != self.path.name.removesuffix(".zip"):
            return f"{self.path.name}!{self.member}"
        return self.path.name

    def open(self) -> ByteStream:
        """The file's decompressed bytes as a stream (never read whole into memory)."""
        if self.compression is Compression.GZIP:
            return ByteStream(gzip.open(self.path, "rb"))
        if self.compression is Compression.ZIP:
            archive = zipfile.ZipFile(self.path)
            return ByteStream(archive.open(self.member or ""), archive)
        return ByteStream(self.path.open("rb"))


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class ByteStream:
    """A readable byte stream that also closes what it came from (a zip archive)."""

    def __init__(self, source: _Readable, owner: zipfile.ZipFile | None = None) -> None:
        self._source = source
        self._owner = owner

    def read(self, size: int = -1) -> bytes:
        return self._source.read(size)

    def close(self) -> None:
        self._source.close()
        if self._owner is not None:
            self._owner.close()

    def __enter__(self) -> ByteStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sniff(path: Path) -> list[EventFile]:
    """The event files in ``path`` (one, or one per zip member), each with its layout.

    Raises InputError for anything that is not a GDELT events file: binary
    junk, a CSV export with a header, a file with the wrong number of columns.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic.startswith(_ZIP_MAGIC):
        return _sniff_zip(path)
    compression = Compression.GZIP if magic.startswith(_GZIP_MAGIC) else Compression.NONE
    probe = EventFile(path, compression, LAYOUTS[61])
    return [EventFile(path, compression, _layout(probe))]


def _sniff_zip(path: Path) -> list[EventFile]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m.filename for m in archive.infolist() if not m.is_dir()]
    except zipfile.BadZipFile as exc:
        raise InputError(f"{path}: a damaged zip file ({exc})") from exc
    if not members:
        raise InputError(f"{path}: an empty zip file")
    found = []
    for member in members:
        probe = EventFile(path, Compression.ZIP, LAYOUTS[61], member)
        found.append(EventFile(path, Compression.ZIP, _layout(probe), member))
    return found


def _layout(probe: EventFile) -> Layout:
    """The layout most of the first lines agree on."""
    try:
        with probe.open() as stream:
            head = stream.read(SNIFF_BYTES)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error) as exc:
        raise InputError(f"{probe.name}: cannot be read, damaged ({exc})") from exc
    if b"\x00" in head:
        raise InputError(f"{probe.name}: binary data, not a GDELT events file")
    lines = [line for line in head.split(b"\n")[:SNIFF_LINES] if line.strip()]
    if not lines:
        raise InputError(f"{probe.name}: empty, no events")
    width, _ = Counter(line.count(b"\t") + 1 for line in lines).most_common(1)[0]
    layout = layout_for(width)
    if layout is None and lines[0].lstrip(b'"').upper().startswith(b"GLOBALEVENTID"):
        raise InputError(
            f"{probe.name}: a re-export with a header row, not a GDELT events file as "
            "published (57, 58 or 61 tab-separated fields, no header); convert it back, "
            "or use the original file"
        )
    if layout is None:
        first = lines[0].count(b"\t") + 1
        raise InputError(
            f"{probe.name}: line 1 has {first} tab-separated field(s); "
            "GDELT event files have 57, 58 or 61 and no header"
        )
    return layout


def sniff_all(paths: Sequence[Path]) -> list[EventFile]:
    """Every event file in ``paths``, in the order given."""
    return [found for path in paths for found in sniff(path)]


def content_id(paths: Sequence[Path]) -> str:
    """The document id of an import: the SHA-256 of the input files' bytes, in order."""
    digest = hashlib.sha256()
    for path in paths:
        for chunk in _chunks(path):
            digest.update(chunk)
    return digest.hexdigest()


def _chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while chunk := handle.read(size):
            yield chunk
