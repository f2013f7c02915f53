// Whether new work is announced with a sound and a desktop notification; each can be
// turned off, and the choice is remembered in localStorage for this browser.

const KEY = 'baton:inbox:alerts';

export interface AlertSettings {
  sound: boolean;
  desktop: boolean;
}

export function loadAlertSettings(): AlertSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<AlertSettings>;
    return { sound: raw.sound !== false, desktop: raw.desktop !== false };
  } catch {
    return { sound: true, desktop: true };
  }
}

export function saveAlertSettings(settings: AlertSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Without storage the choice lasts until the tab closes.
  }
}
