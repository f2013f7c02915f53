// The inbox's top bar: presence and load, the connection, then the alert switches, shortcuts,
// the account, the dashboard link and sign out. On a laptop all of them sit in the row; on a
// phone (inbox.css, the one-pane width) the row keeps presence and the connection and the rest
// goes behind a Menu button (a disclosure: Escape or a press outside closes it), so the bar
// stays one row of 44 px touch targets.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SocketState } from '../shared/reconnecting-socket.ts';
import type { AlertsState } from './use-alerts.ts';

const CONNECTION_LABEL = { open: 'Live', connecting: 'Connecting…', closed: 'Reconnecting…' };

export interface TopBarProps {
  /** The presence control (presence-control.tsx), first in the row. */
  presence: ComponentChildren;
  connection: SocketState;
  alerts: AlertsState;
  agent: { name: string; email: string };
  /** Supervisors and admins get the dashboard link. */
  showDashboard: boolean;
  onShortcuts: () => void;
  onAccount: () => void;
  onSignOut: () => void;
}

export function TopBar(props: TopBarProps) {
  const { alerts, agent } = props;
  const [open, setOpen] = useState(false);
  const bar = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // A press anywhere outside the bar closes the menu, as a menu does.
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  /** Closes the menu, then does what the item says (a dialog takes the focus from there). */
  const pick = (action: () => void) => () => {
    setOpen(false);
    action();
  };

  return (
    <header
      class="topbar"
      ref={bar}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <div class="brand">
        <span class="logo" aria-hidden="true">
          B
        </span>
        <span class="brand-name">
          Baton <span class="brand-sub">Inbox</span>
        </span>
      </div>
      <div class="topbar-right">
        {props.presence}
        <span class={`connection connection--${props.connection}`} role="status">
          <span class="connection-dot" aria-hidden="true" />
          {CONNECTION_LABEL[props.connection]}
        </span>
        <button
          ref={toggle}
          type="button"
          class="topbar-menu-button button button--ghost"
          aria-label="Menu"
          aria-expanded={open}
          aria-controls="topbar-more"
          onClick={() => setOpen((was) => !was)}
        >
          <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
            <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" stroke-width="2" />
          </svg>
        </button>
        <div id="topbar-more" class={`topbar-more${open ? ' topbar-more--open' : ''}`}>
          <div class="alert-switches" role="group" aria-label="Alerts for new work">
            <label>
              <input
                type="checkbox"
                checked={alerts.settings.sound}
                onChange={(e) =>
                  alerts.setSettings({ ...alerts.settings, sound: e.currentTarget.checked })
                }
              />
              Sound
            </label>
            <label>
              <input
                type="checkbox"
                checked={alerts.settings.desktop}
                onChange={(e) =>
                  alerts.setSettings({ ...alerts.settings, desktop: e.currentTarget.checked })
                }
              />
              Notifications
            </label>
          </div>
          <button
            type="button"
            class="button button--ghost"
            aria-keyshortcuts="?"
            onClick={pick(props.onShortcuts)}
          >
            Shortcuts
          </button>
          <button
            type="button"
            class="agent-name button button--ghost"
            title={`${agent.email}: picture, password and sessions`}
            aria-haspopup="dialog"
            onClick={pick(props.onAccount)}
          >
            <span class="avatar" aria-hidden="true">
              {agent.name.slice(0, 1).toUpperCase()}
            </span>
            <span class="agent-name-text">{agent.name}</span>
            <span class="sr-only"> — account</span>
          </button>
          {/* Supervisors and admins go back and forth with the dashboard (same sign-in). */}
          {props.showDashboard ? (
            <a class="button button--ghost" href="/dashboard/">
              Dashboard
            </a>
          ) : null}
          <button class="button button--ghost" type="button" onClick={pick(props.onSignOut)}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
