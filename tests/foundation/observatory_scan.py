"""Runs MDN's HTTP Observatory against PeerSupport in production settings, all on loopback.

Run as root: `.venv/bin/python tests/foundation/observatory_scan.py` prints the scanner's JSON
report.

The scanner (`@mdn/mdn-http-observatory`, installed in tools/observatory/ by `npm ci`) always
asks for http://HOST/ and https://HOST/ on ports 80 and 443 and grades the redirect between them,
so this script makes a private network namespace (`unshare --net`: its own loopback, where ports
80 and 443 are free whatever else runs on the machine), and there starts the ASGI app twice on
127.0.0.1 with DEBUG=0: plain HTTP on 80 (which only redirects to HTTPS, as nginx does) and TLS on
443 with a certificate made for the run. The scanner trusts that certificate through
NODE_EXTRA_CA_CERTS, so it grades the site exactly as it would a public one.

The package's install step downloads Chromium's HSTS preload list and IANA's TLD list, which
this machine cannot reach (`npm ci --ignore-scripts`); neither concerns a loopback address (the
TLD list serves only its web API), so an empty preload list stands in.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "tools" / "observatory"
PACKAGE = HERE / "node_modules" / "@mdn" / "mdn-http-observatory"
HOST = "127.0.0.1"


def install() -> None:
    """`npm ci` from the committed lock file, when the package is missing."""
    if not (PACKAGE / "src" / "scan.js").exists():
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
                       cwd=HERE, check=True, stdout=subprocess.DEVNULL)
    preload = PACKAGE / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")


def make_certificate(folder: Path) -> tuple[Path, Path]:
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=PeerSupport loopback",
         "-addext", f"subjectAltName=IP:{HOST},DNS:localhost",
         "-addext", "basicConstraints=critical,CA:TRUE"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return key, cert


def production_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "DJANGO_SETTINGS_MODULE",
                        "ALLAUTH_TRUSTED_PROXY_COUNT", "SECURE_SSL_REDIRECT")}
    env.update({
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": f"sqlite:///{folder / 'observatory.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "peersupport.settings",
    })
    return env


def wait_for_port(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server on port {port} did not start")


def inside_namespace(folder: Path) -> int:
    """Runs in the private network namespace: servers up, scan, servers down."""
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
    env = production_env(folder)
    key, cert = folder / "key.pem", folder / "cert.pem"
    uvicorn = [sys.executable, "-m", "uvicorn", "peersupport.asgi:application", "--host", HOST,
               "--no-access-log", "--log-level", "warning"]
    servers = [
        subprocess.Popen([*uvicorn, "--port", "80"], cwd=ROOT, env=env),
        subprocess.Popen([*uvicorn, "--port", "443", "--ssl-keyfile", str(key),
                          "--ssl-certfile", str(cert)], cwd=ROOT, env=env),
    ]
    try:
        deadline = time.monotonic() + 60
        wait_for_port(80, deadline)
        wait_for_port(443, deadline)
        scan = subprocess.run(
            ["node", str(PACKAGE / "src" / "scan.js"), HOST],
            env={**os.environ, "NODE_EXTRA_CA_CERTS": str(cert)},
            capture_output=True, text=True, timeout=120)
        sys.stdout.write(scan.stdout)
        sys.stderr.write(scan.stderr)
        return scan.returncode
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--inside":
        return inside_namespace(Path(sys.argv[2]))
    install()
    folder = Path(tempfile.mkdtemp(prefix="observatory-"))
    try:
        make_certificate(folder)
        env = production_env(folder)
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True,
                           stdout=subprocess.DEVNULL)
        return subprocess.run(["unshare", "--net", sys.executable, __file__, "--inside",
                               str(folder)], cwd=ROOT).returncode
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
