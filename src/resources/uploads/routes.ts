import type { Route } from '../../mock/router.js';
import type { UploadsState } from './state.js';

/** `/v1/uploads`: create, add parts, complete, cancel. */
export function uploadRoutes(_uploads: UploadsState): Route[] {
  return [];
}
