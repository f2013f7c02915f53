// "Could the bot have handled it?": the conversations agents marked so, with their notes, to
// improve the knowledge base with. Notes are shown as text (never HTML).

import { InboxLink } from './inbox-link.tsx';
import type { ImprovementItem } from './dashboard-api.ts';

export function ImprovementList(props: {
  items: readonly ImprovementItem[];
  queueNames: Readonly<Record<string, string>>;
}) {
  return (
    <section class="card" aria-labelledby="improvements-title">
      <h2 id="improvements-title">
        Improvement items <span class="count">{props.items.length}</span>
      </h2>
      {props.items.length === 0 ? (
        <p class="muted">No agent marked a conversation as one the bot could have handled.</p>
      ) : (
        <table class="data-table improvements">
          <thead>
            <tr>
              <th scope="col">Conversation</th>
              <th scope="col">Resolved</th>
              <th scope="col">Queue</th>
              <th scope="col">Channel</th>
              <th scope="col">Reasons</th>
              <th scope="col">Agent's note</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((item) => (
              <tr key={item.conversationId} data-conversation-id={item.conversationId}>
                <td>
                  <InboxLink id={item.conversationId} />
                </td>
                <td>{item.resolvedAt ? item.resolvedAt.slice(0, 16).replace('T', ' ') : ''}</td>
                <td>{item.queue === null ? '' : (props.queueNames[item.queue] ?? item.queue)}</td>
                <td>{item.channel}</td>
                <td>{item.reasons.join(', ')}</td>
                <td>{item.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
