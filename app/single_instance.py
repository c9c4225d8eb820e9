"""One running editor per user: a second launch hands its file to it over a local socket.

The first launch holds a lock file and listens on a per-user local server; a later launch
connects, sends ``{"open": "/abs/path"}`` (or ``{"open": null}`` for a new window), waits
for ``ok`` and exits. The name is derived from the user and the workspace folder, so two
users, or two test runs with their own state folders, never meet.
"""

from __future__ import annotations

import enum
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.instance_name import server_name

CONNECT_TIMEOUT_MS = 1000
# The running editor answers at once and opens the file afterwards; this only has to
# cover a busy event loop (opening a big map elsewhere in that window).
REPLY_TIMEOUT_MS = 15000
# How long a launch waits for another one that holds the lock but is still starting up.
STARTUP_WAIT_SECONDS = 8.0
MAX_REQUEST_BYTES = 64 * 1024
ACK = b"ok\n"


@dataclass(frozen=True)
class OpenRequest:
    """What a launch asks for: a file to show, or a new window when ``path`` is None."""

    path: Path | None

    def encode(self) -> bytes:
        return json.dumps({"open": str(self.path) if self.path else None}).encode() + b"\n"

    @staticmethod
    def decode(data: bytes) -> OpenRequest | None:
        """The request in a message, or None for anything malformed."""
        try:
            message = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(message, dict) or "open" not in message:
            return None
        value = message["open"]
        if value is None:
            return OpenRequest(None)
        if isinstance(value, str) and value and "\0" not in value and os.path.isabs(value):
            return OpenRequest(Path(value))
        return None


class HandOverError(Exception):
    """A running editor took the connection but did not confirm the request."""


class Outcome(enum.Enum):
    HANDED_OVER = "handed over"  # another editor has the request: exit 0
    PRIMARY = "primary"  # this process is the editor others hand over to
    ALONE = "alone"  # no server could be set up: run on our own


def hand_over(name: str, request: OpenRequest) -> bool | None:
    """Send the request to a running editor.

    True: it confirmed. None: nobody is listening. False: somebody accepted the
    connection but never confirmed.
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    socket.write(request.encode())
    socket.flush()
    reply = b""
    deadline = time.monotonic() + REPLY_TIMEOUT_MS / 1000
    while ACK not in reply and time.monotonic() < deadline:
        if not socket.waitForReadyRead(200):
            if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                break
            continue
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return ACK in reply


class InstanceServer(QObject):
    """The running editor's end: accepts requests and reports them as a signal."""

    open_requested = Signal(object)  # OpenRequest

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._lock = QLockFile(os.path.join(QDir.tempPath(), f"{name}.lock"))
        # A crashed editor's lock is taken over once its process is gone (Qt checks the
        # pid); a live one is never stale, however long it runs.
        self._lock.setStaleLockTime(0)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def try_listen(self) -> bool:
        """Become the editor others hand over to, if no other process is."""
        if not self._lock.tryLock(0):
            return False
        # A socket file left by an editor that crashed would refuse the listen.
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        self._lock.unlock()
        return False

    def close(self) -> None:
        self._server.close()
        self._lock.unlock()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)
            # A client that connects and sends nothing is dropped.
            QTimer.singleShot(REPLY_TIMEOUT_MS, socket, socket.abort)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if len(buffer) > MAX_REQUEST_BYTES:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        request = OpenRequest.decode(bytes(buffer.split(b"\n", 1)[0]))
        if request is None:
            socket.abort()
            return
        socket.write(ACK)
        socket.flush()
        socket.disconnectFromServer()
        # After the answer: opening may ask questions (a bad file, unsaved work).
        QTimer.singleShot(0, self, lambda: self.open_requested.emit(request))


def start(name: str, request: OpenRequest,
          wait_seconds: float = STARTUP_WAIT_SECONDS) -> tuple[Outcome, InstanceServer | None]:
    """Hand the request to a running editor, or become that editor.

    Needs a QCoreApplication. A launch racing another one waits until the other is
    listening, then hands over to it.
    """
    server = InstanceServer(name)
    deadline = time.monotonic() + wait_seconds
    while True:
        answered = hand_over(name, request)
        if answered is not None:
            if answered:
                server.deleteLater()
                return Outcome.HANDED_OVER, None
            raise HandOverError(
                "Journeyboard is already running but did not answer; close it or wait, "
                "then try again."
            )
        if server.try_listen():
            return Outcome.PRIMARY, server
        if time.monotonic() >= deadline:
            server.deleteLater()
            return Outcome.ALONE, None
        time.sleep(0.1)


def claim(file: str | None) -> tuple[int | None, InstanceServer | None]:
    """First thing at start, before the editor loads: hand ``file`` over, or become the editor.

    Returns an exit status when this process is done (handed over: 0; a running editor
    that does not answer: 1), else the server to keep (None if none could be set up).
    """
    from PySide6.QtWidgets import QApplication

    from app import workspace_root

    if QApplication.instance() is None:
        QApplication(sys.argv[:1])
    request = OpenRequest(Path(file).absolute() if file else None)
    try:
        outcome, server = start(server_name(workspace_root()), request)
    except HandOverError as exc:
        print(f"journeyboard: {exc}", file=sys.stderr)
        return 1, None
    if outcome is Outcome.HANDED_OVER:
        return 0, None
    return None, server
