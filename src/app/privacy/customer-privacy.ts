/**
 * The admin's privacy requests over HTTP, bound to the store: plan and carry out a person's
 * erasure, and collect everything held about them (docs/security.md).
 */
import type { Store } from '../../store/store.ts';
import type { CompactionOutcome, CompactionWindow } from './compaction-window.ts';
import type { PendingCompaction } from '../../store/compaction-repository.ts';
import { collectCustomerData, type CustomerExport } from './customer-export.ts';
import {
  carryOutErasure,
  planErasure,
  type ErasureOutcome,
  type ErasurePlan,
  type ErasureTarget,
} from './erasure-plan.ts';

export class CustomerPrivacy {
  constructor(
    private readonly store: Store,
    private readonly compaction: CompactionWindow,
  ) {}

  planErasure(target: ErasureTarget, includeOpen: boolean): Promise<ErasurePlan> {
    return planErasure(this.store, target, includeOpen);
  }

  carryOutErasure(
    plan: ErasurePlan,
    audit: Omit<Parameters<typeof carryOutErasure>[2], 'compaction' | 'vacuum'>,
  ): Promise<ErasureOutcome> {
    return carryOutErasure(this.store, plan, { ...audit, compaction: this.compaction });
  }

  /** PostgreSQL's compaction window, now: every pending table this node can claim. */
  compactNow(actorId: string): Promise<CompactionOutcome> {
    return this.compaction.run(actorId, false);
  }

  pendingCompaction(): Promise<PendingCompaction[]> {
    return this.compaction.pending();
  }

  collect(
    reference: string,
    audit: Parameters<typeof collectCustomerData>[2],
  ): Promise<CustomerExport> {
    return collectCustomerData(this.store, reference, audit);
  }
}
