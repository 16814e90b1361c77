import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../test/support/errors.js';
import { Clock } from './clock.js';
import { IdGenerator } from './ids.js';
import { Timeline } from './lifecycle.js';
import { ReadCounter, type PlanBase } from './plans.js';
import { LifecycleStore, type Stored } from './store.js';

type Status = 'waiting' | 'working' | 'done';

interface Thing extends Stored<Status> {
  readonly name: string;
  gone: boolean;
}

interface ThingPlan extends PlanBase<{ name: string }> {
  readonly advanceEveryReads?: number;
}

function setup(options: { checkPlan?: (plan: ThingPlan) => ThingPlan } = {}) {
  const clock = new Clock();
  const store = new LifecycleStore<Status, Thing, ThingPlan, { name: string }>(clock, new IdGenerator(), {
    names: { kind: 'thing', collection: 'things' },
    live: (thing) => !thing.gone,
    ...options,
  });
  const make = (name: string, fields: Partial<Thing> = {}): Thing => {
    const createdAt = clock.now();
    return {
      id: fields.id ?? store.nextId('thing_'),
      name,
      createdAt,
      timeline: new Timeline<Status>(createdAt, [{ status: 'waiting', durationMs: 1000 }, { status: 'working', durationMs: 1000 }], 'done'),
      reads: null,
      seeded: false,
      gone: false,
      ...fields,
    };
  };
  return { clock, store, make };
}

describe('LifecycleStore', () => {
  test('hands out sequential ids, skipping ones a seeded record holds', () => {
    const { store, make } = setup();
    store.seed(make('seeded', { id: 'thing_mock000002', seeded: true }));
    expect(store.add(make('a')).id).toBe('thing_mock000001');
    expect(store.add(make('b')).id).toBe('thing_mock000003');
  });

  test('refuses a seeded id that exists, with a coded error naming the kind', () => {
    const { store, make } = setup();
    store.add(make('a'));
    const error = misuseBy(() => store.seed(make('dup', { id: 'thing_mock000001' })));
    expect(error.code).toBe('ERR_OPENAI_MOCK_DUPLICATE_ID');
    expect(error.message).toBe("[openai-mock] A thing with id 'thing_mock000001' already exists in the mock. Give the seeded thing another id.");
  });

  test('lists live records only, in the order stored or by creation time (ties in the order stored)', () => {
    const { store, make } = setup();
    const late = store.add(make('late'));
    const tie = store.add(make('tie'));
    store.seed(make('early', { id: 'early', createdAt: late.createdAt - 5000, seeded: true }));
    const gone = store.add(make('gone'));
    gone.gone = true;
    expect(store.ids()).toEqual([late.id, tie.id, 'early']);
    expect(store.sorted('asc').map((t) => t.name)).toEqual(['early', 'late', 'tie']);
    expect(store.sorted('desc').map((t) => t.name)).toEqual(['tie', 'late', 'early']);
    expect(store.get(gone.id)).toBeUndefined();
    expect(store.everything().find((t) => t.id === gone.id)?.name).toBe('gone');
    expect(store.everything()).toHaveLength(4);
  });

  test('answers the lifecycle on the clock, and steps a record to its next status', () => {
    const { clock, store, make } = setup();
    const thing = store.add(make('a'));
    expect(store.lifecycle(thing.id)?.status).toBe('waiting');
    clock.advance(1000);
    expect(store.lifecycle(thing.id)?.status).toBe('working');
    store.step(thing.id);
    expect(store.lifecycle(thing.id)).toMatchObject({ status: 'done', terminal: true });
  });

  test('will not step an unknown, gone, final or seeded record', () => {
    const { store, make } = setup();
    expect(misuseBy(() => store.step('nope')).message).toContain("There is no thing 'nope' in the mock.");
    const gone = store.add(make('gone', { gone: true }));
    expect(misuseBy(() => store.step(gone.id)).code).toBe('ERR_OPENAI_MOCK_UNKNOWN_OBJECT');
    const seeded = store.seed(make('seeded', { id: 'seeded', seeded: true }));
    expect(misuseBy(() => store.step(seeded.id)).message).toContain('was seeded, and seeded objects keep the status they are given');
  });

  test('counts reads: a read-counted record moves on every n-th read, never past its end', () => {
    const { store, make } = setup();
    const counted = store.add(make('counted', { reads: new ReadCounter(2), timeline: new Timeline<Status>(0, [{ status: 'waiting', durationMs: Infinity }], 'done') }));
    const plain = store.add(make('plain'));
    store.observe([counted.id, plain.id, 'unknown']);
    expect(store.lifecycle(counted.id)?.status).toBe('waiting');
    store.observe([counted.id]);
    expect(store.lifecycle(counted.id)?.status).toBe('done');
    store.observe([counted.id, counted.id]);
    expect(store.lifecycle(counted.id)?.history.map((t) => t.status)).toEqual(['waiting', 'done']);
    expect(store.lifecycle(plain.id)?.status).toBe('waiting');
  });

  test('keeps plans, checked when made, for the records to come; the counter follows the plan', () => {
    const seen: ThingPlan[] = [];
    const { store } = setup({ checkPlan: (plan) => (seen.push(plan), plan) });
    store.plan({ match: (t) => t.name === 'x', times: 1, advanceEveryReads: 3 });
    expect(seen).toHaveLength(1);
    const plan = store.takePlan({ name: 'x' });
    expect(store.counter(plan)?.every).toBe(3);
    expect(store.takePlan({ name: 'x' })).toBeUndefined();
    expect(store.counter(undefined)).toBeNull();
  });

  test('reset forgets records and plans', () => {
    const { store, make } = setup();
    store.add(make('a'));
    store.plan({});
    store.reset();
    expect(store.ids()).toEqual([]);
    expect(store.takePlan({ name: 'a' })).toBeUndefined();
  });
});
