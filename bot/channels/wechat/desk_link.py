"""What a WeChat customer's messages mean for their ticket at the desk.

A picture sent while the customer has an active ticket (waiting for a person, or with one) is
kept on that ticket (:meth:`~bot.desk.tickets.SqlTicketDesk.attach`: where to fetch it, and a line
in the ticket's history), so the person working it sees it; without a ticket the channel asks what
the picture is for, as before.

A customer who unfollows the account can no longer be reached on WeChat: their active ticket says
so, for whoever works it.
"""

from __future__ import annotations

import datetime as dt

from bot.channels.wechat.messages import ImageMessage
from bot.desk.tickets import EscalationTicket, SqlTicketDesk

CHANNEL = "wechat"


def received_at(create_time: int) -> dt.datetime:
    """WeChat's ``CreateTime`` as the naive UTC datetime the desk's tables hold."""
    return dt.datetime.fromtimestamp(create_time, dt.timezone.utc).replace(tzinfo=None)


def attach_image(tickets: SqlTicketDesk, message: ImageMessage) -> EscalationTicket | None:
    """Keep the picture on the customer's active ticket; that ticket, or ``None`` without one."""
    ticket = tickets.open_ticket_for(message.from_user)
    if ticket is None:
        return None
    tickets.attach(
        ticket.id,
        kind="image",
        channel=CHANNEL,
        url=message.pic_url,
        media_id=message.media_id,
        message_id=message.msg_id,
        received_at=received_at(message.create_time),
    )
    return ticket


UNFOLLOWED_NOTE = (
    "客户已于北京时间 {at:%Y-%m-%d %H:%M} 取消关注公众号：微信消息无法再送达，人工回复不会推送给客户。"
    "对话记录已保留。如需继续跟进，请通过电话等其他方式联系客户。"
)


def note_unfollowed(
    tickets: SqlTicketDesk, openid: str, create_time: int
) -> EscalationTicket | None:
    """Say on the customer's active ticket that they unfollowed; that ticket, if there is one."""
    ticket = tickets.open_ticket_for(openid)
    if ticket is None:
        return None
    at = received_at(create_time) + dt.timedelta(hours=8)
    tickets.note(ticket.id, "customer", UNFOLLOWED_NOTE.format(at=at))
    return ticket
