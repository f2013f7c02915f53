// The second half of the handoff card: who the customer is (profile and history), how they
// feel (sentiment and its trend), why the priority is what it is, and what the bot showed.

import { SENTIMENT_LABELS, TREND_LABELS, contributionLabel } from './format.ts';
import type { HandoffPacket } from './inbox-types.ts';

const money = (n: number): string =>
  new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(n);

export function CustomerFacts({ packet }: { packet: HandoffPacket }) {
  const p = packet.customer;
  const history =
    p.previousConversations === 0
      ? 'First conversation'
      : `${p.previousConversations} earlier conversation${p.previousConversations === 1 ? '' : 's'}, ${p.previousEscalations} handed over`;
  return (
    <>
      <section aria-label="Customer profile" class="card-block">
        <h4>Customer</h4>
        <IdentityNote verified={p.verified} channel={packet.channel} />
        <dl class="facts">
          {p.email && <Fact name="Email" value={p.email} />}
          {p.tier && <Fact name="Tier" value={p.tier} />}
          {typeof p.lifetimeValue === 'number' && (
            <Fact name="Lifetime value" value={money(p.lifetimeValue)} />
          )}
          {p.customerSince && <Fact name="Customer since" value={p.customerSince.slice(0, 10)} />}
          {p.preferredContact && <Fact name="Prefers" value={p.preferredContact} />}
          <Fact name="History" value={history} />
          {p.atRiskOfChurn && <Fact name="Churn risk" value="At risk" />}
        </dl>
      </section>
      <section aria-label="Sentiment and priority" class="card-block">
        <dl class="facts">
          <div>
            <dt>Sentiment</dt>
            <dd class={`sentiment sentiment--${packet.sentiment.label}`}>
              {SENTIMENT_LABELS[packet.sentiment.label] ?? packet.sentiment.label}{' '}
              <span class="trend">{TREND_LABELS[packet.sentiment.trend]}</span>
            </dd>
          </div>
          <div>
            <dt>Priority {packet.priority.value}</dt>
            <dd class="contributions">
              {packet.priority.contributions
                .map((c) => `${contributionLabel(c.source)} ${c.points >= 0 ? '+' : ''}${c.points}`)
                .join(', ')}
            </dd>
          </div>
          {packet.intent.topic && <Fact name="Topic" value={packet.intent.topic} />}
        </dl>
      </section>
      <section aria-label="Articles shown" class="card-block">
        <h4>Articles the bot showed</h4>
        {packet.articlesShown.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <ul class="articles">
            {packet.articlesShown.map((a) => (
              <li key={a.id}>{a.title}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Fact({ name, value }: { name: string; value: string }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/**
 * Whether the site vouched for who this is. An unverified customer's name, email, tier and
 * value are what their browser said, so the agent must not act on them as facts. An email
 * customer is unverified when SPF, DKIM and DMARC did not vouch for the From address.
 */
function IdentityNote({ verified, channel }: { verified: boolean | undefined; channel: string }) {
  if (verified === undefined) return null;
  if (channel === 'email' && !verified)
    return (
      <p class="identity identity--unverified">
        Unverified: the email failed its sender checks (SPF, DKIM, DMARC), so the From address may
        be forged; confirm before acting on it.
      </p>
    );
  return verified ? (
    <p class="identity identity--verified">Verified by the site</p>
  ) : (
    <p class="identity identity--unverified">
      Unverified: name, email and account details were not signed by the site; confirm before acting
      on them.
    </p>
  );
}
