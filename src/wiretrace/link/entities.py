"""Entities across articles: each statement's speaker resolved to one canonical person or organization.

Precise first, then robust: a speaker named by a role only ("NATO chief")
takes the person the store has seen with that role nearest in time; a person's
name takes the entity whose name parts agree (spelling variants merged,
``Jr.`` kept apart; a surname alone is first read as the one full name its
article gives with it, else goes to the most quoted bearer); an
organization takes the entity with that alias. Anything else starts a new
entity. Roles are learned from the articles: a statement whose mention is a
role ("the alliance's chief") resolved to a name, and "Role Name" or
"Name, the role," in the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy.engine import Connection, Row

from wiretrace.link.names import (
    HONORIFIC_WORDS,
    PersonName,
    alias_key,
    is_role,
    name_weight,
    parse_person,
    role_key,
    same_person,
)
from wiretrace.link.text import STOP_WORDS, fold
from wiretrace.model import Article, Statement
from wiretrace.statements.cues import PERSON_PRONOUNS
from wiretrace.store import links

LINKED_TYPES = ("person", "organization")
# A role names its holder this many days either side of the articles that say so
# (a minister or a secretary-general holds office for years; a role seen a year
# away may have changed hands).
ROLE_SPAN_DAYS = 365
# Words of a title before a name: "Former Norwegian Prime Minister Mr Stoltenberg".
MAX_TITLE_WORDS = 5
APPOSITION = r",\s+((?:the\s+)?[^,.;:\n\"\u201c\u201d]{3,60}?),"
# A given name (and a middle name or initial) right before a surname, and a generational suffix after it.
FULL_NAME = (r"\b(?P<given>[A-Z][a-z][\w'\u2019-]*)\s+(?:(?P<middle>[A-Z]\.|[A-Z][a-z]+)\s+)?{surname}\b"
             r"(?:,?\s+(?P<suffix>Jr\.|Sr\.|II|III|IV)(?!\w))?")


@dataclass(slots=True)
class Resolved:
    """A speaker resolved to an entity: its id and canonical name."""

    entity_id: str
    name: str


def resolve_speakers(conn: Connection, article: Article) -> dict[str, Resolved]:
    """The entity of each statement's speaker (by statement id), entities and aliases updated."""
    by_name: dict[tuple[str, str], Resolved | None] = {}
    found: dict[str, Resolved] = {}
    for st in article.statements:
        sp = st.speaker
        if sp is None or sp.type not in LINKED_TYPES or not sp.name:
            continue
        key = (sp.type, sp.name)
        if key not in by_name:
            by_name[key] = _resolve_name(conn, sp.name, sp.type, article)
        if by_name[key] is not None:
            found[st.id] = by_name[key]
    _count_statements(conn, article, found)
    _learn_aliases(conn, article, found)
    _learn_roles(conn, article, found)
    return found


def _learn_aliases(conn: Connection, article: Article, found: dict[str, Resolved]) -> None:
    """The names the article calls each entity by ("Mr Stoltenberg"), titles and pronouns left out."""
    aliases = set()
    for st in article.statements:
        resolved = found.get(st.id)
        mention = st.speaker.mention if resolved else None
        if not mention or mention.lower() in PERSON_PRONOUNS or is_role(mention):
            continue
        title = title_before(mention, resolved.name)
        alias = mention[mention.index(title) + len(title):].strip() if title else mention
        if alias and alias_key(alias).split()[-1:] == alias_key(resolved.name).split()[-1:]:
            aliases.add((resolved.entity_id, alias))
    for entity_id, alias in sorted(aliases):
        links.add_alias(conn, entity_id, alias_key(alias), alias)


def _resolve_name(conn: Connection, name: str, type_: str, article: Article) -> Resolved | None:
    if is_role(name):
        return _by_role(conn, name, article.pub_date)
    if type_ == "person":
        person = parse_person(name)
        if full := _spelled_out(name, person, article):
            name, person = full, parse_person(full)
        return None if person is None else _person(conn, name, person, article)
    return _organization(conn, name, article)


def _spelled_out(name: str, person: PersonName | None, article: Article) -> str | None:
    """The article's full name for a speaker named by a surname alone ("Mr. Clarke")."""
    if person is None or person.given or person.suffix:
        return None
    written = next((w.strip(".,") for w in reversed(name.split()) if fold(w).strip(".,") == person.surname), None)
    return full_name_in(article.raw, written) if written else None


def full_name_in(raw: str, surname: str) -> str | None:
    """The one full name the article gives a surname ("Clarke" -> "Tom Clarke"), if it gives one.

    A surname alone in a statement's speaker is the article's short form of a
    name it has spelled out; two given names with the surname (Bill and
    Hillary Clinton) or a name and its ``Jr.`` leave it undecided (None).
    """
    found = {}
    for match in re.finditer(FULL_NAME.format(surname=re.escape(surname)), raw):
        given, middle, suffix = match.group("given"), match.group("middle"), match.group("suffix")
        if not _given_name(given):  # "Senator Lamar Alexander": the title, then the given name
            given, middle = (middle, None) if middle and _given_name(middle) else (None, None)
        if given is None:
            continue
        full = " ".join(w for w in (given, middle, surname) if w) + (f" {suffix}" if suffix else "")
        key = (fold(given), fold(suffix or "").rstrip("."))
        if len(full) > len(found.get(key, "")):
            found[key] = full
    return found.popitem()[1] if len(found) == 1 else None


def role_suffixes(role: str) -> list[str]:
    """A role and its shorter endings of two words or more, longest first.

    "yesterday's port authority chief" is stored as "port authority chief" and
    "authority chief" too, so that a mention with fewer (or other) leading
    words finds it; one word alone ("chief") names no one.
    """
    words = role.split()
    return [" ".join(words[i:]) for i in range(len(words) - 1)]


def _given_name(word: str) -> bool:
    return not (len(word) < 3 or fold(word) in STOP_WORDS or fold(word) in HONORIFIC_WORDS or is_role(word))


def _by_role(conn: Connection, mention: str, day: str | None) -> Resolved | None:
    holders = next((found for role in role_suffixes(role_key(mention))
                    if (found := links.role_holders(conn, role, day, ROLE_SPAN_DAYS))), None)
    if not holders:
        return None
    entity_id = holders[0].entity_id
    return Resolved(entity_id, links.entity_row(conn, entity_id).name)


def _person(conn: Connection, name: str, person: PersonName, article: Article) -> Resolved:
    rows = [r for r in links.persons_named(conn, person.surname_key, person.surname, person.given)
            if same_person(person, PersonName(r.given, (), r.surname, r.suffix))]
    if not rows:
        return _new_entity(conn, name, "person", person, article)
    best = max(rows, key=lambda r: (r.given == person.given, r.surname == person.surname, r.statements))
    return _grow(conn, best, name, person)


def _organization(conn: Connection, name: str, article: Article) -> Resolved:
    rows = links.entities_by_alias(conn, alias_key(name), "organization")
    if not rows:
        return _new_entity(conn, name, "organization", None, article)
    return _grow(conn, rows[0], name, None)


def _new_entity(conn: Connection, name: str, type_: str, person: PersonName | None, article: Article) -> Resolved:
    entity_id = "e" + hashlib.sha256(f"{type_}\x00{name}\x00{article.id}".encode()).hexdigest()[:15]
    surname = person.surname if person else alias_key(name)
    links.insert_entity(conn, {
        "id": entity_id, "name": name, "type": type_, "given": person.given if person else "",
        "surname_key": person.surname_key if person else "", "surname": surname,
        "suffix": person.suffix if person else "", "statements": 0,
        "first_date": article.pub_date, "last_date": article.pub_date,
    })
    links.add_alias(conn, entity_id, alias_key(name), name)
    return Resolved(entity_id, name)


def _grow(conn: Connection, row: Row, name: str, person: PersonName | None) -> Resolved:
    """An existing entity met under a name: a fuller name becomes its canonical one."""
    values = {}
    if person is not None and person.given and not row.given:
        values["given"] = person.given
    if values:
        links.update_entity(conn, row.id, values)
    canonical = row.name
    if name_weight(name) > name_weight(row.name):
        links.rename_entity(conn, row.id, name)
        canonical = name
    links.add_alias(conn, row.id, alias_key(name), name)
    return Resolved(row.id, canonical)


def _count_statements(conn: Connection, article: Article, found: dict[str, Resolved]) -> None:
    counts: dict[str, int] = {}
    for resolved in found.values():
        counts[resolved.entity_id] = counts.get(resolved.entity_id, 0) + 1
    for entity_id, n in counts.items():
        row = links.entity_row(conn, entity_id)
        links.update_entity(conn, entity_id, {"statements": row.statements + n,
                                              **links.date_range(row, article.pub_date)})


def _learn_roles(conn: Connection, article: Article, found: dict[str, Resolved]) -> None:
    """Roles that name a person in this article, from the statements' mentions and the text."""
    rows, seen = [], set()
    by_id = {st.id: st for st in article.statements}
    in_text: dict[str, list[tuple[str, int, int]]] = {}  # name -> its appositions, one scan of the text per name
    for statement_id, resolved in found.items():
        st = by_id[statement_id]
        if st.speaker.type == "person" and not is_role(resolved.name):
            if resolved.name not in in_text:
                in_text[resolved.name] = appositions(article.raw, resolved.name)
            for mention, start, end in _role_mentions(st, resolved.name) + in_text[resolved.name]:
                for role in role_suffixes(role_key(mention)):
                    if (resolved.entity_id, role, start) not in seen:
                        seen.add((resolved.entity_id, role, start))
                        rows.append({"entity_id": resolved.entity_id, "role": role, "mention": mention,
                                     "article_id": article.id, "start": start, "end": end,
                                     "date": article.pub_date})
    links.add_roles(conn, rows)


def _role_mentions(st: Statement, name: str) -> list[tuple[str, int, int]]:
    """(mention, start, end) of the role this statement's speaker mention gives a named person."""
    sp = st.speaker
    if sp.mention and sp.start is not None and sp.mention.lower() not in PERSON_PRONOUNS:
        title = sp.mention if is_role(sp.mention) else title_before(sp.mention, name)
        if title and is_role(title):
            offset = sp.mention.find(title)
            return [(title, sp.start + offset, sp.start + offset + len(title))]
    return []


def title_before(text: str, name: str) -> str | None:
    """The title words right before a name in a mention: "NATO chief Jens Stoltenberg" -> "NATO chief"."""
    person = parse_person(name)
    if person is None:
        return None
    words = text.split()
    cut = next((i for i, w in enumerate(words) if re.sub(r"\W", "", w).lower() in (person.given, person.surname)
                or w.lower().rstrip(".") in ("mr", "mrs", "ms", "dr")), None)
    if not cut:
        return None
    title = " ".join(words[max(0, cut - MAX_TITLE_WORDS):cut])
    return title if is_role(title) else None


def appositions(raw: str, name: str) -> list[tuple[str, int, int]]:
    """Roles next to a full name in the text: "Role Name" and "Name, the role,"."""
    if len(name.split()) < 2:
        return []
    found = []
    for match in re.finditer(re.escape(name), raw):
        before = _title_words_before(raw, match.start())
        if before:
            found.append(before)
        after = re.match(APPOSITION, raw[match.end():])
        if after and is_role(after.group(1)) and after.group(1)[:1].lower() == after.group(1)[:1]:
            start = match.end() + after.start(1)
            found.append((after.group(1), start, start + len(after.group(1))))
    return found


def _title_words_before(raw: str, end: int) -> tuple[str, int, int] | None:
    """Capitalized title words (and title modifiers) ending right before ``end``, if they end in a role."""
    words = list(re.finditer(r"[\w'\u2019-]+", raw[max(0, end - 80):end]))
    base = max(0, end - 80)
    kept = []
    for word in reversed(words[-MAX_TITLE_WORDS:]):
        gap = raw[base + word.end():(base + kept[-1].start()) if kept else end]
        if gap.strip():  # punctuation between: the title stops there
            break
        text = word.group()
        if fold(text) in STOP_WORDS:
            break
        kept.append(word)
    if not kept or not is_role(kept[0].group()):  # a title ends in its role word, right before the name
        return None
    start, stop = base + kept[-1].start(), base + kept[0].end()
    return raw[start:stop], start, stop
