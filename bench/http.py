#!/usr/bin/env python
"""HTTP benchmark: the site group's pages against nginx serving the same HTML statically, in one run.

    .venv/bin/python bench/http.py                    # 10 s per measurement
    .venv/bin/python bench/http.py --quick            # 3 s per measurement
    .venv/bin/python bench/http.py --duration 30 --burst
    .venv/bin/python bench/http.py --quick --bakerydemo ../bakerydemo   # git clone of wagtail/bakerydemo

Needs Debian's `nginx`, `wrk` and `varnish` (`apt-get install -y nginx wrk varnish`); gunicorn comes
from requirements.txt. Everything listens on 127.0.0.1 on free ports, lives in a temporary folder and
is stopped at the end; every measurement is bounded by --duration.

In one run it starts:

- nginx (2 workers) serving a saved copy of each measured page's HTML as a static file;
- the application under gunicorn (2 sync workers, hub.settings.production, the demo site group on
  SQLite) with the page cache off (HUB_PAGE_CACHE_SECONDS=0);
- the same with the in-process page cache on. Two workers share it through the file-based cache
  (CACHE_URL=file://<temporary folder>), as on a one-box install with more than one worker;
- Varnish with deploy/varnish/default.vcl in front of the cached application;
- with --bakerydemo SRC (a checkout of wagtail/bakerydemo; measured at 3c7e3af), stock Wagtail's demo
  under gunicorn the same way (2 sync workers, its production settings, SQLite), for its home and a blog
  page. Its side virtualenv is made in --data with pip (wagtail 7.2.3, django-tasks 0.8.1 — 0.9.0 fails
  to load the demo data on Python 3.11 —, whitenoise, gunicorn) and its database with `migrate` and
  `load_initial_data`, both reused when present; its production settings redirect to https, so it is
  sent X-Forwarded-Proto: https as behind a TLS proxy. Without --bakerydemo the run says it is skipped.

The demo database is made by `manage.py migrate && manage.py load_demo` in --data (default
var/bench-http; collected static files go there too) and reused when present.

Measured with `wrk -t2 -c32 -d<N>s --latency --timeout 15s` for the portal home, an article, a
department home and the search page (/search/?q=教师), with each tenant's Host header. Printed per
server and page: req/s, p50, p99, failed requests (socket errors and non-2xx answers), server CPU per
request (user + system CPU time of the server's processes from /proc, before and after, divided by
the requests served; behind Varnish this counts Varnish and the application), and req/s as a ratio
of nginx static for the same page. The search page is not page-cached (HUB_PAGE_CACHE_SKIP_PATHS),
so its cached rows measure the render; the cache targets are checked on the other three pages.

--burst adds 500 connections for 30 s (--burst-seconds) against the cached portal home, in-process
and behind Varnish, and reports failed requests and p99.

Targets (issue 15): behind Varnish ≥ 0.8 × nginx static; in-process page cache ≥ 1/8 of nginx static;
uncached, the search page ≤ 2 × the article's CPU per request and, with bakerydemo, the portal home and
the article ≤ 1/2 of bakerydemo's home and blog page; under the burst no failed request and p99 < 1 s.
Exit status: 0 when every target measured in the run is met, 1 when one is missed (the table is printed
either way), 2 when the benchmark could not run (a tool missing, a server not starting, a page not
answering 200, wrk failing).
"""

import sys
from pathlib import Path

# This file is named after the standard library's http package: keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SEARCH_QUERY = "教师"
BAKERYDEMO_HEADERS = {"X-Forwarded-Proto": "https"}
CLK_TCK = os.sysconf("SC_CLK_TCK")

VARNISH_TARGET = 0.8
INPROCESS_TARGET = 1 / 8
BURST_P99_TARGET = 1.0


class BenchError(Exception):
    pass


def say(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def find_tool(name, *fallbacks):
    found = shutil.which(name)
    if found:
        return found
    for candidate in fallbacks:
        if Path(candidate).exists():
            return candidate
    raise BenchError(f"{name} is not installed (apt-get install -y nginx wrk varnish)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, what, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise BenchError(f"{what} did not start on port {port}") from None
            time.sleep(0.1)


# --- CPU time of a process tree, from /proc ----------------------------------------------------------


def _stat(pid):
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    # fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    return int(fields[1]), sum(int(value) for value in fields[11:15])


def tree_cpu_seconds(root_pids):
    """User + system CPU seconds of the given processes and all their descendants (waited children included)."""
    stats = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _stat(int(entry))
            if stat:
                stats[int(entry)] = stat
    wanted, queue = set(), list(root_pids)
    while queue:
        pid = queue.pop()
        if pid in wanted or pid not in stats:
            continue
        wanted.add(pid)
        queue.extend(child for child, (ppid, _) in stats.items() if ppid == pid)
    return sum(stats[pid][1] for pid in wanted) / CLK_TCK


# --- servers -----------------------------------------------------------------------------------------


class Servers:
    """Every process started here, stopped (process group and all) at the end."""

    def __init__(self):
        self.processes = []

    def start(self, args, what, port, env=None, cwd=None, log=None):
        say(f"starting {what} on 127.0.0.1:{port}")
        process = subprocess.Popen(
            args,
            env=env,
            cwd=cwd,
            stdout=log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        try:
            wait_for_port(port, process, what)
        except BenchError:
            if log:
                log.flush()
                Path(log.name).exists() and sys.stderr.write(Path(log.name).read_text()[-3000:])
            raise
        return process

    def stop(self, process):
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)

    def stop_all(self):
        for process in reversed(self.processes):
            self.stop(process)


def app_env(data, database, extra):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY="bench-http-not-secret",
        DATABASE_URL=f"sqlite:///{database}",
        ALLOWED_HOSTS=".localhost,localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        STATIC_ROOT=str(data / "static"),
        MEDIA_ROOT=str(data / "media"),
        HUB_PRIVATE_MEDIA_ROOT=str(data / "private"),
        LOG_LEVEL="ERROR",
    )
    env.update(extra)
    return env


def manage(env, *args, timeout=1800):
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise BenchError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    return result.stdout


def prepare_data(data):
    data.mkdir(parents=True, exist_ok=True)
    database = data / "demo.sqlite3"
    env = app_env(data, database, {})
    if not database.exists():
        say(f"making the demo database in {database} (migrate + load_demo, a few minutes)")
        partial = data / "demo.sqlite3.partial"
        partial.unlink(missing_ok=True)
        partial_env = app_env(data, partial, {})
        manage(partial_env, "migrate", "--noinput")
        manage(partial_env, "load_demo", "--port", "80", "--quiet")
        partial.rename(database)
    else:
        say(f"reusing the demo database {database}")
    if not (data / "static" / "staticfiles.json").exists():
        say("collecting static files")
        manage(env, "collectstatic", "--noinput", "-v", "0")
    code = (
        "import json\n"
        "from hub.tenancy.models import Department\n"
        "from sites.common.models.pages import ArticlePage\n"
        "portal = Department.objects.online().get(kind='portal')\n"
        "dept = Department.objects.online().exclude(kind='portal').order_by('code').first()\n"
        "article = ArticlePage.objects.live().public().descendant_of(portal.site.root_page).order_by('pk').first()\n"
        "print(json.dumps({'portal': portal.hostname, 'department': dept.hostname,\n"
        "    'article': article.relative_url(portal.site)}))\n"
    )
    found = json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])
    search = "/search/?" + urllib.parse.urlencode({"q": SEARCH_QUERY})
    pages = [
        ("portal home", found["portal"], "/"),
        ("article", found["portal"], found["article"]),
        ("department home", found["department"], "/"),
        (f"search ({SEARCH_QUERY})", found["portal"], search),
    ]
    return database, pages


def fetch(port, host, target, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", target, headers={"Host": host, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def start_gunicorn(servers, data, database, tmp, name, extra):
    port = free_port()
    env = app_env(data, database, extra)
    log = open(tmp / f"{name}.log", "w")
    args = [str(GUNICORN), "hub.wsgi", "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"]
    args += ["--timeout", "60", "--access-logfile", "/dev/null", "--error-logfile", "-"]
    process = servers.start(args, f"gunicorn ({name})", port, env=env, cwd=ROOT, log=log)
    return port, [process.pid]


def start_nginx(servers, tmp, pages, app_port):
    root = tmp / "static-html"
    for _, host, target in pages:
        status, _, body = fetch(app_port, host, target)
        if status != 200:
            raise BenchError(f"{host}{target} answered {status} while saving the static copy")
        path = urllib.parse.urlsplit(target).path
        folder = root / host / path.lstrip("/")
        if not path.endswith("/"):
            folder = folder.parent
            filename = path.rsplit("/", 1)[1]
        else:
            filename = "index.html"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / filename).write_bytes(body)
    for path in [tmp, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    port = free_port()
    conf = tmp / "nginx.conf"
    (tmp / "nginx-temp").mkdir()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(
        f"""{user}worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type text/html;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {tmp}/nginx-temp/body;
    proxy_temp_path {tmp}/nginx-temp/proxy;
    fastcgi_temp_path {tmp}/nginx-temp/fastcgi;
    uwsgi_temp_path {tmp}/nginx-temp/uwsgi;
    scgi_temp_path {tmp}/nginx-temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root}/$host;
        location / {{ try_files $uri $uri/index.html =404; default_type text/html; }}
    }}
}}
"""
    )
    nginx = find_tool("nginx", "/usr/sbin/nginx")
    process = servers.start([nginx, "-c", str(conf), "-p", str(tmp)], "nginx (static copy)", port)
    return port, [process.pid]


def start_varnish(servers, tmp, backend_port):
    varnishd = find_tool("varnishd", "/usr/sbin/varnishd")
    vcl = tmp / "default.vcl"
    text, count = re.subn(r'\.port = "\d+";', f'.port = "{backend_port}";', VCL.read_text(), count=1)
    if not count:
        raise BenchError(f"no backend port found in {VCL}")
    vcl.write_text(text)
    port = free_port()
    args = [varnishd, "-F", "-j", "none", "-n", str(tmp / "varnish"), "-a", f"127.0.0.1:{port}", "-f", str(vcl)]
    args += ["-s", "malloc,256m", "-p", "ban_lurker_sleep=0.01"]
    log = open(tmp / "varnish.log", "w")
    process = servers.start(args, "varnishd (deploy/varnish/default.vcl)", port, log=log)
    return port, [process.pid]


def start_bakerydemo(servers, data, source, tmp):
    source = source.resolve()
    venv = data / "bakerydemo-venv"
    python = venv / "bin" / "python"
    if not (venv / "bin" / "gunicorn").exists():
        say(f"making the bakerydemo virtualenv in {venv} (pip, a few minutes)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        packages = ["-r", str(source / "requirements" / "base.txt"), "wagtail==7.2.3", "django-tasks==0.8.1"]
        result = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", *packages, "whitenoise", "gunicorn"],
            capture_output=True,
            text=True,
            timeout=1200,
        )
        if result.returncode != 0:
            shutil.rmtree(venv, ignore_errors=True)
            raise BenchError(f"bakerydemo: pip install failed:\n{result.stderr[-3000:]}")
    database = data / "bakerydemo.sqlite3"
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bakerydemo.settings.production",
        DJANGO_SECRET_KEY="bench-http-not-secret",
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_LOG_LEVEL="ERROR",
    )

    def run(*args):
        result = subprocess.run(
            [str(python), "manage.py", *args], cwd=source, env=env, capture_output=True, text=True, timeout=900
        )
        if result.returncode != 0:
            raise BenchError(f"bakerydemo: manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")

    if not database.exists():
        say(f"loading the bakerydemo database into {database}")
        run("migrate", "--noinput", "-v", "0")
        run("load_initial_data")
        run("collectstatic", "--noinput", "-v", "0")
    port = free_port()
    args = [str(venv / "bin" / "gunicorn"), "bakerydemo.wsgi", "--workers", "2", "--worker-class", "sync"]
    args += ["--bind", f"127.0.0.1:{port}", "--timeout", "60", "--access-logfile", "/dev/null", "--error-logfile", "-"]
    log = open(tmp / "bakerydemo.log", "w")
    process = servers.start(args, "gunicorn (bakerydemo)", port, env=env, cwd=source, log=log)
    # Its production settings redirect to https unconditionally: it is measured as behind a TLS proxy.
    status, _, body = fetch(port, "localhost", "/blog/", BAKERYDEMO_HEADERS)
    posts = re.findall(r'href="(/blog/[a-z0-9-]+/)"', body.decode(errors="replace"))
    if status != 200 or not posts:
        raise BenchError(f"bakerydemo: /blog/ answered {status} without a blog page link")
    pages = [("home", "localhost", "/"), ("blog page", "localhost", posts[0])]
    return port, [process.pid], pages


# --- load --------------------------------------------------------------------------------------------

UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def seconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    return float(match.group(1)) * UNITS[match.group(2)] if match else None


def wrk(port, host, target, duration, connections=32, threads=2, headers=None):
    url = f"http://127.0.0.1:{port}{urllib.parse.quote(target, safe='/?=&%')}"
    args = [find_tool("wrk"), f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "15s"]
    args += ["-H", f"Host: {host}"]
    for name, value in (headers or {}).items():
        args += ["-H", f"{name}: {value}"]
    args.append(url)
    result = subprocess.run(args, capture_output=True, text=True, timeout=duration + 60)
    out = result.stdout
    if result.returncode != 0 or "requests in" not in out:
        raise BenchError(f"wrk failed: {out}{result.stderr}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)", out, re.M))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    socket_errors = sum(int(value) for value in errors.groups()) if errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": seconds(latency.get("50", "")),
        "p99": seconds(latency.get("99", "")),
        "failed": socket_errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def measure(server, pages, duration, results, headers=None):
    name, port, pids = server
    for page, host, target in pages:
        for _ in range(4):
            status, answer, _ = fetch(port, host, target, headers)
            if status != 200:
                raise BenchError(f"{name}: {host}{target} answered {status}")
        before = tree_cpu_seconds(pids)
        figures = wrk(port, host, target, duration, headers=headers)
        cpu = tree_cpu_seconds(pids) - before
        figures["cpu_per_request"] = cpu / figures["requests"] if figures["requests"] else None
        figures["cache"] = answer.get("X-Cache", "")
        results[(name, page)] = figures
        say(
            f"{name:<22} {page:<16} {figures['rps']:>9.1f} req/s  p99 {fmt_time(figures['p99'])}"
            f"  failed {figures['failed']}"
        )


def fmt_time(value):
    if value is None:
        return "?"
    if value < 1e-3:
        return f"{value * 1e6:.0f} µs"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def fmt_ratio(value):
    if value is None:
        return ""
    if value >= 0.2:
        return f"{value:.2f}×"
    return f"1/{1 / value:.0f}" if value else "0"


def print_table(servers, pages, results):
    print()
    header = (
        f"{'server':<22} {'page':<16} {'req/s':>10} {'p50':>9} {'p99':>9} {'failed':>7} {'CPU/req':>10} {'vs nginx':>9}"
    )
    print(header)
    print("-" * len(header))
    for name in servers:
        for page, _, _ in pages:
            figures = results.get((name, page))
            if not figures:
                continue
            static = results.get(("nginx static", page))
            ratio = figures["rps"] / static["rps"] if static and static["rps"] else None
            cpu = figures["cpu_per_request"]
            cpu_text = f"{cpu * 1e3:.2f} ms" if cpu is not None else "?"
            print(
                f"{name:<22} {page:<16} {figures['rps']:>10.1f} {fmt_time(figures['p50']):>9} "
                f"{fmt_time(figures['p99']):>9} {figures['failed']:>7} {cpu_text:>10} {fmt_ratio(ratio):>9}"
            )
        print()


def cpu_ratio(results, first, second):
    if first in results and second in results and results[second]["cpu_per_request"]:
        return results[first]["cpu_per_request"] / results[second]["cpu_per_request"]
    return None


def check_targets(pages, results, bursts):
    missed, checked = [], 0
    search, article = pages[3][0], pages[1][0]
    comparisons = [(("no cache", search), ("no cache", article), 2.0)]
    comparisons += [
        (("no cache", pages[0][0]), ("bakerydemo", "home"), 0.5),
        (("no cache", article), ("bakerydemo", "blog page"), 0.5),
    ]
    for first, second, goal in comparisons:
        ratio = cpu_ratio(results, first, second)
        if ratio is None:
            continue
        checked += 1
        print(f"CPU per request, {first[1]} ({first[0]}) / {second[0]} {second[1]}: {ratio:.2f} (target ≤ {goal:g})")
        if ratio > goal:
            missed.append(f"CPU {first[1]} {ratio:.2f} × {second[0]} {second[1]} > {goal:g}")
    for page, _, target in pages:
        if target.startswith("/search/"):
            continue  # not page-cached by design: its cached rows measure the render
        static = results[("nginx static", page)]["rps"]
        for name, goal in (("behind Varnish", VARNISH_TARGET), ("in-process cache", INPROCESS_TARGET)):
            checked += 1
            ratio = results[(name, page)]["rps"] / static
            if ratio < goal:
                missed.append(f"{name} {page} {fmt_ratio(ratio)} < {fmt_ratio(goal)} of nginx")
    for name, figures in bursts.items():
        checked += 1
        if figures["failed"] or figures["p99"] is None or figures["p99"] >= BURST_P99_TARGET:
            missed.append(f"burst {name}: {figures['failed']} failed, p99 {fmt_time(figures['p99'])}")
    return checked, missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk measurement (default 10)")
    parser.add_argument("--quick", action="store_true", help="3 s per measurement")
    parser.add_argument("--burst", action="store_true", help="also 500 connections against the cached portal home")
    parser.add_argument("--burst-seconds", type=int, default=30, help="duration of the burst (default 30)")
    parser.add_argument("--bakerydemo", type=Path, help="a checkout of wagtail/bakerydemo to measure beside")
    parser.add_argument(
        "--data", type=Path, default=ROOT / "var" / "bench-http", help="folder of the demo database (reused)"
    )
    options = parser.parse_args()
    duration = 3 if options.quick else max(1, options.duration)
    started = time.monotonic()
    servers = Servers()
    tmp = Path(tempfile.mkdtemp(prefix="bench-http-"))
    try:
        for tool in ("nginx", "wrk", "varnishd"):
            find_tool(tool, f"/usr/sbin/{tool}")
        database, pages = prepare_data(options.data.resolve())
        for page, host, target in pages:
            say(f"page: {page:<16} http://{host}{target}")
        if not options.bakerydemo:
            say("stock Wagtail (bakerydemo): skipped (give --bakerydemo SRC to measure it)")

        plain_port, plain_pids = start_gunicorn(
            servers, options.data.resolve(), database, tmp, "no cache", {"HUB_PAGE_CACHE_SECONDS": "0"}
        )
        nginx_port, nginx_pids = start_nginx(servers, tmp, pages, plain_port)
        (tmp / "pagecache").mkdir()
        cached_port, cached_pids = start_gunicorn(
            servers,
            options.data.resolve(),
            database,
            tmp,
            "page cache",
            {"HUB_PAGE_CACHE_SECONDS": "300", "CACHE_URL": f"file://{tmp / 'pagecache'}"},
        )
        varnish_port, varnish_pids = start_varnish(servers, tmp, cached_port)

        order = [
            ("nginx static", nginx_port, nginx_pids),
            ("no cache", plain_port, plain_pids),
            ("in-process cache", cached_port, cached_pids),
            ("behind Varnish", varnish_port, varnish_pids + cached_pids),
        ]
        results = {}
        for server in order:
            measure(server, pages, duration, results)
        bakery_pages = []
        if options.bakerydemo:
            bakery_port, bakery_pids, bakery_pages = start_bakerydemo(
                servers, options.data.resolve(), options.bakerydemo, tmp
            )
            for page, host, target in bakery_pages:
                say(f"page: bakerydemo {page:<16} http://{host}{target}")
            measure(("bakerydemo", bakery_port, bakery_pids), bakery_pages, duration, results, BAKERYDEMO_HEADERS)
            order.append(("bakerydemo", bakery_port, bakery_pids))

        bursts = {}
        if options.burst:
            portal = pages[0]
            for name, port, _pids in order[2:4]:
                say(f"burst: 500 connections for {options.burst_seconds} s, {name}, {portal[0]}")
                fetch(port, portal[1], portal[2])
                bursts[name] = wrk(port, portal[1], portal[2], options.burst_seconds, connections=500)
                figures = bursts[name]
                say(f"burst {name}: {figures['requests']} requests, {figures['failed']} failed")
                say(f"burst {name}: p99 {fmt_time(figures['p99'])}")

        print_table([name for name, _, _ in order], pages + bakery_pages, results)
        if bursts:
            print("burst, 500 connections against the cached portal home:")
            for name, figures in bursts.items():
                print(
                    f"  {name:<20} {figures['rps']:>9.1f} req/s  failed {figures['failed']}"
                    f"  p50 {fmt_time(figures['p50'])}  p99 {fmt_time(figures['p99'])}"
                )
            print()
        if not options.bakerydemo:
            print("stock Wagtail (bakerydemo): not measured in this run (no --bakerydemo).")
        print(
            "X-Cache of the last warm-up answer behind Varnish: "
            + ", ".join(f"{page} {results[('behind Varnish', page)]['cache'] or '-'}" for page, _, _ in pages)
        )
        checked, missed = check_targets(pages, results, bursts)
        elapsed = time.monotonic() - started
        if missed:
            print(f"SUMMARY: {len(missed)} of {checked} targets missed in {elapsed:.0f} s: " + "; ".join(missed))
            return 1
        print(f"SUMMARY: all {checked} targets met in {elapsed:.0f} s ({duration} s per measurement)")
        return 0
    except BenchError as error:
        print(f"SUMMARY: benchmark could not run: {error}", file=sys.stderr)
        return 2
    finally:
        servers.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
