"""Files a job renders for a child (the pediatrician PDF, the chart PNG): the request both handlers make."""
from __future__ import annotations

from handlers.context import Context, InboundMessage, Reply
from handlers.family import find_child, names_of
from storage import links


def request(ctx: Context, msg: InboundMessage, kind: str, days: int, job: str) -> tuple[str | None, Reply | None]:
    """Record the file to render for the child the message names (or the only one) and ask the job for
    it, to run after the commit; the child's name, or the question to ask when it is unclear."""
    child, _ = find_child(ctx, msg.text)
    if child is None:
        return None, Reply(f"Which child is it for: {names_of(ctx.children)}?")
    link = links.create(ctx.session, kind=kind, now=ctx.now, person_id=ctx.person.id,
                        household_id=child.household_id, child_id=child.id, days=days, channel=msg.channel)
    ctx.enqueue(job, link.id, job_id=f"{kind}-{link.id}")
    return child.name, None
