// The survey of a conversation the bot handled alone, in the widget (Chromium): once the
// visitor went quiet after the bot's answer, the stars show under the survey while the bot
// still has the conversation, and the rating sent from them is counted as bot-only CSAT.
// On one Chromium: the steps on a phone (390×844), the stars and the thanks then seen on a
// laptop (1366×768) too, with no sideways scroll. SQLite only for now: on PostgreSQL the bot's
// answer reaches the widget before its bot_survey.due timer is written, so the clock moved
// at once after the answer gives the timer a due time a quiet period later still (issue 15).

import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { screenshot } from './browser.ts';
import { eventually, openShop } from './pages.ts';
import { chromiumMissing, useChromium, useTestServer } from './chromium-fixture.ts';
import { LAPTOP, PHONE, seenAt, viewportOf } from './sizes.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const QUIET_SECONDS = 60;

const chromium = useChromium({ skip: chromiumMissing !== null });

describe.each(TEST_DATABASES.filter((database) => database.name === 'sqlite'))(
  'widget: the bot-only survey on $name',
  (database) => {
    const skip = chromiumMissing !== null || database.skipReason !== null;
    let offsetMs = 0;
    const fixture = useTestServer({
      skip,
      server: {
        engine: database.name,
        clock: () => new Date(Date.now() + offsetMs),
        env: {
          BATON_TIMER_INTERVAL_MS: '50',
          BATON_CSAT_BOT_ONLY_SAMPLE: '1',
          BATON_CSAT_BOT_QUIET_SECONDS: String(QUIET_SECONDS),
        },
      },
    });

    it.skipIf(skip)(
      'shows the stars after the quiet period and sends the rating as bot-only CSAT',
      async () => {
        const shop = await openShop(chromium.browser, fixture.server.baseUrl, {
          viewport: viewportOf(PHONE),
        });
        await shop.open();
        await shop.send('How long does shipping take?');
        await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(
          /day|ship|deliver/i,
        );
        expect(await shop.log.getByRole('radio').count()).toBe(0);

        offsetMs += (QUIET_SECONDS + 1) * 1000;
        await eventually(() => shop.log.getByRole('radio').count()).toBe(5);
        // Still the bot's conversation: a person can still be asked for.
        expect(await shop.widget.getByRole('button', { name: 'Talk to a human' }).isVisible()).toBe(
          true,
        );
        await screenshot(shop.page, `widget-bot-survey-${PHONE.name}`);
        await seenAt(shop.page, LAPTOP, 'widget-bot-survey', shop.log.getByRole('radio').first());
        await shop.page.setViewportSize(viewportOf(PHONE));
        await shop.log.getByRole('radio', { name: '4 stars' }).click();
        await shop.log.getByRole('button', { name: 'Send rating' }).click();
        await eventually(() => shop.log.getByText('Thank you for your rating!').count()).toBe(1);
        await screenshot(shop.page, `widget-bot-survey-thanks-${PHONE.name}`);
        await seenAt(shop.page, LAPTOP, 'widget-bot-survey-thanks');

        const supervisor = await login(fixture.server.baseUrl, 'riley@example.com', 'baton-demo');
        const r = await api(fixture.server.baseUrl, 'GET', '/api/v1/analytics', {
          token: supervisor,
        });
        expect(r.body.metrics.csat.botOnly).toEqual({ count: 1, average: 4 });
        await shop.page.context().close();
      },
      BROWSER_TEST_TIMEOUT,
    );
  },
);
