"""The floor of a turn: the Agents SDK's own echo bot, served as its samples serve it (aiohttp, the SDK's JWT
middleware, CloudAdapter, AgentApplication), anonymous on loopback — what `bench/turns.py` compares Tansiq with.

    python bench/echo_bot.py --port 3979
"""

from __future__ import annotations

import argparse

from aiohttp import web
from microsoft_agents.activity import load_configuration_from_env
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter, jwt_authorization_middleware, start_agent_process
from microsoft_agents.hosting.core import AgentApplication, MemoryStorage, TurnContext, TurnState

CONFIGURATION = load_configuration_from_env({"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__ANONYMOUS_ALLOWED": "true"})


def build() -> web.Application:
    """The echo bot's web application."""
    connections = MsalConnectionManager(**CONFIGURATION)
    adapter = CloudAdapter(connection_manager=connections)
    agent = AgentApplication[TurnState](storage=MemoryStorage(), connection_manager=connections, **CONFIGURATION)

    @agent.activity("message")
    async def echo(context: TurnContext, _state: TurnState) -> None:
        await context.send_activity(f"You said: {context.activity.text}")

    app = web.Application(middlewares=[jwt_authorization_middleware])
    app["agent_configuration"] = connections.get_default_connection_configuration()
    app.router.add_post("/api/messages", lambda request: start_agent_process(request, agent, adapter))
    app.router.add_get("/healthz", lambda _request: web.json_response({"status": "ok"}))
    return app


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=3979)
    web.run_app(build(), host="127.0.0.1", port=parser.parse_args().port, print=None, access_log=None)
