"""Streaming zipped event files into an engine through a named pipe, without unpacking to disk.

DuckDB reads plain and gzipped files itself but not zip archives. A feeder
thread decompresses the members one after the other into a FIFO that the
engine reads as one file, and remembers where each member starts so that a
line number in the stream can be traced back to its file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from allegiance.errors import InputError
from allegiance.events.files import EventFile

CHUNK = 1 << 20


class ZipFeed:
    """A named pipe fed with the decompressed members of zip files, in order."""

    def __init__(self, files: Sequence[EventFile], folder: Path) -> None:
        self.files = tuple(files)
        self.path = folder / f"feed-{id(self)}.tsv"
        os.mkfifo(self.path)
        self.starts: list[int] = []  # first line number of each member in the stream
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._feed, daemon=True)
        self._thread.start()

    def _feed(self) -> None:
        try:
            with self.path.open("wb") as pipe:
                lines = 0
                for event_file in self.files:
                    self.starts.append(lines + 1)
                    lines += _copy(event_file, pipe)
        except BrokenPipeError:
            pass  # the reader stopped early; its own error says why
        except Exception as exc:  # reported by check() in the calling thread
            self.error = exc

    def locate(self, line: int) -> tuple[EventFile, int]:
        """The member and line within it of a line number of the stream."""
        index = max(bisect_right(self.starts, line) - 1, 0)
        return self.files[index], line - self.starts[index] + 1

    def check(self) -> None:
        """Raise what went wrong while feeding (a damaged archive), if anything did."""
        if self.error is not None:
            raise InputError(f"cannot read a zipped event file: {self.error}") from self.error

    def close(self) -> None:
        """Stop the feeder even if no reader ever opened the pipe, and remove the pipe."""
        if self._thread.is_alive():
            try:
                fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
                os.close(fd)
            except OSError:
                pass
            self._thread.join(timeout=5)
        self.path.unlink(missing_ok=True)


def _copy(event_file: EventFile, pipe: BinaryIO) -> int:
    """Copy one member into the pipe; the number of lines it had (a last newline is added)."""
    lines, last = 0, b"\n"
    with event_file.open() as stream:
        while chunk := stream.read(CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
            pipe.write(chunk)
    if last != b"\n":
        pipe.write(b"\n")
        lines += 1
    return lines


class Feeds:
    """The pipes of one query, in a private temporary folder removed on exit."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="allegiance-gdelt-"))
        self._feeds: list[ZipFeed] = []

    def add(self, files: Sequence[EventFile]) -> ZipFeed:
        feed = ZipFeed(files, self._folder)
        self._feeds.append(feed)
        return feed

    def check(self) -> None:
        for feed in self._feeds:
            feed.check()

    def __enter__(self) -> Feeds:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for feed in self._feeds:
            feed.close()
        shutil.rmtree(self._folder, ignore_errors=True)
