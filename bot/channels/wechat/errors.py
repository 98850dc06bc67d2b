"""What can be wrong with a request from WeChat, one exception per thing to tell the operator.

Every error is a :class:`WeChatProtocolError`, so the channel refuses them all alike (4xx, never
reaching the bot) and logs the message, which says what was wrong and never contains a secret.
"""

from __future__ import annotations


class WeChatProtocolError(Exception):
    """A request, body or setting that does not follow WeChat's callback protocol."""


class ConfigurationError(WeChatProtocolError, ValueError):
    """A setting (token, EncodingAESKey, AppID) that cannot be right."""


class SignatureError(WeChatProtocolError):
    """A ``signature`` or ``msg_signature`` that the token does not produce: forged or garbled."""


class StaleRequestError(WeChatProtocolError):
    """A signed request whose timestamp is too far from now to be a fresh delivery."""


class DecryptError(WeChatProtocolError):
    """An ``Encrypt`` value that does not decrypt to safe mode's layout."""


class AppIdError(DecryptError):
    """A message that decrypts, but was encrypted for another AppID."""


class MessageError(WeChatProtocolError):
    """A body that is not a WeChat message: not XML, not ``<xml>``, or missing a field."""


class ForbiddenXmlError(MessageError):
    """A body that declares a DOCTYPE or entities (XXE, billion laughs): refused unparsed."""


class BodyTooLargeError(MessageError):
    """A body over :data:`bot.channels.wechat.messages.MAX_BODY_BYTES`."""
