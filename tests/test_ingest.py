"""wiretrace.ingest: files, folders, stdin and records to Documents, errors yielded not raised."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from wiretrace.errors import InputError
from wiretrace.ingest import decode_bytes, read_inputs, read_path, records_to_documents
from wiretrace.model import Document

DATA = Path(__file__).parent / "data" / "ingest"
SENTENCE = "The mayor said \u201cthe bridge is safe\u201d on Tuesday."


def one(results: list) -> Document:
    """The single Document in ``results`` (fails on anything else)."""
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def error(results: list) -> InputError:
    """The single InputError in ``results``, checked to be one line."""
    assert len(results) == 1 and isinstance(results[0], InputError), results
    assert "\n" not in str(results[0])
    return results[0]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


# --- plain text and decoding -------------------------------------------------


def test_plain_utf8_txt_is_one_article_with_its_path_as_source():
    path = str(DATA / "plain.txt")
    doc = one(list(read_path(path)))
    assert doc.source == path
    assert doc.text.startswith("The mayor of Lindow said on Tuesday")
    assert doc.pub_date is None


def test_utf8_bom_is_dropped(tmp_path):
    path = write(tmp_path, "bom.txt", codecs.BOM_UTF8 + SENTENCE.encode("utf-8"))
    doc = one(list(read_path(path)))
    assert doc.text == SENTENCE
    assert doc.text[0] == "T"


def test_utf16_bom_is_decoded_and_dropped(tmp_path):
    path = write(tmp_path, "wide.txt", codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"))
    assert one(list(read_path(path))).text == SENTENCE


def test_crlf_is_kept_and_offsets_index_the_decoded_text(tmp_path):
    raw = "First line of the report.\r\nThe \u00e9lu said the vote was close.\r\n"
    path = write(tmp_path, "crlf.txt", raw.encode("utf-8"))
    text = one(list(read_path(path))).text
    assert "\r\n" in text and text == raw
    start = raw.index("vote")
    assert text[start : start + len("vote")] == "vote"


def test_cp1252_curly_quotes_are_decoded(tmp_path):
    raw = "Caf\u00e9 owners in Li\u00e8ge said \u201cenough is enough\u201d \u2013 it\u2019s over.\n"
    path = write(tmp_path, "legacy.txt", raw.encode("cp1252"))
    assert one(list(read_path(path))).text == raw


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", codecs.BOM_UTF8 + b"\n"])
def test_empty_file(tmp_path, data):
    path = write(tmp_path, "empty.txt", data)
    assert str(error(list(read_path(path)))) == f"{path}: empty file"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 2,
        bytes(range(1, 32)) * 20,  # control characters, no NUL
    ],
)
def test_binary_file(tmp_path, data):
    path = write(tmp_path, "image.txt", data)
    assert str(error(list(read_path(path)))) == f"{path}: binary file, not text"


def test_bom_then_invalid_utf8_names_the_byte(tmp_path):
    data = codecs.BOM_UTF8 + b"The mayor said\xff no."
    path = write(tmp_path, "bad.txt", data)
    assert str(error(list(read_path(path)))) == f"{path}: invalid UTF-8 at byte 17"


def test_mostly_utf8_with_one_bad_byte_names_the_byte(tmp_path):
    good = "\u201cWe will rebuild,\u201d said the Zurich-based caf\u00e9 owner \u2013 tomorrow.".encode()
    data = good + b" Bad\x92 byte."
    path = write(tmp_path, "damaged.txt", data)
    assert str(error(list(read_path(path)))) == f"{path}: invalid UTF-8 at byte {len(good) + 4}"


def test_ascii_with_one_stray_cp1252_byte_is_legacy_not_damaged(tmp_path):
    # No valid multi-byte UTF-8 at all: a legacy file, not a damaged UTF-8 one.
    path = write(tmp_path, "apostrophe.txt", b"The council\x92s vote was close, the mayor said.")
    assert one(list(read_path(path))).text == "The council\u2019s vote was close, the mayor said."


def test_decode_bytes_raises_input_error_naming_the_source():
    assert decode_bytes("na\u00efve".encode(), "x.txt") == "na\u00efve"
    with pytest.raises(InputError, match=r"^x\.txt: empty file$"):
        decode_bytes(b"", "x.txt")


def test_too_large_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", b"word " * 1000)
    reads: list[int] = []
    real_open = open

    def counting_open(*args, **kwargs):
        stream = real_open(*args, **kwargs)
        real_read = stream.read
        stream.read = lambda n=-1: reads.append(n) or real_read(n)
        return stream

    monkeypatch.setattr("builtins.open", counting_open)
    err = error(list(read_path(path, max_bytes=1000)))
    assert str(err) == f"{path}: file too large (4.9 kB > 1000 bytes)"
    assert reads == []


# --- JSON Lines and records --------------------------------------------------


def test_jsonl_good_lines_survive_broken_ones():
    path = str(DATA / "records.jsonl")
    results = list(read_path(path))
    docs = [r for r in results if isinstance(r, Document)]
    errors = {r.line: r for r in results if isinstance(r, InputError)}
    assert [d.source for d in docs] == ["wire-1", f"{path}:2", "wire-7"]
    assert docs[0].title == "Cargo up" and docs[0].outlet == "Harbour Wire"
    assert sorted(errors) == [3, 4, 6, 7]
    assert str(errors[3]).startswith(f"{path}:3: invalid JSON")
    assert str(errors[4]) == f'{path}:4: missing "text"'
    assert str(errors[6]) == f"{path}:6: not a JSON object but an array"
    assert str(errors[7]) == f"{path}:7: \"pub_date\" is not a date: 'next week'"


def test_jsonl_date_time_is_normalized_to_its_date():
    docs = [r for r in read_path(str(DATA / "records.jsonl")) if isinstance(r, Document)]
    assert docs[0].pub_date == "2024-07-02"
    assert docs[1].pub_date == "2024-07-03"


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"text": ""}, '"text" is empty'),
        ({"text": 42}, '"text" is not a string but a number'),
        ({"text": "ok", "pub_date": "2024-02-30"}, "\"pub_date\" is not a date: '2024-02-30'"),
        ({"text": "ok", "title": ["a"]}, '"title" is not a string but an array'),
        ({"text": "half \ud800 pair"}, '"text" has an unpaired surrogate at character 5'),
    ],
)
def test_record_checks(record, problem):
    assert str(error(list(records_to_documents([record])))) == f"<api>:1: {problem}"


def test_jsonl_invalid_utf8_names_line_and_byte(tmp_path):
    first = b'{"text": "Fine."}\n'
    path = write(tmp_path, "a.jsonl", first + b'{"text": "Bad \xe9 byte."}\n{"text": "Also fine."}\n')
    results = list(read_path(path))
    assert [type(r) for r in results] == [Document, InputError, Document]
    assert str(results[1]) == f"{path}:2: invalid UTF-8 at byte {len(first) + 14}"


def test_jsonl_line_past_python_int_limit_is_a_line_error(tmp_path):
    path = write(tmp_path, "big.jsonl", b'{"text": "x", "n": ' + b"9" * 5000 + b"}\n")
    assert str(error(list(read_path(path)))).startswith(f"{path}:1: invalid JSON: Exceeds the limit")


def test_jsonl_overlong_line_is_skipped_not_read(tmp_path):
    lines = b'{"text": "Short."}\n{"text": "' + b"x" * 500 + b'"}\n{"text": "After."}\n'
    results = list(read_path(write(tmp_path, "long.jsonl", lines), max_bytes=100))
    assert [type(r) for r in results] == [Document, InputError, Document]
    assert str(results[1]).endswith(":2: line too large (513 bytes > 100 bytes)")


def test_records_to_documents_takes_texts_and_dicts():
    results = list(records_to_documents(["First text.", {"text": "Second.", "pub_date": "2023-02-14"}, "  "]))
    assert results[0] == Document(source="<text 1>", text="First text.")
    assert results[1].source == "<api>:2" and results[1].pub_date == "2023-02-14"
    assert str(results[2]) == "<text 3>: empty text"


def test_json_array_file(tmp_path):
    path = write(tmp_path, "batch.json", b'[{"text": "One."}, {"title": "none"}]')
    results = list(read_path(path))
    assert results[0].text == "One." and results[0].source == f"{path}#1"
    assert str(results[1]) == f'{path}: item 2: missing "text"'


# --- paths, folders, stdin ---------------------------------------------------


def test_missing_path():
    results = list(read_inputs(["no/such/file.txt"]))
    assert str(error(results)) == "no/such/file.txt: no such file or directory"


def test_folder_recursion_is_sorted_and_skips_hidden_and_unknown(tmp_path):
    for name in [
        "b.txt",
        "a.txt",
        "sub/c.htm.txt",
        "sub/deeper/d.txt",
        "z/e.txt",
        ".hidden.txt",
        ".git/f.txt",
    ]:
        write(tmp_path, name, f"Article {name}.".encode())
    write(tmp_path, "notes.md", b"not an article")
    write(tmp_path, "photo.jpg", b"\xff\xd8\xff")
    sources = [d.source for d in read_path(str(tmp_path))]
    names = [str(Path(s).relative_to(tmp_path)) for s in sources]
    assert names == ["a.txt", "b.txt", "sub/c.htm.txt", "sub/deeper/d.txt", "z/e.txt"]


def test_named_file_with_unknown_extension_is_read_as_text(tmp_path):
    path = write(tmp_path, "story.md", b"The governor said the dam held.")
    assert one(list(read_inputs([path]))).text == "The governor said the dam held."


def test_a_bad_input_does_not_stop_the_batch(tmp_path):
    good = write(tmp_path, "good.txt", b"The coach said the team was ready.")
    results = list(read_inputs(["missing.txt", write(tmp_path, "e.txt", b""), good]))
    assert [type(r) for r in results] == [InputError, InputError, Document]


def test_stdin_text_is_one_article():
    stdin = io.StringIO('The chief said "no comment".\r\nThen she left.\n')
    doc = one(list(read_inputs(["-"], stdin=stdin)))
    assert doc.source == "<stdin>" and doc.text == 'The chief said "no comment".\r\nThen she left.\n'


def test_stdin_bytes_in_cp1252():
    stdin = io.BytesIO(SENTENCE.encode("cp1252"))
    assert one(list(read_inputs(["-"], stdin=stdin))).text == SENTENCE


def test_stdin_jsonl_is_read_as_records():
    stdin = io.StringIO('\n{"text": "One."}\n{"text": ""}\n{"text": "Two.", "source": "s2"}\n')
    results = list(read_inputs(["-"], stdin=stdin))
    assert [r.source for r in results] == ["<stdin>:2", "<stdin>", "s2"]
    assert str(results[1]) == '<stdin>:3: "text" is empty'


def test_stdin_over_the_cap():
    err = error(list(read_inputs(["-"], stdin=io.BytesIO(b"word " * 100), max_bytes=100)))
    assert str(err) == "<stdin>: input too large (over 100 bytes)"


# --- HTML --------------------------------------------------------------------


def test_html_article_text_and_metadata():
    doc = one(list(read_path(str(DATA / "article.html"))))
    assert doc.title == "Harbour council backs new ferry link"
    assert doc.pub_date == "2024-03-05"
    assert doc.outlet == "Coastal Courier"
    assert doc.url == "https://courier.example/news/ferry-link"
    assert doc.language == "en-GB"
    assert "\u201cThis is the day the islands stop being strangers,\u201d" in doc.text
    assert "Weather menu" not in doc.text and "Subscribe" not in doc.text


def test_html_meta_charset_is_honoured(tmp_path):
    body = "<p>Le maire a d\u00e9clar\u00e9 mardi que le pont rouvrira en mai, selon la r\u00e9gion.</p>" * 4
    page = f'<html><head><meta charset="iso-8859-1"><title>Pont</title></head><body><article>{body}</article>'
    path = write(tmp_path, "fr.html", page.encode("cp1252"))
    assert "d\u00e9clar\u00e9" in one(list(read_path(path))).text


def test_html_without_text(tmp_path):
    path = write(
        tmp_path, "empty.html", b"<html><head><title>Menu</title></head><body><nav></nav></body></html>"
    )
    assert str(error(list(read_path(path)))) == f"{path}: no article text found in HTML"
