import { defineResource } from '../../engine/resource.js';
import { moderationRoutes } from './routes.js';
import { ModerationScript, type ModerationSource } from './state.js';

/** What moderations add to `openaiMock`. */
export interface ModerationsSurface {
  /**
   * Scripts what `POST /v1/moderations` answers from now on (its batch lines too, once the
   * batches resource accepts the endpoint), until `reset()`: an object mapping input texts to
   * verdicts, or a function of each input's text returning its verdict or `undefined`. A verdict
   * is the categories to flag, or part of a result (`categories`, `category_scores`). Flagged
   * categories get a score of 0.9 or more unless one is given, and `flagged` is true when any
   * category is. Inputs left unscripted get the default: nothing flagged, small scores that
   * depend only on the input.
   *
   * @example
   * openaiMock.moderateWith({ 'I will hurt you': ['violence', 'harassment/threatening'] });
   * openaiMock.moderateWith((text, { images }) => (images.length > 0 ? { categories: { 'violence/graphic': true } } : undefined));
   */
  moderateWith(source: ModerationSource): this;
}

/**
 * Moderations (`/v1/moderations`): deterministic, unflagged results from the input, unless a
 * test scripts them. Nothing is stored.
 */
export const moderationsResource = defineResource({
  name: 'moderations',
  create: (context) => {
    const script = new ModerationScript();
    const surface: ModerationsSurface = {
      moderateWith(source) {
        script.set(source);
        return this;
      },
    };
    return { state: script, routes: moderationRoutes(context, script), reset: () => script.reset(), surface };
  },
});
