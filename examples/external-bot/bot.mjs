#!/usr/bin/env node
// An example external bot for Baton (see README, "Bring your own bot"). Baton POSTs every
// customer message here, signed as Standard Webhooks says; this bot checks the signature,
// then answers a few keywords, asks for a person on "refund", and admits when it is unsure.
//
//   BOT_SECRET=whsec_... PORT=4000 node examples/external-bot/bot.mjs
//   BATON_BOT_ENGINE=external BATON_EXTERNAL_BOT_URL=http://localhost:4000/ \
//     BATON_EXTERNAL_BOT_SECRET=whsec_... npm start
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { Webhook } from 'standardwebhooks';

/** Returns an http.Server answering Baton's bot webhook; `answer` may be replaced in tests. */
export function createExampleBot({ secret, answer = defaultAnswer }) {
  const verifier = new Webhook(secret);
  return createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      let payload;
      try {
        // Throws on a wrong signature or a timestamp outside the replay window.
        payload = verifier.verify(body, request.headers);
      } catch {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'bad signature' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer(payload)));
    });
  });
}

function defaultAnswer(payload) {
  const text = String(payload.message?.text ?? '').toLowerCase();
  if (text.includes('refund')) {
    return {
      messages: [],
      handoff: { reason: 'topic_policy', note: 'refunds are handled by people' },
    };
  }
  if (text.includes('hours')) {
    return {
      messages: [{ text: 'We answer chats from 8:00 to 20:00, Monday to Saturday.' }],
      confidence: 0.92,
      intent: 'opening_hours',
    };
  }
  return {
    messages: [
      { text: "I'm a bot and I'm not sure about that one. Could you say it another way?" },
    ],
    confidence: 0.2,
    intent: 'fallback',
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.BOT_SECRET;
  if (!secret) {
    console.error('set BOT_SECRET to the whsec_… secret Baton signs with');
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 4000);
  createExampleBot({ secret }).listen(port, () =>
    console.log(`example bot on http://localhost:${port}/`),
  );
}
