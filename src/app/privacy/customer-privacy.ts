/**
 * The admin's privacy requests over HTTP, bound to the store: plan and carry out a person's
 * erasure, and collect everything held about them (docs/security.md).
 */
import type { Store } from '../../store/store.ts';
import { collectCustomerData, type CustomerExport } from './customer-export.ts';
import {
  carryOutErasure,
  planErasure,
  type ErasureOutcome,
  type ErasurePlan,
  type ErasureTarget,
} from './erasure-plan.ts';

export class CustomerPrivacy {
  constructor(private readonly store: Store) {}

  planErasure(target: ErasureTarget, includeOpen: boolean): Promise<ErasurePlan> {
    return planErasure(this.store, target, includeOpen);
  }

  carryOutErasure(
    plan: ErasurePlan,
    audit: Parameters<typeof carryOutErasure>[2],
  ): Promise<ErasureOutcome> {
    return carryOutErasure(this.store, plan, audit);
  }

  collect(
    reference: string,
    audit: Parameters<typeof collectCustomerData>[2],
  ): Promise<CustomerExport> {
    return collectCustomerData(this.store, reference, audit);
  }
}
