"""长者模式 in Chromium: switched on and used by keyboard alone, large and high-contrast, axe-clean."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.accessibility import AXE

# The WCAG contrast ratio of an element's computed colour against the first
# background behind it that is not transparent.
CONTRAST = """el => {
  const parse = (c) => c.match(/[\\d.]+/g).map(Number);
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  let background = [255, 255, 255];
  for (let node = el; node; node = node.parentElement) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.length < 4 || colour[3] > 0) { background = colour; break; }
  }
  const [light, dark] = [luminance(parse(getComputedStyle(el).color)), luminance(background)]
    .sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def page_types() -> list[str]:
    """One address of every kind of public page, from the demo content."""
    from disclosure.models import Publication

    public = list(Publication.objects.public().select_related("item"))
    policy = next(p for p in public if p.attachments.exists()).get_absolute_url()
    consultation = next(p for p in public if p.is_open_for_comments()).get_absolute_url()
    report = next(p for p in public if p.item.slug == "ndbg").get_absolute_url()
    leader = next(p for p in public if p.item.slug == "ldjj").get_absolute_url()
    return [
        "/",
        "/xxgk/",
        "/xxgk/zcfg/",
        "/xxgk/zcfg/zcwj/",
        "/xxgk/jgjj/ldjj/",
        "/xxgk/zfxxgk/gkzn/",
        policy,
        f"{policy}?size=large",
        f"{policy}print/",
        consultation,
        report,
        leader,
        "/search/",
        "/search/?q=就业",
        "/ysqgk/",
        "/ysqgk/sq/",
        "/ysqgk/cx/",
        "/wzdt/",
        "/no-such-page/",
    ]


def axe_violations(page: Page, elder: bool) -> str:
    """axe's report, or "" if none; in 长者模式 text must also reach 7:1 (WCAG AAA)."""
    options = {"resultTypes": ["violations"]}
    if elder:
        options["rules"] = {"color-contrast-enhanced": {"enabled": True}}
    results = AXE.run(page, options=options)
    return results.generate_report() if results.violations_count else ""


def tab_to(page: Page, name: str, limit: int = 250) -> None:
    """Press Tab until the control named `name` has the focus; every stop must show it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
              const el = document.activeElement;
              const style = getComputedStyle(el);
              return {
                name: el.textContent.trim(),
                outline: style.outlineStyle === "none" ? 0 : parseFloat(style.outlineWidth),
                tag: el.tagName,
              };
            }"""
        )
        assert focused["tag"] != "BODY", f"the focus left the page before reaching {name}"
        assert focused["outline"] >= 3, f"no visible focus on {focused}"
        if focused["name"] == name:
            return
    raise AssertionError(f"{name} is not reachable by Tab")


def assert_elder_page(page: Page, *, axe: bool = True) -> None:
    """Served in 长者模式: large type, wide lines, 7:1 contrast, no sideways scrolling, axe-clean.

    (axe cannot run where the page's scripts are off: its promise never settles.)
    """
    expect(page.locator("html")).to_have_class("elder")
    body = page.evaluate(
        "() => { const s = getComputedStyle(document.body); "
        "return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }"
    )
    assert body[0] >= 18, body
    assert body[1] >= 1.8 * body[0], body
    h1 = page.locator("h1").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert h1 >= 1.4 * body[0]
    texts = page.locator("main p, main li > a, main td, .site-nav a").all()
    assert texts
    for text in texts[:40]:
        size = text.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 18, text.inner_text()
        ratio = text.evaluate(CONTRAST)
        assert ratio >= 7, (text.inner_text(), ratio)
    assert page.evaluate(OVERFLOW) <= 0
    if axe:
        assert axe_violations(page, elder=True) == ""


def test_elder_mode_by_keyboard_across_three_pages(page: Page, site):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{site}/")
    standard = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="跳到主要内容")).to_be_focused()
    tab_to(page, "长者模式")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="退出长者模式")).to_be_focused()
    assert {"name": "mode", "value": "elder"}.items() <= page.context.cookies()[0].items()
    assert_elder_page(page)
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") > standard

    # Three pages, by keyboard only; each comes from the server in 长者模式.
    tab_to(page, "政府信息公开")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/xxgk/")
    assert_elder_page(page)

    tab_to(page, "政策文件")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/xxgk/zcfg/zcwj/")
    assert_elder_page(page)

    title = page.locator(".document-list a").first.inner_text().strip()
    tab_to(page, title)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert_elder_page(page)

    # 字号 大 on the document, kept in its address.
    prose = page.locator(".prose")
    medium = prose.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    tab_to(page, "字号大")
    page.keyboard.press("Enter")
    expect(page.locator("article.document")).to_have_class(re.compile("document--text-large"))
    expect(page).to_have_url(re.compile(r"\?size=large$"))
    large = prose.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    assert large >= 1.2 * medium
    page.reload()
    expect(page.locator("article.document")).to_have_class(re.compile("document--text-large"))
    expect(page.locator("[data-text-size=large]")).to_have_attribute("aria-current", "true")

    # And back to the standard look, from the same place on the page.
    page.keyboard.press("Tab")
    tab_to(page, "退出长者模式")
    page.keyboard.press("Enter")
    expect(page.locator("html")).not_to_have_class("elder")
    page.reload()
    expect(page.locator("html")).not_to_have_class("elder")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == standard


def test_without_javascript_the_switches_are_plain_links(browser: Browser, site):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(f"{site}/xxgk/zcfg/zcwj/?page=1")
    page.keyboard.press("Tab")
    tab_to(page, "长者模式")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site}/xxgk/zcfg/zcwj/?page=1")
    assert_elder_page(page, axe=False)

    page.locator(".document-list a").first.click()
    expect(page.get_by_role("button", name="朗读全文")).to_be_hidden()
    page.get_by_role("link", name=re.compile(r"^字号\s?小$")).click()
    expect(page).to_have_url(re.compile(r"\?size=small$"))
    expect(page.locator("article.document")).to_have_class(re.compile("document--text-small"))
    assert page.locator(".prose").evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 18
    assert_elder_page(page, axe=False)

    page.get_by_role("link", name="退出长者模式").click()
    expect(page).to_have_url(re.compile(r"\?size=small$"))
    expect(page.locator("html")).not_to_have_class("elder")
    page.context.close()


def test_reading_aloud_is_offered_only_where_the_browser_can_speak(page: Page, site):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site}{page_types()[6]}")
    can_speak = page.evaluate("'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window")
    read_aloud = page.get_by_role("button", name="朗读全文")
    if can_speak:
        expect(read_aloud).to_be_visible()
        read_aloud.focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")
        page.evaluate("window.speechSynthesis.cancel()")
        expect(read_aloud).to_be_visible()
    else:
        expect(read_aloud).to_be_hidden()
    assert errors == []


@pytest.mark.parametrize(
    ("width", "scale"),
    [(390, 3), (683, 2)],  # a phone, and a 1366 px screen at 200 % zoom
)
def test_no_page_scrolls_sideways_in_elder_mode(browser: Browser, site, width, scale):
    context = browser.new_context(
        viewport={"width": width, "height": 844}, device_scale_factor=scale
    )
    context.add_cookies([{"name": "mode", "value": "elder", "url": site}])
    page = context.new_page()
    wide = []
    for path in page_types():
        page.goto(f"{site}{path}")
        expect(page.locator("html")).to_have_class("elder")
        if page.evaluate(OVERFLOW) > 0:
            wide.append(path)
    assert wide == []
    context.close()


@pytest.mark.parametrize("elder", [False, True], ids=["standard", "elder"])
def test_every_page_type_has_no_axe_violations_in_both_modes(browser: Browser, site, elder):
    context = browser.new_context()
    if elder:
        context.add_cookies([{"name": "mode", "value": "elder", "url": site}])
    page = context.new_page()
    reports = {}
    for path in page_types():
        page.goto(f"{site}{path}")
        if elder:
            expect(page.locator("html")).to_have_class("elder")
        else:
            expect(page.locator("html")).not_to_have_class("elder")
        if report := axe_violations(page, elder):
            reports[path] = report
    assert reports == {}, "\n".join(f"{path}: {report}" for path, report in reports.items())
    context.close()
