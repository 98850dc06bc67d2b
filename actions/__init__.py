"""Rasa actions, one module per domain. They orchestrate; facts come from ``bot.knowledge`` and
``bot.records``, tickets from ``bot.desk``."""
