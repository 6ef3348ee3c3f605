// End-to-end tests of Tansiq. Run by `bash scripts/e2e.sh` (which installs what this needs).
//
// 1. cards.py writes every Adaptive Card the bot sends (Arabic and English) as JSON; render-cards.mjs renders
//    each with the official `adaptivecards` renderer in headless Chromium and checks it. bidi.py writes every
//    message with mixed-direction arguments; bidi.mjs lays each out in Chromium and checks its visual order.
// 2. The bot (local mode, a fresh SQLite file in a temp folder, the demo community) and the Microsoft 365
//    Agents Playground start on free ports; playground.mjs drives the Playground's real UI like a person.
// Screenshots go to tests/e2e/screenshots/{ui,cards}/. Both processes are stopped at the end, whatever happens.
//
// Environment: E2E_PYTHON (default .venv/bin/python), CHROMIUM (default /usr/bin/chromium),
// E2E_TIMEOUT_S (hard limit of the whole run, default 240), E2E_ONLY=cards|ui (one half only; bidi: the
// bidi check alone),
// E2E_KEEP=1 (keep the temp folder: bot and Playground logs, the database, the card JSON).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderCards } from './render-cards.mjs';
import { checkBidi } from './bidi.mjs';
import { playgroundScenarios } from './playground.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const PYTHON = path.resolve(ROOT, process.env.E2E_PYTHON || '.venv/bin/python');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_S = Number(process.env.E2E_TIMEOUT_S || 240);
const ONLY = process.env.E2E_ONLY || '';
const SHOTS = path.join(HERE, 'screenshots');
const started = Date.now();
const children = [];
let tmp;

const log = (...parts) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`, ...parts);

/** Records named checks; a failing check is reported and the run goes on where it can. */
class Results {
  constructor() { this.passed = 0; this.failed = []; }
  async check(name, fn, { quiet = false } = {}) {
    const t0 = Date.now();
    try {
      await fn();
      this.passed += 1;
      if (!quiet) log(`ok    ${name} (${Date.now() - t0} ms)`);
      return true;
    } catch (error) {
      this.failed.push(name);
      log(`FAIL  ${name}: ${error && error.message ? error.message : error}`);
      return false;
    }
  }
}

function freePort(host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Start a process (no shell in between: the pid is the program itself), its output to a log file. */
function start(name, command, args, options) {
  const out = fs.openSync(path.join(tmp, `${name}.log`), 'a');
  const child = spawn(command, args, { ...options, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.name = name;
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  children.push(child);
  log(`started ${name} (pid ${child.pid})`);
  return child;
}

async function stopAll() {
  for (const child of children.splice(0).reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill(child.name === 'playground' ? 'SIGINT' : 'SIGTERM');
    const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
    if ((await Promise.race([child.exited, timer])) === 'timeout') {
      child.kill('SIGKILL');
      await child.exited;
    }
    log(`stopped ${child.name} (pid ${child.pid})`);
  }
}

function tail(name, lines = 25) {
  try {
    return fs.readFileSync(path.join(tmp, `${name}.log`), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function waitFor(what, probe, { timeoutMs, process: child }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${child.name} exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${tail(child.name)}`);
    }
    try {
      if (await probe()) return;
    } catch { /* not yet */ }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`no ${what} after ${timeoutMs / 1000} s${child ? `:\n${tail(child.name)}` : ''}`);
}

/** The bot's environment: local mode, our SQLite file, nothing from the developer's settings. */
function botEnvironment() {
  const env = { ...process.env };
  const settings = /^(HOST|PORT|DATA_DIR|DATABASE_URL|PUBLIC_BASE_URL|LINK_SECRET|LOG_LEVEL|ALLOWED_TENANT_IDS|ALLOWED_TEAM_ID|ADMIN_IDS|DEFAULT_LANGUAGE|DEFAULT_TIMEZONE|CONNECTIONS__.*)$/i;
  for (const name of Object.keys(env)) if (settings.test(name)) delete env[name];
  return { ...env, DATA_DIR: path.join(tmp, 'data'), LOG_LEVEL: 'INFO', PYTHONUNBUFFERED: '1' };
}

async function startBot() {
  const env = botEnvironment();
  // cwd is the temp folder, so a developer's .env is not read
  const demo = spawnSync(PYTHON, ['-m', 'bot', 'demo'], { cwd: tmp, env, encoding: 'utf8', timeout: 120_000 });
  if (demo.status !== 0) throw new Error(`python -m bot demo failed (${demo.status}):\n${demo.stderr}${demo.stdout}`);
  log(demo.stdout.trim().split('\n').pop());
  const port = await freePort('127.0.0.1');
  const bot = start('bot', PYTHON, ['-m', 'bot', 'run', '--port', String(port)], { cwd: tmp, env });
  await waitFor('bot /readyz', async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).ok, { timeoutMs: 60_000, process: bot });
  log(`bot ready on 127.0.0.1:${port} (database ${env.DATA_DIR}/tansiq.db)`);
  return port;
}

async function startPlayground(botPort) {
  const cli = fs.realpathSync(path.join(ROOT, 'playground/node_modules/.bin/agentsplayground'));
  const wanted = await freePort('0.0.0.0'); // it binds all interfaces, and moves silently if the port is taken
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    TZ: 'Asia/Beirut', // the Playground tells the bot its own zone as the client's (localTimezone): Leila's
    APPLICATION_INSIGHTS_NO_STATSBEAT: '1',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, 'playground/.m365agentsplayground.yml'),
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmp, 'playground-devtools.log'),
  };
  const args = [cli, '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(wanted), '--disable-telemetry'];
  const playground = start('playground', process.execPath, args, { cwd: tmp, env });
  let port;
  await waitFor('"Listening on" from the Playground', async () => {
    const match = /Listening on (\d+)/.exec(fs.readFileSync(path.join(tmp, 'playground.log'), 'utf8'));
    if (match) port = Number(match[1]);
    return Boolean(match);
  }, { timeoutMs: 30_000, process: playground });
  if (port !== wanted) log(`the Playground moved from port ${wanted} to ${port} (taken meanwhile)`);
  await waitFor('Playground /_debug/ping', async () => (await (await fetch(`http://127.0.0.1:${port}/_debug/ping`)).text()) === 'pong',
    { timeoutMs: 30_000, process: playground });
  log(`Playground ready on 127.0.0.1:${port}`);
  return port;
}

function cleanShots(folder) {
  fs.mkdirSync(folder, { recursive: true });
  for (const file of fs.readdirSync(folder)) if (file.endsWith('.png')) fs.unlinkSync(path.join(folder, file));
}

async function main() {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-e2e-'));
  log(`temp folder ${tmp}`);
  const results = new Results();
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    if (ONLY !== 'ui' && ONLY !== 'bidi') {
      const cardsDir = path.join(tmp, 'cards');
      const made = spawnSync(PYTHON, [path.join(HERE, 'cards.py'), cardsDir], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      const produced = await results.check('cards.py writes every card the bot renders', async () => {
        if (made.status !== 0) throw new Error(`exit ${made.status}:\n${made.stderr.split('\n').slice(-15).join('\n')}`);
        log(made.stdout.trim());
      });
      if (produced) {
        cleanShots(path.join(SHOTS, 'cards'));
        await renderCards({ browser, cardsDir, shots: path.join(SHOTS, 'cards'), results, log });
      }
    }
    if (ONLY !== 'ui') {
      const file = path.join(tmp, 'bidi.json');
      const made = spawnSync(PYTHON, [path.join(HERE, 'bidi.py'), file], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      const produced = await results.check('bidi.py writes every message with mixed-direction arguments', async () => {
        if (made.status !== 0) throw new Error(`exit ${made.status}:\n${made.stderr.split('\n').slice(-15).join('\n')}`);
        log(made.stdout.trim());
      });
      if (produced) await checkBidi({ browser, file, shots: path.join(SHOTS, 'cards'), results, log });
    }
    if (ONLY !== 'cards' && ONLY !== 'bidi') {
      cleanShots(path.join(SHOTS, 'ui'));
      let botPort;
      let playgroundPort;
      const up = await results.check('bot and Agents Playground start', async () => {
        botPort = await startBot();
        playgroundPort = await startPlayground(botPort);
      });
      if (up) await playgroundScenarios({ browser, botPort, playgroundPort, shots: path.join(SHOTS, 'ui'), results, log });
    }
  } finally {
    if (browser) await browser.close().catch(() => {});
    await stopAll();
  }
  if (results.failed.some((name) => !name.startsWith('card ')) && fs.existsSync(path.join(tmp, 'bot.log'))) {
    log('bot log (last lines):\n' + tail('bot', 40));
  }
  if (results.failed.length) {
    log(`failed: ${results.failed.join('; ')}`);
  }
  if (process.env.E2E_KEEP) log(`kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  log(`screenshots in ${path.relative(ROOT, SHOTS)}/`);
  console.log(`e2e: ${results.passed} passed, ${results.failed.length} failed`);
  return results.failed.length ? 1 : 0;
}

const deadline = setTimeout(async () => {
  log(`e2e: timed out after ${TIMEOUT_S} s`);
  await stopAll();
  if (tmp && !process.env.E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(124);
}, TIMEOUT_S * 1000);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    log(`e2e: ${signal}, stopping`);
    await stopAll();
    process.exit(130);
  });
}
main().then(
  (code) => { clearTimeout(deadline); process.exitCode = code; },
  async (error) => {
    console.error(error);
    await stopAll();
    clearTimeout(deadline);
    process.exitCode = 1;
  },
);
