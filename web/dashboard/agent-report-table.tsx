// The per-agent report: what each person did with the selected conversations (docs/analytics.md,
// "The per-agent report"). Names are shown as text; the inbox has no per-agent filter to link to.

import type { AgentReportRow } from './dashboard-api.ts';
import { decimal, duration } from './format.ts';

export function AgentReportTable(props: { rows: readonly AgentReportRow[] }) {
  return (
    // Focusable: on a phone the table is wider than the card, which scrolls, and a keyboard
    // must reach what is off to the side (axe's scrollable-region-focusable).
    <section class="card" aria-labelledby="agents-title" tabIndex={0}>
      <h2 id="agents-title">
        Agents <span class="count">{props.rows.length}</span>
      </h2>
      {props.rows.length === 0 ? (
        <p class="muted">No data</p>
      ) : (
        <table class="data-table agent-report">
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Handled</th>
              <th scope="col">Resolved</th>
              <th scope="col">First response p50</th>
              <th scope="col">First response p90</th>
              <th scope="col">Handle time (median)</th>
              <th scope="col">CSAT (ratings)</th>
              <th scope="col">Transfers out</th>
              <th scope="col">Declined offers</th>
              <th scope="col">Expired offers</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.agentId} data-agent-id={r.agentId}>
                <th scope="row" data-column="name">
                  {r.name}
                </th>
                <td data-column="handled">{r.handled}</td>
                <td data-column="resolved">{r.resolved}</td>
                <td data-column="firstResponseP50">{duration(r.firstResponseSeconds.p50)}</td>
                <td data-column="firstResponseP90">{duration(r.firstResponseSeconds.p90)}</td>
                <td data-column="handleP50">{duration(r.handleSeconds.p50)}</td>
                <td data-column="csat">
                  {decimal(r.csat.average)} ({r.csat.count})
                </td>
                <td data-column="transfersOut">{r.transfersOut}</td>
                <td data-column="declinedOffers">{r.declinedOffers}</td>
                <td data-column="expiredOffers">{r.expiredOffers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
