import { cursorPage, integerParam } from '../../mock/pagination.js';
import { jsonObject } from '../../mock/request.js';
import type { Route } from '../../mock/router.js';
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
      handler: ({ params }) => ({ json: jobs.cancel(id(params)) }),
    },
    {
      method: 'POST',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/pause',
      handler: ({ params }) => ({ json: jobs.pause(id(params)) }),
    },
    {
      method: 'POST',
      path: '/fine_tuning/jobs/{fine_tuning_job_id}/resume',
      handler: ({ params }) => ({ json: jobs.resume(id(params)) }),
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
