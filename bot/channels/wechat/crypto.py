"""Signatures and safe mode's AES for WeChat Official Account callbacks.

Every request WeChat sends carries ``signature = sha1(sorted([token, timestamp, nonce]))``; in safe
mode (``encrypt_type=aes``) it also carries ``msg_signature``, the same hash with the body's
``Encrypt`` value as a fourth part, and the message itself is AES-256-CBC encrypted:

* key = ``b64decode(EncodingAESKey + "=")`` (32 bytes), IV = the key's first 16 bytes;
* plaintext = 16 random bytes ‖ uint32 big-endian length of the message in UTF-8 *bytes* ‖
  message ‖ AppID;
* PKCS#7 padding to a multiple of **32** bytes (pad byte 1..32), not AES's 16.

Checked against every vector in ``tests/channels/wechat/data/wechat_vectors.json``. Decrypt only
after :meth:`WeChatCrypto.decrypt` has checked ``msg_signature``: the token is secret, so nobody
else can make a ciphertext we will try, and padding errors cannot serve as an oracle.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import struct
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from bot.channels.wechat.errors import (
    AppIdError,
    ConfigurationError,
    DecryptError,
    SignatureError,
    StaleRequestError,
)

BLOCK_SIZE = 32
"""PKCS#7 block size of WeChat's scheme (the official samples' ``block_size = 32``)."""
RANDOM_BYTES = 16
MAX_CLOCK_SKEW_SECONDS = 300
"""How far a request's timestamp may be from now (our choice: WeChat documents no window, and
its retries of one message come within ~15 s)."""

_ENCODING_AES_KEY = re.compile(r"[A-Za-z0-9+/]{43}")
_LENGTH = struct.Struct(">I")


def sign(*parts: str) -> str:
    """WeChat's signature: SHA-1 (lowercase hex) of the parts sorted as strings and joined."""
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def _same(expected: str, given: str) -> bool:
    # compare_digest refuses non-ASCII str; a forged query may hold anything.
    return hmac.compare_digest(expected.encode("ascii"), given.encode("utf-8", "replace"))


def check_signature(token: str, signature: str | None, timestamp: str, nonce: str) -> None:
    """Check the ``signature`` query parameter of a GET verification or of any POST.

    Args:
        token: The Token configured on the WeChat platform (coerce an all-digit token to ``str``).
        signature: The ``signature`` parameter as received, ``None`` when it is missing.
        timestamp: The ``timestamp`` parameter.
        nonce: The ``nonce`` parameter.

    Raises:
        SignatureError: The parameter is missing or the token does not produce it.
    """
    if not signature:
        raise SignatureError("the request has no signature parameter")
    if not _same(sign(token, timestamp, nonce), signature):
        raise SignatureError(
            "signature does not match sha1(sorted([token, timestamp, nonce])): "
            "a forged request, or WECHAT_TOKEN differs from the Token set on the WeChat platform"
        )


def check_timestamp(timestamp: str, now: float, max_skew: int = MAX_CLOCK_SKEW_SECONDS) -> None:
    """Refuse a request whose ``timestamp`` is not Unix seconds within ``max_skew`` of ``now``.

    Raises:
        StaleRequestError: The timestamp is not a number, or too old or too far ahead.
    """
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        raise StaleRequestError(f"timestamp {timestamp[:20]!r} is not Unix seconds")
    skew = int(timestamp) - now
    if abs(skew) > max_skew:
        raise StaleRequestError(
            f"timestamp {timestamp} is {abs(skew):.0f} s {'ahead of' if skew > 0 else 'behind'} "
            f"this server's clock (at most {max_skew} s allowed): a replayed request, or a clock "
            "to set right"
        )


def aes_key(encoding_aes_key: str) -> bytes:
    """The 32-byte AES key an EncodingAESKey (43 characters) stands for.

    Raises:
        ConfigurationError: The value is not 43 base64 characters.
    """
    if not _ENCODING_AES_KEY.fullmatch(encoding_aes_key):
        raise ConfigurationError(
            f"WECHAT_ENCODING_AES_KEY must be the 43 letters and digits shown on the WeChat "
            f"platform (EncodingAESKey); got {len(encoding_aes_key)} characters"
        )
    return base64.b64decode(encoding_aes_key + "=")


def pkcs7_pad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """``data`` padded with ``n`` bytes of value ``n`` (1..block_size) to a whole block."""
    n = block_size - len(data) % block_size
    return data + bytes([n]) * n


def pkcs7_unpad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """``data`` without its PKCS#7 padding.

    Raises:
        DecryptError: The last byte is not a pad length 1..block_size, or the pad bytes differ.
    """
    if not data or len(data) % block_size:
        raise DecryptError(f"decrypted length {len(data)} is not a multiple of {block_size}")
    n = data[-1]
    if not 1 <= n <= block_size or data[-n:] != bytes([n]) * n:
        raise DecryptError(
            f"bad PKCS#7 padding (last byte {n}; WeChat pads with 1..{block_size} bytes of that "
            "value): the EncodingAESKey is wrong, or the message was damaged"
        )
    return data[:-n]


@dataclass(frozen=True)
class Decrypted:
    """What an ``Encrypt`` value holds.

    Attributes:
        random: The 16 random bytes in front, opaque (not always printable).
        message: The message, usually the inner XML.
        receive_id: The AppID (Official Account) or CorpID (WeCom) it was encrypted for.
    """

    random: bytes
    message: str
    receive_id: str


def _cipher(key: bytes) -> Cipher[modes.CBC]:
    return Cipher(algorithms.AES(key), modes.CBC(key[:16]))


def encrypt_message(key: bytes, receive_id: str, message: str, random16: bytes) -> str:
    """The ``Encrypt`` value (base64) for ``message`` to ``receive_id`` under ``key``."""
    if len(random16) != RANDOM_BYTES:
        raise ValueError(f"random16 must be {RANDOM_BYTES} bytes, got {len(random16)}")
    body = message.encode("utf-8")
    plain = random16 + _LENGTH.pack(len(body)) + body + receive_id.encode("utf-8")
    encryptor = _cipher(key).encryptor()
    sealed = encryptor.update(pkcs7_pad(plain)) + encryptor.finalize()
    return base64.b64encode(sealed).decode("ascii")


def decrypt_message(key: bytes, encrypt: str) -> Decrypted:
    """Decrypt an ``Encrypt`` value. Check its ``msg_signature`` first (:class:`WeChatCrypto`).

    Raises:
        DecryptError: Not base64, not whole blocks, bad padding, a length that overruns the
            plaintext, or a message that is not UTF-8.
    """
    try:
        sealed = base64.b64decode(encrypt, validate=True)
    except (binascii.Error, ValueError) as error:
        raise DecryptError(f"Encrypt is not base64 ({error})") from None
    if not sealed or len(sealed) % BLOCK_SIZE:
        raise DecryptError(
            f"Encrypt holds {len(sealed)} bytes, not a whole number of {BLOCK_SIZE}-byte blocks"
        )
    decryptor = _cipher(key).decryptor()
    plain = pkcs7_unpad(decryptor.update(sealed) + decryptor.finalize())
    header = RANDOM_BYTES + _LENGTH.size
    if len(plain) < header:
        raise DecryptError(f"decrypted plaintext has {len(plain)} bytes, fewer than {header}")
    (length,) = _LENGTH.unpack_from(plain, RANDOM_BYTES)
    if header + length > len(plain):
        raise DecryptError(
            f"message length field says {length} bytes but only {len(plain) - header} follow"
        )
    try:
        message = plain[header : header + length].decode("utf-8")
        receive_id = plain[header + length :].decode("utf-8")
    except UnicodeDecodeError as error:
        raise DecryptError(
            f"decrypted message is not UTF-8 at byte {error.start} (was its length counted in "
            "characters instead of UTF-8 bytes?)"
        ) from None
    return Decrypted(plain[:RANDOM_BYTES], message, receive_id)


class WeChatCrypto:
    """One Official Account's token, AES key and AppID, for checking and sealing its messages.

    Args:
        token: The Token set on the WeChat platform.
        encoding_aes_key: The 43-character EncodingAESKey.
        app_id: The account's AppID; a message encrypted for another one is refused.

    Raises:
        ConfigurationError: An empty token or AppID, or a malformed EncodingAESKey.
    """

    def __init__(self, token: str, encoding_aes_key: str, app_id: str) -> None:
        if not token:
            raise ConfigurationError("WECHAT_TOKEN is empty")
        if not app_id:
            raise ConfigurationError(
                "WECHAT_APP_ID is empty; safe mode checks every message's AppID"
            )
        self._token = token
        self._key = aes_key(encoding_aes_key)
        self.app_id = app_id

    def __repr__(self) -> str:  # never the token or the key
        return f"WeChatCrypto(app_id={self.app_id!r})"

    def msg_signature(self, timestamp: str, nonce: str, encrypt: str) -> str:
        """The ``msg_signature`` of an ``Encrypt`` value sent with ``timestamp`` and ``nonce``."""
        return sign(self._token, timestamp, nonce, encrypt)

    def check_signature(self, signature: str | None, timestamp: str, nonce: str) -> None:
        """:func:`check_signature` with this account's token."""
        check_signature(self._token, signature, timestamp, nonce)

    def decrypt(self, encrypt: str, msg_signature: str | None, timestamp: str, nonce: str) -> str:
        """The message in a safe-mode body's ``Encrypt``, after checking it is ours.

        Args:
            encrypt: The ``Encrypt`` element's text.
            msg_signature: The ``msg_signature`` query parameter (not ``signature``).
            timestamp: The ``timestamp`` query parameter.
            nonce: The ``nonce`` query parameter.

        Raises:
            SignatureError: ``msg_signature`` is missing or wrong.
            DecryptError: The value does not decrypt to safe mode's layout.
            AppIdError: It was encrypted for another AppID.
        """
        if not msg_signature:
            raise SignatureError("a safe-mode request (encrypt_type=aes) has no msg_signature")
        if not _same(self.msg_signature(timestamp, nonce, encrypt), msg_signature):
            raise SignatureError(
                "msg_signature does not match sha1(sorted([token, timestamp, nonce, Encrypt])): "
                "a forged or altered body"
            )
        decrypted = decrypt_message(self._key, encrypt)
        if not hmac.compare_digest(
            decrypted.receive_id.encode("utf-8"), self.app_id.encode("utf-8")
        ):
            raise AppIdError(
                f"the message was encrypted for AppID {decrypted.receive_id[:40]!r}, not this "
                f"account's {self.app_id!r}: check WECHAT_APP_ID"
            )
        return decrypted.message

    def encrypt(self, message: str, random16: bytes | None = None) -> str:
        """The ``Encrypt`` value of a reply; ``random16`` is fresh random bytes unless given."""
        return encrypt_message(
            self._key,
            self.app_id,
            message,
            os.urandom(RANDOM_BYTES) if random16 is None else random16,
        )
