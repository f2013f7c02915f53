/** Migrations are bundled in code (not read from a folder) so tsx, tests and a build agree. */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial.ts';
import * as customerKey from './002-customer-key.ts';
import * as timers from './003-timers.ts';
import * as channelThreads from './004-channel-threads.ts';
import * as presenceOffers from './005-presence-offers.ts';
import * as webhookDeliveries from './006-webhook-deliveries.ts';
import * as agentAccounts from './011-agent-accounts.ts';
import * as teamAudit from './012-team-audit.ts';
import * as mediaFiles from './013-media-files.ts';
import * as lifecycle from './020-conversation-lifecycle.ts';
import * as uniqueChannelThreads from './021-unique-channel-threads.ts';
import * as auditOrigin from './022-audit-origin.ts';
import * as sessionDetails from './023-session-details.ts';
import * as agentTotp from './024-agent-totp.ts';
import * as messageSearch from './025-message-search.ts';
import * as messageSearchPending from './026-message-search-pending.ts';
import * as agentVoiceLine from './027-agent-voice-line.ts';
import * as agentAvatars from './028-agent-avatars.ts';
import * as compactionPending from './029-compaction-pending.ts';
import * as conversationCreatedIndex from './030-conversation-created-index.ts';
import * as conversationUpdatedIndex from './031-conversation-updated-index.ts';
import * as contactNotes from './032-contact-notes.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-customer-key': customerKey,
  '003-timers': timers,
  '004-channel-threads': channelThreads,
  '005-presence-offers': presenceOffers,
  '006-webhook-deliveries': webhookDeliveries,
  '011-agent-accounts': agentAccounts,
  '012-team-audit': teamAudit,
  '013-media-files': mediaFiles,
  '020-conversation-lifecycle': lifecycle,
  '021-unique-channel-threads': uniqueChannelThreads,
  '022-audit-origin': auditOrigin,
  '023-session-details': sessionDetails,
  '024-agent-totp': agentTotp,
  '025-message-search': messageSearch,
  '026-message-search-pending': messageSearchPending,
  '027-agent-voice-line': agentVoiceLine,
  '028-agent-avatars': agentAvatars,
  '029-compaction-pending': compactionPending,
  '030-conversation-created-index': conversationCreatedIndex,
  '031-conversation-updated-index': conversationUpdatedIndex,
  '032-contact-notes': contactNotes,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
