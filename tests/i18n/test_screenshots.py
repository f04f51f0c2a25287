"""The same portal page in Chinese and in Uyghur, in a real Chromium: the Uyghur layout is mirrored.

Screenshots go to test-artifacts/ (i18n-*-zh-hans.png, i18n-*-ug.png, and i18n-*-ky-phone.png,
i18n-*-en-phone.png at phone width) for a person to look at.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings

from fixtures.data.translations import DOCUMENT
from hub.tenancy.models import Department

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
WIDTH = 1280

# Where the first item of each mirrored element sits: its left edge in left-to-right pages, its right
# edge in right-to-left ones, each measured from the side the reading starts.
ELEMENTS = {
    "site title": ".site-title",
    "first menu item": ".main-nav__list > li:first-child",
    "breadcrumb home": ".breadcrumb ol > li:first-child",
    "first paragraph": ".article p",
    "first list item": ".panel li",
    "first table heading": "table th",
}


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI installs it, so the browser tests must run there")
    pytest.skip(reason)


@pytest.fixture
def portal_host(live_server, demo):
    """The portal's host and port, read before the browser starts."""
    port = live_server.url.rsplit(":", 1)[1]
    return f"{Department.objects.get(code='portal').hostname}:{port}"


@pytest.fixture
def browser(portal_host):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def visit(browser, url, screenshot):
    """Open a page, keep a full-page screenshot, and report where things are and what was fetched."""
    page = browser.new_page(viewport={"width": WIDTH, "height": 900})
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(url)
    assert response.status == 200, url
    page.screenshot(path=ARTIFACTS / screenshot, full_page=True)
    boxes = {
        name: page.locator(selector).first.bounding_box() if page.locator(selector).count() else None
        for name, selector in ELEMENTS.items()
    }
    found = {
        "dir": page.evaluate("document.documentElement.dir"),
        "lang": page.evaluate("document.documentElement.lang"),
        "font": page.evaluate("getComputedStyle(document.querySelector('.site-main')).fontFamily"),
        "direction": page.evaluate("getComputedStyle(document.querySelector('.main-nav__list')).direction"),
        "boxes": boxes,
        "requested": requested,
    }
    page.close()
    return found


@pytest.mark.parametrize(
    ("name", "path"), [("prefecture", "/zjkz/zqgk/"), ("home", "/"), ("document", f"/zfwj/{DOCUMENT['slug']}/")]
)
def test_the_uyghur_page_mirrors_the_chinese_one(browser, portal_host, name, path):
    chinese = visit(browser, f"http://{portal_host}{path}", f"i18n-{name}-zh-hans.png")
    uyghur = visit(browser, f"http://{portal_host}/ug{path}", f"i18n-{name}-ug.png")

    assert (chinese["lang"], chinese["dir"], chinese["direction"]) == ("zh-hans", "ltr", "ltr")
    assert (uyghur["lang"], uyghur["dir"], uyghur["direction"]) == ("ug", "rtl", "rtl")
    assert uyghur["font"].startswith('"Noto Naskh Arabic"'), uyghur["font"]
    assert chinese["font"].startswith('"Noto Sans CJK SC"'), chinese["font"]

    for element, box in chinese["boxes"].items():
        mirrored = uyghur["boxes"][element]
        if box is None or mirrored is None:
            assert box is None and mirrored is None, f"{element} is on one page only"
            continue
        # Chinese: starts near the left edge. Uyghur: ends near the right edge.
        assert box["x"] < WIDTH / 3, f"{element} in Chinese starts at {box['x']}"
        assert mirrored["x"] + mirrored["width"] > WIDTH * 2 / 3, f"{element} in Uyghur ends at {mirrored}"

    # Fonts and everything else come from the site itself: nothing is downloaded from elsewhere.
    for url in chinese["requested"] + uyghur["requested"]:
        assert url.startswith(f"http://{portal_host}/"), url


PHONE = 390


@pytest.mark.parametrize("language", ["ky", "en"])
@pytest.mark.parametrize(("name", "path"), [("prefecture", "/zjkz/zqgk/"), ("home", "/")])
def test_kyrgyz_and_english_pages_fit_a_phone(browser, portal_host, language, name, path):
    """At 390 px nothing sticks out sideways: longer Kyrgyz and English words wrap or shrink."""
    page = browser.new_page(viewport={"width": PHONE, "height": 844})
    response = page.goto(f"http://{portal_host}/{language}{path}")
    assert response.status == 200
    page.screenshot(path=ARTIFACTS / f"i18n-{name}-{language}-phone.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    # Elements whose box reaches past either edge of the screen (hidden ones have no box).
    outside = page.evaluate(
        """(width) => [...document.querySelectorAll('body *')].filter((element) => {
            const box = element.getBoundingClientRect();
            return box.width > 0 && (box.right > width + 1 || box.left < -1);
        }).map((element) => element.tagName.toLowerCase() + '.' + [...element.classList].join('.')).slice(0, 10)""",
        PHONE,
    )
    direction = page.evaluate("document.documentElement.dir")
    page.close()
    assert direction == ("rtl" if language == "ky" else "ltr")
    assert width <= PHONE, f"{language}{path} is {width}px wide on a {PHONE}px phone: {outside}"
    assert not outside, f"{language}{path}: outside the screen: {outside}"
