// The widget speaks the visitor's language: the page's `lang` attribute first (and the
// conversation starts in it, so the server's messages match), else the conversation's
// language once the server detected it from the customer's words, else the browser's.
// One Chromium for the file. The conversation's language on both engines (it is stored, and
// read back through the API); the widget's own fallbacks (English when the words cannot be
// fetched, the browser's language), UI alone, on SQLite. The steps on a phone (390×844),
// each screen then seen on a laptop (1366×768) too, with no sideways scroll.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { screenshot } from './browser.ts';
import { eventually, storedConversation } from './pages.ts';
import {
  chromiumMissing,
  useChromium,
  useTestServer,
  type WithTestServer,
} from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

const chromium = useChromium({ skip: chromiumMissing !== null });

/** The shop on a phone in a browser set to `locale`, its widget told `lang` if given. */
async function shopIn(fixture: WithTestServer, locale: string, lang?: string) {
  const context = await chromium.browser.newContext({ locale, viewport: viewportOf(PHONE) });
  const page = await context.newPage();
  await page.goto(`${fixture.server.baseUrl}/`);
  const widget = page.locator('baton-chat');
  if (lang) await widget.evaluate((el, value) => el.setAttribute('lang', value), lang);
  return { page, widget, text: (selector: string) => widget.locator(selector).textContent() };
}

/** The page's screenshot on the phone, then the page seen on a laptop; its context closed. */
async function seenAtBothSizes(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-${PHONE.name}`);
  await seenAt(page, LAPTOP, name);
  await page.context().close();
}

describe.each(TEST_DATABASES)('widget language stored on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useTestServer({ skip, server: () => ({ engine: database.name }) });

  it.skipIf(skip)(
    'follows the lang attribute, and the conversation starts in it',
    async () => {
      const { page, widget, text } = await shopIn(fixture, 'en-US', 'es');
      await widget.getByRole('button', { name: 'Abrir el chat' }).click();
      const input = widget.getByLabel('Mensaje', { exact: true });
      await input.waitFor();
      expect(await input.getAttribute('placeholder')).toBe('Escriba su mensaje…');
      expect(await text('.subtitle')).toBe(
        'Asistente automático · puede pedir hablar con una persona',
      );
      expect(await text('.footer')).toBe('Con la tecnología de Baton');
      await eventually(() => widget.locator('.row--bot').count()).toBeGreaterThan(0);
      // The server's greeting is Spanish too, and names the button as the widget labels it.
      expect(await widget.locator('.row--bot .bubble').first().textContent()).toMatch(
        /^¡Hola! Soy .*pulse «Hablar con una persona»/,
      );

      const { id, token } = await storedConversation(page);
      const read = await api(fixture.server.baseUrl, 'GET', `/api/v1/conversations/${id}`, {
        token,
      });
      expect(read.body.conversation.language).toBe('es');

      await widget.getByRole('button', { name: 'Hablar con una persona' }).click();
      await eventually(() => text('.status')).toMatch(/^Esperando a una persona/);
      expect(await text('.subtitle')).toBe('Asistente automático · una persona se unirá aquí');
      // The server's handoff message is Spanish too, in "usted".
      await eventually(() => widget.locator('.row--bot .bubble').last().textContent()).toMatch(
        /cola/,
      );
      const alex = await login(
        fixture.server.baseUrl,
        fixture.server.demoAgent.email,
        fixture.server.demoAgent.password,
      );
      await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, {
        token: alex,
        body: {},
      });
      await eventually(() => text('.subtitle')).toBe('Alex · equipo de atención');
      expect(await text('.status')).toBe('Alex se ha unido');
      await seenAtBothSizes(page, 'widget-language-es');
    },
    BROWSER_TEST_TIMEOUT,
  );

  it.skipIf(skip)(
    "switches to the language the server detected in the customer's words at the handoff",
    async () => {
      const { page, widget, text } = await shopIn(fixture, 'en-US');
      await widget.getByRole('button', { name: 'Open chat' }).click();
      const input = widget.getByLabel('Message', { exact: true });
      await input.waitFor();
      await input.fill('Hola, mi pedido no ha llegado todavía y necesito saber dónde está');
      await input.press('Enter');
      await eventually(() => widget.locator('.row--bot').count()).toBeGreaterThan(1);
      await widget.getByRole('button', { name: 'Talk to a human' }).click();
      await eventually(() => text('.status')).toMatch(/^Esperando a una persona/);
      expect(await widget.getByLabel('Mensaje', { exact: true }).getAttribute('placeholder')).toBe(
        'Escriba su mensaje…',
      );
      const { id, token } = await storedConversation(page);
      const read = await api(fixture.server.baseUrl, 'GET', `/api/v1/conversations/${id}`, {
        token,
      });
      expect(read.body.conversation.language).toBe('es');
      await seenAtBothSizes(page, 'widget-language-detected');
    },
    BROWSER_TEST_TIMEOUT,
  );
});

// The widget's own fallbacks: nothing here is stored or differs by store, so one engine.
describe.skipIf(chromiumMissing !== null)('widget language in the page alone', () => {
  const fixture = useTestServer();

  it(
    'speaks English when the words of its language cannot be fetched',
    async () => {
      const context = await chromium.browser.newContext({
        locale: 'en-US',
        viewport: viewportOf(PHONE),
      });
      // widget.js carries English only; Spanish would come from this route, which fails here.
      let refused = 0;
      await context.route('**/api/v1/widget/strings/**', async (route) => {
        await route.abort();
        refused += 1;
      });
      const page = await context.newPage();
      await page.goto(`${fixture.server.baseUrl}/`);
      const widget = page.locator('baton-chat');
      await widget.evaluate((el) => el.setAttribute('lang', 'es'));
      await widget.getByRole('button', { name: 'Open chat' }).click();
      const input = widget.getByLabel('Message', { exact: true });
      await input.waitFor();
      // Asked, refused, and still English.
      await eventually(() => refused).toBeGreaterThan(0);
      expect(await input.getAttribute('placeholder')).toBe('Type your message…');
      expect(await widget.locator('.human-label').textContent()).toBe('Talk to a human');
      await seenAtBothSizes(page, 'widget-language-fallback');
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "speaks the browser's language when the page says none (European Portuguese)",
    async () => {
      const { page, widget, text } = await shopIn(fixture, 'pt-PT');
      await widget.getByRole('button', { name: 'Abrir o chat' }).click();
      const input = widget.getByLabel('Mensagem', { exact: true });
      await input.waitFor();
      expect(await input.getAttribute('placeholder')).toBe('Escreva a sua mensagem…');
      expect(await text('.human-label')).toBe('Falar com uma pessoa');
      await seenAtBothSizes(page, 'widget-language-pt');
    },
    BROWSER_TEST_TIMEOUT,
  );
});
