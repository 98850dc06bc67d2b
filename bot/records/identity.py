"""Identity and contact data as customers type them: ID numbers, mobiles, addresses, proof."""

from __future__ import annotations

import hmac
import re

from bot.records.errors import InvalidContactError
from bot.records.model import CONTACT_FIELDS, Customer
from bot.text import half_width

# as stored, never the first 10 digits of a longer number; Rasa's own copy is in data/nlu/regex.yml
POLICY_NUMBER = re.compile(r"(?<![A-Z0-9])MB\d{10}(?!\d)")
MOBILE = re.compile(r"1[3-9]\d{9}")
ID_NUMBER = re.compile(r"\d{17}[\dX]")
_SEPARATORS = re.compile(r"[\s\-－—()（）]")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
ADDRESS_MAX_LENGTH = 200


# "MB 2024 000 002": the same number typed in groups
_SPACED_POLICY_NUMBER = re.compile(r"(?<![A-Z0-9])M\s?B(?:\s?\d){10}(?!\d)")


def policy_number_in(text: str) -> str | None:
    """The well-formed policy number in ``text`` (full-width, lower case or typed in groups),
    never the first 10 digits of a longer number ("MB20240000003" is none)."""
    plain = half_width(text).upper()
    found = POLICY_NUMBER.search(plain) or _SPACED_POLICY_NUMBER.search(plain)
    return re.sub(r"\s", "", found.group()) if found else None


# Something a customer meant as a policy number: an MB number of any length, or a code of
# letters and digits right after the word 保单(号).
_POLICY_NUMBER_TRY = re.compile(
    r"(?<![A-Z0-9])MB\d{4,16}(?!\d)|保单(?:号码?)?\s*[:：是为]?\s*([A-Z]{1,3}\d{4,16}|\d{5,16})(?![A-Z0-9])"
)


def mistyped_policy_number(text: str) -> str | None:
    """What ``text`` gives as a policy number when it is not one (``MB20240002``, ``P2023…``).

    ``None`` when it gives none, or a well-formed one (MB and 10 digits).
    """
    plain = half_width(text).upper()
    for found in _POLICY_NUMBER_TRY.finditer(plain):
        token = found.group(1) or found.group(0)
        if not POLICY_NUMBER.fullmatch(token):
            return token
    return None


def _plain(text: str) -> str:
    return _SEPARATORS.sub("", half_width(text)).upper()


def normalize_mobile(text: str) -> str | None:
    """A mainland mobile as 11 digits, or ``None`` when ``text`` is not one.

    Spaces, hyphens, full-width digits and a ``+86`` prefix are accepted.
    """
    plain = _plain(text)
    if plain.startswith("+86"):
        plain = plain[3:]
    elif plain.startswith("86") and len(plain) == 13:
        plain = plain[2:]
    return plain if MOBILE.fullmatch(plain) else None


def id_check_character(first17: str) -> str:
    """The 18th character of a resident ID number (GB 11643) for its first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number_fault(id_number: str) -> str | None:
    """What is wrong with a resident ID number, or ``None`` when it is well formed."""
    if not ID_NUMBER.fullmatch(id_number):
        return "is not 17 digits followed by a digit or X (upper case)"
    expected = id_check_character(id_number[:17])
    if id_number[17] != expected:
        return f"has check character {id_number[17]!r}, but its first 17 digits give {expected!r}"
    return None


def proof_matches(holder: Customer, proof: str) -> bool:
    """Whether ``proof`` is the last 4 characters of the holder's ID number or their full mobile.

    The ID's ``X`` may be typed in either case; full-width characters and spaces are accepted.
    """
    plain = _plain(proof)
    if len(plain) == 4:
        return _same(plain, holder.id_number[-4:].upper())
    mobile = normalize_mobile(proof)
    return mobile is not None and _same(mobile, holder.mobile)


def _same(given: str, registered: str) -> bool:
    return hmac.compare_digest(given.encode(), registered.encode())


def valid_contact(field: str, new_value: str) -> str:
    """``new_value`` as it should be stored in the holder's ``field`` (``mobile`` or ``address``).

    Raises:
        InvalidContactError: unknown field, a mobile that is not 11 digits from 1[3-9], or an
            empty or over-long address.
    """
    if field not in CONTACT_FIELDS:
        raise InvalidContactError(
            field,
            "unknown_field",
            f"field {field!r} cannot be changed here; use 'mobile' or 'address'",
        )
    if field == "mobile":
        mobile = normalize_mobile(new_value)
        if mobile is None:
            raise InvalidContactError(
                field,
                "format",
                f"{new_value!r} is not a mainland mobile (11 digits starting 13-19); ask again",
            )
        return mobile
    address = " ".join(new_value.split())
    if not address:
        raise InvalidContactError(field, "empty", "the new address is empty; ask for it again")
    if len(address) > ADDRESS_MAX_LENGTH:
        raise InvalidContactError(
            field,
            "too_long",
            f"the new address is over {ADDRESS_MAX_LENGTH} characters; ask for a shorter form",
        )
    return address
