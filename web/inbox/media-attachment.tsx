// A file the customer sent, by reference ("📎 image/jpeg — caption"). The file stays at the
// provider; on request it is fetched through GET …/media/:ref with the agent's token. An
// image is then shown inline as a data: URL (the page's CSP allows no other image source);
// any other file is downloaded, never opened as a page of the inbox's origin.

import { useState } from 'preact/hooks';
import { ApiRequestError } from '../shared/http.ts';
import { fetchMedia } from './api.ts';
import type { MediaRef } from './inbox-types.ts';

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

export interface MediaAttachmentProps {
  token: string;
  conversationId: string;
  media: MediaRef;
}

export function MediaAttachment({ token, conversationId, media: m }: MediaAttachmentProps) {
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState('');
  const fetchable = m.kind !== 'location' && m.ref !== '';

  const open = async (): Promise<void> => {
    setState('loading');
    try {
      const blob = await fetchMedia(token, conversationId, m.ref);
      if (IMAGE.test(blob.type)) {
        setPreview(await dataUrl(blob));
      } else {
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = m.fileName ?? `${m.kind}-file`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      }
      setState('idle');
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure.message : 'Could not fetch the file.');
      setState('failed');
    }
  };

  return (
    <div class="attachment" title={m.fileName ?? m.ref}>
      <span class="attachment-label">
        📎 {m.mimeType ?? m.kind}
        {m.caption ? ` — ${m.caption}` : m.fileName ? ` — ${m.fileName}` : ''}
      </span>
      {fetchable && !preview && (
        <button
          type="button"
          class="link"
          disabled={state === 'loading'}
          onClick={() => void open()}
        >
          {state === 'loading' ? 'Fetching…' : m.kind === 'image' ? 'Show' : 'Download'}
        </button>
      )}
      {state === 'failed' && <span class="form-error">{error}</span>}
      {preview && <img class="attachment-preview" src={preview} alt={m.caption ?? 'Image'} />}
    </div>
  );
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('Could not read the file.'));
    reader.readAsDataURL(blob);
  });
}
