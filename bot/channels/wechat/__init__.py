"""WeChat Official Account (公众号): the callback protocol, the channel and the API client.

``crypto`` checks signatures and does safe mode's AES; ``messages`` reads the callback's XML;
``replies`` builds what MingBao answers; ``api`` holds the server API's shapes. These are pure: no
I/O, no clock, no randomness that a test cannot inject. On them: ``channel`` (the Rasa input
channel) with its ``config``, ``turns`` (what each message means), ``client`` (the
customer-service API), ``kf`` with ``conversations`` (WeChat's own agent sessions pause the bot,
with Rasa's pause and resume events), ``desk_link`` (a picture kept on the customer's ticket, an
unfollow noted there) and ``store``/``tables`` (what several processes share, in SQL). Described
in ``docs/wechat.md``.
"""
