// The widget speaks the visitor's language: the page's `lang` attribute first (and the
// conversation starts in it, so the server's messages match), else the conversation's
// language once the server detected it from the customer's words, else the browser's.

import type { BrowserContext } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { screenshot } from './browser.ts';
import { eventually, storedConversation } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

describeInChromium('widget language', () => {
  const fixture = useChromiumAndServer();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  async function shopIn(locale: string, lang?: string) {
    const context = await fixture.browser.newContext({
      locale,
      viewport: { width: 1280, height: 800 },
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${fixture.server.baseUrl}/`);
    const widget = page.locator('baton-chat');
    if (lang) await widget.evaluate((el, value) => el.setAttribute('lang', value), lang);
    return { page, widget, text: (selector: string) => widget.locator(selector).textContent() };
  }

  it(
    'follows the lang attribute, and the conversation starts in it',
    async () => {
      const { page, widget, text } = await shopIn('en-US', 'es');
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
      await screenshot(page, 'widget-language-es');
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'speaks English when the words of its language cannot be fetched',
    async () => {
      const context = await fixture.browser.newContext({
        locale: 'en-US',
        viewport: { width: 1280, height: 800 },
      });
      contexts.push(context);
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
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "speaks the browser's language when the page says none (European Portuguese)",
    async () => {
      const { widget, text } = await shopIn('pt-PT');
      await widget.getByRole('button', { name: 'Abrir o chat' }).click();
      const input = widget.getByLabel('Mensagem', { exact: true });
      await input.waitFor();
      expect(await input.getAttribute('placeholder')).toBe('Escreva a sua mensagem…');
      expect(await text('.human-label')).toBe('Falar com uma pessoa');
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    "switches to the language the server detected in the customer's words at the handoff",
    async () => {
      const { page, widget, text } = await shopIn('en-US');
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
    },
    BROWSER_TEST_TIMEOUT,
  );
});
