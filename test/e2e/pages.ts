// Page helpers for the two screens, so the tests read as the user's steps. Playwright's
// CSS and role locators pierce the widget's open shadow root.

import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { api, startConversation } from '../helpers/api-client.ts';
import type { TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

/** Polls until the assertion holds; the UI is asynchronous, the server real. */
export const eventually = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 10_000, interval: 100 });

export interface WidgetPage {
  page: Page;
  widget: Locator;
  log: Locator;
  open: () => Promise<void>;
  send: (text: string) => Promise<void>;
  bubbles: (from: 'customer' | 'bot' | 'agent' | 'system') => Locator;
  /** The URL of every WebSocket the page opened. */
  socketUrls: string[];
}

export async function openShop(
  browser: Browser,
  baseUrl: string,
  options: { bypassCSP?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<WidgetPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const socketUrls: string[] = [];
  page.on('websocket', (socket) => socketUrls.push(socket.url()));
  await page.goto(`${baseUrl}/`);
  const widget = page.locator('baton-chat');
  const log = widget.locator('.log');
  const input = widget.getByLabel('Message', { exact: true });
  return {
    page,
    widget,
    log,
    open: async () => {
      if (await widget.locator('.panel').isHidden()) {
        await widget.getByRole('button', { name: 'Open chat' }).click();
      }
      await input.waitFor();
    },
    send: async (text: string) => {
      await input.fill(text);
      await input.press('Enter');
    },
    bubbles: (from) => log.locator(`.row--${from} ${from === 'system' ? '.notice' : '.bubble'}`),
    socketUrls,
  };
}

export interface InboxPage {
  page: Page;
  /** The queue entry of a conversation (the widget keeps the id in localStorage). */
  queueItem: (conversationId: string) => Locator;
  transcript: Locator;
  /** The URL of every WebSocket the page opened. */
  socketUrls: string[];
}

export interface OpenInboxOptions {
  viewport?: { width: number; height: number };
  /** Browser permissions to grant the inbox's origin (e.g. `notifications`). */
  permissions?: string[];
  /** Runs in the page before its own scripts (to observe browser APIs). */
  initScript?: string;
  /** Lets a test inject a script tag (axe-core) past the server's Content-Security-Policy. */
  bypassCSP?: boolean;
  /** Runs on the new page before it opens the inbox (to record its requests). */
  onPage?: (page: Page) => void;
}

export async function openInbox(
  browser: Browser,
  baseUrl: string,
  agent: { email: string; password: string },
  options: OpenInboxOptions = {},
): Promise<InboxPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
  });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: baseUrl });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const socketUrls: string[] = [];
  page.on('websocket', (socket) => socketUrls.push(socket.url()));
  options.onPage?.(page);
  await page.goto(`${baseUrl}/inbox/`);
  await page.getByLabel('Email').fill(agent.email);
  await page.getByLabel('Password').fill(agent.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Conversations' }).waitFor();
  await page.locator('.connection--open').waitFor();
  return {
    page,
    queueItem: (id) => page.locator(`.queue-item[data-conversation-id="${id}"]`),
    transcript: page.locator('.transcript'),
    socketUrls,
  };
}

/**
 * Whether the element is seen without scrolling anything: inside the viewport, and neither
 * clipped by a scrolling box nor covered (the element is what is hit near each of its edges).
 */
export async function onFirstScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  if (box.y < 0 || box.x < 0) return false;
  if (box.y + box.height > viewport.height || box.x + box.width > viewport.width) return false;
  // Inside the edges, clear of rounded corners (which hit-testing leaves out).
  const points = [
    [0.1, 0.5],
    [0.9, 0.5],
    [0.5, 0.1],
    [0.5, 0.9],
  ].map(([fx = 0, fy = 0]) => [box.x + box.width * fx, box.y + box.height * fy]);
  return locator.evaluate(
    (el, corners) =>
      corners.every(([x, y]) => {
        const hit = (
          globalThis as unknown as { document: { elementFromPoint(x: number, y: number): unknown } }
        ).document.elementFromPoint(x ?? 0, y ?? 0);
        return (el as { contains(other: unknown): boolean }).contains(hit);
      }),
    points,
  );
}

/**
 * A top-bar item of the inbox, shown: on a phone through the bar's menu when it is not in the
 * row. Returns the item once it is on the screen and not covered.
 */
export async function revealInTopBar(page: Page, item: Locator): Promise<Locator> {
  if (!(await item.isVisible())) {
    const menu = page.getByRole('banner').getByRole('button', { name: 'Menu' });
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
    await item.waitFor();
  }
  await eventually(async () => ((await onFirstScreen(page, item)) ? 'shown' : 'hidden')).toBe(
    'shown',
  );
  return item;
}

/** Whether the page scrolls sideways (wider than the viewport): never on a phone. */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const root = (
      globalThis as unknown as {
        document: { scrollingElement: { scrollWidth: number; clientWidth: number } };
      }
    ).document.scrollingElement;
    return root.scrollWidth > root.clientWidth;
  });
}

/** What the widget keeps of its conversation in localStorage. */
export interface StoredConversation {
  readonly id: string;
  readonly token: string;
  readonly lastSeq: number;
}

/** The conversation the widget keeps in localStorage (empty fields when there is none). */
export async function storedConversation(page: Page): Promise<StoredConversation> {
  // Runs in the page; typed without the DOM library, which the server code must not see.
  const raw = await page.evaluate(() => {
    const storage = (
      globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
    ).localStorage;
    const key = Object.keys(storage).find((k) => k.startsWith('baton:conversation:'));
    return key ? storage.getItem(key) : null;
  });
  return JSON.parse(raw ?? '{}') as StoredConversation;
}

/** The id of the conversation the widget keeps in localStorage ('' before there is one). */
export async function conversationId(page: Page): Promise<string> {
  return (await storedConversation(page)).id ?? '';
}

/**
 * In a transfer or reassign form: "To" a colleague, then `agentId` once the team list says
 * they are there with room (the list is read again when the form opens).
 */
export async function pickColleague(form: Locator, agentId: string): Promise<Locator> {
  await form.getByLabel('To').selectOption('agent');
  const colleague = form.getByLabel('Colleague');
  await eventually(() =>
    colleague
      .locator(`option[value="${agentId}"]`)
      .evaluate((o) => !(o as { disabled: boolean }).disabled),
  ).toBe(true);
  await colleague.selectOption(agentId);
  return colleague;
}

/**
 * A web customer called `name` who asked for a person about order 88120: handed over (queued,
 * or offered to an agent online). The conversation's id.
 */
export async function handedOverChat(server: TestServer, name: string): Promise<string> {
  const c = await startConversation(server.baseUrl, {
    customer: { name, email: `${name.toLowerCase()}@example.com` },
  });
  await api(server.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
    token: c.token,
    body: { text: 'My order 88120 never arrived, I want to talk to a human please' },
  });
  await until(async () =>
    (await server.server.store.conversations.get(c.id))?.status !== 'bot' ? true : undefined,
  );
  return c.id;
}
