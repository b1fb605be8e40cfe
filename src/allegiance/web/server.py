"""Running the app: in the foreground for ``allegiance serve``, in a thread for tests and tools."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

from allegiance.errors import AllegianceError, InputError

START_TIMEOUT_S = 15.0


def serve(app: ASGIApp, host: str, port: int) -> None:
    """Serve ``app`` until interrupted (Ctrl-C)."""
    uvicorn.run(app, host=host, port=port, server_header=False, log_level="info")


def check_listen(host: str, port: int) -> None:
    """Fail with one clear line, before anything is announced, if ``host:port`` cannot be bound.

    A busy port or an address this machine does not have would otherwise
    surface as the server's own log lines after the "Serving ..." banner.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
    except OSError as exc:
        raise InputError(f"cannot listen on {url(host, port)}: {exc.strerror or exc}") from exc


def url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@contextmanager
def background(app: ASGIApp, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve ``app`` from a thread on ``port`` (0: any free one); yields the base URL."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    config = uvicorn.Config(app, log_level="warning", server_header=False, lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait(server, thread)
        yield url(host, sock.getsockname()[1])
    finally:
        server.should_exit = True
        thread.join(START_TIMEOUT_S)
        sock.close()


def _wait(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise AllegianceError("the web server did not start")
        time.sleep(0.02)
