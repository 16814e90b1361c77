import { defineResource } from '../../engine/resource.js';
import { modelsResource } from '../models/index.js';
import { repliesResource } from '../replies/index.js';
import { chatRoutes } from './routes.js';

/**
 * Chat Completions (`POST /v1/chat/completions`): the request checked as the API checks it,
 * answered by the scripted model, as JSON or a stream of chunks. Nothing is stored.
 */
export const chatResource = defineResource({
  name: 'chat',
  create: (context) => ({ routes: chatRoutes(context, context.use(repliesResource).state, context.use(modelsResource).state) }),
});
