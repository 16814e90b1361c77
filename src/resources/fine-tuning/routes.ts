import { cursorPage, integerParam } from '../../engine/pagination.js';
import { jsonObject, type ParsedBody } from '../../engine/request.js';
import type { Route } from '../../engine/router.js';
import { parseCreateJob } from './create-params.js';
import type { JobsState } from './state.js';

/** `/v1/fine_tuning/jobs` and its sub-resources. */
export function fineTuningRoutes(jobs: JobsState): Route[] {
  const id = (params: Readonly<Record<string, string>>): string => params['fine_tuning_job_id']!;
  return [
    {
      method: 'POST',
      path: '/fine_tuning/jobs',
      handler: ({ body }) => ({ json: jobs.create(parseCreateJob(jsonObject(body))) }),
    },
    {
      method: 'GET',
      path: '/fine_tuning/jobs',
      handler: ({ query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        const filters = [...query].flatMap(([key, value]) => {
          const m = /^metadata\[(.+)\]$/.exec(key);
          return m ? [[m[1]!, value] as const] : [];
        });
        const listed = (): ReturnType<JobsState['list']> =>
          jobs.list().filter((job) => filters.every(([k, v]) => job.metadata?.[k] === v));
        jobs.observe(listed().map((job) => job.id));
        const items = listed();
        return { json: cursorPage(items, { after: query.get('after'), limit, withFirstLast: false }) };
      },
    },
    {
      method: 'GET',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}',
      handler: ({ params }) => {
        jobs.observe([id(params)]);
        return { json: jobs.retrieve(id(params)) };
      },
    },
    {
      method: 'POST',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/cancel',
      handler: ({ params, body }) => ({ json: jobs.cancel(checkedBody(jobs, id(params), body)) }),
    },
    {
      method: 'POST',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/pause',
      handler: ({ params, body }) => ({ json: jobs.pause(checkedBody(jobs, id(params), body)) }),
    },
    {
      method: 'POST',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/resume',
      handler: ({ params, body }) => ({ json: jobs.resume(checkedBody(jobs, id(params), body)) }),
    },
    {
      method: 'GET',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/events',
      handler: ({ params, query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 20 });
        jobs.observe([id(params)]);
        return { json: cursorPage(jobs.events(id(params)), { after: query.get('after'), limit, withFirstLast: false }) };
      },
    },
    {
      method: 'GET',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints',
      handler: ({ params, query }) => {
        const limit = integerParam(query, 'limit', { min: 1, max: 100, default: 10 });
        jobs.observe([id(params)]);
        return { json: cursorPage(jobs.checkpoints(id(params)), { after: query.get('after'), limit, withFirstLast: true }) };
      },
    },
  ];
}

/**
 * The id of a job whose action takes no parameters, once the job is known (404 first) and the
 * body, if any, parses as a JSON object (else the API's 400 about the JSON body).
 * UNVERIFIED: that the API parses the body of a request that takes no parameters.
 */
function checkedBody(jobs: JobsState, id: string, body: ParsedBody): string {
  jobs.retrieve(id);
  jsonObject(body);
  return id;
}
