"""Several questions in one message: "1.几岁能买 2.交费年限有哪些 3.人没了赔多少",
"犹豫期几天？等待期多久？意外也要等吗". The message is answered whole first; a part that asks
about something of its own (a period, a provision) and that answer leaves out is answered too."""

from __future__ import annotations

import re

from bot.knowledge.question import Question
from bot.knowledge.subjects import subjects_in
from bot.knowledge.vocabulary import TOPIC_WORDS

# "？", "；", a numbered item ("2.", "3、", "（2）"), "另外", "还有就是"
BREAK = re.compile(
    r"[？?；;]+|(?:^|(?<=[\s，,。]))[（(]?[1-9一二三四五][.、．)）]|另外|还有就是|还想问|顺便问"
)
BROAD_TOPICS = frozenset({"benefits"})


def question_parts(text: str) -> list[str]:
    """The questions of ``text`` in order; one part when it asks one thing."""
    parts = [p.strip(" ，,。") for p in BREAK.split(text)]
    return [p for p in parts if len(re.findall(r"[\u4e00-\u9fff]", p)) >= 2]


def asks_its_own(part: str, answered: str) -> bool:
    """Whether a part asks about something by name (a period, a provision) that the answer
    given so far (``answered``) does not name — not "赔多少", not "能退多少" after a cooling-off
    verdict."""
    topics = set(Question.read(part).topics) - BROAD_TOPICS
    if any(not any(w in answered for w in TOPIC_WORDS.get(t, ())) for t in topics):
        return True
    return any(not any(w in answered for w in s.wording) for s in subjects_in(part))
