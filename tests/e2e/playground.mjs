// Scenarios in the Microsoft 365 Agents Playground's real UI (headless Chromium), as Leila Haddad, a facilitator
// of the demo community: personal chat in English, then Arabic, then the team channel with an @mention.
// Most steps are typed into the compose box and sent with Enter; a few go through the Playground's own HTTP API
// (what its UI calls) to save time. Assertions read what the page shows (innerText, computed styles).
import path from 'node:path';

const PERSONAL = 'a:tansiq-demo-personal-leila'; // playground/.m365agentsplayground.yml
const LEILA = '29:tansiq-demo-leila';
const REPLY_TIMEOUT = 20_000;
// the bot wraps arguments in invisible bidi isolation marks (Fluent); assertions read the text without them
const plain = (text) => text.replace(/[\u2066-\u2069\u200e\u200f]/g, '');

export async function playgroundScenarios({ browser, playgroundPort, shots, results, log }) {
  const base = `http://127.0.0.1:${playgroundPort}`;
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
  // offline: the Playground's page also asks CDNs for fonts and scripts; only the Playground itself may answer
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    return /^(https?|wss?):\/\/(127\.0\.0\.1|localhost)[:/]/.test(url) || url.startsWith('data:') ? route.continue() : route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(REPLY_TIMEOUT);
  const ui = new PlaygroundPage(page, base);
  const shot = (name) => page.screenshot({ path: path.join(shots, `${name}.png`) });
  const step = async (name, fn) => {
    const ok = await results.check(name, fn);
    if (!ok) await shot(`FAILED-${name.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => {});
    return ok;
  };

  await step('Playground page opens; the welcome arrives once in the personal chat', async () => {
    await page.goto(base, { waitUntil: 'load' });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await page.locator('button[title="Hide log panel"]').click(); // its lines repeat the messages' text
    await ui.waitForCount('I am Tansiq', 1);
    await page.waitForTimeout(1500); // the page sends its install events more than once: no second welcome
    expectCount(await ui.count('I am Tansiq'), 1, 'welcome messages');
    await shot('01-personal-welcome');
  });

  await step('personal chat: "help" typed → the help card', async () => {
    const card = await ui.typeAndWaitForCard('help', 'What you can ask Tansiq');
    const text = await ui.text(card);
    for (const word of ['help', 'lang', 'actions', 'action', 'العربية', 'English']) expectIncludes(text, word);
    await shot('02-personal-help');
  });

  await step('personal chat: a question typed → the placeholder answer', async () => {
    await ui.typeAndWaitForText('What is the trigger threshold for the drought protocol in Yemen?', 'Thanks for your question');
    await shot('03-personal-question');
  });

  let actionCard;
  await step('personal chat: "action add … | me | next Thursday" typed → an action card with a Done button', async () => {
    actionCard = await ui.typeAndWaitForCard('action add Send the drought bulletin | me | next Thursday', 'Send the drought bulletin');
    const text = await ui.text(actionCard);
    expectMatch(text, /Action #\d+ recorded/);
    expectMatch(text, /Status\s+Open/);
    expectMatch(text, /Owners\s+Leila Haddad/);
    expectMatch(text, /Due\s+[A-Z][a-z]{2} \d{1,2}, \d{4}/);
    await actionCard.getByRole('button', { name: 'Done', exact: true }).waitFor();
    await shot('04-personal-action-added');
  });

  await step('personal chat: the owner presses Done → the card updates in place to Status Done', async () => {
    if (!actionCard) throw new Error('no action card to press');
    const cards = await ui.cards().count();
    await actionCard.getByRole('button', { name: 'Done', exact: true }).click();
    await page.waitForFunction(
      (element) => /Status\s+Done/.test(element.innerText.replace(/[\u2066-\u2069]/g, '')), await actionCard.elementHandle(), { timeout: REPLY_TIMEOUT },
    );
    const text = await ui.text(actionCard);
    expectMatch(text, /Action #\d+ is done\. Thank you!/);
    expectIncludes(text, 'Send the drought bulletin');
    expectCount(await actionCard.getByRole('button', { name: 'Done', exact: true }).count(), 0, 'Done buttons left on the card');
    expectCount(await ui.cards().count(), cards, 'cards (the answer replaces the card, no new message)');
    await shot('05-personal-action-done');
  });

  await step('personal chat: "lang ar" (API) → the confirmation in Arabic', async () => {
    await ui.sendAndWaitForText(PERSONAL, 'lang ar', 'سيجيبك تنسيق باللغة');
    const card = ui.cards().last();
    expectRtl(await ui.direction(card), 'the Arabic confirmation card');
  });

  let arabicHelp;
  await step('personal chat: "مساعدة" typed → the Arabic help card, right to left', async () => {
    arabicHelp = await ui.typeAndWaitForCard('مساعدة', 'ما يمكنك طلبه من تنسيق');
    expectRtl(await ui.direction(arabicHelp), 'the Arabic help card');
    const text = await ui.text(arabicHelp);
    for (const word of ['مساعدة', 'لغة', 'الإجراءات']) expectIncludes(text, word);
    await shot('06-personal-help-ar');
  });

  await step('personal chat: "الإجراءات الكل" (API) → the Arabic list of all open actions', async () => {
    const card = await ui.sendAndWaitForCard(PERSONAL, 'الإجراءات الكل', 'كل الإجراءات المفتوحة');
    expectRtl(await ui.direction(card), 'the Arabic actions card');
    const text = await ui.text(card);
    expectMatch(text, /كل الإجراءات المفتوحة\s*\([٠-٩]+\)/); // the count in Arabic-Indic digits
    expectIncludes(text, 'الحالة');
    expectIncludes(text, 'المسؤولون');
    await card.scrollIntoViewIfNeeded();
    await shot('07-personal-actions-ar');
  });

  await step('personal chat: the "English" button on the Arabic help card → back to English', async () => {
    if (!arabicHelp) throw new Error('no Arabic help card');
    const before = await ui.count('Tansiq will answer you in English');
    await arabicHelp.getByRole('button', { name: 'English', exact: true }).click();
    await ui.waitForCount('Tansiq will answer you in English', before + 1);
    await shot('08-personal-back-to-english');
  });

  await step('team channel: "@Tansiq help" typed with the mention picker → the help card in the thread', async () => {
    await page.getByRole('treeitem', { name: /General/ }).click();
    const editor = ui.editor();
    await editor.click();
    await page.keyboard.type('@Tans', { delay: 20 });
    await page.getByRole('menuitem', { name: 'Tansiq' }).click();
    await page.keyboard.type(' help', { delay: 20 });
    const before = await ui.count('What you can ask Tansiq');
    await page.keyboard.press('Enter');
    await ui.waitForCount('What you can ask Tansiq', before + 1);
    const pane = await ui.paneText();
    expectMatch(pane, /Leila Haddad[\s\S]*Tansiq help[\s\S]*What you can ask Tansiq/); // the post, then the bot's reply
    const card = await ui.lastCardWith('What you can ask Tansiq');
    expectIncludes(await ui.text(card), 'role'); // a facilitator (or the installing admin) sees `role`
    await shot('09-channel-help');
  });

  await step('team channel: the team welcome (community language, Arabic) was posted once', async () => {
    await ui.waitForCount('أنا تنسيق، مساعد', 1);
    expectCount(await ui.count('أنا تنسيق، مساعد'), 1, 'team welcomes in the channel');
    const welcome = await ui.lastCardWith('أنا تنسيق، مساعد');
    expectRtl(await ui.direction(welcome), 'the Arabic team welcome');
  });

  await context.close();
  log(`Playground screenshots: ${shots}`);
}

/** The Playground's page: its compose box, its conversation pane and the cards in it. */
class PlaygroundPage {
  constructor(page, base) {
    this.page = page;
    this.base = base;
  }

  editor() {
    return this.page.locator('[data-lexical-editor="true"]').first();
  }

  cards() {
    return this.page.locator('.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)'); // not ShowCard sub-cards
  }

  /** innerText of the open conversation (the column holding the compose box), not the list of chats. */
  paneText() {
    return this.page.evaluate(() => {
      const nav = document.querySelector('[role="region"][aria-label="Chat and Teams Channel"]');
      let element = document.querySelector('[data-lexical-editor="true"]');
      if (!element) return '';
      while (element.parentElement && !element.parentElement.contains(nav)) element = element.parentElement;
      return element.innerText;
    }).then(plain);
  }

  async text(card) {
    return plain(await card.innerText());
  }

  async count(text) {
    return (await this.paneText()).split(text).length - 1;
  }

  async waitForCount(text, atLeast) {
    const deadline = Date.now() + REPLY_TIMEOUT;
    while (Date.now() < deadline) {
      if ((await this.count(text)) >= atLeast) return;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`"${text}" is not on the page ${atLeast} time(s) after ${REPLY_TIMEOUT / 1000} s; the pane ends with:\n${(await this.paneText()).slice(-600)}`);
  }

  async type(text) {
    await this.editor().click();
    await this.page.keyboard.type(text, { delay: 15 });
    const typed = (await this.editor().innerText()).trim();
    if (typed !== text) throw new Error(`the compose box holds "${typed}", not "${text}"`);
    await this.page.keyboard.press('Enter');
  }

  async send(conversation, text) {
    const response = await fetch(`${this.base}/_conversation/v1/conversations/${encodeURIComponent(conversation)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'text', text, textFormat: 'plain', from: { id: LEILA }, mentions: [] }),
    });
    if (!response.ok) throw new Error(`the Playground answered ${response.status} to the message "${text}"`);
  }

  async typeAndWaitForText(text, expected) {
    const before = await this.count(expected);
    await this.type(text);
    await this.waitForCount(expected, before + 1);
  }

  async sendAndWaitForText(conversation, text, expected) {
    const before = await this.count(expected);
    await this.send(conversation, text);
    await this.waitForCount(expected, before + 1);
  }

  async typeAndWaitForCard(text, expected) {
    await this.typeAndWaitForText(text, expected);
    return this.lastCardWith(expected);
  }

  async sendAndWaitForCard(conversation, text, expected) {
    await this.sendAndWaitForText(conversation, text, expected);
    return this.lastCardWith(expected);
  }

  async lastCardWith(text) {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor();
    return card;
  }

  direction(card) {
    return card.evaluate((element) => ({ dir: element.getAttribute('dir'), computed: getComputedStyle(element).direction }));
  }
}

function expectIncludes(text, part) {
  if (!text.includes(part)) throw new Error(`expected "${part}" in:\n${text.slice(0, 800)}`);
}

function expectMatch(text, pattern) {
  if (!pattern.test(text)) throw new Error(`expected ${pattern} in:\n${text.slice(0, 800)}`);
}

function expectCount(got, want, what) {
  if (got !== want) throw new Error(`expected ${want} ${what}, found ${got}`);
}

function expectRtl({ dir, computed }, what) {
  if (dir !== 'rtl' || computed !== 'rtl') throw new Error(`${what}: dir=${dir}, computed direction ${computed} (expected rtl)`);
}
