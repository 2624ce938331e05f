"""Linking across articles on a real SQLite store: entities, near-duplicates, utterances, stories, CLI.

The articles are small texts written for these tests; their statements are
built by hand (as the extractor would give them) so that each test says
exactly what the linker is given. One test runs the real pipeline end to end.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wiretrace.cli import app
from wiretrace.link import link_article, neardup, wording_diff
from wiretrace.link.entities import full_name_in
from wiretrace.link.findings import described_alike
from wiretrace.link.names import is_role, parse_person, role_key, same_person
from wiretrace.link.text import tokens
from wiretrace.link.utterances import Said, match_words, quoted_parts, runs_on, same_saying, stretch_starts
from wiretrace.model import Article, Speaker, Statement, content_hash
from wiretrace.store import Store, export_records, open_store

PIER = "We will not reopen the north pier before the inspection is complete and every pile has been checked."
FIRST = "The north pier stays shut until the engineers have checked every pile."
SECOND = "The ferries will berth at the south quay and the fares will not change."


def statement(raw: str, quote: str, speaker: str | None, mention: str, n: int, kind: str = "direct",
              date: str | None = None, type_: str = "person") -> Statement:
    start = raw.index(quote)
    at = raw.index(mention)
    return Statement(id=f"s{n}", text=quote, start=start, end=start + len(quote), spans=[(start, start + len(quote))],
                     kind=kind, speaker=Speaker(speaker, mention, at, at + len(mention), type_), cue=None,
                     confidence=0.9, method="test", date=date)


def article(raw: str, pub_date: str | None, outlet: str, said: list[tuple], title: str | None = None) -> Article:
    """An article whose statements are (quote, speaker name, mention[, kind[, said-date]])."""
    statements = [statement(raw, *spec[:3], n, *spec[3:]) for n, spec in enumerate(said, 1)]
    return Article(id=content_hash(raw), source=f"{outlet}/{content_hash(raw)}.txt", raw=raw, text=raw,
                   title=title, outlet=outlet, pub_date=pub_date, statements=statements)


def harbour(pub_date: str, outlet: str, lead: str, extra: str = "") -> str:
    return (f"{lead} Port authority chief Marta Lindqvist said on the quay: \u201c{PIER}\u201d\n"
            "The north pier has been shut since a barge struck it in a storm, and ferries now berth at the "
            "south quay. Harbour traders say the closure costs them customers every day it lasts, and the "
            f"council will meet the engineers next week to hear what the inspection found. {extra}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on SQLite, and on PostgreSQL when a server can be had (conftest.py; else skipped)."""
    if request.param == "sqlite":
        with open_store(str(tmp_path / "w.db")) as opened:
            yield opened
        return
    with open_store(request.getfixturevalue("pg_url")) as opened:
        yield opened


def add(store: Store, art: Article) -> Article:
    assert store.add_article(art)
    link_article(store, art)
    return art


def add_gazette(store: Store) -> Article:
    """The Harbour Gazette's pier story of 4 March: Marta Lindqvist quoted on the north pier."""
    return add(store, article(harbour("2024-03-04", "Harbour Gazette", "The pier stays shut."), "2024-03-04",
                              "Harbour Gazette", [(PIER, "Marta Lindqvist", "Marta Lindqvist")]))


def stored(store: Store, art: Article) -> Article:
    found = store.get_article(art.id)
    assert found is not None
    return found


# --- names -------------------------------------------------------------------------------------


def test_name_parts_and_variants():
    assert parse_person("Donald Trump Jr.").suffix == "jr"
    assert parse_person("Mr Stoltenberg").given == ""
    zelensky, zelenskiy = parse_person("Volodymyr Zelensky"), parse_person("Volodymyr Zelenskiy")
    assert same_person(zelensky, zelenskiy) and same_person(zelensky, parse_person("Volodymyr Zelenskyy"))
    assert not same_person(parse_person("Donald Trump"), parse_person("Donald Trump Jr."))
    assert not same_person(parse_person("Bill Clinton"), parse_person("Hillary Clinton"))
    assert same_person(parse_person("Clinton"), parse_person("Hillary Rodham Clinton"))
    assert not same_person(parse_person("Saunders"), parse_person("Bernie Sanders"))


def test_roles():
    assert role_key("the alliance\u2019s Secretary-General") == "alliance secretary-general"
    assert is_role("NATO chief") and is_role("The French President") and not is_role("Jens Stoltenberg")


# --- entities ----------------------------------------------------------------------------------


def test_spellings_merge_and_juniors_stay_apart(store: Store):
    raw1 = "Volodymyr Zelenskiy said the line held. Donald Trump Jr. said the deal was bad."
    raw2 = "Volodymyr Zelensky said the front was quiet. Donald Trump said the deal was good."
    add(store, article(raw1, "2024-03-04", "A", [("the line held", "Volodymyr Zelenskiy", "Volodymyr Zelenskiy"),
                                                ("the deal was bad", "Donald Trump Jr.", "Donald Trump Jr.")]))
    add(store, article(raw2, "2024-03-05", "B", [("the front was quiet", "Volodymyr Zelensky", "Volodymyr Zelensky"),
                                                ("the deal was good", "Donald Trump", "Donald Trump")]))
    names = {info.name: info for info in store.entities()}
    assert set(names) == {"Volodymyr Zelenskiy", "Donald Trump Jr.", "Donald Trump"}
    assert names["Volodymyr Zelenskiy"].statements == 2
    assert {"Volodymyr Zelenskiy", "Volodymyr Zelensky"} <= set(names["Volodymyr Zelenskiy"].aliases)


def test_surname_alone_takes_the_full_name_and_role_names_the_person(store: Store):
    first = add_gazette(store)
    raw2 = "Lindqvist said the ferries would keep to the south quay. The port authority chief said the cost was high."
    second = add(store, article(raw2, "2024-03-20", "Coastal Times",
                                [("the ferries would keep to the south quay", "Lindqvist", "Lindqvist", "indirect"),
                                 ("the cost was high", "port authority chief", "The port authority chief",
                                  "indirect")]))
    assert [st.speaker.name for st in stored(store, second).statements] == ["Marta Lindqvist"] * 2
    info = store.entities("lindqvist")[0]
    assert info.name == "Marta Lindqvist" and info.statements == 3
    assert ("Port authority chief", first.pub_date) in info.roles
    assert [hit.statement.id for hit in store.timeline("Lindqvist")] == ["s1", "s1", "s2"]


def test_surname_alone_takes_the_full_name_its_article_gives(store: Store):
    """Another Johnson is quoted more, but this article spells out whose surname it uses."""
    raw1 = "Gary Johnson said the tax was wrong. Johnson said it twice. Gary Johnson said so again."
    add(store, article(raw1, "2024-03-04", "A", [("the tax was wrong", "Gary Johnson", "Gary Johnson"),
                                                ("it twice", "Johnson", "Johnson"),
                                                ("so again", "Gary Johnson", "Gary Johnson")]))
    raw2 = ("Homeland Security Secretary Jeh Johnson visited the port on Monday. "
            "Johnson said the ferries were safe. The Clintons, Bill Clinton and Hillary Clinton, came too. "
            "Clinton said little.")
    second = add(store, article(raw2, "2024-03-05", "B", [("the ferries were safe", "Johnson", "Johnson"),
                                                         ("little", "Clinton", "Clinton")]))
    assert [st.speaker.name for st in stored(store, second).statements] == ["Jeh Johnson", "Clinton"]
    assert full_name_in("Vice President Joseph R. Biden Jr. spoke. Biden said", "Biden") == "Joseph R. Biden Jr."
    assert full_name_in("Donald Trump and Donald Trump Jr. met. Trump said", "Trump") is None


# --- utterances ------------------------------------------------------------------------------


def test_one_saying_in_three_outlets_partial_quote_included(store: Store):
    full = add_gazette(store)
    raw2 = ("Marta Lindqvist said: \u201cWe will not reopen the north pier before the inspection is complete and "
            "every pile is checked.\u201d")
    again = add(store, article(raw2, "2024-03-05", "Coastal Times",
                               [(raw2[raw2.index("\u201c"):], "Marta Lindqvist", "Marta Lindqvist")]))
    raw3 = "Lindqvist said the pier stays shut \u201cbefore the inspection is complete\u201d."
    part = add(store, article(raw3, "2024-03-05", "Evening Wire",
                              [(raw3[raw3.index("the pier"):-1], "Lindqvist", "Lindqvist", "mixed")]))
    utterance = stored(store, full).statements[0].utterance
    assert utterance and stored(store, again).statements[0].utterance == utterance
    assert stored(store, part).statements[0].utterance == utterance
    info = store.utterances(utterance)[0]
    assert info.outlets == ["Coastal Times", "Evening Wire", "Harbour Gazette"]
    assert info.first_article_id == full.id and len(info.reports) == 3


def test_same_words_on_another_occasion_are_another_utterance(store: Store):
    raw1 = f"Marta Lindqvist said: \u201c{PIER}\u201d"
    raw2 = f"Three months on, Marta Lindqvist told the council: \u201c{PIER}\u201d"
    one = add(store, article(raw1, "2024-03-04", "A", [(PIER, "Marta Lindqvist", "Marta Lindqvist")]))
    two = add(store, article(raw2, "2024-06-20", "B", [(PIER, "Marta Lindqvist", "Marta Lindqvist")]))
    assert stored(store, one).statements[0].utterance != stored(store, two).statements[0].utterance


def test_said_dates_decide_even_in_one_article(store: Store):
    raw = f"Marta Lindqvist said in 2019: \u201c{PIER}\u201d On Monday she said it again: \u201c{PIER}\u201d"
    art = article(raw, "2024-03-04", "A", [(PIER, "Marta Lindqvist", "Marta Lindqvist", "direct", "2019")])
    second = statement(raw, PIER, "Marta Lindqvist", "Marta Lindqvist", 2, "direct", "2024-03-04")
    second.start = raw.rindex(PIER)
    art.statements.append(second)
    add(store, art)
    first, again = stored(store, art).statements
    assert first.utterance != again.utterance


def test_a_quotation_spanning_two_passages_does_not_make_them_one_saying(store: Store):
    """A report that breaks its quotation for the attribution between two passages does not show them said as one."""
    raw1 = f"Marta Lindqvist said: \u201c{FIRST}\u201d Later she added: \u201c{SECOND}\u201d"
    one = add(store, article(raw1, "2024-03-04", "A", [(FIRST, "Marta Lindqvist", "Marta Lindqvist"),
                                                       (SECOND, "Marta Lindqvist", "Later she")]))
    raw2 = f"\u201c{FIRST}\u201d Marta Lindqvist said. \u201c{SECOND}\u201d"
    both = add(store, article(raw2, "2024-03-05", "B", [(raw2, "Marta Lindqvist", "Marta Lindqvist")]))
    passages = {st.utterance for st in stored(store, one).statements}
    assert len(passages) == 2 and stored(store, both).statements[0].utterance in passages


def test_a_quotation_running_on_from_one_passage_into_another_makes_them_one_saying(store: Store):
    """One report quotes two passages apart; another runs them together inside one pair of quotation marks: they
    were one passage (a press statement quoted in two parts, then whole), and every report is of it."""
    raw1 = f"Marta Lindqvist said: \u201c{FIRST}\u201d She added: \u201c{SECOND}\u201d"
    one = add(store, article(raw1, "2024-03-04", "A", [(FIRST, "Marta Lindqvist", "Marta Lindqvist"),
                                                       (SECOND, "Marta Lindqvist", "She added")]))
    raw2 = f"Marta Lindqvist said: \u201c{FIRST} {SECOND}\u201d"
    both = add(store, article(raw2, "2024-03-05", "B", [(raw2[raw2.index("\u201c"):], "Marta Lindqvist",
                                                         "Marta Lindqvist")]))
    utterance = stored(store, both).statements[0].utterance
    assert {st.utterance for st in stored(store, one).statements} == {utterance}
    info = store.utterances(utterance)[0]
    assert len(info.reports) == 3 and info.first_article_id == one.id


def test_a_cut_marked_inside_a_quotation_breaks_the_run():
    """An ellipsis says words were left out between the two passages: no evidence that they were said as one."""
    first, second = tokens(FIRST), tokens(SECOND)
    joined = {f"\u201c{FIRST} {SECOND}\u201d": True, f"\u201c{FIRST} \u2026 {SECOND}\u201d": False,
              f"\u201c{FIRST} ... {SECOND}\u201d": False, f"\u201c{FIRST}\u201d she said. \u201c{SECOND}\u201d": False}
    for text, runs in joined.items():
        assert runs_on(match_words(text, "direct"), stretch_starts(text, "direct"), first, second) is runs
    assert not runs_on(tokens(FIRST + " " + SECOND), stretch_starts(FIRST + " " + SECOND, "indirect"), first, second)


def test_other_speaker_or_other_words_are_other_utterances():
    base = dict(article_id="a", statement_id="s", kind="direct", date="2024-03-04", pub_date="2024-03-04",
                story_id=None)
    said = Said(text=PIER, entity_id="e1", **base)
    assert same_saying(said, Said(text=PIER, entity_id="e1", **base))
    assert not same_saying(said, Said(text="We will not reopen the north pier this week.", entity_id="e2", **base))
    assert not same_saying(said, Said(text="The south quay will take the ferries until May.", entity_id="e1",
                                      **base))


SAID_BASE = dict(article_id="a", statement_id="s", kind="direct", date=None, pub_date="2024-03-04", story_id=None)


def said_as(text: str, entity_id: str | None = "e1", **changes: str | None) -> Said:
    return Said(text=text, entity_id=entity_id, **{**SAID_BASE, **changes})


def test_a_long_quotation_word_for_word_is_one_saying_whoever_it_was_put_to():
    """Extraction puts a speaker wrong far more often than two people say the same long sentence."""
    other = said_as(f"\u201c{PIER}\u201d the council's statement said.", "e2", article_id="b", pub_date="2024-03-05")
    assert same_saying(said_as(PIER), other)
    assert same_saying(said_as(PIER, None), other)


def test_quoted_words_are_compared_not_the_attribution():
    one = said_as("\u201cWe will not reopen the north pier,\u201d Marta Lindqvist told the Harbour Gazette at the "
                  "quay on a windy afternoon. \u201cNot before every pile has been checked.\u201d")
    nyt = said_as("''We will not reopen the north pier,'' she said. ''Not before every pile has been checked.''",
                  article_id="b")
    assert one.words == nyt.words
    assert same_saying(one, nyt)


def test_a_quotation_over_paragraphs_keeps_every_paragraph():
    text = "\u201cThe pier stays shut.\n\u201cThe ferries berth at the south quay,\u201d she said."
    assert match_words(text, "direct") == tokens("The pier stays shut. The ferries berth at the south quay")
    assert quoted_parts('"The pier stays shut.\n"The quay is open," she said.') == [
        "The pier stays shut.\n", "The quay is open,"]


def test_a_partial_quote_cut_and_rejoined_is_the_same_wording():
    full = said_as("she will use the fees to \u201crepair the north pier, dredge the harbour mouth and pay the "
                   "pilots' overtime.\u201d", kind="mixed")
    cut = said_as("she will put the fees toward \u201cthe north pier\u201d and to \u201cpay the pilots' "
                  "overtime\u201d", kind="mixed", article_id="b")
    assert same_saying(full, cut)


def test_a_few_words_match_only_in_their_order():
    long_ = said_as("\u201cThe harbour board should leave the fishing quota alone and let the Democratic "
                    "Party of the port decide,\u201d she wrote.")
    assert not same_saying(long_, said_as("to leave the Democratic Party", kind="indirect", article_id="b"))
    assert not same_saying(said_as("Obama", kind="indirect", article_id="b"),
                           said_as("that the founder of the league is Obama", kind="indirect"))


def test_a_saying_dated_after_a_report_is_another_occasion():
    """A report published on the 4th cannot tell what was said on the 8th: the words were said again."""
    earlier = said_as(PIER, pub_date="2024-03-04")
    again = said_as(PIER, date="2024-03-08", pub_date="2024-03-08", article_id="b")
    assert not same_saying(earlier, again)
    assert same_saying(earlier, said_as(PIER, date="2024-03-04", pub_date="2024-03-08", article_id="b"))


def test_a_short_quotation_given_whole_by_both_is_one_saying_where_a_speaker_was_not_resolved():
    """The extractor misses a speaker ("his tax returns") far more often than two sources say four same words."""
    named = said_as("\u201cThe pier stays shut,\u201d", article_id="b")
    assert same_saying(named, said_as("the notice said \u201cthe pier stays shut.\u201d", None, kind="mixed"))
    assert not same_saying(named, said_as("\u201cThe pier stays open\u201d", None))
    assert not same_saying(named, said_as("\u201cThe pier stays shut\u201d", "e2"))
    for few_or_title in ("\u201cpier and quay\u201d", "on \u201cThe Harbour Master Hour\u201d"):
        assert not same_saying(said_as(few_or_title, kind="mixed", article_id="b"),
                               said_as(few_or_title, None, kind="mixed"))


def test_a_long_passage_quoted_again_undated_within_a_month_is_the_first_saying():
    """An undated report quoting fifteen words or more word for word quotes the earlier saying again; a shorter
    refrain, a report past a month, or one that dates the words to its own day tells of another occasion."""
    first = said_as(f"\u201c{PIER}\u201d")
    assert same_saying(first, said_as(f"she said in March that \u201c{PIER}\u201d", kind="mixed", article_id="b",
                                      pub_date="2024-03-20"))
    assert not same_saying(first, said_as(f"\u201c{PIER}\u201d", article_id="b", pub_date="2024-04-20"))
    refrain = "\u201cWe will not reopen the north pier,\u201d"
    assert not same_saying(said_as(refrain), said_as(refrain, article_id="b", pub_date="2024-03-20"))
    assert not same_saying(first, said_as(f"\u201c{PIER}\u201d", article_id="b", date="2024-03-19",
                                          pub_date="2024-03-20"))


def test_two_retellings_of_one_finding_by_a_source_described_alike_are_one_saying():
    """A poll resolves to no entity and its finding is reworded: described alike, within a day, a third of the
    content words shared and nothing named or counted by each alone, two reports are of one finding."""
    lead = said_as("Marta Lindqvist and Per Olsen are locked in a close race for the harbour board in Northport, "
                   "a ward that long seemed safe for Ms. Lindqvist", None, kind="indirect", speaker="new ward poll")
    retold = dict(kind="indirect", article_id="b", pub_date="2024-03-05", speaker="new poll")
    again = "Marta Lindqvist and Per Olsen are virtually tied for the harbour board in Northport, the biggest prize"
    assert same_saying(lead, said_as(again, None, **retold))
    assert not same_saying(lead, said_as(again, None, **{**retold, "pub_date": "2024-03-07"}))
    assert not same_saying(lead, said_as(again, None, **{**retold, "speaker": "new Southport poll"}))
    assert not same_saying(lead, said_as(again.replace("Northport", "Southport"), None, **retold))
    assert not same_saying(lead, said_as(again, "e2", **retold))
    quoted = said_as("\u201cLindqvist and Olsen are locked in a close race for the harbour board,\u201d", None,
                     speaker="ward official")
    assert not same_saying(quoted, said_as("\u201cThe harbour board race between Olsen and Lindqvist is virtually "
                                           "tied,\u201d", None, **{**retold, "kind": "direct", "speaker": "official"}))
    counted = said_as(lead.text + ", 46 percent to 44", None, kind="indirect", speaker="new ward poll")
    assert not same_saying(counted, said_as(again + ", 48 percent to 41", None, **retold))
    assert described_alike("an NBC reporter", "the reporter") and not described_alike("New York voters",
                                                                                     "Republican voters")


def test_a_finding_retold_without_a_run_of_shared_words_is_found_by_its_source(store: Store):
    """Two outlets retell a reporter's question the same day in words that share no run of three: the store finds
    the first by its source's noun and day."""
    first = "whether closing the north pier would strand the island ferries"
    raw1 = f"A harbour reporter asked Lindqvist {first}, and she shrugged."
    one = add(store, article(raw1, "2024-03-04", "A", [(first, "harbour reporter", "harbour reporter", "indirect",
                                                        None, "unknown")]))
    second = "if ferries to the north islands would be stranded once the pier closes"
    raw2 = f"Asked by a reporter {second}, Lindqvist gave no answer."
    two = add(store, article(raw2, "2024-03-04", "B", [(second, "reporter", "reporter", "indirect", None,
                                                        "unknown")]))
    assert stored(store, one).statements[0].utterance == stored(store, two).statements[0].utterance


def test_wording_diff_marks_the_cut():
    assert wording_diff("we will not reopen the pier now", "will not reopen the pier") == \
        "\u2026 will not reopen the pier \u2026"
    assert "{+berth+}" in wording_diff("ferries dock at the quay", "ferries berth at the quay")


# --- near-duplicates and stories ---------------------------------------------------------------


def test_syndicated_copy_is_a_near_duplicate_in_the_same_story(store: Store):
    text = harbour("2024-03-04", "Harbour Gazette", "The pier stays shut.")
    one = add(store, article(text, "2024-03-04", "Harbour Gazette", [(PIER, "Marta Lindqvist", "Marta Lindqvist")]))
    copy = text.replace("every day it lasts", "for every day it lasts") + " (Wire copy.)"
    two = add(store, article(copy, "2024-03-05", "Evening Wire", [(PIER, "Marta Lindqvist", "Marta Lindqvist")]))
    records = [r for r in export_records(store) if r["type"] == "near_duplicate"]
    assert records == [{"type": "near_duplicate", "article": two.id, "original": one.id,
                        "similarity": records[0]["similarity"]}]
    assert stored(store, one).event == stored(store, two).event is not None


WIRE = ("The harbour board voted on Tuesday to keep the north pier closed until the spring. Engineers found "
        "cracks in six of the oak piles that carry the deck, and the board's chair said repairs would take "
        "at least four months. Ferries will keep using the south quay, where a second gangway is being built. "
        "Traders on the pier say they have lost half their summer custom and asked the council for rate relief. "
        "The council will consider their request at its next meeting.")


def test_a_short_wire_story_lightly_edited_is_still_a_copy():
    """A new headline, a sentence cut, a paragraph added and a few words changed move a short story's
    shingles a lot (estimated Jaccard 0.47 here), not out of reach."""
    cut = WIRE.replace(" Ferries will keep using the south quay, where a second gangway is being built.", "")
    edited = ("Pier to stay shut until spring\n\n"
              + cut.replace("on Tuesday", "on Tuesday evening").replace("half their summer custom",
                                                                       "half of their summer trade")
              + "\n\nThe pier opened in 1897 and was last rebuilt after the storm of 1953.")
    other_outlet = ("Traders on the north pier will wait until spring: the harbour board has decided that the pier "
                    "stays closed while cracked piles are replaced. The south quay takes the ferries, and the "
                    "council hears the traders' plea for rate relief next month.")
    original = neardup.signature(WIRE)
    assert neardup.similarity(original, neardup.signature(edited)) >= neardup.NEAR_DUPLICATE
    assert neardup.similarity(original, neardup.signature(other_outlet)) < neardup.NEAR_DUPLICATE


def test_other_event_later_is_another_story(store: Store):
    one = add_gazette(store)
    raw = ("Marta Lindqvist opened the new fish market on Saturday. \u201cThe market belongs to the town,\u201d "
           "she said, as stallholders set out herring and crab under the new roof.")
    two = add(store, article(raw, "2024-09-14", "Coastal Times",
                             [("\u201cThe market belongs to the town,\u201d", "Marta Lindqvist", "Marta Lindqvist")]))
    assert stored(store, one).event != stored(store, two).event
    assert [h.article_id for h in store.timeline(story=stored(store, two).event)] == [two.id]


# --- incremental and export --------------------------------------------------------------------


def test_every_statement_gets_an_utterance_and_the_export_says_so(store: Store):
    add_gazette(store)
    records = list(export_records(store))
    kinds = {r["type"] for r in records}
    assert {"article", "statement", "entity", "utterance", "story"} <= kinds
    assert all(r["utterance"] for r in records if r["type"] == "statement")
    assert all(r["event"] for r in records if r["type"] == "article")


def test_adding_an_article_touches_only_indexed_rows(store: Store):
    """Linking the 21st article costs about what linking the 2nd did (no scan of the store)."""
    timings = []
    for n in range(21):
        raw = harbour("2024-03-04", f"Outlet {n}", f"Report {n} on the pier, filed at hour {n}.", f"Note {n}.")
        art = article(raw, f"2024-03-{4 + n % 20:02d}", f"Outlet {n}", [(PIER, "Marta Lindqvist", "Marta Lindqvist")])
        assert store.add_article(art)
        started = time.perf_counter()
        link_article(store, art)
        timings.append(time.perf_counter() - started)
    assert timings[-1] < 10 * max(timings[1], 0.01)


# --- end to end: the real pipeline and the CLI -------------------------------------------------


def test_ingest_links_and_cli_lists(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        {"source": "gazette.txt", "outlet": "Harbour Gazette", "pub_date": "2024-03-04",
         "text": harbour("2024-03-04", "Harbour Gazette", "The north pier stays shut.")},
        {"source": "times.txt", "outlet": "Coastal Times", "pub_date": "2024-03-05",
         "text": f"Marta Lindqvist, the port authority chief, told reporters: \u201c{PIER}\u201d\n"
                 "Ferries will berth at the south quay until the engineers report to the council."},
    ]
    (folder / "two.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--db", db, "-q"]).exit_code == 0
    result = runner.invoke(app, ["utterances", "inspection", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.output.splitlines()]
    assert found[0]["outlets"] == ["Coastal Times", "Harbour Gazette"]
    shown = runner.invoke(app, ["utterances", "inspection", "--db", db]).output
    assert "2 report(s) in 2 outlet(s): Coastal Times, Harbour Gazette" in " ".join(shown.split())
    result = runner.invoke(app, ["entities", "Lindqvist", "--db", db, "--json"])
    assert json.loads(result.output.splitlines()[0])["name"] == "Marta Lindqvist"
    result = runner.invoke(app, ["timeline", "Marta Lindqvist", "--db", db, "--json"])
    assert [json.loads(line)["outlet"] for line in result.output.splitlines()] == ["Harbour Gazette", "Coastal Times"]
    assert runner.invoke(app, ["timeline", "--db", db]).exit_code == 2


# --- the hand-judged PolNeAR pairs (reads ../shared) -------------------------------------------

# Floors one pair under what benchmarks/utterances.py --every 3 measured on this third of the pairs
# (30 pairs, 53 articles: precision 11/11, recall 11/13; the whole set: 1.0 and 0.92, docs/accuracy.md).
PAIR_FLOORS = {"precision": 0.9, "recall": 0.76}


def test_polnear_utterance_pairs(shared_dir: Path):
    """A third of the pairs (every third line), for time: the whole set is the benchmark's."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "utterances.py"
    spec = importlib.util.spec_from_file_location("utterance_benchmark", path)
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up there
    spec.loader.exec_module(bench)
    figures = bench.run(corpus=shared_dir / "corpus" / "polnear", every=3)
    for key, floor in PAIR_FLOORS.items():
        assert figures[key] >= floor, figures
