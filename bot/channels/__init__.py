"""Channels customers reach MingBao through: the web chat page now, WeChat later."""
