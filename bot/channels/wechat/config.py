"""The WeChat channel's settings, read once from the environment (``WECHAT_*``, ``DATABASE_URL``).

Without ``WECHAT_TOKEN`` there are none, and the channel is off. No secret is ever in YAML, in a
``repr`` or in a log line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from bot.channels.wechat.api import DEFAULT_API_BASE
from bot.channels.wechat.crypto import WeChatCrypto
from bot.channels.wechat.errors import ConfigurationError
from bot.settings import load_settings


@dataclass(frozen=True)
class WeChatConfig:
    """The channel's settings, from ``WECHAT_*`` and ``DATABASE_URL``.

    Attributes:
        token: ``WECHAT_TOKEN``, the Token set on the WeChat platform (signs every callback).
        app_id: ``WECHAT_APP_ID``.
        app_secret: ``WECHAT_APP_SECRET``, for the access_token of pushed answers.
        encoding_aes_key: ``WECHAT_ENCODING_AES_KEY``; when set, safe mode: only encrypted
            callbacks are accepted and replies are encrypted.
        api_base: ``WECHAT_API_BASE``, WeChat's API host unless tests point it at a fake.
        database_url: Where deliveries, the shared token and offered buttons are kept.
        kf_pauses_bot: ``WECHAT_KF_PAUSES_BOT``; when the insurer's agents answer in WeChat's own
            customer-service system, its ``kf_create_session`` pauses the bot for that customer
            and ``kf_close_session`` resumes it. Off by default: the events are ignored.
    """

    token: str
    app_id: str
    app_secret: str
    encoding_aes_key: str | None
    api_base: str
    database_url: str
    kf_pauses_bot: bool = False

    def __repr__(self) -> str:  # never the token, the secret or the key
        return (
            f"WeChatConfig(app_id={self.app_id!r}, safe_mode={self.encoding_aes_key is not None}, "
            f"api_base={self.api_base!r}, kf_pauses_bot={self.kf_pauses_bot})"
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> WeChatConfig | None:
        """The settings in ``environ`` (the process environment), ``None`` without a token.

        Raises:
            ConfigurationError: ``WECHAT_TOKEN`` is set but the AppID or AppSecret is not, the
                EncodingAESKey is malformed, or ``WECHAT_KF_PAUSES_BOT`` is not a yes or a no.
        """
        env = os.environ if environ is None else environ
        token = env.get("WECHAT_TOKEN", "").strip()
        if not token:
            return None
        missing = [name for name in ("WECHAT_APP_ID", "WECHAT_APP_SECRET") if not env.get(name)]
        if missing:
            raise ConfigurationError(
                f"WECHAT_TOKEN is set but {' and '.join(missing)} not: set them to the AppID and "
                "AppSecret shown on the WeChat platform (开发 → 基本配置), or unset WECHAT_TOKEN"
            )
        config = cls(
            token=token,
            app_id=env["WECHAT_APP_ID"].strip(),
            app_secret=env["WECHAT_APP_SECRET"].strip(),
            encoding_aes_key=env.get("WECHAT_ENCODING_AES_KEY", "").strip() or None,
            api_base=env.get("WECHAT_API_BASE", "").strip() or DEFAULT_API_BASE,
            database_url=load_settings(dict(env)).database_url,
            kf_pauses_bot=_flag(env, "WECHAT_KF_PAUSES_BOT"),
        )
        config.crypto()  # a malformed EncodingAESKey stops the server now, not at a message
        return config

    def crypto(self) -> WeChatCrypto | None:
        """Safe mode's keys, ``None`` in plaintext mode."""
        if self.encoding_aes_key is None:
            return None
        return WeChatCrypto(self.token, self.encoding_aes_key, self.app_id)


_YES = frozenset({"1", "true", "yes", "on"})
_NO = frozenset({"", "0", "false", "no", "off"})


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = env.get(name, "").strip().lower()
    if value not in _YES | _NO:
        raise ConfigurationError(
            f"{name}={env[name]!r} is neither yes nor no: set it to 1/true/yes/on or 0/false/no/off "
            "(or leave it unset for off)"
        )
    return value in _YES
