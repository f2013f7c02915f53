// A customer sends a picture from the widget: the paperclip (a 44 px target with a label)
// opens the file picker, the picture shows in the transcript as a thumbnail, its name stays
// text, and the agent sees it in the inbox as any channel's media and opens it, the session
// token in a header, never in the file's URL. A file whose bytes are not an allowed type is
// refused with the server's words in the widget.
// On both engines (the media is stored, then read back, by each store), on one Chromium: the
// customer on a phone (390×844), the agent on a laptop (1366×768); each screen is then seen
// at the other size too, with no sideways scroll.

import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { conversationId, eventually, openInbox, openShop, scrollsSideways } from './pages.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
/** A 1×1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** Markup in a file name must stay text in the widget and the inbox. */
const NAME = 'broken <i>box.png';

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES)('files from the widget on $name', (database) => {
  const skip = chromiumMissing !== null || database.skipReason !== null;
  const fixture = useTestServer({ skip, server: () => ({ engine: database.name }) });

  it.skipIf(skip)(
    'sends a picture the agent sees in the inbox; a disguised program is refused in words',
    async () => {
      const shop = await openShop(chromium.browser, fixture.server.baseUrl, {
        viewport: viewportOf(PHONE),
      });
      await shop.open();
      await shop.send('I want to talk to a human about a refund on my invoice');
      await eventually(() => shop.widget.locator('.status').isVisible()).toBe(true);

      const attach = shop.widget.getByRole('button', { name: 'Attach a file' });
      const box = await attach.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(44);
      expect(box?.height).toBeGreaterThanOrEqual(44);
      const chooser = shop.page.waitForEvent('filechooser');
      await attach.click();
      await (await chooser).setFiles({ name: NAME, mimeType: 'image/png', buffer: PIXEL });

      const row = shop.log.locator('.row--customer').last();
      const thumbnail = row.getByRole('img', { name: NAME });
      await eventually(() =>
        thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(1);
      await eventually(() => row.locator('.state').textContent()).toBe('Sent');
      expect(await scrollsSideways(shop.page)).toBe(false);
      await screenshot(shop.page, `widget-attachment-${PHONE.name}`);

      // Any other file shows by name.
      const note = shop.page.waitForEvent('filechooser');
      await attach.click();
      await (
        await note
      ).setFiles({
        name: 'order <b>1234.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Order 1234, the box was crushed.'),
      });
      const noteRow = shop.log.locator('.row--customer').last();
      await eventually(() => noteRow.locator('.bubble').textContent()).toBe('📎 order <b>1234.txt');
      await eventually(() => noteRow.locator('.state').textContent()).toBe('Sent');
      expect(await shop.log.locator('i, b').count()).toBe(0);

      // A Windows program named and typed as a picture: the server reads the bytes.
      const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
      const again = shop.page.waitForEvent('filechooser');
      await attach.click();
      await (await again).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: program });
      const failed = shop.log.locator('.row--customer.is-failed');
      await eventually(() => failed.locator('.state').textContent()).toContain(
        'This kind of file cannot be sent; allowed: PNG, JPEG, GIF, WEBP, PDF, TXT.',
      );
      expect(await failed.getByRole('button', { name: 'Retry' }).count()).toBe(0);

      const id = await conversationId(shop.page);
      await seenAt(shop.page, LAPTOP, 'widget-attachment', failed);
      const inbox = await openInbox(
        chromium.browser,
        fixture.server.baseUrl,
        fixture.server.demoAgent,
        { viewport: viewportOf(LAPTOP) },
      );
      await inbox.queueItem(id).click();
      await inbox.page.getByRole('button', { name: /^(Claim|Accept)$/ }).click();
      const attachment = inbox.transcript.locator('.attachment').first();
      await eventually(() =>
        inbox.transcript.locator('.attachment-label').allTextContents(),
      ).toEqual([`📎 image/png — ${NAME}`, '📎 text/plain — order <b>1234.txt']);
      // The file is fetched with the session token in the Authorization header, never in a URL.
      const requests: Array<{ url: string; authorization: string | undefined }> = [];
      inbox.page.on('request', (r) =>
        requests.push({ url: r.url(), authorization: r.headers()['authorization'] }),
      );
      await attachment.getByRole('button', { name: 'Show' }).click();
      const image = attachment.getByRole('img');
      await eventually(() =>
        image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      ).toBe(1);
      const media = requests.filter((r) => r.url.includes(`/conversations/${id}/media/`));
      expect(media.length).toBe(1);
      expect(media[0]?.authorization).toMatch(/^Bearer \S+$/);
      for (const { url } of requests) expect(url).not.toMatch(/token|ticket/i);
      expect(await inbox.transcript.locator('i, b').count()).toBe(0);
      await screenshot(inbox.page, `inbox-attachment-${LAPTOP.name}`);
      await seenAt(inbox.page, PHONE, 'inbox-attachment', attachment);
      await inbox.page.context().close();
      await shop.page.context().close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
