/** The voice channel's settings (`channels.voice`), as the application uses them. */
import type { ResolvedConfig } from '../../../config/load-config.ts';

export type VoiceConfig = NonNullable<ResolvedConfig['channels']['voice']>;
