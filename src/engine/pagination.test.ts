import { describe, expect, it } from 'vitest';
import { cursorPage, enumParam, integerParam, type CursorPage } from './pagination.js';
import { thrownBy } from '../../test/support/errors.js';

const items = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, n: id.charCodeAt(0) }));

describe('cursorPage', () => {
  it('without after: the first `limit` items, has_more when some remain', () => {
    const page = cursorPage(items, { after: null, limit: 2, withFirstLast: true });
    expect(page).toEqual({ object: 'list', data: items.slice(0, 2), has_more: true, first_id: 'a', last_id: 'b' });
  });

  it('with after: the items that follow that id', () => {
    const page = cursorPage(items, { after: 'b', limit: 2, withFirstLast: true });
    expect(page.data.map((i) => i.id)).toEqual(['c', 'd']);
    expect(page).toMatchObject({ has_more: true, first_id: 'c', last_id: 'd' });
  });

  it('has_more is false on the last page, including an exactly full one', () => {
    expect(cursorPage(items, { after: 'c', limit: 2, withFirstLast: true })).toMatchObject({
      has_more: false,
      first_id: 'd',
      last_id: 'e',
    });
    expect(cursorPage(items, { after: null, limit: 5, withFirstLast: false }).has_more).toBe(false);
    expect(cursorPage(items, { after: null, limit: 4, withFirstLast: false }).has_more).toBe(true);
  });

  it('walks every item exactly once following the SDK (after = last id received)', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const page: CursorPage<(typeof items)[number]> = cursorPage(items, { after, limit: 2, withFirstLast: false });
      seen.push(...page.data.map((i) => i.id));
      if (!page.has_more || page.data.length === 0) break;
      after = page.data.at(-1)!.id;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('after the last id, or an unknown id: an empty page with null first/last ids', () => {
    for (const after of ['e', 'nope']) {
      expect(cursorPage(items, { after, limit: 10, withFirstLast: true })).toEqual({
        object: 'list',
        data: [],
        has_more: false,
        first_id: null,
        last_id: null,
      });
    }
  });

  it('an empty list', () => {
    expect(cursorPage([], { after: null, limit: 20, withFirstLast: true })).toEqual({
      object: 'list',
      data: [],
      has_more: false,
      first_id: null,
      last_id: null,
    });
  });

  it('leaves first_id/last_id out entirely when the endpoint has none', () => {
    const page = cursorPage(items, { after: null, limit: 2, withFirstLast: false });
    expect(Object.keys(page).sort()).toEqual(['data', 'has_more', 'object']);
  });

  it('does not modify the items it pages', () => {
    const copy = [...items];
    cursorPage(items, { after: 'a', limit: 1, withFirstLast: true });
    expect(items).toEqual(copy);
  });
});

describe('integerParam', () => {
  const bounds = { min: 1, max: 100, default: 20 };
  const q = (s: string) => new URLSearchParams(s);

  it('uses the default when absent or empty', () => {
    expect(integerParam(q(''), 'limit', bounds)).toBe(20);
    expect(integerParam(q('limit='), 'limit', bounds)).toBe(20);
  });

  it('reads integers within bounds, bounds included', () => {
    expect(integerParam(q('limit=1'), 'limit', bounds)).toBe(1);
    expect(integerParam(q('limit=37'), 'limit', bounds)).toBe(37);
    expect(integerParam(q('limit=100'), 'limit', bounds)).toBe(100);
  });

  it('below the minimum: integer_below_min_value', () => {
    const error = thrownBy(() => integerParam(q('limit=0'), 'limit', bounds));
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param: 'limit', code: 'integer_below_min_value' });
    expect(error.message).toBe(
      "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead.",
    );
    expect(thrownBy(() => integerParam(q('limit=-5'), 'limit', bounds)).code).toBe('integer_below_min_value');
  });

  it('above the maximum: integer_above_max_value', () => {
    const error = thrownBy(() => integerParam(q('limit=101'), 'limit', bounds));
    expect(error).toMatchObject({ status: 400, param: 'limit', code: 'integer_above_max_value' });
    expect(error.message).toBe(
      "Invalid 'limit': integer above maximum value. Expected a value <= 100, but got 101 instead.",
    );
  });

  it.each(['abc', '1.5', '10x', ' 5', '1e3'])('not an integer (%j): invalid_type', (raw) => {
    const error = thrownBy(() => integerParam(q(`limit=${encodeURIComponent(raw)}`), 'limit', bounds));
    expect(error).toMatchObject({ status: 400, param: 'limit', code: 'invalid_type' });
    expect(error.message).toBe("Invalid type for 'limit': expected an integer, but got a string instead.");
  });

  it('the envelope carries all four keys', () => {
    const error = thrownBy(() => integerParam(q('limit=0'), 'limit', bounds));
    expect(error.toJSON()).toEqual({
      error: {
        message: "Invalid 'limit': integer below minimum value. Expected a value >= 1, but got 0 instead.",
        type: 'invalid_request_error',
        param: 'limit',
        code: 'integer_below_min_value',
      },
    });
  });
});

describe('enumParam', () => {
  const q = (s: string) => new URLSearchParams(s);

  it('uses the fallback when absent or empty', () => {
    expect(enumParam(q(''), 'order', ['asc', 'desc'], 'desc')).toBe('desc');
    expect(enumParam(q('order='), 'order', ['asc', 'desc'], 'desc')).toBe('desc');
  });

  it('reads a supported value', () => {
    expect(enumParam(q('order=asc'), 'order', ['asc', 'desc'], 'desc')).toBe('asc');
  });

  it('rejects anything else with invalid_value, listing the supported values', () => {
    const error = thrownBy(() => enumParam(q('order=up'), 'order', ['asc', 'desc'], 'desc'));
    expect(error).toMatchObject({ status: 400, param: 'order', code: 'invalid_value' });
    expect(error.message).toMatch(/^Invalid value: 'up'\. Supported values are: 'asc' and 'desc'\.$/);

    const three = thrownBy(() => enumParam(q('x=ASC'), 'x', ['low', 'medium', 'high'], 'low'));
    expect(three.message).toBe("Invalid value: 'ASC'. Supported values are: 'low', 'medium', and 'high'.");
  });
});
