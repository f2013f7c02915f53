// WhatsApp allows free text only within 24 hours of the customer's last message; after
// that only an approved template may be sent. This panel lists the configured templates
// (GET /channels/whatsapp/templates), asks for their parameters and sends one.

import { useEffect, useState } from 'preact/hooks';
import { fetchWhatsAppTemplates } from './api.ts';
import type { WhatsAppTemplate } from './inbox-types.ts';

export interface TemplatePanelProps {
  token: string;
  busy: boolean;
  onSend: (template: { name: string; language: string; parameters: string[] }) => void;
  onCancel: () => void;
}

export function TemplatePanel({ token, busy, onSend, onCancel }: TemplatePanelProps) {
  const [templates, setTemplates] = useState<WhatsAppTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState(0);
  const [params, setParams] = useState<string[]>([]);
  useEffect(() => {
    fetchWhatsAppTemplates(token).then(
      (answer) => setTemplates(answer.templates),
      (failure: unknown) =>
        setError(failure instanceof Error ? failure.message : 'Could not load the templates.'),
    );
  }, [token]);
  const template = templates?.[chosen];
  if (error) return <p class="form-error">{error}</p>;
  if (!templates) return <p class="muted">Loading templates…</p>;
  if (!template) return <p class="muted">No WhatsApp templates are configured on this server.</p>;
  return (
    <form
      class="action-panel template-panel"
      aria-label="Send a template"
      onSubmit={(e) => {
        e.preventDefault();
        onSend({
          name: template.name,
          language: template.language,
          parameters: params.slice(0, template.parameters),
        });
      }}
    >
      <label>
        Template
        <select
          value={String(chosen)}
          onChange={(e) => {
            setChosen(Number(e.currentTarget.value));
            setParams([]);
          }}
        >
          {templates.map((t, i) => (
            <option key={`${t.name}:${t.language}`} value={String(i)}>
              {t.name} ({t.language})
            </option>
          ))}
        </select>
      </label>
      <p class="template-preview">{template.preview}</p>
      {Array.from({ length: template.parameters }, (_, i) => (
        <label key={i}>
          {`Parameter {{${i + 1}}}`}
          <input
            required
            value={params[i] ?? ''}
            onInput={(e) => {
              const next = [...params];
              next[i] = e.currentTarget.value;
              setParams(next);
            }}
          />
        </label>
      ))}
      <div class="panel-buttons">
        <button type="button" class="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="button button--primary" disabled={busy}>
          Send template
        </button>
      </div>
    </form>
  );
}
