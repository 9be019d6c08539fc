"""Finding the links of a page, and telling the site's own addresses from others."""

from disclosure.lib.links import Link, SiteAddress, absolute_url, extract_links

BASE = "https://www.zlt.gov.cn/rsj/xxgk/doc/7/"


def test_it_finds_anchors_and_images_with_their_words():
    html = (
        '<p>见<a href="https://www.gov.cn/zhengce/">国务院 <b>政策</b>\n文件</a>和'
        '<img src="/static/img/map.png" alt="办公地点图">。</p>'
    )
    assert extract_links(html, BASE) == [
        Link("https://www.gov.cn/zhengce/", "国务院 政策 文件"),
        Link("https://www.zlt.gov.cn/static/img/map.png", "办公地点图"),
    ]


def test_it_skips_mail_phone_script_and_fragments():
    html = (
        '<a href="mailto:rsj@zlt.gov.cn">邮箱</a><a href="tel:0470-3221234">电话</a>'
        '<a href="javascript:void(0)">脚本</a><a href="#part2">第二部分</a><a href="">空</a>'
        '<a href=" JavaScript:alert(1)">大写</a><a>无地址</a><a href="ftp://x.cn/a">文件服务器</a>'
    )
    assert extract_links(html, BASE) == []


def test_it_resolves_relative_addresses_against_the_document_and_drops_the_fragment():
    html = '<a href="../8/#fj">上一篇</a><a href="files/1/">附件</a><a href="?page=2">下一页</a>'
    assert [link.url for link in extract_links(html, BASE)] == [
        "https://www.zlt.gov.cn/rsj/xxgk/doc/8/",
        "https://www.zlt.gov.cn/rsj/xxgk/doc/7/files/1/",
        "https://www.zlt.gov.cn/rsj/xxgk/doc/7/?page=2",
    ]


def test_the_same_link_with_the_same_words_is_listed_once():
    html = '<a href="/a/">甲</a><a href="/a/#x">甲</a><a href="/a/">乙</a>'
    assert [link.text for link in extract_links(html, BASE)] == ["甲", "乙"]


def test_an_image_without_words_is_called_a_picture_and_long_words_are_cut():
    html = f'<img src="a.png"><a href="/b/">{"字" * 300}</a>'
    image, anchor = extract_links(html, BASE)
    assert image.text == "图片"
    assert len(anchor.text) == 200 and anchor.text.endswith("…")


def test_broken_markup_loses_no_link():
    links = extract_links('<a href="/a/">未闭合<a href="/b/">第二个', BASE)
    assert {link.url for link in links} == {
        "https://www.zlt.gov.cn/a/",
        "https://www.zlt.gov.cn/b/",
    }
    assert extract_links("", BASE) == [] and extract_links(None, BASE) == []


def test_a_malformed_address_is_kept_as_written_for_the_checker_to_report():
    assert absolute_url("http://[::1", BASE) == "http://[::1"


def test_the_sites_own_hosts_come_from_its_domain_and_allowed_hosts():
    site = SiteAddress.build("www.zlt.gov.cn/rsj", ["zlt.gov.cn", ".rsj.example.cn", "*"])
    assert site.root == "https://www.zlt.gov.cn/rsj/"
    assert site.is_own("http://www.zlt.gov.cn:8080/rsj/xxgk/")
    assert site.is_own("https://zlt.gov.cn/")
    assert site.is_own("https://a.rsj.example.cn/")
    assert site.is_own("https://www.zlt.gov.cn/rsj")
    assert not site.is_own("https://www.gov.cn/")
    # The rest of the county portal is another site on the same host.
    assert not site.is_own("https://www.zlt.gov.cn/xxgk/")
    assert not site.is_own("https://www.zlt.gov.cn/rsjx/")
    assert not site.is_own("https://www.zlt.gov.cn.evil.cn/")


def test_without_a_domain_the_first_allowed_host_is_the_sites():
    site = SiteAddress.build("", ["portal.local", "127.0.0.1"])
    assert site.root == "https://portal.local/"
    assert SiteAddress.build("", []).root == "https://localhost/"
    assert SiteAddress.build("www.zlt.gov.cn:abc", ["portal.local"]).root == "https://portal.local/"
    assert (
        SiteAddress.build("https://WWW.zlt.gov.cn:8443/", []).root == "https://www.zlt.gov.cn:8443/"
    )


def test_the_own_path_drops_the_sites_path_prefix_or_script_prefix():
    site = SiteAddress.build("www.zlt.gov.cn/rsj", [], script_prefix="/rsj/")
    assert site.own_path("https://www.zlt.gov.cn/rsj/xxgk/doc/3/?a=1") == "/xxgk/doc/3/?a=1"
    assert site.own_path("https://www.zlt.gov.cn/rsj") == "/"
    assert site.own_path("https://www.zlt.gov.cn/rsjx/") == "/rsjx/"
    assert site.page_url("/rsj/xxgk/doc/3/") == "https://www.zlt.gov.cn/rsj/xxgk/doc/3/"
    plain = SiteAddress.build("www.zlt.gov.cn", [])
    assert plain.page_url("/xxgk/doc/3/") == "https://www.zlt.gov.cn/xxgk/doc/3/"
    assert plain.own_path("https://www.zlt.gov.cn/xxgk/") == "/xxgk/"
