import { defineResource } from '../../engine/resource.js';
import { Replies } from './state.js';
import type { ReplySource } from './types.js';

/** What the scripted model adds to `openaiMock`. */
export interface RepliesSurface {
  /**
   * Sets what the model replies (Chat Completions, Responses, and their batch lines) from now
   * on, until `reset()`: text, a `ReplyObject` (tool calls, refusal, finish reason), or a
   * function of the request. Replies queued with {@link replyOnce} go first.
   *
   * @example
   * openaiMock.replyWith('Paris');
   * openaiMock.replyWith((req) => (req.lastUserMessage.includes('weather') ? 'Sunny' : undefined));
   */
  replyWith(reply: ReplySource): this;
  /**
   * Queues replies used once each, in order (one per choice when `n` > 1), before the one set
   * with {@link replyWith} or the default.
   *
   * @example
   * openaiMock.replyOnce({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] }, 'It is sunny.');
   */
  replyOnce(...replies: ReplySource[]): this;
  /** One-shot replies queued with {@link replyOnce} that no request has used yet. */
  readonly pendingReplies: number;
}

/**
 * The scripted model: what Chat Completions and Responses answer (a default reply, or what the
 * test scripts). It serves no route of its own; the resources that answer with a model use it.
 */
export const repliesResource = defineResource({
  name: 'replies',
  create: (context) => {
    const replies = new Replies(context);
    const surface: RepliesSurface = {
      replyWith(reply) {
        replies.always(reply);
        return this;
      },
      replyOnce(...queued) {
        replies.once(queued);
        return this;
      },
      get pendingReplies() {
        return replies.pending;
      },
    };
    return { state: replies, reset: () => replies.reset(), surface };
  },
});
