"""Policy records (保单, 投保人, 被保险人, 代理人/服务人员): the seam where an insurer's core system plugs in.

Public entry points: the :class:`bot.records.interface.PolicyRecords` interface and its SQL
implementation :class:`bot.records.store.SqlPolicyRecords` and the demo data loader
:func:`bot.records.demo.load_demo_records`. Where a policy stands in its wording's periods is
:mod:`bot.knowledge.policy_periods`.
"""
