"""WeChat's state in SQL, shared by every Rasa process: deliveries seen, the access_token, buttons.

* ``wechat_deliveries``: one row per message WeChat delivered (keyed by the SHA-256 of the
  protocol layer's de-dup key), so a retried delivery is recognised in any process, after a
  restart too; rows older than a day are pruned. ``outcome`` records how the answer went out
  (``passive``, ``pushed``, or why it could not: ``outside_window`` for 45015, ``over_quota`` for
  45047, ...).
* ``wechat_access_tokens``: the one access_token per AppID. ``version`` grows with each refresh,
  and a refresh is claimed (``refreshing_until``) and saved by conditional updates on it, so
  processes that race refresh it once.
* ``wechat_offered_buttons``: the buttons last offered to each OpenID as numbered choices, so a
  reply of a number is read as that button whichever process receives it.
* ``wechat_kf_sessions``: per OpenID, the latest ``kf_create_session`` and ``kf_close_session``
  WeChat reported (their ``CreateTime``) and the agent, when the insurer's agents answer in
  WeChat's own customer-service system: a session is open while the latest create is newer than
  the latest close, whatever order the two events arrived in.
* ``wechat_unfollowed``: customers who unfollowed the account (``unsubscribe``) and have not
  followed it again, so nothing more is pushed to them (WeChat would refuse it, 45015).
"""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

deliveries = Table(
    "wechat_deliveries",
    metadata,
    Column("key_hash", String(64), primary_key=True),
    Column("openid", String(128), nullable=False),
    Column("received_at", DateTime, nullable=False, index=True),
    Column("outcome", String(32)),
)

access_tokens = Table(
    "wechat_access_tokens",
    metadata,
    Column("app_id", String(64), primary_key=True),
    Column("token", Text, nullable=False, default=""),
    Column("expires_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, default=0),
    Column("refreshing_until", DateTime),
)

offered_buttons = Table(
    "wechat_offered_buttons",
    metadata,
    Column("openid", String(128), primary_key=True),
    Column("buttons", JSON, nullable=False),
    Column("offered_at", DateTime, nullable=False),
)

kf_sessions = Table(
    "wechat_kf_sessions",
    metadata,
    Column("openid", String(128), primary_key=True),
    Column("kf_account", String(128), nullable=False, default=""),
    Column("opened_at", BigInteger, nullable=False, default=0),  # CreateTime, Unix seconds
    Column("closed_at", BigInteger, nullable=False, default=0),
)

unfollowed = Table(
    "wechat_unfollowed",
    metadata,
    Column("openid", String(128), primary_key=True),
    Column("create_time", BigInteger, nullable=False),  # the unsubscribe's CreateTime
    Column("noted_at", DateTime, nullable=False),
)
