"""Group commit: requests that arrive while one group is being handled are handled together in the next.

The dispatcher's senders each need two short transactions per row (compose and mark; record the outcome). One
transaction per row costs more than the send itself; one per group of rows costs a fraction of it, and a group forms
on its own: the rows that finished while the last group held the database make up the next. At low load a group is
one row, handled at once (no timer, no waiting for company).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence

type Handler[T, R] = Callable[[Sequence[T]], Awaitable[Sequence[R | Exception]]]
"""Handles a group of requests: one result (or the exception of that request alone) per request, in order. An
exception raised by the handler itself is every request's."""


class Groups[T, R]:
    """Submits requests one by one; hands them to `handle` in groups of at most `limit`, one group at a time."""

    def __init__(self, handle: Handler[T, R], *, limit: int) -> None:
        """`limit`: the most requests in one group (the rest wait for the next)."""
        self._handle = handle
        self._limit = limit
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._runner: asyncio.Task[None] | None = None

    async def submit(self, request: T) -> R:
        """Handle `request` with the others waiting now; its result, or its exception raised here."""
        result: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((request, result))
        if self._runner is None or self._runner.done():
            self._runner = asyncio.create_task(self._run())
        return await result

    async def _run(self) -> None:
        while self._waiting:
            group, self._waiting = self._waiting[: self._limit], self._waiting[self._limit :]
            group = [(request, result) for request, result in group if not result.done()]  # (a cancelled submitter)
            if not group:
                continue
            try:
                outcomes = await self._handle([request for request, _ in group])
            except Exception as error:  # the whole group's (its transaction failed)
                outcomes = [error] * len(group)
            except asyncio.CancelledError:
                for _, result in group + self._waiting:
                    result.cancel()
                self._waiting = []
                raise
            for (_, result), outcome in zip(group, outcomes, strict=True):
                if result.done():
                    continue
                if isinstance(outcome, Exception):
                    result.set_exception(outcome)
                else:
                    result.set_result(outcome)
