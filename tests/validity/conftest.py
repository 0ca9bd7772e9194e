"""The independent checkers of the page-validity journey, from the npm registry.

`tools/validators/package.json` + `package-lock.json` pin vnu-jar (the Nu Html Checker, run
with Java) and axe-core (injected into Chromium through Playwright). `make test` runs
`npm ci` there when node_modules is missing; this fixture does the same for a bare `pytest`.
Install scripts are skipped: vnu-jar's would download a Java runtime, and Debian's is used.
"""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent.parent / "tools" / "validators"
VNU_JAR = TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = TOOLS / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class Validators:
    java: str
    vnu_jar: Path
    axe_js: Path


def install_validators() -> None:
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing: install Debian's npm (`apt-get install npm`) to run the "
                    "page validators.")
    subprocess.run([npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=TOOLS,
                   check=True, timeout=600)


@pytest.fixture(scope="session")
def validators() -> Validators:
    if not (VNU_JAR.exists() and AXE_JS.exists()):
        install_validators()
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: the Nu Html Checker runs on Debian's default-jre-headless.")
    return Validators(java=java, vnu_jar=VNU_JAR, axe_js=AXE_JS)
