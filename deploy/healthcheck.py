"""Container health check: GET /healthz on the local app server, exit 0 only on HTTP 200.

Sends a Host header the app accepts (the first ALLOWED_HOSTS entry) and says the request
came over HTTPS, as the proxy would, so neither host validation nor the SSL redirect
gets in the way.
"""

import os
import sys
import urllib.error
import urllib.request


def main() -> int:
    hosts = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost").split(",")]
    host = next((h.lstrip(".") for h in hosts if h and h != "*"), "localhost")
    request = urllib.request.Request(  # noqa: S310 - fixed local http URL
        "http://127.0.0.1:8000/healthz",
        headers={"Host": host, "X-Forwarded-Proto": "https"},
    )
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as exc:
        print(f"unhealthy: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
