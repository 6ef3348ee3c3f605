// Every message of both catalogs (bidi.py: with mixed-direction text in its arguments) laid out in Chromium
// (bidi.html), one check per language: the runs of the other script read in their own order — ".csv" not "csv.",
// "@Omar" not "Omar@", Arabic words in English text right to left. A PNG of a few of them goes to
// screenshots/cards/bidi-<lang>-<key>.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHOWN = ['faq-file-kind', 'agenda-item-added', 'help-cmd-mydata', 'member-not-found', 'faq-field-unknown'];

export async function checkBidi({ browser, file, shots, results, log }) {
  const items = JSON.parse(fs.readFileSync(file, 'utf8'));
  const context = await browser.newContext({ viewport: { width: 1600, height: 200 }, deviceScaleFactor: 1 });
  await context.route(/.*/, (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const page = await context.newPage();
  await page.goto(pathToFileURL(path.join(HERE, 'bidi.html')).href);
  for (const lang of ['ar', 'en']) {
    const mine = items.filter((item) => item.lang === lang);
    await results.check(`bidi: ${mine.filter((item) => !item.wrong).length} ${lang} messages with mixed-direction text read in order`, async () => {
      const failures = [];
      for (const item of mine) {
        const problems = await page.evaluate((message) => window.checkMessage(message), item);
        if (item.wrong && !problems.length) failures.push(`${item.key}: not seen as wrong, so the check sees nothing`);
        if (!item.wrong && problems.length) failures.push(`${item.key}: ${problems.join('; ')}`);
        if (SHOWN.includes(item.key)) await page.locator('body').screenshot({ path: path.join(shots, `bidi-${lang}-${item.key}.png`) });
      }
      if (failures.length) throw new Error(`${failures.length} messages:\n      ${failures.join('\n      ')}`);
    });
  }
  log(`bidi: ${items.length} messages laid out; PNGs of ${SHOWN.join(', ')} in ${shots}`);
  await context.close();
}
