/** The latest outgoing webhook deliveries and their outcome (the admin's delivery log). */
import type { Store } from '../../store/store.ts';

export type WebhookDelivery = Awaited<ReturnType<Store['webhooks']['recent']>>[number];

export class WebhookDeliveryLog {
  constructor(private readonly store: Store) {}

  recent(): Promise<WebhookDelivery[]> {
    return this.store.webhooks.recent();
  }
}
