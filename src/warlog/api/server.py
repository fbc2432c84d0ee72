"""Run the app with uvicorn on a socket bound here, so that a busy port is one clear line."""

from __future__ import annotations

import socket

from fastapi import FastAPI

from warlog.errors import SettingsError


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: any free port).

    Raises:
        SettingsError: the address cannot be bound (in use, not this machine's, not an address).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        sock = socket.create_server((host.strip("[]"), port), family=family)
    except OSError as e:
        raise SettingsError(
            f"cannot listen on {host}:{port}: {e.strerror or e}; choose another --port or --host"
        ) from e
    # Accepted connections inherit it. asyncio sets it itself only on sockets made with proto=IPPROTO_TCP,
    # which create_server's are not; without it each request on a kept-alive connection waited ~40 ms
    # for a delayed ACK (Nagle's algorithm).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def url_of(sock: socket.socket) -> str:
    """The http URL a bound socket answers on."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def run_server(app: FastAPI, sock: socket.socket, *, log_level: str = "warning") -> None:
    """Serve `app` on `sock` until interrupted; the app's store is closed on the way out."""
    import uvicorn

    config = uvicorn.Config(app, log_level=log_level, server_header=False)
    uvicorn.Server(config).run(sockets=[sock])
