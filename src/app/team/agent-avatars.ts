/**
 * An agent's profile picture, shown in the widget's header while they have the conversation.
 * Its type is read from its bytes (file-type), never taken from what the browser declared, and
 * only raster images pass (no SVG, which can carry script); the bytes are kept in the database
 * as other media are. The picture is served by Baton itself at a path that names its version,
 * so the widget never loads a picture from anywhere else.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { BatonError } from '../../core/errors/baton-error.ts';
import type { AgentRecord } from '../../core/records.ts';
import type { AgentAvatar } from '../../store/agent-avatar-repository.ts';
import type { Store } from '../../store/store.ts';
import { tooLarge } from '../conversations/customer-attachments.ts';

/** Largest picture accepted: a header avatar is 36 px, a photo of a few hundred kB is plenty. */
export const AVATAR_MAX_BYTES = 512 * 1024;
/** Types accepted, as sniffed from the bytes. */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/** Where Baton serves an agent's picture, or null when they have none. */
export function avatarPath(agent: Pick<AgentRecord, 'id' | 'avatarVersion'>): string | null {
  return agent.avatarVersion
    ? `/api/v1/agents/${encodeURIComponent(agent.id)}/avatar?v=${agent.avatarVersion}`
    : null;
}

/** `{ agentAvatar }` for an event's data when the agent has a picture, else nothing. */
export function avatarData(agent: Pick<AgentRecord, 'id' | 'avatarVersion'>): {
  agentAvatar?: string;
} {
  const path = avatarPath(agent);
  return path ? { agentAvatar: path } : {};
}

export interface AgentAvatarsDeps {
  readonly store: Pick<Store, 'agentAvatars'>;
  readonly clock: () => Date;
}

export class AgentAvatars {
  constructor(private readonly deps: AgentAvatarsDeps) {}

  /** Checks and keeps the picture; returns the path it is served at. */
  async set(agentId: string, content: Buffer): Promise<string> {
    if (content.byteLength === 0) throw new BatonError('VALIDATION_FAILED', 'The file is empty.');
    if (content.byteLength > AVATAR_MAX_BYTES) throw tooLarge(AVATAR_MAX_BYTES);
    const mimeType = (await fileTypeFromBuffer(content))?.mime;
    if (!mimeType || !(AVATAR_TYPES as readonly string[]).includes(mimeType))
      throw new BatonError(
        'FILE_TYPE_NOT_ALLOWED',
        'A profile picture is a PNG, JPEG, WebP or GIF image.',
      );
    const version = createHash('sha256').update(content).digest('hex').slice(0, 16);
    await this.deps.store.agentAvatars.put(
      agentId,
      { mimeType, content, version },
      this.deps.clock(),
    );
    return avatarPath({ id: agentId, avatarVersion: version }) as string;
  }

  get(agentId: string): Promise<AgentAvatar | undefined> {
    return this.deps.store.agentAvatars.get(agentId);
  }

  remove(agentId: string): Promise<void> {
    return this.deps.store.agentAvatars.remove(agentId);
  }
}
