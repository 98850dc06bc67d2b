"""What WeChat posts to the callback URL, read as hostile XML until proved otherwise.

A body is refused when it is over :data:`MAX_BODY_BYTES`, not UTF-8, or declares a DOCTYPE or an
entity (defusedxml, so XXE and billion laughs never expand). Characters XML 1.0 forbids — WeChat
really sends control characters such as ``\\x1d`` inside ``Content`` — are removed before parsing,
so such a message is still read rather than answered with an error. Unknown tags are kept in
``fields`` and otherwise ignored; ``MsgId`` (a 64-bit integer) stays a string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeAlias, TypedDict
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bot.channels.wechat.errors import BodyTooLargeError, ForbiddenXmlError, MessageError

MAX_BODY_BYTES = 64 * 1024
"""Largest body read. A text message is at most a few KiB; safe mode triples it (base64 + AES)."""

# XML 1.0 allows tab, newline, carriage return and U+0020 upwards, less surrogates, U+FFFE, U+FFFF.
ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_illegal_xml_chars(text: str) -> str:
    """``text`` without the characters XML 1.0 does not allow (C0 controls but ``\\t\\n\\r``)."""
    return ILLEGAL_XML_CHARS.sub("", text)


def _decode(body: bytes | str) -> str:
    raw = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else body
    if len(raw) > MAX_BODY_BYTES:
        raise BodyTooLargeError(
            f"body of {len(raw)} bytes refused: over the {MAX_BODY_BYTES}-byte limit"
        )
    if isinstance(body, str):
        return body
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MessageError(f"body is not UTF-8 (byte {error.start})") from None


def parse_fields(body: bytes | str) -> dict[str, str]:
    """The text of each child of a ``<xml>`` body, by tag (CDATA unwrapped).

    Children that hold elements themselves (``ScanCodeInfo``, ``SendLocationInfo``) are skipped;
    none of the messages MingBao reads needs them.

    Raises:
        BodyTooLargeError: Over :data:`MAX_BODY_BYTES`.
        ForbiddenXmlError: A DOCTYPE, an entity declaration or an external reference.
        MessageError: Not UTF-8, not well-formed, or the root is not ``<xml>``.
    """
    text = strip_illegal_xml_chars(_decode(body))
    try:
        root: Element = fromstring(
            text.encode("utf-8"), forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except DefusedXmlException as error:
        raise ForbiddenXmlError(
            f"body declares a DOCTYPE or entities ({type(error).__name__}); WeChat never does"
        ) from None
    except ParseError as error:
        raise MessageError(f"body is not well-formed XML ({error})") from None
    if root.tag != "xml":
        raise MessageError(f"root element is <{root.tag[:40]}>, not <xml>")
    return {child.tag: child.text or "" for child in root if len(child) == 0}


@dataclass(frozen=True, kw_only=True)
class Inbound:
    """What every callback message has.

    Attributes:
        to_user: ``ToUserName``, the account's original id (``gh_…``).
        from_user: ``FromUserName``, the customer's OpenID: MingBao's conversation id.
        create_time: ``CreateTime``, Unix seconds.
        msg_type: ``MsgType`` lower-cased (``text``, ``voice``, ``image``, ``event``, …).
        msg_id: ``MsgId`` as a string; ``None`` for events, which have none.
        fields: Every flat field of the XML, including those not read into attributes.
    """

    to_user: str
    from_user: str
    create_time: int
    msg_type: str
    msg_id: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def dedup_key(self) -> str:
        """The key that is the same for every delivery of this message and for no other.

        ``MsgId`` when there is one, as WeChat recommends; otherwise WeChat's rule for events,
        ``FromUserName + CreateTime``, followed by what kind of message it is and the event and its
        key, so two different events of one customer in the same second are not merged (WeChat
        repeats a delivery byte for byte, so its repeats still share the key).
        """
        if self.msg_id:
            return f"MsgId:{self.msg_id}"
        base = f"FromUserName+CreateTime:{self.from_user}|{self.create_time}"
        return "|".join(
            (base, self.msg_type, self.fields.get("Event", ""), self.fields.get("EventKey", ""))
        )


@dataclass(frozen=True, kw_only=True)
class TextMessage(Inbound):
    """A typed message. ``content`` is exactly as sent, newlines included."""

    content: str


@dataclass(frozen=True, kw_only=True)
class VoiceMessage(Inbound):
    """A voice message; ``recognition`` is WeChat's transcript when the account enabled it."""

    media_id: str
    format: str
    recognition: str | None


@dataclass(frozen=True, kw_only=True)
class ImageMessage(Inbound):
    """A picture: ``pic_url`` to fetch it, ``media_id`` for the media API."""

    pic_url: str
    media_id: str


@dataclass(frozen=True, kw_only=True)
class EventMessage(Inbound):
    """An event: follow, unfollow, menu, QR scan, or WeChat's own customer-service sessions.

    Attributes:
        event: ``Event`` lower-cased (WeChat sends ``subscribe`` but ``CLICK``): ``subscribe``,
            ``unsubscribe``, ``click``, ``view``, ``scan``, ``kf_create_session``,
            ``kf_close_session``, ``kf_switch_session``, …
        event_key: ``EventKey``: a menu key (``click``), a URL (``view``), a QR scene
            (``qrscene_123`` on ``subscribe``, the bare scene on ``scan``); ``None`` if absent.
        kf_account: The agent of a ``kf_*_session`` event (``ToKfAccount`` on a switch).
    """

    event: str
    event_key: str | None
    kf_account: str | None


@dataclass(frozen=True, kw_only=True)
class OtherMessage(Inbound):
    """Any other ``MsgType`` (video, location, link, …); MingBao answers it generically."""


InboundMessage: TypeAlias = TextMessage | VoiceMessage | ImageMessage | EventMessage | OtherMessage


class _Common(TypedDict):
    to_user: str
    from_user: str
    create_time: int
    msg_type: str
    msg_id: str | None
    fields: Mapping[str, str]


def _required(fields: Mapping[str, str], name: str) -> str:
    value = fields.get(name)
    if value is None:
        raise MessageError(f"message has no <{name}>")
    return value


def parse_message(body: bytes | str) -> InboundMessage:
    """Read a (decrypted) callback body into the message it carries.

    Raises:
        MessageError: As :func:`parse_fields`, or ``ToUserName``, ``FromUserName``,
            ``CreateTime``, ``MsgType`` (or a text's ``Content``, an event's ``Event``) missing,
            or ``CreateTime``/``MsgId`` not a number.
    """
    fields = MappingProxyType(parse_fields(body))
    create_time = _required(fields, "CreateTime").strip()
    if not (create_time.isascii() and create_time.isdigit()) or len(create_time) > 12:
        raise MessageError(f"CreateTime {create_time[:20]!r} is not Unix seconds")
    msg_id = fields.get("MsgId", "").strip() or None
    # A 64-bit id has at most 20 digits.
    if msg_id is not None and not (msg_id.isascii() and msg_id.isdigit() and len(msg_id) <= 20):
        raise MessageError(f"MsgId {msg_id[:30]!r} is not a number")
    msg_type = _required(fields, "MsgType").strip().lower()
    common = _Common(
        to_user=_required(fields, "ToUserName"),
        from_user=_required(fields, "FromUserName"),
        create_time=int(create_time),
        msg_type=msg_type,
        msg_id=msg_id,
        fields=fields,
    )
    if msg_type == "text":
        return TextMessage(content=_required(fields, "Content"), **common)
    if msg_type == "voice":
        return VoiceMessage(
            media_id=fields.get("MediaId", ""),
            format=fields.get("Format", ""),
            recognition=fields.get("Recognition") or None,
            **common,
        )
    if msg_type == "image":
        return ImageMessage(
            pic_url=fields.get("PicUrl", ""),
            media_id=fields.get("MediaId", ""),
            **common,
        )
    if msg_type == "event":
        return EventMessage(
            event=_required(fields, "Event").strip().lower(),
            event_key=fields.get("EventKey"),
            kf_account=fields.get("KfAccount") or fields.get("ToKfAccount"),
            **common,
        )
    return OtherMessage(**common)


@dataclass(frozen=True)
class EncryptedEnvelope:
    """A safe-mode or compatible-mode body: ``<Encrypt>`` and whatever plaintext came with it.

    Attributes:
        encrypt: The ``Encrypt`` text, to check against ``msg_signature`` and decrypt.
        to_user: ``ToUserName`` (the account's ``gh_…`` id) when present.
        fields: Every flat field; compatible mode repeats the message's fields in plaintext, but
            only the decrypted copy is signed, so read the message from that.
    """

    encrypt: str
    to_user: str | None
    fields: Mapping[str, str] = field(repr=False, compare=False)


def parse_envelope(body: bytes | str) -> EncryptedEnvelope:
    """Read the ``Encrypt`` of a safe-mode (``encrypt_type=aes``) body.

    Raises:
        MessageError: As :func:`parse_fields`, or there is no non-empty ``<Encrypt>``.
    """
    fields = MappingProxyType(parse_fields(body))
    encrypt = fields.get("Encrypt", "").strip()
    if not encrypt:
        raise MessageError("safe-mode body (encrypt_type=aes) has no <Encrypt>")
    return EncryptedEnvelope(encrypt=encrypt, to_user=fields.get("ToUserName"), fields=fields)
