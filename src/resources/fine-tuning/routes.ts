import { jsonBody } from '../../engine/fields.js';
import { cursorPage, integerParam } from '../../engine/pagination.js';
import type { ParsedBody } from '../../engine/request.js';
import { route, type Route } from '../../engine/router.js';
import { parseCreateJob } from './params.js';
import type { JobsState } from './state.js';
import type { FineTuningJob } from './types.js';

/** `/v1/fine_tuning/jobs` and its sub-resources. */
export function fineTuningRoutes(jobs: JobsState): Route[] {
  const reads = { store: jobs.store };
  /** The jobs the list answers with: `metadata[key]=value` query parameters filter them. */
  const listed = (query: URLSearchParams): FineTuningJob[] => {
    const filters = [...query].flatMap(([key, value]) => {
      const m = /^metadata\[(.+)\]$/.exec(key);
      return m ? [[m[1]!, value] as const] : [];
    });
    return jobs.list().filter((job) => filters.every(([k, v]) => job.metadata?.[k] === v));
  };
  return [
    route('POST', '/fine_tuning/jobs', ({ body }) => ({ json: jobs.create(parseCreateJob(jsonBody(body))) })),
    route(
      'GET',
      '/fine_tuning/jobs',
      ({ query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        return { json: cursorPage(listed(query), { after: query.get('after'), limit, withFirstLast: false }) };
      },
      { reads: { ...reads, ids: ({ query }) => listed(query).map((job) => job.id) } },
    ),
    route('GET', '/fine_tuning/jobs/{fine_tuning_job_id}', ({ params }) => ({ json: jobs.retrieve(params.fine_tuning_job_id) }), { reads }),
    route('POST', '/fine_tuning/jobs/{fine_tuning_job_id}/cancel', ({ params, body }) => ({
      json: jobs.cancel(checkedBody(jobs, params.fine_tuning_job_id, body)),
    })),
    route('POST', '/fine_tuning/jobs/{fine_tuning_job_id}/pause', ({ params, body }) => ({
      json: jobs.pause(checkedBody(jobs, params.fine_tuning_job_id, body)),
    })),
    route('POST', '/fine_tuning/jobs/{fine_tuning_job_id}/resume', ({ params, body }) => ({
      json: jobs.resume(checkedBody(jobs, params.fine_tuning_job_id, body)),
    })),
    route(
      'GET',
      '/fine_tuning/jobs/{fine_tuning_job_id}/events',
      ({ params, query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        return { json: cursorPage(jobs.events(params.fine_tuning_job_id), { after: query.get('after'), limit, withFirstLast: false }) };
      },
      { reads },
    ),
    route(
      'GET',
      '/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints',
      ({ params, query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 10 });
        return { json: cursorPage(jobs.checkpoints(params.fine_tuning_job_id), { after: query.get('after'), limit, withFirstLast: true }) };
      },
      { reads },
    ),
  ];
}

/**
 * The id of a job whose action takes no parameters, once the job is known (404 first) and the
 * body, if any, parses as a JSON object (else the API's 400 about the JSON body).
 * UNVERIFIED: that the API parses the body of a request that takes no parameters.
 */
function checkedBody(jobs: JobsState, id: string, body: ParsedBody): string {
  jobs.retrieve(id);
  jsonBody(body);
  return id;
}
