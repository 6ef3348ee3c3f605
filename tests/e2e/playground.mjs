// Scenarios in the Microsoft 365 Agents Playground's real UI (headless Chromium), as Leila Haddad, a facilitator
// of the demo community: personal chat in English (help, a question, an action and its Done button, meetings
// with their calendar file, the agenda: items typed and proposed through its form, accepted), then Arabic (help,
// actions, the agenda right to left), then the team channel with an @mention and a command from the / menu (a
// targeted message, answered to her alone).
// Most steps are typed into the compose box and sent with Enter; a few go through the Playground's own HTTP API
// (what its UI calls) to save time. Assertions read what the page shows (innerText, computed styles).
import path from 'node:path';

const PERSONAL = 'a:tansiq-demo-personal-leila'; // playground/.m365agentsplayground.yml
const LEILA = '29:tansiq-demo-leila';
const BOT = '28:tansiq-local-bot';
const TEAM = '19:tansiq-demo-team@thread.tacv2'; // its General channel has the same id
const TENANT = '00000000-0000-0000-0000-0000000000001';
const REPLY_TIMEOUT = 20_000;
const SERIES = 'Monthly follow-up · اجتماع المتابعة الشهري'; // dialogs/demo.py: meeting #1, first Thursday 10:00 Beirut
// a title in both languages: sentences and headings name it in the reader's language (the other part on its own line)
const [SERIES_EN, SERIES_AR] = SERIES.split(' · ');
const DEMO_ITEMS = ['Flood early-warning triggers for the Nile delta', 'تحديث مجموعة عمل التحويلات النقدية', 'Shared 4W template'];
// the bot wraps arguments in invisible bidi isolation marks (Fluent); assertions read the text without them
const plain = (text) => text.replace(/[\u2066-\u2069\u200e\u200f]/g, '');

export async function playgroundScenarios({ browser, botPort, playgroundPort, shots, results, log }) {
  const base = `http://127.0.0.1:${playgroundPort}`;
  // Leila is in Beirut (the Playground itself runs with TZ=Asia/Beirut: it sends its zone as the client's)
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US', timezoneId: 'Asia/Beirut' });
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

  let helpCard;
  await step('personal chat: "help" typed → the short help card: everyday commands and a button per topic', async () => {
    helpCard = await ui.typeAndWaitForCard('help', 'What you can ask Tansiq');
    const text = await ui.text(helpCard);
    for (const word of ['meetings', 'actions', 'action', 'Meetings', 'Settings', 'العربية', 'English']) expectIncludes(text, word);
    await shot('02-personal-help');
  });

  await step('personal chat: the "Meetings" topic button on the help card → every meeting command, with examples', async () => {
    if (!helpCard) throw new Error('no help card');
    const before = await ui.count('Help: meetings');
    await helpCard.getByRole('button', { name: 'Meetings', exact: true }).click();
    await ui.waitForCount('Help: meetings', before + 1);
    await shot('02b-personal-help-meetings');
  });

  await step('personal chat: a question the FAQ nearly answers → an honest "not sure", the close entry, Ask a facilitator', async () => {
    const card = await ui.typeAndWaitForCard('What is the trigger threshold for the drought protocol in Yemen?', 'I am not sure I have the answer');
    const text = await ui.text(card);
    expectIncludes(text, 'Where can I find the flood trigger thresholds?');
    expectIncludes(text, 'Ask a facilitator');
    await shot('03-personal-question');
  });

  await step('personal chat: "when is the next meeting?" → the demo series in Beirut time, from the database', async () => {
    const card = await ui.typeAndWaitForCard('when is the next meeting?', 'The next meeting');
    const text = await ui.text(card);
    expectIncludes(text, 'Monthly follow-up');
    expectMatch(text, /10:00\sAM/);
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

  let seriesCard;
  await step('personal chat: "meetings" typed → the demo series on its first Thursday, 10:00 Beirut time', async () => {
    seriesCard = await ui.typeAndWaitForCard('meetings', 'The next 8 meetings');
    const text = spaced(await ui.text(seriesCard));
    const first = firstThursdayOfNextMonth();
    expectMatch(text, new RegExp(`#1 · ${escape(SERIES_EN)}\\s+${escape(SERIES_AR)}\\s+Follow-up\\s+When\\s+${escape(first.english)}, 10:00 AM\\s+Repeats\\s+the first Thursday of every month`));
    expectMatch(text, /#2 · Quarterly plenary\s+الاجتماع العام الفصلي\s+Plenary/); // each language on its own line
    expectIncludes(text, '3 agenda items');
    await seriesCard.getByRole('link', { name: 'Add to calendar (.ics)' }).first().waitFor();
    await seriesCard.evaluate((element) => element.scrollIntoView({ block: 'start' })); // the list is taller than the page
    await shot('06-personal-meetings');
  });

  await step('personal chat: the list\'s "Add to calendar (.ics)" link → a valid calendar file with the series\' RRULE', async () => {
    if (!seriesCard) throw new Error('no meetings card');
    const href = await seriesCard.getByRole('link', { name: 'Add to calendar (.ics)' }).first().getAttribute('href');
    if (!/^http:\/\/127\.0\.0\.1:\d+\/calendar\/[\w-]+\.ics$/.test(href || '')) throw new Error(`unexpected calendar link ${href}`);
    const response = await fetch(href);
    expectCount(response.status, 200, 'HTTP status of the calendar file');
    expectMatch(response.headers.get('content-type') || '', /^text\/calendar; charset=utf-8$/i);
    const calendar = checkCalendar(await response.text());
    const series = calendar.events.find((event) => event.SUMMARY === SERIES);
    if (!series) throw new Error(`no VEVENT with SUMMARY "${SERIES}" in: ${calendar.events.map((e) => e.SUMMARY).join(', ')}`);
    expectCount(series.RRULE, 'FREQ=MONTHLY;BYDAY=1TH', 'RRULE');
    expectCount(series['DTSTART;TZID=Asia/Beirut'], `${firstThursdayOfNextMonth().compact}T100000`, 'DTSTART (Beirut wall time)');
    if (!calendar.zones.includes('Asia/Beirut')) throw new Error(`no VTIMEZONE for Asia/Beirut (zones: ${calendar.zones})`);
  });

  let itemNumber;
  await step('personal chat: "agenda add <title> | <details>" typed → the item is proposed for the next meeting', async () => {
    await ui.typeAndWaitForText('agenda add Anticipatory cash for the 2027 flood season | lessons from the pilot in Sudan', 'is proposed for');
    const pane = spaced(await ui.paneText());
    const said = [...pane.matchAll(new RegExp(`Agenda item #(\\d+) “Anticipatory cash for the 2027 flood season” is proposed for ${escape(SERIES_EN)} \\(([^)]+)\\)`, 'g'))].pop();
    if (!said) throw new Error(`no confirmation for the new item in:\n${pane.slice(-600)}`);
    [, itemNumber] = said;
    expectIncludes(said[2], `${firstThursdayOfNextMonth().english}, 10:00 AM`);
    await shot('07-personal-agenda-added');
  });

  let agendaCard;
  await step('personal chat: "agenda" typed → the agenda card lists the demo items and the new one', async () => {
    agendaCard = await ui.typeAndWaitForCard('agenda', `Agenda — ${SERIES_EN}`);
    const text = spaced(await ui.text(agendaCard));
    expectMatch(text, new RegExp(`#1 · ${escape(firstThursdayOfNextMonth().english)}, 10:00 AM`));
    expectMatch(text, /#1 · Flood early-warning triggers for the Nile delta\s+Accepted · Proposed by عمر خليل/);
    for (const title of DEMO_ITEMS) expectIncludes(text, title);
    expectMatch(text, new RegExp(`#${itemNumber} · Anticipatory cash for the 2027 flood season\\s+Proposed · Proposed by Leila Haddad\\s+lessons from the pilot in Sudan`));
    expectIncludes(text, 'Facilitators:');
    await agendaCard.scrollIntoViewIfNeeded();
    await shot('08-personal-agenda');
  });

  await step('personal chat: facilitator "agenda accept <n>" typed → accepted', async () => {
    if (!itemNumber) throw new Error('no item number');
    await ui.typeAndWaitForText(`agenda accept ${itemNumber}`, `Agenda item #${itemNumber} “Anticipatory cash for the 2027 flood season” is accepted.`);
    await shot('09-personal-agenda-accepted');
  });

  let agendaForm;
  await step('personal chat: "agenda add" alone → the agenda form card', async () => {
    agendaForm = await ui.typeAndWaitForCard('agenda add', 'Propose an agenda item');
    await expectInputs(agendaForm, ['Title', 'Details (optional)', 'Meeting', 'Working group (optional)']);
    expectCount(await (await control(agendaForm, 'Please record this item in the minutes')).getAttribute('type'), 'checkbox', 'type of the minutes toggle');
    await shot('10-personal-agenda-form');
  });

  await step('personal chat: the form\'s title filled and "Propose" pressed → the item is added', async () => {
    if (!agendaForm) throw new Error('no agenda form');
    await (await control(agendaForm, 'Title')).fill('Early action protocol for heatwaves');
    await (await control(agendaForm, 'Details (optional)')).fill('draft shared by the Lebanese Red Cross');
    const before = await ui.count('“Early action protocol for heatwaves” is proposed for');
    await agendaForm.getByRole('button', { name: 'Propose', exact: true }).click();
    await ui.waitForCount('“Early action protocol for heatwaves” is proposed for', before + 1);
    expectMatch(spaced(await ui.paneText()), new RegExp(`Agenda item #\\d+ “Early action protocol for heatwaves” is proposed for ${escape(SERIES_EN)}`));
    await shot('11-personal-agenda-form-added');
  });

  await step('personal chat: the agenda card\'s "Propose an item" button → the agenda form', async () => {
    if (!agendaCard) throw new Error('no agenda card');
    const form = 'Propose an agenda item';
    const refused = 'could not read that card’s answer';
    const before = { [form]: await ui.count(form), [refused]: await ui.count(refused) };
    await agendaCard.getByRole('button', { name: 'Propose an item', exact: true }).click();
    const answer = await ui.waitForAny(before);
    if (answer !== form) throw new Error(`no agenda form: the bot answered that it ${refused} (the button's data is {"verb": "agenda-form"})`);
    await (await ui.lastCardWith(form)).scrollIntoViewIfNeeded();
    await shot('12-personal-agenda-button-form');
  });

  await step('personal chat: "meeting add" alone → the meeting form with its inputs', async () => {
    const form = await ui.typeAndWaitForCard('meeting add', 'Schedule a meeting');
    await expectInputs(form, ['Title', 'Kind', 'Day', 'Start time (Asia/Beirut)', 'Length', 'Repeats', 'Online link (optional)', 'Place (optional)', 'Working group (optional)']);
    await form.getByRole('button', { name: 'Schedule', exact: true }).waitFor();
    await form.scrollIntoViewIfNeeded();
    await shot('13-personal-meeting-form');
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
    for (const word of ['مساعدة', 'الإعدادات', 'الإجراءات']) expectIncludes(text, word);
    await shot('14-personal-help-ar');
  });

  await step('personal chat: "الإجراءات الكل" (API) → the Arabic list of all open actions', async () => {
    const card = await ui.sendAndWaitForCard(PERSONAL, 'الإجراءات الكل', 'كل الإجراءات المفتوحة');
    expectRtl(await ui.direction(card), 'the Arabic actions card');
    const text = await ui.text(card);
    expectMatch(text, /كل الإجراءات المفتوحة\s*\([٠-٩]+\)/); // the count in Arabic-Indic digits
    expectIncludes(text, 'الحالة');
    expectIncludes(text, 'المسؤولون');
    await card.scrollIntoViewIfNeeded();
    await shot('15-personal-actions-ar');
  });

  await step('personal chat: "جدول إضافة …" typed → the Arabic confirmation, right to left', async () => {
    const card = await ui.typeAndWaitForCard('جدول إضافة الإنذار المبكر بموجات الحر | تجربة لبنان', 'اقتُرح البند رقم');
    expectRtl(await ui.direction(card), 'the Arabic confirmation');
    expectMatch(await ui.text(card), new RegExp(`اقتُرح البند رقم [٠-٩]+ «الإنذار المبكر بموجات الحر» لـ${escape(SERIES_AR)}`));
    await shot('16-personal-agenda-added-ar');
  });

  await step('personal chat: "جدول الأعمال" typed → the Arabic agenda card, right to left, Arabic-Indic digits', async () => {
    const card = await ui.typeAndWaitForCard('جدول الأعمال', `جدول الأعمال — ${SERIES_AR}`);
    expectRtl(await ui.direction(card), 'the Arabic agenda card');
    const text = spaced(await ui.text(card));
    expectIncludes(text, `رقم ١ · ${firstThursdayOfNextMonth().arabic}، ١٠:٠٠ ص`); // meeting #1, its day and time
    expectMatch(text, /رقم ١ · Flood early-warning triggers for the Nile delta\s+مقبول · اقترحه عمر خليل/);
    expectMatch(text, /رقم [٠-٩]+ · الإنذار المبكر بموجات الحر\s+مقترح · اقترحه Leila Haddad\s+تجربة لبنان/);
    for (const title of [...DEMO_ITEMS, 'Anticipatory cash for the 2027 flood season', 'Early action protocol for heatwaves']) expectIncludes(text, title);
    expectIncludes(text, 'draft shared by the Lebanese Red Cross'); // the details given in the form
    if (/(رقم|#) ?[0-9]/.test(text)) throw new Error(`ASCII digits in an item or meeting number:\n${text.slice(0, 800)}`);
    await card.scrollIntoViewIfNeeded();
    await shot('17-personal-agenda-ar');
  });

  await step('personal chat: the "English" button on the Arabic help card → back to English', async () => {
    if (!arabicHelp) throw new Error('no Arabic help card');
    const before = await ui.count('Tansiq will answer you in English');
    await arabicHelp.getByRole('button', { name: 'English', exact: true }).click();
    await ui.waitForCount('Tansiq will answer you in English', before + 1);
    await shot('18-personal-back-to-english');
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
    expectIncludes(await ui.text(card), 'meeting add'); // a facilitator (or the installing admin) sees `meeting add`
    await shot('19-channel-help');
  });

  await step('team channel: "help" picked from the / menu (a targeted message, sent as Teams sends it) → answered to Leila alone', async () => {
    // the Playground cannot send targeted messages: the activity goes straight to the bot, with the channel's ids
    const before = await ui.count('What you can ask Tansiq');
    const id = `slash-${Date.now()}`;
    const response = await fetch(`http://127.0.0.1:${botPort}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id, channelId: 'msteams', serviceUrl: base, text: 'help', textFormat: 'plain', locale: 'en-US',
        timestamp: new Date().toISOString(), deliveryMode: 'expectReplies',
        from: { id: LEILA, name: 'Leila Haddad', aadObjectId: '00000000-0000-0000-0000-00000000001a' },
        recipient: { id: BOT, name: 'Tansiq', isTargeted: true },
        conversation: { id: TEAM, conversationType: 'channel', isGroup: true, tenantId: TENANT },
        channelData: { team: { id: TEAM }, channel: { id: TEAM }, tenant: { id: TENANT } },
      }),
    });
    if (response.status !== 200) throw new Error(`the bot answered ${response.status}`);
    const replies = (await response.json()).activities;
    if (!replies.length) throw new Error('no answer');
    for (const reply of replies) {
      if (reply.recipient?.id !== LEILA || reply.recipient?.isTargeted !== true) throw new Error(`not to Leila alone: ${JSON.stringify(reply.recipient)}`);
      if (!reply.entities?.some((e) => e.type === 'activityTreatment' && e.treatment === 'targeted')) throw new Error('no targeted treatment');
      if (!reply.entities?.some((e) => e.type === 'targetedMessageInfo' && e.messageId === id)) throw new Error('does not name the message it answers');
    }
    expectIncludes(plain(JSON.stringify(replies[0].attachments ?? replies[0].text)), 'What you can ask Tansiq');
    await page.waitForTimeout(1000);
    expectCount(await ui.count('What you can ask Tansiq'), before, 'help cards in the channel everyone reads');
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

  /** Waits until one of the texts is on the page more often than `before[text]`; returns that text. */
  async waitForAny(before) {
    const deadline = Date.now() + REPLY_TIMEOUT;
    while (Date.now() < deadline) {
      const pane = await this.paneText();
      const found = Object.keys(before).find((text) => pane.split(text).length - 1 > before[text]);
      if (found) return found;
      await this.page.waitForTimeout(100);
    }
    throw new Error(`none of ${Object.keys(before).map((t) => `"${t}"`).join(', ')} came after ${REPLY_TIMEOUT / 1000} s`);
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

  /** The last card showing `text` (compared without the bidi isolation marks around Fluent arguments). */
  async lastCardWith(text) {
    const deadline = Date.now() + REPLY_TIMEOUT;
    for (;;) {
      const index = await this.cards().evaluateAll((cards, wanted) => {
        const strip = (value) => value.replace(/[\u2066-\u2069\u200e\u200f]/g, '');
        for (let i = cards.length - 1; i >= 0; i -= 1) if (strip(cards[i].innerText).includes(wanted)) return i;
        return -1;
      }, text);
      if (index >= 0) return this.cards().nth(index);
      if (Date.now() > deadline) throw new Error(`no card shows "${text}" after ${REPLY_TIMEOUT / 1000} s`);
      await this.page.waitForTimeout(100);
    }
  }

  direction(card) {
    return card.evaluate((element) => ({ dir: element.getAttribute('dir'), computed: getComputedStyle(element).direction }));
  }
}

/** The form control a card's <label> (its text, then " *" when required) is for. */
async function control(card, label) {
  const ids = await card.locator('label').evaluateAll((labels, wanted) => labels
    .filter((element) => element.innerText.replace(/[\u2066-\u2069\u200e\u200f]/g, '').replace(/ \*$/, '').trim() === wanted)
    .map((element) => element.getAttribute('for')), label);
  if (ids.length !== 1) throw new Error(`the card has ${ids.length} labels "${label}":\n${plain(await card.innerText()).slice(0, 600)}`);
  const [id] = ids;
  const found = card.locator(`[id="${id}"]`);
  if ((await found.count()) !== 1) throw new Error(`the label "${label}" is for no control of the card (for="${id}")`);
  return found;
}

/** Every label is shown on the card, for a visible form control of it. */
async function expectInputs(card, labels) {
  for (const label of labels) await (await control(card, label)).waitFor({ state: 'visible' });
}

/** The demo series' first meeting: the first Thursday of next month (dialogs/demo.py counts months in UTC). */
function firstThursdayOfNextMonth(today = new Date()) {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  const day = new Date(first.getTime() + ((4 - first.getUTCDay() + 7) % 7) * 86_400_000);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.getUTCMonth()];
  const pad = (n) => String(n).padStart(2, '0');
  return {
    english: `${month} ${day.getUTCDate()}, ${day.getUTCFullYear()}`,
    compact: `${day.getUTCFullYear()}${pad(day.getUTCMonth() + 1)}${pad(day.getUTCDate())}`,
    arabic: `${pad(day.getUTCDate())}/${pad(day.getUTCMonth() + 1)}/${day.getUTCFullYear()}`.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]),
  };
}

/** An iCalendar file (RFC 5545) checked for its structure: CRLF lines of at most 75 octets, BEGIN/END balanced,
    VCALENDAR with VERSION 2.0 and PRODID, events with UID, DTSTAMP and DTSTART. Returns its events (property
    name with parameters -> value, after unfolding) and the TZIDs of its VTIMEZONEs. */
function checkCalendar(body) {
  if (/[^\r]\n/.test(body) || !body.endsWith('\r\n')) throw new Error('calendar lines must end with CRLF');
  const raw = body.slice(0, -2).split('\r\n');
  const long = raw.find((line) => Buffer.byteLength(line, 'utf8') > 75);
  if (long) throw new Error(`calendar line longer than 75 octets: ${long}`);
  const lines = body.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
  if (lines[0] !== 'BEGIN:VCALENDAR' || lines.at(-1) !== 'END:VCALENDAR') throw new Error('not one VCALENDAR');
  const stack = [];
  const events = [];
  const zones = [];
  let current;
  let top = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 1) throw new Error(`calendar line without a name: ${line}`);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      stack.push(value);
      if (value === 'VEVENT') events.push((current = {}));
    } else if (name === 'END') {
      if (stack.pop() !== value) throw new Error(`END:${value} does not close what was opened`);
      if (value === 'VEVENT') current = undefined;
    } else if (stack.length === 1) top[name] = value;
    else if (current && stack.at(-1) === 'VEVENT') current[name] = value;
    else if (stack.at(-1) === 'VTIMEZONE' && name === 'TZID') zones.push(value);
  }
  if (stack.length) throw new Error(`unclosed ${stack.join(', ')}`);
  if (top.VERSION !== '2.0' || !top.PRODID) throw new Error(`VCALENDAR without VERSION:2.0 or PRODID (${JSON.stringify(top)})`);
  if (!events.length) throw new Error('no VEVENT');
  for (const event of events) {
    const missing = ['UID', 'DTSTAMP'].filter((name) => !event[name]);
    if (!Object.keys(event).some((name) => name.split(';')[0] === 'DTSTART')) missing.push('DTSTART');
    if (missing.length) throw new Error(`a VEVENT without ${missing.join(', ')}`);
    for (const name of Object.keys(event)) event[name] = event[name].replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, '\n');
  }
  return { events, zones };
}

/** The text with no-break and narrow no-break spaces (Babel's, before AM/PM) as plain spaces. */
function spaced(text) {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
