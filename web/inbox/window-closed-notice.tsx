// Above the composer of a WhatsApp conversation whose 24-hour window has closed (a reply
// was refused with WHATSAPP_WINDOW_CLOSED): says why, and offers an approved template.

import { TemplatePanel } from './template-panel.tsx';
import type { TemplatePanelProps } from './template-panel.tsx';

export interface WindowClosedNoticeProps extends TemplatePanelProps {
  /** Whether the template form is showing. */
  open: boolean;
  onOpen: () => void;
}

export function WindowClosedNotice({ open, onOpen, ...panel }: WindowClosedNoticeProps) {
  return (
    <div class="window-closed" role="alert">
      <p>
        The WhatsApp 24-hour window is closed: the customer has not written for a day, so free text
        cannot be sent.{' '}
        <button type="button" class="link" onClick={onOpen}>
          Send a template
        </button>
      </p>
      {open && <TemplatePanel {...panel} />}
    </div>
  );
}
