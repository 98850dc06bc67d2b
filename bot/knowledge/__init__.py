"""The clause knowledge base: clause documents in, plain cited answers out.

Public entry points: :func:`bot.knowledge.ingest.ingest_files`,
:class:`bot.knowledge.answer.KnowledgeBase` and the CLI ``python -m bot.knowledge``.
"""
