// The survey of a conversation the bot handled alone, in the widget (Chromium): once the
// visitor went quiet after the bot's answer, the stars show under the survey while the bot
// still has the conversation, and the rating sent from them is counted as bot-only CSAT.

import { expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { eventually, openShop } from './pages.ts';
import { describeInChromium, useChromiumAndServer } from './chromium-fixture.ts';

const BROWSER_TEST_TIMEOUT = 90_000;
const QUIET_SECONDS = 60;

describeInChromium('widget: the bot-only survey', () => {
  let offsetMs = 0;
  const fixture = useChromiumAndServer({
    server: {
      clock: () => new Date(Date.now() + offsetMs),
      env: {
        BATON_TIMER_INTERVAL_MS: '50',
        BATON_CSAT_BOT_ONLY_SAMPLE: '1',
        BATON_CSAT_BOT_QUIET_SECONDS: String(QUIET_SECONDS),
      },
    },
  });

  it(
    'shows the stars after the quiet period and sends the rating as bot-only CSAT',
    async () => {
      const shop = await openShop(fixture.browser, fixture.server.baseUrl);
      await shop.open();
      await shop.send('How long does shipping take?');
      await eventually(() => shop.bubbles('bot').last().textContent()).toMatch(/day|ship|deliver/i);
      expect(await shop.log.getByRole('radio').count()).toBe(0);

      offsetMs += (QUIET_SECONDS + 1) * 1000;
      await eventually(() => shop.log.getByRole('radio').count()).toBe(5);
      // Still the bot's conversation: a person can still be asked for.
      expect(await shop.widget.getByRole('button', { name: 'Talk to a human' }).isVisible()).toBe(
        true,
      );
      await shop.log.getByRole('radio', { name: '4 stars' }).click();
      await shop.log.getByRole('button', { name: 'Send rating' }).click();
      await eventually(() => shop.log.getByText('Thank you for your rating!').count()).toBe(1);

      const supervisor = await login(fixture.server.baseUrl, 'riley@example.com', 'baton-demo');
      const r = await api(fixture.server.baseUrl, 'GET', '/api/v1/analytics', {
        token: supervisor,
      });
      expect(r.body.metrics.csat.botOnly).toEqual({ count: 1, average: 4 });
    },
    BROWSER_TEST_TIMEOUT,
  );
});
