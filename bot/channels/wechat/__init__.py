"""WeChat Official Account (公众号): the callback protocol, and later the channel and API client.

``crypto`` checks signatures and does safe mode's AES; ``messages`` reads the callback's XML;
``replies`` builds what MingBao answers. All three are pure: no I/O, no clock, no randomness that a
test cannot inject. The protocol is described in ``docs/wechat.md``.
"""
