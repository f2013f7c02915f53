// Announces new work: a conversation that starts waiting, or an offer to this agent. Each
// is announced once: on screen (a polite live region, also read by screen readers), with a
// beep and with a desktop notification when permitted, unless the agent turned those off.
// What is already there when the inbox loads is not announced.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Conversation } from '../shared/api-types.ts';
import { loadAlertSettings, saveAlertSettings } from './alert-settings.ts';
import type { AlertSettings } from './alert-settings.ts';
import { beep } from './beep.ts';
import { customerName, reasonLabel } from './format.ts';

export interface AlertsState {
  settings: AlertSettings;
  setSettings: (settings: AlertSettings) => void;
  /** The latest announcement, for the live region. */
  latest: string;
}

export function useAlerts(
  loaded: boolean,
  waiting: Conversation[],
  offeredToMe: Conversation[],
): AlertsState {
  const [settings, setSettingsState] = useState(loadAlertSettings);
  const [latest, setLatest] = useState('');
  const announced = useRef<Set<string> | null>(null);
  const current = useRef(settings);
  current.current = settings;

  const setSettings = useCallback((next: AlertSettings) => {
    setSettingsState(next);
    saveAlertSettings(next);
    if (
      next.desktop &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'default'
    ) {
      void Notification.requestPermission().catch(() => undefined);
    }
  }, []);

  useEffect(() => {
    if (!loaded) return;
    const keys = [
      ...waiting.map((c) => ({ key: `waiting:${c.id}`, c, offer: false })),
      ...offeredToMe.map((c) => ({ key: `offer:${c.id}`, c, offer: true })),
    ];
    if (!announced.current) {
      announced.current = new Set(keys.map((k) => k.key));
      return;
    }
    const seen = announced.current;
    const fresh = keys.filter((k) => !seen.has(k.key));
    // Forget what left, so a conversation that comes back (a transfer) is announced again.
    announced.current = new Set(keys.map((k) => k.key));
    if (fresh.length === 0) return;
    // An offer is the more urgent news when both arrive together.
    const top = fresh.find((k) => k.offer) ?? fresh[0];
    if (!top) return;
    const reason = top.c.handoff?.reasons[0];
    const title = top.offer ? 'Offered to you' : 'New conversation waiting';
    const body = `${customerName(top.c)}${reason ? ` · ${reasonLabel(reason)}` : ''}`;
    setLatest(`${title}: ${body}`);
    if (current.current.sound) beep();
    if (
      current.current.desktop &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'granted'
    ) {
      try {
        new Notification(title, { body, tag: top.key });
      } catch {
        // Some browsers only allow notifications from a service worker.
      }
    }
  }, [loaded, waiting, offeredToMe]);

  return { settings, setSettings, latest };
}
