// The live supervisor view: queues, agents and alerts, polled every 5 seconds (the server
// explains why polling: src/http/routes/supervisor-routes.ts), with a reassign action.

import { Fragment } from 'preact';
import { InboxLink } from './inbox-link.tsx';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { fetchOverview, type SupervisorOverview } from './dashboard-api.ts';
import { band, duration } from './format.ts';
import { ReassignForm } from './reassign-form.tsx';

const POLL_MS = 5000;

export function SupervisorView(props: { token: string; onAuthError: () => void }) {
  const [overview, setOverview] = useState<SupervisorOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setOverview(await fetchOverview(props.token));
      setError(null);
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.status === 401) props.onAuthError();
      else setError(failure instanceof Error ? failure.message : 'Could not load the overview.');
    }
  }, [props.token]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (overview === null) return <p aria-live="polite">{error ?? 'Loading…'}</p>;
  const agents = overview.agents.filter((a) => a.role === 'agent' || a.load > 0);
  // The queues' display names, as the server gives them: the one the customer is told.
  const queueName = (id: string | null) =>
    id === null ? '?' : (overview.queues.find((q) => q.id === id)?.name ?? id);
  return (
    <section class="supervisor" aria-labelledby="supervisor-title">
      <div class="section-head">
        <h1 id="supervisor-title">Live view</h1>
        <p class="muted">
          Updated {overview.at.slice(11, 19)} UTC · every {POLL_MS / 1000} s
        </p>
      </div>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <section class="card" aria-labelledby="alerts-title">
        <h2 id="alerts-title">
          Alerts: SLA breached, nobody picked up{' '}
          <span class={`count ${overview.alerts.length > 0 ? 'count--alert' : ''}`}>
            {overview.alerts.length}
          </span>
        </h2>
        {overview.alerts.length === 0 ? (
          <p class="muted">Every waiting conversation is within its SLA.</p>
        ) : (
          <ul class="alerts">
            {overview.alerts.map((a) => (
              <li key={a.conversationId} class="alert" data-conversation-id={a.conversationId}>
                <div class="alert-facts">
                  <strong>{a.customerName ?? 'Customer'}</strong> waits in{' '}
                  <b>{queueName(a.queue)}</b> for {duration(a.waitedSeconds)} · {a.breaches} breach
                  {a.breaches === 1 ? '' : 'es'} · priority {a.priority ?? '—'} ·{' '}
                  <InboxLink id={a.conversationId} />
                </div>
                <ReassignForm
                  token={props.token}
                  conversationId={a.conversationId}
                  agents={overview.agents}
                  queues={overview.queues}
                  onDone={() => void refresh()}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      {/* Focusable: a table wider than a phone scrolls inside its card (axe's
          scrollable-region-focusable); a keyboard must reach what is off to the side. */}
      <section class="card" aria-labelledby="queues-title" tabIndex={0}>
        <h2 id="queues-title">Queues</h2>
        <table class="data-table queues">
          <thead>
            <tr>
              <th scope="col">Queue</th>
              <th scope="col">Waiting</th>
              <th scope="col">Longest wait</th>
              <th scope="col">Estimated wait</th>
              <th scope="col">SLA breaches today</th>
              <th scope="col">Agents online</th>
            </tr>
          </thead>
          <tbody>
            {overview.queues.map((q) => (
              <tr key={q.id} data-queue={q.id}>
                <th scope="row">{q.name}</th>
                <td data-field="waiting">
                  {q.waiting}
                  {q.deferred > 0 && <span class="muted"> (+{q.deferred} after hours)</span>}
                </td>
                <td data-field="longestWait">{duration(q.longestWaitSeconds)}</td>
                <td data-field="estimatedWait">{band(q.estimatedWait)}</td>
                <td data-field="slaBreachesToday">{q.slaBreachesToday}</td>
                <td data-field="agentsOnline">{q.agentsOnline}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="card" aria-labelledby="agents-title" tabIndex={0}>
        <h2 id="agents-title">Agents</h2>
        <table class="data-table agents">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Presence</th>
              <th scope="col">Load</th>
              <th scope="col">Conversations</th>
            </tr>
          </thead>
          <tbody>
            {agents.map((a) => (
              <tr key={a.id} data-agent-id={a.id}>
                <th scope="row">{a.name}</th>
                <td>
                  <span class={`presence presence--${a.connected ? a.presence : 'closed'}`}>
                    {a.presence}
                    {a.presence === 'online' && !a.connected ? ', inbox closed' : ''}
                  </span>
                </td>
                <td data-field="load">
                  {a.load} / {a.maxConcurrent}
                </td>
                <td>
                  {a.conversations.length === 0
                    ? '—'
                    : a.conversations.map((c, i) => (
                        <Fragment key={c.id}>
                          {i > 0 && ', '}
                          <InboxLink id={c.id}>{c.customerName ?? c.id}</InboxLink> (
                          {queueName(c.queue)}, {c.status})
                        </Fragment>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
