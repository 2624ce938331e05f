"""Feeds, web archives, URLs (with the SSRF guard), outlets and languages. No network: a local server
(reached through the test-only loopback allowance) or httpx.MockTransport stands in for the web."""

from __future__ import annotations

import gzip
import http.server
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from wiretrace.errors import InputError
from wiretrace.ingest import FetchOptions, fetch_url, read_inputs
from wiretrace.ingest.complete import complete_document
from wiretrace.ingest.feeds import item_date
from wiretrace.ingest.guard import BlockedAddress, GuardedBackend, address_problem
from wiretrace.ingest.language import article_language, detect_language, is_english
from wiretrace.ingest.outlet import outlet_from_signature, outlet_from_url
from wiretrace.model import Document

DATA = Path(__file__).parent / "data" / "ingest"
PARAGRAPH = "<p>The harbour master said on Monday that the new quay would open in the spring, after two years.</p>"
PAGE = (
    "<html lang='en'><head><title>Quay opens in spring</title><meta property='og:site_name' content='Quay Times'>"
    f"</head><body><article>{PARAGRAPH * 4}</article></body></html>"
).encode()


def documents(results: list) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def errors(results: list) -> list[str]:
    return [str(r) for r in results if isinstance(r, InputError)]


# --- feeds -------------------------------------------------------------------


def test_rss_items_become_articles_with_text_reduced_from_html():
    path = str(DATA / "news.rss")
    quay, fares = read_inputs([path])
    assert quay.source == f"{path}#1" and quay.title == "Quay to open in spring"
    assert quay.url == "https://harbourwire.example/news/quay" and quay.pub_date == "2024-03-05"
    assert quay.outlet == "Harbour Wire" and quay.language == "en"
    # content:encoded wins over the shorter description; markup and scripts are gone, paragraphs kept
    assert quay.text == (
        "The harbour master said on Monday that the new quay would open in the spring.\n"
        "\u201cWe are nearly there,\u201d she said."
    )
    assert fares.text == "The council froze ferry fares for a year, its leader said on Wednesday."


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Tue, 05 Mar 2024 23:30:00 -0500", "2024-03-05"),  # the 6th in UTC: the feed's own day is kept
        ("2024-04-01T23:00:00-07:00", "2024-04-01"),
        ("2024-04-01", "2024-04-01"),
        ("March 5th, 2024", None),
    ],
)
def test_item_date_is_the_day_as_the_feed_writes_it(written, day):
    assert item_date({"published": written}) == day


def test_atom_entry_and_sniffing_a_feed_saved_as_txt(tmp_path):
    (tmp_path / "saved.txt").write_bytes((DATA / "news.atom").read_bytes())
    (entry,) = read_inputs([str(tmp_path / "saved.txt")])
    assert entry.outlet == "Valley Post" and entry.pub_date == "2024-04-01"
    assert entry.text == "The mayor said the bridge would reopen on Friday.\nTraffic will be light at first."


# --- web archives ------------------------------------------------------------


def warc_record(uri: str, body: bytes, status: str = "200 OK", content_type: str = "text/html") -> bytes:
    """One WARC response record, as a crawler writes it."""
    http_part = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{len(body)}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http_part)}\r\n\r\n"
    ).encode()
    return head + http_part + b"\r\n\r\n"


@pytest.mark.parametrize("compress", [False, True])
def test_warc_yields_html_responses_only_with_their_target_uri(tmp_path, compress):
    records = [
        warc_record("https://quay.example/a", PAGE),
        warc_record("https://quay.example/data.json", b'{"a": 1}', content_type="application/json"),
        warc_record("https://quay.example/gone", PAGE, status="404 Not Found"),
        warc_record("https://quay.example/b", PAGE.replace(b"Monday", b"Friday")),
    ]
    data = b"".join(gzip.compress(r) for r in records) if compress else b"".join(records)
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(data)
    results = list(read_inputs([str(path)]))
    assert errors(results) == []
    assert [d.url for d in results] == ["https://quay.example/a", "https://quay.example/b"]
    assert results[0].title == "Quay opens in spring" and results[0].outlet == "Quay Times"
    assert "Friday" in results[1].text


def test_gzipped_text_and_jsonl_are_read_like_the_plain_ones(tmp_path):
    text = "The harbour master said the quay would open in May.\n"
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(text.encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"text": "One."}\n{"text": ""}\n{"text": "Two."}\n'))
    results = list(read_inputs([str(tmp_path)]))
    assert [getattr(r, "text", None) for r in results] == [text, "One.", None, "Two."]
    assert errors(results) == [f'{tmp_path / "b.jsonl.gz"}:2: "text" is empty']


# --- the SSRF guard ----------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("10.1.2.3", "a private address"),
        ("172.16.0.1", "a private address"),
        ("192.168.1.1", "a private address"),
        ("fd00::1", "a private address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("224.0.0.1", "a multicast address"),
        ("100.64.0.1", "not a public address"),
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_guard_refuses_every_non_public_address(address, problem):
    assert address_problem(address) == problem


def test_loopback_allowance_is_off_by_default_and_allows_nothing_else():
    assert FetchOptions().allow_loopback is False
    assert address_problem("127.0.0.1", allow_loopback=True) is None
    assert address_problem("10.0.0.1", allow_loopback=True) == "a private address"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://127.0.0.1:8080/admin", "refused: 127.0.0.1 is a loopback address"),
        ("http://[::1]/", "refused: ::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"),
        ("http://localhost/", "refused: localhost"),
        ("file:///etc/passwd", "refused: only http and https URLs are fetched, not 'file'"),
        ("ftp://93.184.216.34/x", "refused: only http and https URLs are fetched, not 'ftp'"),
    ],
)
def test_fetch_refuses_before_connecting(url, problem):
    with pytest.raises(InputError) as caught:
        fetch_url(url, FetchOptions(transport=httpx.MockTransport(lambda request: pytest.fail("connected"))))
    assert str(caught.value).startswith(f"{url}: {problem}")


PUBLIC = "http://93.184.216.34"  # an address literal: no DNS needed, and public


def mock(routes: dict[str, httpx.Response | Exception]) -> FetchOptions:
    def handle(request: httpx.Request) -> httpx.Response:
        answer = routes[str(request.url)]
        if isinstance(answer, Exception):
            raise answer
        return answer

    return FetchOptions(transport=httpx.MockTransport(handle), max_bytes=4096, max_redirects=2)


def test_every_redirect_hop_is_checked():
    options = mock({f"{PUBLIC}/story": httpx.Response(302, headers={"Location": "http://10.0.0.7/internal"})})
    with pytest.raises(InputError) as caught:
        fetch_url(f"{PUBLIC}/story", options)
    assert str(caught.value) == (
        f"{PUBLIC}/story: redirected to http://10.0.0.7/internal: refused: 10.0.0.7 is a private address"
    )


def test_redirects_are_limited():
    loop = {f"{PUBLIC}/{n}": httpx.Response(301, headers={"Location": f"/{n + 1}"}) for n in range(5)}
    with pytest.raises(InputError, match=r"^http://93\.184\.216\.34/0: more than 2 redirects$"):
        fetch_url(f"{PUBLIC}/0", mock(loop))


def test_a_redirect_is_followed_to_the_page():
    options = mock({
        f"{PUBLIC}/old": httpx.Response(301, headers={"Location": "/new"}),
        f"{PUBLIC}/new": httpx.Response(200, content=b"The page.", headers={"Content-Type": "text/plain"}),
    })
    page = fetch_url(f"{PUBLIC}/old", options)
    assert (page.url, page.data, page.content_type) == (f"{PUBLIC}/new", b"The page.", "text/plain")


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        (httpx.Response(404), "HTTP 404 Not Found"),
        (httpx.Response(200, content=b"x" * 5000), "too large (4.9 kB > 4 kB)"),
        (httpx.Response(200, content=iter([b"x" * 3000, b"x" * 3000])), "too large (over 4 kB)"),
        (httpx.ReadTimeout("slow"), "timed out (no answer within 15 s)"),
        (httpx.ConnectError("connection refused"), "download failed (connection refused)"),
    ],
)
def test_fetch_problems_name_the_url(answer, problem):
    with pytest.raises(InputError) as caught:
        fetch_url(f"{PUBLIC}/p", mock({f"{PUBLIC}/p": answer}))
    assert str(caught.value) == f"{PUBLIC}/p: {problem}"


def test_a_downloaded_page_is_decoded_by_its_http_charset():
    # Without the header, these ISO-8859-2 bytes read as cp1252: "powiedzia³", "¿e".
    body = "<p>Burmistrz powiedział we wtorek, że most zostanie otwarty w maju po remoncie.</p>" * 3
    page = f"<html><head><title>Most</title></head><body><article>{body}</article></body></html>"
    headers = {"Content-Type": "text/html; charset=ISO-8859-2"}
    answer = httpx.Response(200, content=page.encode("iso-8859-2"), headers=headers)
    (document,) = read_inputs([f"{PUBLIC}/pl"], fetch=mock({f"{PUBLIC}/pl": answer}))
    assert document.text.startswith("Burmistrz powiedział we wtorek, że most") and document.language == "pl"


# --- a real server on this machine -------------------------------------------


@pytest.fixture()
def site() -> Iterator[str]:
    """A web server on 127.0.0.1 serving a page, a feed linking to it, and a redirect."""
    pages: dict[str, tuple[str, bytes]] = {"/quay": ("text/html; charset=utf-8", PAGE)}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/quay")
                self.end_headers()
                return
            content_type, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_port}"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><item><title>Quay</title>'
        f"<link>{base}/quay</link><pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>"
        "<description>Short teaser only.</description></item></channel></rss>"
    )
    pages["/feed"] = ("application/rss+xml", feed.encode())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_url_is_refused_on_loopback_by_default(site):
    (error,) = read_inputs([f"{site}/quay"])
    assert str(error) == f"{site}/quay: refused: 127.0.0.1 is a loopback address"


def test_the_connection_itself_is_guarded(site):
    """A name that passed the check and then resolves elsewhere (DNS rebinding) is stopped at connect time."""
    port = int(site.rsplit(":", 1)[1])
    with pytest.raises(BlockedAddress, match=r"^refused: localhost \(.+\) is a loopback address$"):
        GuardedBackend().connect_tcp("localhost", port)
    GuardedBackend(allow_loopback=True).connect_tcp("localhost", port).close()


def test_url_page_through_the_guarded_connection(site):
    (page,) = read_inputs([f"{site}/moved"], fetch=FetchOptions(allow_loopback=True))
    assert page.source == f"{site}/moved" and page.url == f"{site}/quay"
    assert page.title == "Quay opens in spring" and page.outlet == "Quay Times"
    assert page.text.startswith("The harbour master said on Monday")


def test_feed_with_fetch_reads_the_linked_pages(site):
    options = FetchOptions(allow_loopback=True)
    (teaser,) = read_inputs([f"{site}/feed"], fetch=options)
    assert teaser.text == "Short teaser only." and teaser.outlet == "Local Wire"
    (page,) = read_inputs([f"{site}/feed"], fetch=options, follow_links=True)
    assert page.source == f"{site}/quay" and page.text.startswith("The harbour master said on Monday")
    assert page.pub_date == "2024-03-05" and page.outlet == "Quay Times"


# --- outlet and language -----------------------------------------------------


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.theguardian.com/world/2024/x", "theguardian.com"),
        ("http://m.bbc.co.uk/news/1", "bbc.co.uk"),
        ("https://apnews.com/article/x", "apnews.com"),
        (None, None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday.", "Reuters"),
        ("KYIV, Ukraine (AP) \u2014 Officials said the dam held.", "AP"),
        ("The vote was close.\n\nCopyright 2016 The Associated Press. All rights reserved.", "The Associated Press"),
        ("Written by Jane Okafor for The Guardian\nThe council met.", "The Guardian"),
        ("The mayor (who was late) - said nothing.", None),
    ],
)
def test_outlet_from_signature_lines(text, outlet):
    assert outlet_from_signature(text) == outlet


def test_outlet_order_metadata_then_url_then_signature():
    signed = "LONDON (Reuters) - The minister said the talks would resume."
    assert complete_document(Document("a", signed, outlet="Wire Desk")).outlet == "Wire Desk"
    assert complete_document(Document("b", signed, url="https://www.ft.com/x")).outlet == "ft.com"
    assert complete_document(Document("c", signed)).outlet == "Reuters"


FRENCH = "Le maire a d\u00e9clar\u00e9 mardi que le pont rouvrira en mai, apr\u00e8s deux ans de travaux."


def test_language_is_detected_and_declared_region_kept_when_it_agrees():
    assert detect_language(FRENCH) == "fr"
    assert article_language(FRENCH, "en") == "fr"  # a site-wide lang="en" does not make French English
    assert article_language("The mayor said on Tuesday that the bridge would reopen in May.", "en-GB") == "en-GB"
    assert article_language("Trump rips Scarborough", "en-US") == "en-US"  # too short to tell: declared stays
    assert is_english(None) and is_english("en-GB") and not is_english("fr")


def test_non_english_article_is_stored_marked_and_not_analyzed(pipe):
    french = FRENCH + " \u00ab Nous sommes pr\u00eats \u00bb, a-t-il dit le 3 mars 2024."
    article = pipe.analyze(french)
    assert article.language == "fr"
    assert article.statements == [] and article.timexes == []
    assert article.text == french
    english = pipe.analyze('"We are ready," the mayor said on Tuesday.')
    assert english.statements


# --- bad input ---------------------------------------------------------------

BROKEN = Path(__file__).parent / "data" / "broken"
# Every file of the broken corpus, with the problem its error must name. Files
# whose complete part is still read yield those Documents first (the count).
BROKEN_FILES: dict[str, tuple[int, str]] = {
    "empty.txt": (0, "empty file"),
    "blank.txt": (0, "empty file"),
    "bom_only.txt": (0, "empty file"),
    "png_image.txt": (0, "binary file, not text"),
    "nul_bytes.txt": (0, "binary file, not text"),
    "control_chars.txt": (0, "binary file, not text"),
    "bad_utf8_after_bom.txt": (0, "invalid UTF-8 at byte 109"),
    "damaged_utf8.txt": (0, "invalid UTF-8 at byte 177"),
    "mixed_encodings.txt": (0, "invalid UTF-8 at byte 255"),
    "utf16_cut_surrogate.txt": (0, "invalid UTF-16-LE at byte 208"),
    "utf32_garbage.txt": (0, "invalid UTF-32-LE at byte 4"),
    "empty.html": (0, "empty file"),
    "nav_only.html": (0, "no article text found in HTML"),
    "script_only.html": (0, "no article text found in HTML"),
    "malformed.html": (0, "no article text found in HTML"),
    "binary.html": (0, "binary file, not text"),
    "not_xml.rss": (0, "not an RSS or Atom feed (<unknown>:2:0: syntax error)"),
    "html_page.atom": (0, "not an RSS or Atom feed"),
    "sitemap.xml": (0, "not an RSS or Atom feed"),
    "no_items.rss": (0, "feed has no items"),
    "item_without_text.rss": (0, "item 1: no text (neither content nor summary)"),
    "truncated.rss": (1, "truncated feed (it ends before its closing tag; the last item was left out)"),
    "bad_json.json": (0, "1: invalid JSON: Expecting value at column 37"),
    "numbers.json": (0, "item 1: not a JSON object but a number"),
    "deep_nesting.json": (0, "1: invalid JSON: nested too deeply"),
    "empty.jsonl": (0, "empty file"),
    "bad_lines.jsonl": (0, "1: invalid JSON: Invalid control character at at column 23"),
    "invalid_utf8.jsonl": (0, "1: invalid UTF-8 at byte 13"),
    "truncated.txt.gz": (0, "truncated gzip data"),
    "not_gzip.txt.gz": (0, "not gzip data"),
    "corrupt.jsonl.gz": (0, "corrupt gzip data (Error -3 while decompressing data: invalid bit length repeat)"),
    "empty.warc": (0, "empty file"),
    "not_a.warc": (0, "not a WARC file (it does not start with a WARC/1.x record header)"),
    "garbage.warc.gz": (0, "not a WARC file (it does not start with a WARC/1.x record header)"),
    "no_html.warc": (0, "no HTML pages in the archive (no response record with status 200 and text/html)"),
    "truncated.warc": (1, "truncated WARC (the archive ends inside a record)"),
    "truncated.warc.gz": (1, "truncated gzip data (the archive ends inside a record)"),
}


def test_the_broken_corpus_is_all_here():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(BROKEN_FILES)
    assert len(BROKEN_FILES) >= 30


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_broken_file_gets_a_clear_error_naming_it(name):
    path = str(BROKEN / name)
    complete, problem = BROKEN_FILES[name]
    results = list(read_inputs([path]))
    first_error = next(r for r in results if isinstance(r, InputError))
    assert str(first_error) in (f"{path}: {problem}", f"{path}:{problem}")
    assert all("\n" not in str(r) for r in results if isinstance(r, InputError))
    assert len(documents(results)) == complete
    assert results[complete:] and all(isinstance(r, InputError) for r in results[complete:])


def peak_bytes(read) -> tuple[list, int]:
    """What ``read()`` returns, and the peak of Python memory allocated while it ran.

    The language model and trafilatura's caches load on first use (~80 MB,
    once a process); a small page read first keeps them out of the figure.
    """
    import tracemalloc

    list(read_inputs([str(DATA / "article.html")]))
    tracemalloc.start()
    try:
        results = read()
        return results, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_50_mb_text_is_refused_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        for _ in range(50):
            out.write(b"The council met again. " * 45590)  # ~1 MB a time
    results, peak = peak_bytes(lambda: list(read_inputs([str(path)])))
    assert errors(results) == [f"{path}: file too large (50 MB > 20 MB)"]
    assert peak < 1024 * 1024


CAP = 2 * 1024 * 1024


def zeros_gzipped(size: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """A gzip member of ``head``, ``size`` zero bytes and ``tail``, compressed a slice at a time."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    parts = [packer.compress(head)]
    parts += [packer.compress(bytes(1024 * 1024)) for _ in range(size // (1024 * 1024))]
    return b"".join([*parts, packer.compress(tail), packer.flush()])


def test_a_gzip_bomb_is_stopped_at_the_cap(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(zeros_gzipped(128 * 1024 * 1024))  # 128 MB of zeros in ~130 kB
    results, peak = peak_bytes(lambda: list(read_inputs([str(path)], max_bytes=CAP)))
    assert errors(results) == [f"{path}: too large once decompressed (over 2 MB)"]
    assert peak < 3 * CAP


def test_a_warc_bomb_record_is_skipped_and_the_next_record_read(tmp_path):
    size = 32 * 1024 * 1024
    http_head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n".encode()
    warc_head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http_head) + size}\r\n\r\n"
    ).encode()
    bomb = zeros_gzipped(size, warc_head + http_head, b"\r\n\r\n")
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(bomb + gzip.compress(warc_record("https://quay.example/a", PAGE)))
    results, peak = peak_bytes(lambda: list(read_inputs([str(path)], max_bytes=CAP)))
    assert errors(results) == [f"{path}#1: record too large (32 MB > 2 MB)"]
    assert [d.url for d in documents(results)] == ["https://quay.example/a"]
    assert peak < 3 * CAP


def test_a_batch_of_broken_and_good_files_stores_the_good_once(tmp_path, pipe):
    from wiretrace.batch import ingest
    from wiretrace.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("empty.txt", "nul_bytes.txt", "not_xml.rss", "truncated.warc", "bad_lines.jsonl", "sitemap.xml"):
        (folder / name).write_bytes((BROKEN / name).read_bytes())
    (folder / "good.txt").write_text('"The quay opens in May," the harbour master said on Monday.\n')
    (folder / "news.rss").write_bytes((DATA / "news.rss").read_bytes())
    (folder / "copy.txt").write_text('"The quay opens in May," the harbour master said on Monday.\n')
    with open_store(str(tmp_path / "wire.db")) as store:
        first = ingest(pipe, store, [str(folder)])
        counts = store.counts()
        second = ingest(pipe, store, [str(folder)])
        assert store.counts() == counts
        error_rows = store.errors()
        stored = list(store.iter_articles())
    # good.txt, its exact copy (stored once), two feed items, the complete WARC record
    assert (first.stored, first.duplicates) == (4, 1)
    assert (second.stored, second.duplicates) == (0, 5)
    assert len(first.errors) == len(second.errors) == 9
    assert len(error_rows) == 9 and {row["count"] for row in error_rows} == {2}
    assert counts["articles"] == 4
    assert sorted(a.url or "" for a in stored) == ["", "https://harbourwire.example/news/fares",
                                                   "https://harbourwire.example/news/quay", "https://quay.example/1"]
