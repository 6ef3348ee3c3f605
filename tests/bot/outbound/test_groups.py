"""Group commit for the sender's transactions: what arrives while a group is handled goes together in the next one;
one request's failure stays its own."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from bot.outbound.groups import Groups


class Handler:
    """Records the groups it gets; the first waits until released. A request "bad" fails alone; "boom" fails the
    whole group, as a failed transaction does."""

    def __init__(self) -> None:
        self.groups: list[list[str]] = []
        self.release = asyncio.Event()

    async def __call__(self, requests: Sequence[str]) -> list[str | Exception]:
        self.groups.append(list(requests))
        if len(self.groups) == 1:
            await self.release.wait()
        if "boom" in requests:
            raise RuntimeError("the transaction failed")
        return [ValueError(request) if request == "bad" else request.upper() for request in requests]


async def test_requests_arriving_while_a_group_is_handled_go_together_in_the_next() -> None:
    handler = Handler()
    groups = Groups(handler, limit=3)
    first = asyncio.create_task(groups.submit("a"))
    await asyncio.sleep(0)
    later = [asyncio.create_task(groups.submit(name)) for name in "bcdef"]
    await asyncio.sleep(0)
    handler.release.set()
    assert await first == "A"
    assert await asyncio.gather(*later) == ["B", "C", "D", "E", "F"]
    assert handler.groups == [["a"], ["b", "c", "d"], ["e", "f"]]


async def test_one_requests_failure_is_its_own_and_a_failed_group_fails_only_its_requests() -> None:
    handler = Handler()
    handler.release.set()
    groups = Groups(handler, limit=10)
    results = await asyncio.gather(*(groups.submit(name) for name in ("a", "bad", "c")), return_exceptions=True)
    assert results[0] == "A" and isinstance(results[1], ValueError) and results[2] == "C"
    with pytest.raises(RuntimeError, match="transaction failed"):
        await groups.submit("boom")
    assert await groups.submit("d") == "D"


async def test_a_request_whose_submitter_gave_up_before_its_group_is_not_handled() -> None:
    handler = Handler()
    groups = Groups(handler, limit=10)
    first = asyncio.create_task(groups.submit("a"))
    await asyncio.sleep(0)
    gave_up = asyncio.create_task(groups.submit("b"))
    kept = asyncio.create_task(groups.submit("c"))
    await asyncio.sleep(0)
    gave_up.cancel()
    handler.release.set()
    assert await first == "A" and await kept == "C"
    assert handler.groups == [["a"], ["c"]]
