// Renders every card cards.py wrote with the official `adaptivecards` renderer (render-cards.html) in headless
// Chromium, one check per card: no renderer errors, no text overflowing or clipped, right-to-left when Arabic,
// every input of a form rendered with its label and choices, every Teams chart (Chart.*, unknown to this renderer)
// shown as its fallback with its picture loaded.
// A PNG of each card goes to screenshots/cards/<lang>-<name>.png (and -expanded.png with its ShowCards open).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export async function renderCards({ browser, cardsDir, shots, results, log }) {
  const index = JSON.parse(fs.readFileSync(path.join(cardsDir, 'index.json'), 'utf8'));
  const context = await browser.newContext({ viewport: { width: 480, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' });
  // the page only loads files next to it; nothing may leave the machine
  await context.route(/.*/, (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') pageErrors.push(message.text()); });
  await page.goto(pathToFileURL(path.join(HERE, 'render-cards.html')).href);
  await results.check('the adaptivecards renderer loads', async () => {
    const version = await page.evaluate(() => typeof AdaptiveCards === 'object' && typeof window.markdownit === 'function');
    if (!version || pageErrors.length) throw new Error(`renderer page broken: ${pageErrors.join('; ')}`);
  });
  const noted = new Map();
  let inputs = 0;
  let charts = 0;
  for (const entry of index) {
    const payload = JSON.parse(fs.readFileSync(path.join(cardsDir, entry.file), 'utf8'));
    await results.check(`card ${entry.name} (${entry.key})`, async () => {
      pageErrors.length = 0;
      const outcome = await page.evaluate((p) => window.renderCard(p), payload);
      inputs += outcome.inputs || 0;
      charts += outcome.charts || 0;
      await page.locator('body').screenshot({ path: path.join(shots, `${entry.name}.png`) });
      const problems = [...outcome.problems];
      if (outcome.showCards) {
        problems.push(...(await page.evaluate(() => window.expandShowCards())).map((p) => `${p} (ShowCard open)`));
        await page.locator('body').screenshot({ path: path.join(shots, `${entry.name}-expanded.png`) });
      }
      problems.push(...pageErrors.map((message) => `page error: ${message}`));
      for (const note of outcome.notes) noted.set(note.replace(/^\d+ /, ''), [...(noted.get(note.replace(/^\d+ /, '')) || []), entry.name]);
      if (problems.length) throw new Error(`\n      ${[...new Set(problems)].join('\n      ')}`);
    }, { quiet: true });
  }
  const failed = results.failed.filter((name) => name.startsWith('card ')).length;
  log(`cards: ${index.length} rendered (${inputs} inputs, ${charts} chart fallbacks checked), ${index.length - failed} ok, ${failed} failed; PNGs in ${shots}`);
  for (const [note, names] of noted) log(`note: ${names.length} cards: ${note} (e.g. ${names.slice(0, 3).join(', ')})`);
  await context.close();
}
