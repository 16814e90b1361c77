import { describe, expect, it } from 'vitest';
import { IdGenerator } from './ids.js';

describe('IdGenerator', () => {
  it('numbers each prefix from 1, zero-padded to six digits', () => {
    const ids = new IdGenerator();
    expect(ids.next('file-')).toBe('file-mock000001');
    expect(ids.next('file-')).toBe('file-mock000002');
    expect(ids.next('file-')).toBe('file-mock000003');
  });

  it('keeps one independent counter per prefix', () => {
    const ids = new IdGenerator();
    expect(ids.next('file-')).toBe('file-mock000001');
    expect(ids.next('ftjob-')).toBe('ftjob-mock000001');
    expect(ids.next('file-')).toBe('file-mock000002');
    expect(ids.next('req_')).toBe('req_mock000001');
    expect(ids.next('ftjob-')).toBe('ftjob-mock000002');
  });

  it('nextNumber counts a named sequence and shares it with next()', () => {
    const ids = new IdGenerator();
    expect(ids.nextNumber('step')).toBe(1);
    expect(ids.nextNumber('step')).toBe(2);
    expect(ids.nextNumber('other')).toBe(1);
    expect(ids.next('step')).toBe('stepmock000003');
  });

  it('reset restarts every counter', () => {
    const ids = new IdGenerator();
    ids.next('file-');
    ids.next('file-');
    ids.next('ftjob-');
    ids.reset();
    expect(ids.next('file-')).toBe('file-mock000001');
    expect(ids.next('ftjob-')).toBe('ftjob-mock000001');
  });

  it('two generators do not share counters', () => {
    const a = new IdGenerator();
    const b = new IdGenerator();
    a.next('file-');
    expect(b.next('file-')).toBe('file-mock000001');
  });

  it('keeps ids unique and in order past the padding width', () => {
    const ids = new IdGenerator();
    let last = '';
    for (let i = 0; i < 1_000_000; i++) last = ids.next('x-');
    expect(last).toBe('x-mock1000000');
    expect(ids.next('x-')).toBe('x-mock1000001');
  });

  it('nextFree skips ids that are already taken', () => {
    const ids = new IdGenerator();
    const taken = new Set(['file-mock000001', 'file-mock000002']);
    expect(ids.nextFree('file-', taken)).toBe('file-mock000003');
    expect(ids.nextFree('file-', taken)).toBe('file-mock000004');
  });
});
