"""Personal data masked in text shown to people who may not see it: ID numbers, mobile numbers,
bank cards, policy numbers and e-mail addresses keep only enough to tell them apart."""

from __future__ import annotations

import re

_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_BANK_CARD = re.compile(r"(?<!\d)\d{12,15}(\d{4})(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_POLICY_NUMBER = re.compile(r"(?<![0-9A-Za-z])([A-Za-z]{1,4}\d{2})\d{4,}(\d{4})(?![0-9A-Za-z])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
)


def mask_personal_data(text: str) -> str:
    """``text`` with every ID number, bank card, mobile, policy number and e-mail masked."""
    text = _ID_NUMBER.sub(lambda m: f"{m[1]}********{m[2]}", text)
    text = _BANK_CARD.sub(lambda m: f"****{m[1]}", text)
    text = _MOBILE.sub(lambda m: f"{m[1]}****{m[2]}", text)
    text = _POLICY_NUMBER.sub(lambda m: f"{m[1]}****{m[2]}", text)
    return _EMAIL.sub(lambda m: f"{m[1]}***{m[2]}", text)


def mask_name(name: str) -> str:
    """A person's name with all but its first character masked: 张三丰 → 张**."""
    return name[:1] + "*" * (len(name) - 1) if name else name
