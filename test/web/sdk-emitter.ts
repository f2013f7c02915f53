/**
 * The event half of the Voice SDK's Device, Call and AudioHelper (`on`, and `emit` for the
 * test to play the SDK's part): the fakes of browser-calls and call-audio extend it.
 */
export type Handler = (...args: unknown[]) => void;

export class Emitter {
  readonly handlers = new Map<string, Handler[]>();
  on(event: string, listener: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }
}
