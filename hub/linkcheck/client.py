"""HTTP for the checker and the probe: urllib3 connection pools, redirects followed by hand.

Redirects are followed here rather than by urllib3 so that every hop is known (the final address
decides whether a link now ends on another domain). `resolve` maps host names to addresses
instead of DNS, for tests, the bench and closed networks; the Host header and TLS server name stay
those of the address asked for.
"""

import codecs
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3 import exceptions
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .models import ErrorKind

USER_AGENT = "PortalHub-LinkChecker/0.1 (+Portal Hub government site group; outside link and availability check)"
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHARSET_IN_TYPE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
CHARSET_IN_META = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# GB2312 and GBK pages often use characters only their superset has.
CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030"}


@dataclass
class Answer:
    """What one request (with its redirects) ended on."""

    url: str
    method: str
    status: int | None = None
    final_url: str = ""
    content_type: str = ""
    elapsed_ms: int = 0
    error: str = ErrorKind.NONE
    detail: str = ""
    hops: list = field(default_factory=list)
    body: bytes = b""
    charset: str = ""

    @property
    def failed(self):
        return bool(self.error) or self.status is None or self.status >= 400

    def text(self):
        return decode(self.body, self.charset)


def decode(body, declared=""):
    """Page bytes as text, by the declared charset, the page's own <meta>, else UTF-8 or GB18030."""
    candidates = [declared]
    match = CHARSET_IN_META.search(body[:4096])
    if match:
        candidates.append(match.group(1).decode("ascii", "ignore"))
    for name in candidates:
        name = CHARSET_ALIASES.get((name or "").lower(), name)
        if not name:
            continue
        try:
            codecs.lookup(name)
        except LookupError:
            continue
        return body.decode(name, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")


def _resolving(connection_class, mapping):
    class ResolvingConnection(connection_class):
        def _new_conn(self):
            asked = self._dns_host
            self._dns_host = mapping.get(asked.lower().rstrip("."), asked)
            try:
                return super()._new_conn()
            finally:
                self._dns_host = asked

    return ResolvingConnection


def classify(exc):
    """(ErrorKind, detail) of an exception raised by a request."""
    if isinstance(exc, exceptions.NameResolutionError):
        kind = ErrorKind.DNS
    elif isinstance(exc, exceptions.NewConnectionError):  # before ConnectTimeoutError: it subclasses it
        kind = ErrorKind.CONNECTION
    elif isinstance(exc, exceptions.TimeoutError):
        kind = ErrorKind.TIMEOUT
    elif isinstance(exc, exceptions.SSLError):
        kind = ErrorKind.TLS
    elif isinstance(exc, (exceptions.ProtocolError, ConnectionError, exceptions.ResponseError)):
        kind = ErrorKind.CONNECTION
    elif isinstance(exc, (exceptions.LocationValueError, exceptions.LocationParseError, ValueError)):
        kind = ErrorKind.INVALID
    else:
        kind = ErrorKind.OTHER
    return kind, f"{type(exc).__name__}: {exc}"[:500]


class Client:
    """A thread-safe HTTP client: one pool per host, at most `per_host` connections kept to each."""

    def __init__(self, *, timeout, per_host=2, max_redirects=10, resolve=None, user_agent=USER_AGENT):
        self.timeout = timeout
        self.max_redirects = max_redirects
        self.pool = urllib3.PoolManager(
            num_pools=256,
            maxsize=max(per_host, 1),
            block=False,
            retries=False,
            headers={"User-Agent": user_agent, "Accept": "*/*", "Accept-Language": "zh-CN,zh;q=0.9"},
        )
        if resolve:
            mapping = {host.lower(): address for host, address in resolve.items()}
            http = type("ResolvingPool", (HTTPConnectionPool,), {"ConnectionCls": _resolving(HTTPConnection, mapping)})
            https = type(
                "ResolvingHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": _resolving(HTTPSConnection, mapping)}
            )
            self.pool.pool_classes_by_scheme = {"http": http, "https": https}

    def request(self, url, method="GET", *, read=0, headers=None, same_host_only=False, deadline=None):
        """Request `url`, following redirects; read up to `read` bytes of the final body.

        `deadline` (seconds) bounds the whole visit: an answer that took longer is a timeout.
        `same_host_only` stops at a redirect to another host (the probe judges one site).
        """
        answer = Answer(url=url, method=method)
        headers = {**self.pool.headers, **(headers or {})}
        started = time.monotonic()
        current = url
        try:
            for _hop in range(self.max_redirects + 1):
                parts = urlsplit(current)
                if parts.scheme not in ("http", "https") or not parts.hostname:
                    answer.error, answer.detail = ErrorKind.INVALID, f"not an http(s) address: {current[:200]}"
                    return answer
                response = self.pool.request(
                    method,
                    current,
                    headers=headers,
                    redirect=False,
                    retries=False,
                    timeout=self.timeout,
                    preload_content=False,
                )
                location = response.headers.get("Location")
                if response.status in REDIRECT_STATUSES and location:
                    self._release(response, small=True)
                    following = urljoin(current, location.strip())
                    if same_host_only and urlsplit(following).hostname != parts.hostname:
                        return self._finish(answer, response, current, started, deadline)
                    answer.hops.append(following)
                    current = following
                    continue
                if read and method != "HEAD":
                    answer.body = self._read(response, read)
                return self._finish(answer, response, current, started, deadline)
            answer.error, answer.detail = ErrorKind.REDIRECTS, f"more than {self.max_redirects} redirects"
            answer.final_url = current
        except Exception as exc:  # noqa: BLE001 — every failure of an outside server is a result
            answer.error, answer.detail = classify(exc)
            answer.final_url = current
        answer.elapsed_ms = int((time.monotonic() - started) * 1000)
        return answer

    @staticmethod
    def _release(response, small=False):
        """Give the connection back for the next request to the host when nothing is left unread."""
        length = response.headers.get("Content-Length", "")
        if response.closed or (small and length.isdigit() and int(length) <= 65536):
            response.drain_conn()
            response.release_conn()
        else:
            response.close()

    @staticmethod
    def _read(response, limit):
        chunks, size = [], 0
        try:
            while size < limit:
                chunk = response.read(min(65536, limit - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except BaseException:
            response.close()
            raise
        if size < limit:  # read to its end: the connection can be reused
            response.release_conn()
        else:
            response.close()
        return b"".join(chunks)

    def _finish(self, answer, response, current, started, deadline):
        if answer.method == "HEAD":
            response.release_conn()
        elif not answer.body:  # a body read was given back (or closed) by _read
            response.close()
        answer.status = response.status
        answer.final_url = current
        content_type = response.headers.get("Content-Type", "")
        answer.content_type = content_type.split(";")[0].strip().lower()[:200]
        match = CHARSET_IN_TYPE.search(content_type)
        answer.charset = match.group(1) if match else ""
        answer.elapsed_ms = int((time.monotonic() - started) * 1000)
        if answer.status >= 400:
            answer.error, answer.detail = ErrorKind.HTTP, f"HTTP {answer.status}"
        if deadline is not None and answer.elapsed_ms > deadline * 1000:
            answer.error, answer.detail = ErrorKind.TIMEOUT, f"answered after {answer.elapsed_ms} ms"
        return answer
