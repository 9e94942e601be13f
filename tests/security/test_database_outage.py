"""The database going away in the middle of a professional's work and coming back: the
portal's connection runs through a proxy to the PostgreSQL server that the test cuts (every
open connection dropped, new ones closed at once, as when the server stops) and restores.
The shared server itself keeps running."""

import contextlib
import re
import select
import socket
import threading

import pytest
import requests
from django.db import connection
from django.test import Client
from django.urls import reverse

from ehc_forms.models import Submission

pytestmark = pytest.mark.postgresql


class CuttableProxy:
    """Forwards TCP connections on a loopback port the OS gives to the server's Unix
    socket, until cut."""

    def __init__(self, server_socket_path):
        self.server_socket_path = server_socket_path
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = []
        self.serving = True
        self.lock = threading.Lock()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return  # the listener was closed
            if not self.serving:
                client.close()
                continue
            server = socket.socket(socket.AF_UNIX)
            server.connect(self.server_socket_path)
            with self.lock:
                self.open += [client, server]
            threading.Thread(target=self.relay, args=(client, server), daemon=True).start()

    def relay(self, client, server):
        """Passes bytes both ways until either end closes or the proxy is cut. Only this
        thread closes the two sockets, so no other thread ever reads a reused descriptor."""
        other_end = {client: server, server: client}
        with client, server, contextlib.suppress(OSError):  # a reset ends it as a close does
            while True:
                readable, _, _ = select.select(list(other_end), [], [])
                for source in readable:
                    data = source.recv(65536)
                    if not data:
                        return
                    other_end[source].sendall(data)

    def cut(self):
        self.serving = False
        with self.lock:
            for end in self.open:
                with contextlib.suppress(OSError):  # already closed from the other side
                    end.shutdown(socket.SHUT_RDWR)
            self.open = []

    def restore(self):
        self.serving = True

    def close(self):
        self.cut()
        self.listener.close()


@pytest.fixture
def database_through_proxy():
    """The default connection reconnected through a CuttableProxy for the test."""
    connection.ensure_connection()
    info = connection.connection.info
    proxy = CuttableProxy(f"{info.host}/.s.PGSQL.{info.port}")
    original = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port))
    yield proxy
    proxy.restore()
    connection.close()
    connection.settings_dict.update(original)
    proxy.close()


def test_the_database_stopping_mid_journey_loses_no_acknowledged_answer(
    live_site, owner, sign_in, owner_draft, database_through_proxy
):
    """Through the live server, whose request handling (unlike the test client's) closes a
    broken database connection at the end of the request, as gunicorn's does."""
    browser = requests.Session()
    browser.cookies.update(
        {name: morsel.value for name, morsel in sign_in(Client(), owner).cookies.items()}
    )
    step = live_site.url + reverse("ehc_forms:step", args=[owner_draft.pk, 1])
    autosave = live_site.url + reverse("ehc_forms:autosave", args=[owner_draft.pk, 1])

    def post(url, version, **answers):
        return browser.post(
            url,
            {"csrfmiddlewaretoken": csrf, "version": version, **answers},
            headers={"Accept": "application/json", "Referer": step},
            allow_redirects=False,
            timeout=60,
        )

    page = browser.get(step, timeout=60)
    assert page.status_code == 200
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    saved = post(step, owner_draft.version, known_as="Perry", action="later")
    assert saved.status_code == 302
    autosaved = post(autosave, owner_draft.version + 1, known_as="Perry", views="Likes trains.")
    assert autosaved.status_code == 200
    version = autosaved.json()["version"]

    database_through_proxy.cut()
    typed = {"known_as": "Perry", "views": "Typed while the database was down"}
    failed = post(autosave, version, **typed)
    assert failed.status_code == 503
    assert failed.headers["Content-Type"] == "application/json"
    message = failed.json()["message"]
    assert "not saved yet" in message and "Nothing you saved before has been lost" in message
    page = browser.get(step, timeout=60)
    assert page.status_code == 503
    assert "The service is unavailable" in page.text

    database_through_proxy.restore()
    # The page kept what was typed and sends it again, from the version it last had.
    retried = post(autosave, version, **typed)
    assert retried.status_code == 200
    assert retried.json()["version"] == version + 1
    assert browser.get(step, timeout=60).status_code == 200
    connection.close()  # the test's own connection was cut with the others
    draft = Submission.objects.get(pk=owner_draft.pk)
    assert draft.version == version + 1
    assert draft.answers["known_as"] == "Perry"
    assert draft.answers["views"] == "Typed while the database was down"
    browser.close()
