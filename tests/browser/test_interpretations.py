"""A 政策解读 with a 图解 in Chromium: the picture loads under the CSP, fits a phone, passes axe."""

from playwright.sync_api import Page, expect

from tests.browser.accessibility import assert_accessible


def illustrated_reading():
    from disclosure.models import Publication

    return Publication.objects.public().get(title="一图读懂根治欠薪冬季专项行动")


def test_the_infographic_shows_with_its_alt_and_links_to_its_policy(page: Page, site):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    reading = illustrated_reading()
    page.goto(f"{site}{reading.get_absolute_url()}")
    picture = page.locator(".prose figure img")
    expect(picture).to_have_attribute("alt", reading.body.split('alt="')[1].split('"')[0])
    expect(page.locator(".prose figcaption")).to_have_text("根治欠薪冬季专项行动图解")
    assert picture.evaluate("img => img.complete && img.naturalWidth") == 720
    assert not [m for m in messages if "Content Security Policy" in m], messages
    assert_accessible(page)

    page.get_by_role("link", name=reading.interprets.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(reading.interprets.title)
    expect(page.get_by_role("heading", name="政策解读", level=3)).to_be_visible()
    expect(page.get_by_role("link", name=reading.title)).to_be_visible()


def test_the_infographic_fits_a_phone(page: Page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site}{illustrated_reading().get_absolute_url()}")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    width = page.locator(".prose figure img").evaluate("img => img.getBoundingClientRect().width")
    assert width < 390
    assert_accessible(page)
