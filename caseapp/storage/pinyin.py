"""Pinyin initials of a person's or organisation's name ("张三" → "zs"), kept in
persons.name_initials so that search can find a party by typing a few ASCII letters."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

# Column width of persons.name_initials; longer names are cut (search matches by prefix).
MAX_LEN = 32

# Surnames whose reading differs from pypinyin's everyday default (单 dān → shàn, 曾 céng →
# zēng, …): applied to the first character of a person's name only, never to organisations.
# pypinyin has no surname mode of its own (its JS namesakes do), so the common ones are here.
SURNAME_INITIAL = {
    "单": "s", "曾": "z", "解": "x", "仇": "q", "区": "o", "查": "z", "翟": "z", "乐": "y",
    "覃": "q", "召": "s", "秘": "b", "种": "c", "句": "g", "繁": "p", "阚": "k", "隗": "w",
    "祭": "z", "折": "s", "藏": "z", "粘": "n", "朝": "z",
}


@lru_cache(maxsize=8192)  # the demo and imports repeat names
def name_initials(name: str | None, *, is_org: bool = False) -> str | None:
    """Lower-case first letters of each Chinese character's pinyin; ASCII letters are kept
    (lower-cased), digits, spaces and punctuation dropped (they cannot be typed as initials).
    None when nothing is left, so an empty column means "no initials" rather than a match."""
    if not name:
        return None
    text = name.strip()
    letters: list[str] = []
    # non-Chinese runs come back as typed ("ABC12"): their letters are kept one by one
    for piece in _pieces(text):
        letters.extend(ch.lower() for ch in piece if ch.isascii() and ch.isalpha())
    if not is_org and text and text[0] in SURNAME_INITIAL and letters:
        letters[0] = SURNAME_INITIAL[text[0]]
    result = "".join(letters)[:MAX_LEN]
    return result or None


def _pieces(text: str) -> list[str]:
    """pypinyin's first letters of ``text``. A short all-Chinese name that holds none of
    pypinyin's phrases reads character by character, which is what pypinyin itself does
    then, ~10× faster (a demo or an import of a million persons would wait minutes)."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take ~0.5 s: not at start-up

    if _SHORT_CHINESE.fullmatch(text) and not _has_phrase(text):
        return [_char_initial(c) for c in text]
    return lazy_pinyin(text, style=Style.FIRST_LETTER)


_SHORT_CHINESE = re.compile("[\u4e00-\u9fff]{1,6}")


def _has_phrase(text: str) -> bool:
    from pypinyin.constants import PHRASES_DICT

    n = len(text)
    for i in range(n - 1):
        for j in range(i + 2, n + 1):
            if text[i:j] in PHRASES_DICT:
                return True
    return False


@cache
def _char_initial(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.FIRST_LETTER)[0]


def initials_default(context: Any) -> str | None:
    """Column default for Core inserts that do not name the column (bulk inserts of persons)."""
    params = context.get_current_parameters()
    return name_initials(params.get("name"), is_org=bool(params.get("is_org")))


def _fill(_mapper: Any, _connection: Any, person: Any) -> None:
    person.name_initials = name_initials(person.name, is_org=bool(person.is_org))


def listen(person_cls: type) -> None:
    """Keep name_initials right on every ORM insert and update of a person (called once,
    where the Person model is defined)."""
    from sqlalchemy import event

    event.listen(person_cls, "before_insert", _fill)
    event.listen(person_cls, "before_update", _fill)
