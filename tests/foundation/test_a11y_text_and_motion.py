"""WCAG 2.2: text resizable to 200% without loss (1.4.4), and motion only for those who want it
(2.3.3, prefers-reduced-motion).

Text: the root font size is doubled (as a browser's "text size" setting does: every rem and em
grows), on a desktop window and on a 390 px wide phone; the page must not scroll sideways and
its main controls (brand, navigation, heading, the main form's fields and buttons, the footer's
language switcher) stay on screen, none cut off.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import log_in

REPO = Path(settings.BASE_DIR)
PASSWORD = "peersupport-demo"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# The controls that must stay reachable on every page (CSS selectors; each that exists on the
# page is checked), plus each page's own.
COMMON = ["header .brand", "main h1", "#language-switcher", ".language-switcher button"]
SIGNED_OUT_PAGES = {
    "/accounts/login/": ["input[name=login]", "input[name=password]",
                         "main button[type=submit]"],
    "/accounts/signup/": ["input[name=email]", "main button[type=submit]"],
}
SIGNED_IN_PAGES = {
    "/": ["nav[aria-label] a", ".account-menu a"],
    "/profile/": ["select[name=language]", "select[name=time_zone]", "main form button"],
    "/groups/": [],
}
# Pages laid out by the apps' own sheets (each grid track's minimum is `min(Xrem, 100%)`, so no
# track is wider than a phone once text is doubled).
APP_PAGES = ["/sessions/", "/support/", "/recognition/", "/activities/", "/training/",
             "/groups/monday-peer-circle/"]

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  // The innermost elements that reach past the right edge: what to fix when it scrolls.
  const past = [...document.querySelectorAll("main *")].filter(
    (el) => el.getBoundingClientRect().right > width + 1 &&
            ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1));
  const classes = (el) => typeof el.className === "string" && el.className.trim()
    ? "." + el.className.trim().split(/\\s+/).join(".") : "";
  const names = past.slice(0, 3).map((el) => el.tagName.toLowerCase() + classes(el));
  return {scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
          width, past: names};
}"""

CUT_OFF = """([selectors, width]) => {
  const problems = [];
  for (const selector of selectors) {
    const elements = [...document.querySelectorAll(selector)].slice(0, 8);
    for (const el of elements) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") {
        problems.push(selector + ": hidden"); continue;
      }
      if (box.width < 1 || box.height < 1) { problems.push(selector + ": no size"); continue; }
      if (box.left < -1 || box.right > width + 1) {
        problems.push(selector + ": off screen (" + Math.round(box.left) + ".." +
                      Math.round(box.right) + " of " + width + ")");
      }
      // Clipped by an ancestor that hides its overflow.
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.overflowX === "hidden" || s.overflow === "hidden") {
          const outer = up.getBoundingClientRect();
          if (box.right > outer.right + 1 || box.left < outer.left - 1) {
            problems.push(selector + ": clipped by " + up.tagName.toLowerCase());
          }
          break;
        }
      }
    }
  }
  return problems;
}"""


def check_page(page, url: str, selectors: list[str]) -> list[str]:
    page.goto(url, wait_until="load")
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    page.wait_for_timeout(50)
    problems = []
    sizes = page.evaluate(OVERFLOW)
    if sizes["scroll"] > sizes["width"] + 1:
        problems.append(f"scrolls sideways ({sizes['scroll']} px wide for {sizes['width']}; "
                        f"past the edge: {', '.join(sizes['past'])})")
    wanted = [s for s in [*COMMON, *selectors] if page.locator(s).count()]
    missing = [s for s in [*COMMON, *selectors] if s not in wanted]
    problems += [f"{s}: missing" for s in missing if s not in ("main h1",)]
    problems += page.evaluate(CUT_OFF, [wanted, sizes["width"]])
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_text_at_200_percent_loses_nothing(live_server, browser, settings):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    failures = []
    for name, viewport in VIEWPORTS.items():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(15_000)
        for path, selectors in SIGNED_OUT_PAGES.items():
            failures += [f"{name} signed out {path}: {p}"
                         for p in check_page(page, live_server.url + path, selectors)]
        log_in(page, live_server.url, "employee@example.com", PASSWORD)
        for path, selectors in SIGNED_IN_PAGES.items():
            failures += [f"{name} employee {path}: {p}"
                         for p in check_page(page, live_server.url + path, selectors)]
        context.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_apps_pages_at_200_percent_on_a_phone_lose_nothing(live_server, browser):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.set_default_timeout(15_000)
    log_in(page, live_server.url, "employee@example.com", PASSWORD)
    failures = [f"phone employee {path}: {p}" for path in APP_PAGES
                for p in check_page(page, live_server.url + path, [])]
    context.close()
    assert failures == [], "\n".join(failures)


@pytest.mark.browser
def test_reduced_motion_stops_transitions_animations_and_smooth_scrolling(browser, live_server):
    """With the system's "reduce motion" on, site.css (on every page) takes every transition,
    animation and smooth scroll down to nothing, whatever an app's own sheet says; without it,
    an app's motion plays as written."""
    css = """.moving { transition: transform 3s ease; animation: spin 4s infinite;
                       scroll-behavior: smooth; }
             @keyframes spin { to { transform: rotate(360deg); } }"""
    measured = {}
    for preference in ("reduce", "no-preference"):
        context = browser.new_context(reduced_motion=preference, bypass_csp=True)
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/", wait_until="load")
        page.add_style_tag(content=css)
        measured[preference] = page.evaluate("""() => {
            const el = document.createElement('div');
            el.className = 'moving';
            document.body.appendChild(el);
            const s = getComputedStyle(el);
            return {transition: parseFloat(s.transitionDuration),
                    animation: parseFloat(s.animationDuration),
                    iterations: s.animationIterationCount, scroll: s.scrollBehavior,
                    rootScroll: getComputedStyle(document.documentElement).scrollBehavior};
        }""")
        context.close()
    reduced, normal = measured["reduce"], measured["no-preference"]
    assert reduced["transition"] < 0.001 and reduced["animation"] < 0.001
    assert reduced["iterations"] == "1" and reduced["scroll"] == "auto"
    assert reduced["rootScroll"] == "auto"
    assert normal["transition"] == 3 and normal["animation"] == 4 and normal["scroll"] == "smooth"


MOTION = re.compile(r"\b(transition|animation)(-[a-z-]+)?\s*:|scroll-behavior\s*:\s*smooth|"
                    r"@keyframes")
SMOOTH_SCRIPT = re.compile(r"behavior\s*:\s*[\"']smooth[\"']|\.animate\s*\(")


def test_no_script_moves_things_without_asking_about_reduced_motion():
    """CSS motion anywhere is stopped by site.css's rule; a script's motion is not, so a script
    that scrolls smoothly or animates must check prefers-reduced-motion itself."""
    site_css = (REPO / "static" / "css" / "site.css").read_text()
    assert "@media (prefers-reduced-motion: reduce)" in site_css
    base = (REPO / "templates" / "base.html").read_text()
    assert "css/site.css" in base  # so the rule is on every page
    offenders = []
    for script in REPO.glob("*/static/**/*.js"):
        text = script.read_text(errors="replace")
        if SMOOTH_SCRIPT.search(text) and "prefers-reduced-motion" not in text:
            offenders.append(str(script.relative_to(REPO)))
    assert offenders == []


def test_the_site_rule_covers_every_kind_of_motion():
    """Transitions, animations (and their repeats and delays) and smooth scrolling, all with
    !important so no app sheet (loaded after site.css) can win over it."""
    rule = re.search(r"@media \(prefers-reduced-motion: reduce\) \{(.*?)\n\}",
                     (REPO / "static" / "css" / "site.css").read_text(), re.S)
    assert rule, "site.css must hold the reduced-motion rule"
    for declaration in ("animation-duration: .01ms !important",
                        "animation-iteration-count: 1 !important",
                        "animation-delay: 0s !important",
                        "transition-duration: .01ms !important",
                        "transition-delay: 0s !important",
                        "scroll-behavior: auto !important"):
        assert declaration in rule.group(1)
