// The agent's picture in the widget's header, in Chromium at phone and laptop size: Alex
// uploads a profile picture in the inbox's account dialog (a text file named .png is refused,
// the server reads the type from the bytes), a customer asks for a person, Alex takes the
// conversation, and the widget's header shows his picture with "Photo of Alex" as its text
// alternative, loaded from Baton. Without a picture (removed), the header shows his initial.

import { deflateSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { api, loginDemoAgent } from '../helpers/api-client.ts';
import { axeViolations } from './axe.ts';
import { screenshot } from './browser.ts';
import {
  conversationId,
  eventually,
  openInbox,
  openShop,
  revealInTopBar,
  type WidgetPage,
} from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;

/** A square PNG: a teal disc on amber, so the header shows a picture, not a flat colour. */
function picture(size: number): Buffer {
  const crc = (bytes: Buffer) => {
    let c = ~0;
    for (const byte of bytes) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2;
      rows.push(...(inside ? [13, 148, 136] : [245, 158, 11]));
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describeInChromium("the agent's picture in the widget", () => {
  const fixture = useChromiumAndServer();

  /** A customer on the shop page asks for a person; Alex takes it. */
  async function customerWithAlex(viewport: { width: number; height: number }) {
    const shop = await openShop(fixture.browser, fixture.server.baseUrl, {
      bypassCSP: true,
      viewport,
    });
    await shop.open();
    await shop.send('I want to talk to a human');
    await eventually(() => shop.widget.locator('.status').textContent()).toContain(
      'Waiting for a person',
    );
    const id = await conversationId(shop.page);
    const alex = await loginDemoAgent(fixture.server);
    const claimed = await api(fixture.server.baseUrl, 'POST', `/api/v1/conversations/${id}/claim`, {
      token: alex,
      body: {},
    });
    expect(claimed.status).toBe(200);
    await eventually(() => shop.widget.locator('.subtitle').textContent()).toBe(
      'Alex · Support team',
    );
    return shop;
  }

  const header = (shop: WidgetPage) => ({
    photo: shop.widget.locator('.avatar .avatar-photo'),
    initial: shop.widget.locator('.avatar .avatar-initial'),
  });

  for (const size of [
    { name: 'phone', width: 390, height: 844 },
    { name: 'laptop', width: 1366, height: 768 },
  ]) {
    it(
      `shows the picture Alex uploaded in the widget's header at ${size.name} size`,
      async () => {
        const viewport = { width: size.width, height: size.height };
        // Each size starts without a picture.
        const alex = await loginDemoAgent(fixture.server);
        await api(fixture.server.baseUrl, 'DELETE', '/api/v1/me/avatar', { token: alex });
        const inbox = await openInbox(
          fixture.browser,
          fixture.server.baseUrl,
          fixture.server.demoAgent,
          { viewport, bypassCSP: true }, // to inject axe-core
        );
        // On the phone the account is in the top bar's menu.
        await (
          await revealInTopBar(
            inbox.page,
            inbox.page.getByRole('button', { name: /Alex.*account/ }),
          )
        ).click();
        const dialog = inbox.page.getByRole('dialog', { name: 'Your account' });
        const section = dialog.getByRole('region', { name: 'Profile picture' });
        const chooser = section.getByLabel('Choose a picture');
        const upload = section.getByRole('button', { name: 'Upload picture' });

        // Not an image, whatever its name and declared type: refused, nothing kept.
        await chooser.setInputFiles({
          name: 'me.png',
          mimeType: 'image/png',
          buffer: Buffer.from('just some text, not a picture'),
        });
        await upload.click();
        await eventually(() => section.getByRole('alert').textContent()).toBe(
          'A profile picture is a PNG, JPEG, WebP or GIF image.',
        );
        expect(await section.locator('img.avatar-preview').count()).toBe(0);

        await chooser.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: picture(96) });
        await upload.click();
        await eventually(() => section.getByRole('status').textContent()).toContain(
          'Picture saved',
        );
        const preview = section.locator('img.avatar-preview');
        await eventually(() =>
          preview.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        ).toBe(96);
        expect(await axeViolations(inbox.page)).toEqual([]);
        await screenshot(inbox.page, `inbox-avatar-upload-${size.name}`);
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();

        const shop = await customerWithAlex(viewport);
        const { photo, initial } = header(shop);
        await photo.waitFor();
        expect(await photo.getAttribute('alt')).toBe('Photo of Alex');
        expect(await initial.isVisible()).toBe(false);
        // Loaded from Baton itself, the picture Alex uploaded.
        await eventually(() =>
          photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        ).toBe(96);
        expect(new URL((await photo.getAttribute('src')) ?? '').origin).toBe(
          fixture.server.baseUrl,
        );
        expect(await axeViolations(shop.page)).toEqual([]);
        await screenshot(shop.page, `widget-agent-avatar-${size.name}`);
        await shop.page.context().close();
        await inbox.page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  }

  it(
    'shows the initial when the agent has no picture',
    async () => {
      const alex = await loginDemoAgent(fixture.server);
      const removed = await api(fixture.server.baseUrl, 'DELETE', '/api/v1/me/avatar', {
        token: alex,
      });
      expect(removed.status).toBe(204);
      const shop = await customerWithAlex({ width: 390, height: 844 });
      const { photo, initial } = header(shop);
      await eventually(() => initial.textContent()).toBe('A');
      expect(await initial.isVisible()).toBe(true);
      expect(await photo.isVisible()).toBe(false);
      await shop.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
