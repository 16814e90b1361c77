import { badRequest, invalidType, invalidValue } from './api-error.js';

/** A cursor page as the API sends it; `first_id`/`last_id` only on endpoints that have them. */
export interface CursorPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

/**
 * One page of `items` (already in the endpoint's sort order): those after the `after` id, at
 * most `limit`. The SDK asks for the next page with `after` = the last id it received.
 */
export function cursorPage<T extends { id: string }>(
  items: readonly T[],
  options: { after: string | null; limit: number; withFirstLast: boolean },
): CursorPage<T> {
  let start = 0;
  if (options.after !== null) {
    const index = items.findIndex((item) => item.id === options.after);
    start = index === -1 ? items.length : index + 1;
  }
  const data = items.slice(start, start + options.limit);
  const page: CursorPage<T> = { object: 'list', data, has_more: start + data.length < items.length };
  if (options.withFirstLast) {
    page.first_id = data[0]?.id ?? null;
    page.last_id = data.at(-1)?.id ?? null;
  }
  return page;
}

/** Reads an integer query parameter within bounds, answering as the API does when it is not. */
export function integerParam(
  query: URLSearchParams,
  name: string,
  bounds: { min: number; max: number; default: number },
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return bounds.default;
  if (!/^-?\d+$/.test(raw)) throw invalidType(name, 'an integer', raw);
  const value = Number(raw);
  if (value < bounds.min) {
    throw badRequest(
      `Invalid '${name}': integer below minimum value. Expected a value >= ${bounds.min}, but got ${value} instead.`,
      name,
      'integer_below_min_value',
    );
  }
  if (value > bounds.max) {
    throw badRequest(
      `Invalid '${name}': integer above maximum value. Expected a value <= ${bounds.max}, but got ${value} instead.`,
      name,
      'integer_above_max_value',
    );
  }
  return value;
}

/** Reads an enum query parameter. */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw invalidValue(name, raw, values);
  return raw as T;
}
