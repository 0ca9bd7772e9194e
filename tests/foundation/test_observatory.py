"""MDN's HTTP Observatory grades the production settings A+ (its own scoring, run locally).

`tests/foundation/observatory_scan.py` starts the app with DEBUG=0 on ports 80 and 443 of a
private loopback (a network namespace of its own) and runs the `@mdn/mdn-http-observatory`
scanner against it; see that file for how.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCAN = ROOT / "tests" / "foundation" / "observatory_scan.py"


@pytest.fixture(scope="module")
def report() -> dict:
    for tool in ("node", "npm", "openssl", "unshare", "ip"):
        if shutil.which(tool) is None:
            pytest.fail(f"The Observatory scan needs `{tool}` on this machine.")
    if os.geteuid() != 0:
        pytest.fail("The Observatory scan makes its own network namespace: run it as root.")
    scan = subprocess.run([sys.executable, str(SCAN)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert scan.returncode == 0, scan.stderr[-3000:]
    return json.loads(scan.stdout)


def test_the_observatory_grades_production_a_plus(report):
    assert report["scan"]["grade"] == "A+", report["scan"]
    assert report["scan"]["testsFailed"] == 0


@pytest.mark.parametrize("test, result", [
    ("content-security-policy", "csp-implemented-with-no-unsafe"),
    ("x-frame-options", "x-frame-options-implemented-via-csp"),
    ("redirection", "redirection-to-https"),
    ("strict-transport-security", "hsts-implemented-max-age-at-least-six-months"),
    ("cookies", "cookies-secure-with-httponly-sessions-and-samesite"),
    ("referrer-policy", "referrer-policy-private"),
    ("x-content-type-options", "x-content-type-options-nosniff"),
    ("cross-origin-resource-policy", "corp-implemented-with-same-origin"),
])
def test_each_observatory_check_passes_for_the_reason_we_expect(report, test, result):
    assert report["tests"][test]["result"] == result
    assert report["tests"][test]["pass"]
