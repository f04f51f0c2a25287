"""A local HTTP server of the tests' own (127.0.0.1, a free port) answering every case the link
checker must tell apart. Host names such as a.test and b.test reach it through the checker's
resolver override (HUB_LINKCHECK_RESOLVE), never DNS.
"""

import http.server
import threading
import time
from collections import Counter

PAGE = "<!doctype html><html><head><meta charset='{charset}'><title>{title}</title></head><body>{body}</body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    slow_seconds = 1.5

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self.answer(head=True)

    def do_GET(self):
        self.answer(head=False)

    def send(self, status, body=b"", content_type="text/html; charset=utf-8", headers=(), head=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def html(self, text, charset="utf-8", title="页面"):
        return PAGE.format(charset=charset, title=title, body=text).encode(charset)

    def answer(self, head):
        server = self.server
        path = self.path.split("?")[0]
        host = (self.headers.get("Host") or "").split(":")[0]
        with server.lock:
            server.hits[(self.command, host, path)] += 1
            server.user_agents.add(self.headers.get("User-Agent", ""))
            server.host_headers.append(self.headers.get("Host", ""))
        port = server.server_address[1]
        if host.endswith(".localhost"):  # a site of the group, reached by the probe with its Host header
            time.sleep(server.site_delay)
            return self.send(server.site_status, self.html(f"<p>{host}{path}</p>"), head=head)
        if path.startswith("/ok") or path == "/":
            return self.send(200, self.html("<p>克州人民政府</p>"), head=head)
        if path == "/missing":
            return self.send(404, self.html("not found"), head=head)
        if path == "/gone":
            return self.send(410, self.html("gone"), head=head)
        if path == "/error":
            return self.send(500, self.html("error"), head=head)
        if path == "/slow":
            time.sleep(self.slow_seconds)
            return self.send(200, self.html("late"), head=head)
        if path == "/chain":
            return self.send(301, headers=[("Location", "/chain/2")], head=head)
        if path == "/chain/2":
            return self.send(302, headers=[("Location", f"http://www.a.test:{port}/chain/3")], head=head)
        if path == "/chain/3":
            return self.send(307, headers=[("Location", "/ok/end")], head=head)
        if path == "/away":
            return self.send(302, headers=[("Location", f"http://b.test:{port}/ok/parked")], head=head)
        if path == "/casino":
            body = self.html("<h1>百家乐</h1><script>var x='六合彩';</script><div>真人荷官 在线</div>", "gbk")
            return self.send(200, body, content_type="text/html; charset=gb2312", head=head)
        if path == "/nohead":
            if head:
                return self.send(405, b"")
            return self.send(200, self.html("HEAD not allowed"))
        if path == "/report.pdf":
            return self.send(200, b"%PDF-1.4 " * 100, content_type="application/pdf", head=head)
        if path.startswith("/flaky"):
            # Fails while server.flaky_fails is set; answers afterwards.
            return self.send(503 if server.flaky_fails else 200, self.html("flaky"), head=head)
        if path.startswith("/n/"):
            if path.endswith("slow"):
                time.sleep(server.bench_delay)
            status = 404 if path.endswith("404") else 200
            return self.send(status, self.html(f"<p>{path}</p>"), head=head)
        return self.send(404, self.html("unknown"), head=head)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.hits = Counter()
        self.user_agents = set()
        self.host_headers = []
        self.flaky_fails = True
        self.bench_delay = 0.3
        self.site_delay = 0
        self.site_status = 200

    @property
    def port(self):
        return self.server_address[1]

    def url(self, host, path):
        return f"http://{host}:{self.port}{path}"

    def requests_for(self, path):
        return sum(n for (method, host, p), n in self.hits.items() if p == path)


def start():
    server = Server()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
