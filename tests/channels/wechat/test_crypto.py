"""Signatures and safe-mode AES, exact on every vector of the WeChat research, and hostile input."""

from __future__ import annotations

import base64
import hashlib
import struct
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from bot.channels.wechat.crypto import (
    WeChatCrypto,
    aes_key,
    check_signature,
    check_timestamp,
    decrypt_message,
    encrypt_message,
    pkcs7_pad,
    pkcs7_unpad,
    sign,
)
from bot.channels.wechat.errors import (
    AppIdError,
    ConfigurationError,
    DecryptError,
    SignatureError,
    StaleRequestError,
)
from tests.channels.wechat.research import VECTORS

PLAIN = VECTORS["plain_signature"]
DECRYPT = VECTORS["decrypt"]
ENCRYPT = VECTORS["encrypt"]
NEGATIVE = {vector["kind"]: vector for vector in VECTORS["negative"]}

# The official Official Account sample (vector A in SPEC §3.3).
TOKEN = "spamtest"
KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wx2c2769f8efd9abc2"


def by_id(vectors: list[dict[str, Any]]) -> list[Any]:
    return [pytest.param(vector, id=vector["id"]) for vector in vectors]


def crypto_for(vector: dict[str, Any]) -> WeChatCrypto:
    return WeChatCrypto(vector["token"], vector["encoding_aes_key"], vector["appid"])


def raw_encrypt(key: bytes, plain: bytes) -> str:
    """Encrypt already padded bytes, to build ciphertexts our own encrypt would never make."""
    encryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(encryptor.update(plain) + encryptor.finalize()).decode()


# --- plain signature (GET verification and every POST) ---------------------------------------


@pytest.mark.parametrize("vector", by_id(PLAIN))
def test_plain_signature_vectors(vector: dict[str, Any]) -> None:
    args = (vector["token"], vector["signature"], vector["timestamp"], vector["nonce"])
    if vector.get("expect_valid", True):
        check_signature(*args)
        assert sign(vector["token"], vector["timestamp"], vector["nonce"]) == vector["signature"]
    else:
        with pytest.raises(SignatureError, match="does not match"):
            check_signature(*args)


def test_signature_sorts_as_strings_not_numbers() -> None:
    # As numbers 9 < 10; as strings "10" < "9", and WeChat sorts strings.
    assert sign("9", "10") == hashlib.sha1(b"109").hexdigest()
    assert sign("10", "9") == sign("9", "10")


@pytest.mark.parametrize(
    "forged",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param("16120EC1B8DBB870F510D87CE6BC2463EAE6CA1A", id="upper-case"),
        pytest.param("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a ", id="trailing-space"),
        pytest.param("0" * 40, id="zeros"),
        pytest.param("签名" * 20, id="non-ascii"),
    ],
)
def test_a_forged_or_missing_signature_is_refused(forged: str | None) -> None:
    with pytest.raises(SignatureError):
        check_signature(TOKEN, forged, "1409735669", "1320562132")


def test_the_signature_depends_on_the_token() -> None:
    vector = PLAIN[0]
    with pytest.raises(SignatureError, match="WECHAT_TOKEN differs"):
        check_signature("other", vector["signature"], vector["timestamp"], vector["nonce"])


@pytest.mark.parametrize("offset", [0, 299, -299, 300, -300])
def test_a_timestamp_within_five_minutes_is_fresh(offset: int) -> None:
    check_timestamp(str(1_700_000_000 + offset), now=1_700_000_000)


@pytest.mark.parametrize(
    ("timestamp", "message"),
    [
        pytest.param("1699999699", "301 s behind", id="old"),
        pytest.param("1700000301", "301 s ahead of", id="ahead"),
        pytest.param("", "not Unix seconds", id="empty"),
        pytest.param("-1", "not Unix seconds", id="negative"),
        pytest.param("１７００００００００", "not Unix seconds", id="full-width-digits"),
        pytest.param("9" * 400, "not Unix seconds", id="huge"),
    ],
)
def test_a_stale_or_garbled_timestamp_is_refused(timestamp: str, message: str) -> None:
    with pytest.raises(StaleRequestError, match=message):
        check_timestamp(timestamp, now=1_700_000_000)


# --- safe mode: decrypt ------------------------------------------------------------------------


@pytest.mark.parametrize("vector", by_id(DECRYPT))
def test_decrypt_vectors(vector: dict[str, Any]) -> None:
    crypto = crypto_for(vector)
    assert (
        crypto.msg_signature(vector["timestamp"], vector["nonce"], vector["encrypt"])
        == vector["msg_signature"]
    )
    assert (
        crypto.decrypt(
            vector["encrypt"], vector["msg_signature"], vector["timestamp"], vector["nonce"]
        )
        == vector["plaintext"]
    )
    decrypted = decrypt_message(aes_key(vector["encoding_aes_key"]), vector["encrypt"])
    assert decrypted.random.hex() == vector["random_hex"]
    assert decrypted.receive_id == vector["appid"]
    # The padding the vector names is what our layout (random, length, message, id) needs.
    laid_out = 16 + 4 + len(vector["plaintext"].encode()) + len(vector["appid"])
    assert pkcs7_pad(b"x" * laid_out)[-1] == vector["pad_byte"]


def test_pad_bytes_above_16_are_read_with_a_32_byte_block() -> None:
    vector = NEGATIVE["pad_gt_16"]
    key = aes_key(vector["encoding_aes_key"])
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    raw = decryptor.update(base64.b64decode(vector["encrypt"])) + decryptor.finalize()
    assert raw[-1] == 30
    with pytest.raises(DecryptError):  # the common bug: AES's own 16-byte block
        pkcs7_unpad(raw, 16)
    assert decrypt_message(key, vector["encrypt"]).message.endswith("</xml>")


def test_a_wrong_msg_signature_is_refused_before_decrypting() -> None:
    vector = NEGATIVE["bad_msg_signature"]
    crypto = WeChatCrypto(vector["token"], "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx")
    with pytest.raises(SignatureError, match="msg_signature does not match"):
        crypto.decrypt(
            vector["encrypt"], vector["msg_signature"], vector["timestamp"], vector["nonce"]
        )


def test_the_plain_signature_is_not_a_msg_signature() -> None:
    # wechatpy #739: passing `signature` where `msg_signature` belongs.
    vector = DECRYPT[0]
    with pytest.raises(SignatureError):
        crypto_for(vector).decrypt(
            vector["encrypt"], PLAIN[0]["signature"], vector["timestamp"], vector["nonce"]
        )


@pytest.mark.parametrize("missing", [None, ""])
def test_a_safe_mode_request_without_msg_signature_is_refused(missing: str | None) -> None:
    vector = DECRYPT[0]
    with pytest.raises(SignatureError, match="no msg_signature"):
        crypto_for(vector).decrypt(vector["encrypt"], missing, vector["timestamp"], vector["nonce"])


def test_a_message_for_another_app_id_is_refused() -> None:
    vector = NEGATIVE["wrong_appid"]
    crypto = WeChatCrypto(TOKEN, vector["encoding_aes_key"], vector["configured_appid"])
    with pytest.raises(AppIdError, match="'wx2c2769f8efd9abc2', not this account's"):
        crypto.decrypt(
            vector["encrypt"],
            crypto.msg_signature("1409735669", "1320562132", vector["encrypt"]),
            "1409735669",
            "1320562132",
        )


def test_a_length_counted_in_characters_does_not_decrypt() -> None:
    vector = NEGATIVE["msg_len_in_chars"]
    crypto = WeChatCrypto(TOKEN, vector["encoding_aes_key"], vector["appid"])
    with pytest.raises(DecryptError, match="UTF-8"):
        crypto.decrypt(
            vector["encrypt"],
            crypto.msg_signature("1", "2", vector["encrypt"]),
            "1",
            "2",
        )


def test_every_negative_kind_is_tested() -> None:
    # Crypto kinds are tested here; the XML ones in test_messages.py and test_replies.py.
    assert set(NEGATIVE) == {
        "bad_msg_signature",
        "wrong_appid",
        "pad_gt_16",
        "msg_len_in_chars",
        "cdata_terminator",
        "control_char",
        "dtd",
    }


# --- safe mode: hostile ciphertexts ------------------------------------------------------------


def layout(message: bytes, receive_id: bytes = APP_ID.encode(), length: int | None = None) -> bytes:
    size = len(message) if length is None else length
    return b"r" * 16 + struct.pack(">I", size) + message + receive_id


@pytest.mark.parametrize(
    ("padding", "pad_byte"),
    [
        pytest.param(b"\x00", 0, id="zero"),
        pytest.param(b"\x21", 33, id="above-32"),
        pytest.param(b"\x05" * 4 + b"\x04", 4, id="inconsistent"),
    ],
)
def test_bad_padding_is_refused_saying_so(padding: bytes, pad_byte: int) -> None:
    key = aes_key(KEY)
    body = layout(b"<xml/>")
    plain = body + b"\x07" * (32 - (len(body) + len(padding)) % 32) + padding
    with pytest.raises(DecryptError, match=f"bad PKCS#7 padding \\(last byte {pad_byte};"):
        decrypt_message(key, raw_encrypt(key, plain))


@pytest.mark.parametrize(
    ("encrypt", "message"),
    [
        pytest.param("not base64!", "not base64", id="not-base64"),
        pytest.param("", "0 bytes", id="empty"),
        pytest.param(base64.b64encode(b"x" * 48).decode(), "48 bytes", id="not-whole-blocks"),
    ],
)
def test_a_garbled_encrypt_is_refused(encrypt: str, message: str) -> None:
    with pytest.raises(DecryptError, match=message):
        decrypt_message(aes_key(KEY), encrypt)


def test_a_length_field_beyond_the_plaintext_is_refused() -> None:
    key = aes_key(KEY)
    encrypt = raw_encrypt(key, pkcs7_pad(layout(b"<xml/>", length=10_000)))
    with pytest.raises(DecryptError, match="says 10000 bytes"):
        decrypt_message(key, encrypt)


def test_a_tampered_ciphertext_signed_again_is_still_refused() -> None:
    vector = DECRYPT[0]
    sealed = bytearray(base64.b64decode(vector["encrypt"]))
    sealed[-20] ^= 0x01  # the last block decrypts to garbage, so its padding is wrong
    encrypt = base64.b64encode(bytes(sealed)).decode()
    crypto = crypto_for(vector)
    with pytest.raises(DecryptError):
        crypto.decrypt(encrypt, crypto.msg_signature("1", "2", encrypt), "1", "2")


# --- safe mode: encrypt ------------------------------------------------------------------------


@pytest.mark.parametrize("vector", by_id(ENCRYPT))
def test_encrypt_vectors(vector: dict[str, Any]) -> None:
    crypto = crypto_for(vector)
    encrypt = crypto.encrypt(vector["plaintext"], vector["random"].encode())
    assert encrypt == vector["encrypt"]
    assert (
        crypto.msg_signature(vector["timestamp"], vector["nonce"], encrypt)
        == vector["msg_signature"]
    )


def test_the_length_field_counts_utf8_bytes() -> None:
    vector = ENCRYPT[0]  # 我是中文abcd123: 11 characters, 19 bytes
    key = aes_key(vector["encoding_aes_key"])
    decryptor = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    raw = decryptor.update(base64.b64decode(vector["encrypt"])) + decryptor.finalize()
    assert struct.unpack(">I", raw[16:20]) == (19,)


@pytest.mark.parametrize("message", ["你好，收到：abcdteT", "", "表情😀\n换行", "x" * 32, "x" * 12])
def test_a_reply_decrypts_to_itself(message: str) -> None:
    crypto = WeChatCrypto(TOKEN, KEY, APP_ID)
    encrypt = crypto.encrypt(message)
    assert crypto.decrypt(encrypt, crypto.msg_signature("1", "2", encrypt), "1", "2") == message


def test_each_reply_gets_fresh_random_bytes() -> None:
    crypto = WeChatCrypto(TOKEN, KEY, APP_ID)
    first, second = crypto.encrypt("同一句话"), crypto.encrypt("同一句话")
    assert first != second
    assert (
        decrypt_message(aes_key(KEY), first).random != decrypt_message(aes_key(KEY), second).random
    )


def test_random_bytes_must_be_sixteen() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        encrypt_message(aes_key(KEY), APP_ID, "x", b"short")


# --- configuration -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding_aes_key",
    [
        pytest.param(KEY[:-1], id="42-characters"),
        pytest.param(KEY + "=", id="padded"),
        pytest.param(KEY[:-1] + "-", id="not-base64"),
        pytest.param("", id="empty"),
    ],
)
def test_a_malformed_encoding_aes_key_is_named(encoding_aes_key: str) -> None:
    with pytest.raises(ConfigurationError, match="WECHAT_ENCODING_AES_KEY must be the 43"):
        aes_key(encoding_aes_key)


def test_the_aes_key_is_32_bytes() -> None:
    assert len(aes_key(KEY)) == 32


@pytest.mark.parametrize(("token", "app_id"), [("", APP_ID), (TOKEN, "")])
def test_an_empty_token_or_app_id_is_refused(token: str, app_id: str) -> None:
    with pytest.raises(ConfigurationError, match="is empty"):
        WeChatCrypto(token, KEY, app_id)


def test_secrets_stay_out_of_repr() -> None:
    shown = repr(WeChatCrypto(TOKEN, KEY, APP_ID))
    assert TOKEN not in shown
    assert KEY not in shown
    assert APP_ID in shown
