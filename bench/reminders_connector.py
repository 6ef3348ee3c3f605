"""The delivery benchmark's fake Bot Connector (see bench/reminders.py): a lean aiohttp server on 127.0.0.1, run in
its own process so that its CPU is not counted as the sender's.

It answers the two Teams REST calls a proactive sender makes — `POST /v3/conversations/{id}/activities` (201
`{"id"}`) and `POST /v3/conversations` (201 `{"id"}`, a 1:1 chat) — with Teams' JSON shapes, without parsing the
activity: each accepted post is recorded as (row, conversation, arrival time, answer delay), the row being the
number in the first `bench-row-<n>` marker of the body (the benchmark writes it into each action's text).
tests/fake_connector.py does the same and more (it parses and keeps every activity, scripts failures per
conversation); this one only keeps what the benchmark counts, and draws faults per (row, attempt):

- `429`: a share of posts answered 429 Throttled with `Retry-After: 1` or `2` (not recorded: Teams refused them);
- `slow`: a share accepted and answered 2–5 s late, and a smaller share accepted and answered only after `hang`
  seconds (set beyond the notifier's timeout: the sender cannot know that Teams took the message).

The draw is seeded by (seed, row, attempt), so every configuration of a round meets the same faults on the same
rows. `GET /bench/count` is the number of accepted posts, `GET /bench/records` all of them, `GET /bench/stats`
the counters (`connections`: distinct client ports seen, i.e. TCP connections while the ports do not wrap). The
URL is printed as one JSON line on stdout once the socket listens.

    python bench/reminders_connector.py [--faults none|429|slow] [--seed 1] [--hang 20]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import re
import signal
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web

MARKER = re.compile(rb"bench-row-(\d+)")
THROTTLE_SHARE = 0.10  # `429`: posts answered 429 with Retry-After 1 or 2 s
SLOW_SHARE = 0.02  # `slow`: posts answered 2-5 s late
HANG_SHARE = 0.005  # `slow`: posts answered after `hang` seconds (the sender times out: unknown outcome)


@dataclass(frozen=True)
class Fault:
    status: int = 201
    retry_after: int | None = None
    delay: float = 0.0


@dataclass
class Connector:
    faults: str
    seed: int
    hang: float
    throttle_share: float = THROTTLE_SHARE
    slow_share: float = SLOW_SHARE
    hang_share: float = HANG_SHARE
    records: list[tuple[int, str, float, float]] = field(default_factory=list)
    attempts: Counter[int] = field(default_factory=Counter)
    stats: Counter[str] = field(default_factory=Counter)
    peers: set[tuple[str, int]] = field(default_factory=set)  # (address, port) of each client connection seen
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def fault(self, row: int, attempt: int) -> Fault:
        if self.faults == "none":
            return Fault()
        draw = random.Random(f"{self.seed}:{row}:{attempt}")
        chance = draw.random()
        if self.faults == "429" and chance < self.throttle_share:
            return Fault(429, retry_after=draw.choice((1, 2)))
        if self.faults == "slow":
            if chance < self.hang_share:
                return Fault(delay=self.hang)
            if chance < self.hang_share + self.slow_share:
                return Fault(delay=draw.uniform(2.0, 5.0))
        return Fault()

    async def post_activity(self, request: web.Request) -> web.Response:
        body = await request.read()
        found = MARKER.search(body)
        row = int(found.group(1)) if found else -1
        self.attempts[row] += 1
        fault = self.fault(row, self.attempts[row])
        self.stats["requests"] += 1
        peer = request.transport.get_extra_info("peername") if request.transport is not None else None
        if peer is not None:
            self.peers.add((peer[0], peer[1]))
        if fault.status == 429:
            self.stats["throttled"] += 1
            error = {"error": {"code": "Throttled", "message": "Too Many Requests"}}
            return web.json_response(error, status=429, headers={"Retry-After": str(fault.retry_after)})
        self.records.append((row, request.match_info["conversation"], time.monotonic(), fault.delay))
        if fault.delay:
            self.stats["late" if fault.delay >= self.hang else "slow"] += 1
            await asyncio.sleep(fault.delay)
        return web.json_response({"id": f"1{next(self._ids):012d}"}, status=201)

    async def create_conversation(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.stats["created"] += 1
        return web.json_response({"id": f"a:{body['members'][0]['id']}"}, status=201)

    async def count(self, _request: web.Request) -> web.Response:
        return web.json_response(len(self.records))

    async def all_records(self, _request: web.Request) -> web.Response:
        return web.json_response(self.records)

    async def counters(self, _request: web.Request) -> web.Response:
        return web.json_response({**self.stats, "connections": len(self.peers)})


async def serve(connector: Connector) -> None:
    app = web.Application(client_max_size=4 * 1024 * 1024)
    app.router.add_post("/v3/conversations", connector.create_conversation)
    app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", connector.post_activity)
    app.router.add_post("/v3/conversations/{conversation}/activities", connector.post_activity)
    app.router.add_get("/bench/count", connector.count)
    app.router.add_get("/bench/records", connector.all_records)
    app.router.add_get("/bench/stats", connector.counters)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
    await site.start()
    port = runner.addresses[0][1]
    print(json.dumps({"url": f"http://127.0.0.1:{port}/"}), flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--faults", choices=("none", "429", "slow"), default="none")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang", type=float, default=20.0, help="seconds before answering a hung post")
    parser.add_argument("--throttle-share", type=float, default=THROTTLE_SHARE)
    parser.add_argument("--slow-share", type=float, default=SLOW_SHARE)
    parser.add_argument("--hang-share", type=float, default=HANG_SHARE)
    args = parser.parse_args(argv)
    connector = Connector(
        args.faults,
        args.seed,
        args.hang,
        throttle_share=args.throttle_share,
        slow_share=args.slow_share,
        hang_share=args.hang_share,
    )
    asyncio.run(serve(connector))
    sys.exit(0)


if __name__ == "__main__":
    main()
