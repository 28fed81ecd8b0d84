"""The web app in a real browser: Debian's Chromium driven by Playwright against a real
uvicorn server and a real SQLite file. Screenshots of each page go to artifacts/screenshots/.

Every request the pages make is recorded: none may leave the server (no CDN).
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web_fixtures import figures_report, running, store, xss_report

from policyledger.evaluate import DEMO_REPORT
from policyledger.store.db import connect
from policyledger.web.app import create_app
from policyledger.web.services import available, features

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    engine = connect(url)
    ids = {"figures": store(engine, figures_report()), "xss": store(engine, xss_report())}
    engine.dispose()
    with running(create_app(url)) as base:
        yield {"base": base, "db": url, **ids}


class Visit:
    """A browser tab that remembers every request it made and every dialog that opened."""

    def __init__(self, browser: Any, base: str, width: int = 1280) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True, locale="zh-TW")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []  # script errors and Content-Security-Policy refusals
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" and "status of 4" not in message.text else None)

        def dismiss(dialog: Any) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", dismiss)

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return self.page

    def shot(self, name: str, full_page: bool = False) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        outside = [url for url in self.requests if not url.startswith((self.base, "data:", "blob:"))]
        self.context.close()
        assert outside == [], f"requests left the server: {outside}"
        assert self.errors == [], f"errors in the page: {self.errors}"


@pytest.fixture
def visit(browser: Any, site: dict[str, str]) -> Iterator[Visit]:
    tab = Visit(browser, site["base"])
    yield tab
    tab.close()


def test_upload_a_report_through_the_page(visit: Visit):
    from playwright.sync_api import expect

    page = visit.go("/")
    statuses: list[str] = []
    page.expose_function("recordStatus", lambda text: statuses.append(text))
    page.evaluate("""() => { const s = document.getElementById('upload-status');
        new MutationObserver(() => window.recordStatus(s.textContent)).observe(s, {childList: true, subtree: true, characterData: true}); }""")
    visit.shot("reports")
    # refused: a picture named .txt is judged by its content
    page.set_input_files("#file-input", files=[{"name": "photo.txt", "mimeType": "text/plain", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40}])
    page.click("#upload-button")
    expect(page.locator("#upload-status")).to_contain_text("無法匯入 (422)")
    expect(page.locator("#upload-status")).to_contain_text("photo.txt")
    visit.shot("upload-refused")
    # accepted: the bundled sample report
    page.set_input_files("#file-input", str(DEMO_REPORT))
    page.click("#upload-button")
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{12}$"), timeout=30_000)
    assert any("上傳中" in s for s in statuses) and any("處理中" in s for s in statuses) and any("已匯入" in s for s in statuses)
    expect(page.locator("h1")).to_have_text("經濟部業務報告")
    expect(page.locator("nav.outline a", has_text="工業").first).to_be_visible()
    visit.shot("reader-sample")


def test_drop_a_file_on_the_drop_zone(visit: Visit):
    from playwright.sync_api import expect

    page = visit.go("/")
    page.evaluate("""() => { const data = new DataTransfer();
        data.items.add(new File(['拖放報告\\n壹、工業\\n一、促成 12 家廠商投資。\\n'], 'dropped.txt', {type: 'text/plain'}));
        document.getElementById('dropzone').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true})); }""")
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{12}$"), timeout=15_000)
    expect(page.locator("h1")).to_have_text("拖放報告")


def test_walk_the_outline_and_open_a_figure(visit: Visit, site: dict[str, str]):
    from playwright.sync_api import expect

    doc = site["figures"]
    page = visit.go(f"/doc/{doc}")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    for _ in range(30):  # the outline's items are reachable with Tab
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('nav.outline') !== null && document.activeElement.tagName === 'A'"):
            break
    else:
        pytest.fail("Tab never reached the outline")
    branch = page.locator("nav.outline summary", has_text="推動產業創新")
    branch.focus()  # a closed branch opens from the keyboard
    page.keyboard.press("Enter")
    expect(page.locator("nav.outline a:has-text('總計核准')")).to_be_visible()
    page.click("nav.outline a:has-text('總計核准')")
    assert page.url.endswith("#n4")
    expect(page.locator("nav.outline a[aria-current]")).to_have_text("(二) 總計核准17,797家、261.61億元")
    expect(page.locator("#n4")).to_be_in_viewport()
    # the figure's details: click opens, Escape closes; hover shows them too
    figure = page.locator("button.fig", has_text="261.61億元")
    figure.click()
    card = figure.locator("xpath=following-sibling::span[contains(@class,'fig-card')]")
    expect(card).to_be_visible()
    expect(card).to_contain_text("26,161,000,000 TWD")
    expect(card).to_contain_text("實際")
    expect(card).to_contain_text("億元")
    assert figure.get_attribute("aria-expanded") == "true"
    visit.shot("reader-figure")
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)
    expect(card).to_be_hidden()
    target = page.locator("button.fig", has_text="20GW")
    target.hover()
    expect(target.locator("xpath=following-sibling::span")).to_contain_text("2025-01-01 – 2025-12-31")
    page.goto(f"{visit.base}/doc/{doc}#n9")  # a link into the text opens the outline's closed branch
    expect(page.locator("nav.outline a[aria-current]")).to_be_visible()
    expect(page.locator("nav.outline a[aria-current]")).to_contain_text("110年預計補助3億元")
    # the permalink of an item with parentheses in its path
    page.locator("#n4 a.permalink").click()
    page.wait_for_url(re.compile(r"/node/"))
    assert page.url.endswith(f"/doc/{doc}/node/%E5%A3%B9/%E4%B8%80/(%E4%BA%8C)")
    expect(page.locator(".crumbs li")).to_have_count(3)
    expect(page.locator("#permalink")).to_have_value(page.url)
    expect(page.locator("nav.outline a[aria-current]")).to_contain_text("總計核准")
    expect(page.locator("table.claims tbody tr")).to_have_count(2)
    visit.shot("item-permalink")
    page.click("a[rel=next]")
    expect(page.locator(".crumbs li").last).to_contain_text("能源轉型")


def test_filter_claims_and_download_csv(visit: Visit, site: dict[str, str]):
    from playwright.sync_api import expect

    page = visit.go(f"/data?doc={site['xss']}")
    expect(page.locator("#claim-total")).to_have_text("1")
    page.select_option("#f-doc", site["figures"])
    page.click(".filters button[type=submit]")
    expect(page.locator("#claim-total")).to_have_text("5")
    page.select_option("#f-dimension", "money")
    page.click(".filters button[type=submit]")
    expect(page.locator("#claim-total")).to_have_text("2")
    assert "dimension=money" in page.url
    expect(page.locator("figure.chart-box figcaption").first).to_contain_text("金額")
    expect(page.locator("figure.chart-box svg rect")).to_have_count(4)  # two sections, two years
    page.click("th a.sort-link:has-text('標準化')")
    page.click("th a.sort-link:has-text('標準化')")  # second click: descending
    expect(page.locator("th[aria-sort=descending]")).to_have_count(1)
    expect(page.locator("table.claims tbody tr").first).to_contain_text("261.61億元")
    visit.shot("data-money")
    with page.expect_download() as waiting:
        page.click("a.download:has-text('CSV')")
    rows = list(csv.DictReader(io.StringIO(Path(waiting.value.path()).read_text(encoding="utf-8-sig"))))
    assert [(row["text"], row["base_value"], row["base_unit"]) for row in rows] == [("261.61億元", "26161000000", "TWD"), ("3億元", "300000000", "TWD")]
    page.fill("#f-since", "2021-01-01")
    page.click(".filters button[type=submit]")
    expect(page.locator("#claim-total")).to_have_text("1")


def test_report_markup_never_runs(visit: Visit, site: dict[str, str]):
    from playwright.sync_api import expect

    doc = site["xss"]
    for path in (f"/doc/{doc}", f"/doc/{doc}/node/壹/一", "/", f"/data?doc={doc}", "/search?q=script"):
        page = visit.go(path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, path
    page = visit.go(f"/doc/{doc}")
    expect(page.locator("section.item", has_text="<script>window.__xss = 1; alert(1)</script>標題")).to_have_count(1)
    expect(page.get_by_text('<img src=x onerror="window.__xss = 2; alert(2)">', exact=False)).to_be_visible()
    expect(page.locator("section.item img")).to_have_count(0)
    expect(page.locator("section.item script")).to_have_count(0)
    page.locator("button.fig", has_text="5 億元").click()
    expect(page.locator(".fig-wrap.open .fig-card")).to_contain_text("<script>alert(4)</script>")
    visit.shot("xss-literal")
    assert visit.dialogs == []


def test_phone_width_pages_fit(browser: Any, site: dict[str, str]):
    tab = Visit(browser, site["base"], width=390)
    try:
        pages = (("phone-reports", "/"), ("phone-reader", f"/doc/{site['figures']}"), ("phone-item", f"/doc/{site['figures']}/node/壹/一"),
                 ("phone-data", f"/data?doc={site['figures']}"), ("phone-search", "/search?q=太陽光電"))
        for name, path in pages:
            page = tab.go(path)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} is {overflow}px wider than the phone screen"
            tab.shot(name)
    finally:
        tab.close()


def test_every_control_has_a_label(visit: Visit, site: dict[str, str]):
    unlabelled = """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
        .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.textContent.trim())
        .map(el => el.outerHTML.slice(0, 80))"""
    for path in ("/", "/data", "/search?q=太陽光電", f"/doc/{site['figures']}/node/壹/一", f"/doc/{site['figures']}"):
        assert visit.go(path).evaluate(unlabelled) == [], path


def test_api_docs_load_offline(visit: Visit):
    from playwright.sync_api import expect

    page = visit.go("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("policyledger", timeout=15_000)
    expect(page.locator(".opblock-summary-path", has_text="/api/claims").first).to_be_visible()
    visit.shot("api-docs")


def test_read_only_server_hides_writing(browser: Any, site: dict[str, str]):
    from playwright.sync_api import expect

    with running(create_app(site["db"], read_only=True)) as base:
        tab = Visit(browser, base)
        try:
            page = tab.go("/")
            expect(page.locator("#upload-form")).to_have_count(0)
            expect(page.locator(".delete-form")).to_have_count(0)
            expect(page.locator("footer")).to_contain_text("唯讀")
            status = page.evaluate("async () => (await fetch('/api/docs', {method: 'POST', body: new FormData()})).status")
            assert status == 405
            tab.shot("read-only")
        finally:
            tab.close()


def test_token_server_asks_for_the_token(browser: Any, site: dict[str, str]):
    from playwright.sync_api import expect

    with running(create_app(site["db"], token="s3cret")) as base:
        tab = Visit(browser, base)
        try:
            page = tab.go("/")
            report = {"name": "token-report.txt", "mimeType": "text/plain", "buffer": "權杖報告\n壹、工業\n".encode()}
            page.set_input_files("#file-input", files=[report])
            page.fill("#token-input", "wrong")
            page.click("#upload-button")
            expect(page.locator("#upload-status")).to_contain_text("(403)")
            tab.shot("token-refused")
            page.fill("#token-input", "s3cret")
            page.click("#upload-button")
            page.wait_for_url(re.compile(r"/doc/[0-9a-f]{12}$"), timeout=15_000)
            expect(page.locator("h1")).to_have_text("權杖報告")
        finally:
            tab.close()


@pytest.mark.skipif(not available("search"), reason="policyledger.search is not installed yet")
def test_search_shows_highlighted_passages(visit: Visit):
    from playwright.sync_api import expect

    page = visit.go("/search")
    page.fill("#q", "太陽光電")
    page.press("#q", "Enter")
    expect(page.locator("ol.hits li").first).to_be_visible()
    expect(page.locator("ol.hits mark").first).to_contain_text("太陽光電")
    visit.shot("search")
    page.locator("ol.hits a.hit-link").first.click()
    page.wait_for_url(re.compile(r"/node/"))


@pytest.mark.skipif(not available("ask"), reason="policyledger.ask is not installed yet")
def test_ask_answers_with_a_citation_link(visit: Visit):
    from playwright.sync_api import expect

    page = visit.go("/search")
    page.fill("#q", "110年預計補助多少？")
    page.press("#q", "Enter")
    expect(page.locator(".answer-text")).to_contain_text("3億元")
    visit.shot("ask")
    page.locator("a.citation-link").first.click()
    page.wait_for_url(re.compile(r"/node/"))
    expect(page.locator(".item.current")).to_contain_text("110年預計補助3億元")
    page = visit.go("/search?q=" + "月球基地預算是多少？")
    expect(page.locator(".not-said")).to_contain_text("報告中沒有提到")


@pytest.mark.skipif(not features()["targets"], reason="policyledger.track is not installed yet")
def test_targets_dashboard(visit: Visit, site: dict[str, str]):
    from playwright.sync_api import expect

    page = visit.go("/")
    page.click("nav.site-nav a:has-text('目標追蹤')")
    page.select_option("#t-doc", site["figures"])
    page.click(".filters button[type=submit]")
    expect(page.locator("li.target")).to_have_count(int(page.locator("#target-total").inner_text()))
    expect(page.locator("li.target", has_text="20GW")).to_have_count(1)
    page.locator("li.target details summary").first.click()
    expect(page.locator("li.target blockquote").first).to_be_visible()
    visit.shot("targets")


@pytest.mark.skipif(not features()["targets"], reason="policyledger.track is not installed yet")
def test_editions_compared_in_the_page(visit: Visit, site: dict[str, str]):
    from playwright.sync_api import expect
    from tests.web_fixtures import SECOND_EDITION

    page = visit.go("/")
    page.set_input_files("#file-input", files=[{"name": "edition-2.txt", "mimeType": "text/plain", "buffer": SECOND_EDITION.encode()}])
    page.click("#upload-button")
    page.wait_for_url(re.compile(r"/doc/[0-9a-f]{12}$"), timeout=15_000)
    newer = page.url.rsplit("/", 1)[-1]
    page.click("nav.site-nav a:has-text('版本比較')")
    page.select_option("#diff-a", site["figures"])
    page.select_option("#diff-b", newer)
    page.click(".filters button[type=submit]")
    row = page.locator("tr.change-figure_changed", has_text="18,020家")
    expect(row).to_contain_text("17,797家")
    expect(page.locator("tr.change-item_added")).to_contain_text("離岸風電")
    visit.shot("diff")
    row.locator("a").last.click()
    page.wait_for_url(re.compile(r"/node/"))
    expect(page.locator(".item.current")).to_contain_text("18,020家")
