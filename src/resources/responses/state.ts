import type { MockContext } from '../../mock/context.js';

/** Stored responses (`store: true`, the default), for retrieve, delete and input items. */
export class ResponsesState {
  constructor(private readonly ctx: MockContext) {}

  /** Ids of every stored response, oldest first. */
  ids(): string[] {
    return [];
  }

  reset(): void {}
}
