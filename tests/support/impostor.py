"""A server on 127.0.0.1 that poses as PostgreSQL, to catch a client that
would hand its password to whoever answers.

It speaks just enough of the protocol: it answers the client's request for
TLS with "no" (or, given a TLS context, with "yes" and a certificate the
test CA signed), then asks for the password in clear text, and records each
password message it receives. A careful client refuses first: it requires
TLS and a certificate for the host, and a SCRAM exchange, in which the
password itself never travels.
"""

import socket
import ssl
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

HOST = "127.0.0.1"
# The codes of the requests a client may send before its startup message.
SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104
AUTHENTICATION_CLEARTEXT_PASSWORD = struct.pack("!cii", b"R", 8, 3)


class Impostor:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.tls = tls
        self.passwords: list[bytes] = []
        self.listener = socket.create_server((HOST, 0))
        self.listener.settimeout(0.2)  # to notice `stop` between clients
        self.port = self.listener.getsockname()[1]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)

    def serve(self) -> None:
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            client.settimeout(5)
            # A client that gives up, as it should, closes the connection.
            with suppress(OSError, ValueError):
                self.answer(client)

    def answer(self, client: socket.socket) -> None:
        with client:
            while True:
                length, code = struct.unpack("!ii", receive(client, 8))
                if code == SSL_REQUEST and self.tls:
                    client.sendall(b"S")
                    self.answer(self.tls.wrap_socket(client, server_side=True))
                    return
                if code not in (SSL_REQUEST, GSSENC_REQUEST):
                    break  # the startup message, which names the user
                client.sendall(b"N")
            receive(client, length - 8)
            client.sendall(AUTHENTICATION_CLEARTEXT_PASSWORD)
            kind, length = struct.unpack("!ci", receive(client, 5))
            body = receive(client, length - 4)
            if kind == b"p":
                self.passwords.append(body.rstrip(b"\0"))


def receive(client: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = client.recv(size - len(data))
        if not chunk:
            raise ValueError("the client closed the connection")
        data += chunk
    return data


@contextmanager
def running_impostor(tls: ssl.SSLContext | None = None) -> Iterator[Impostor]:
    impostor = Impostor(tls)
    impostor.thread.start()
    try:
        yield impostor
    finally:
        impostor.stopped.set()
        impostor.thread.join()
        impostor.listener.close()
