import { describe, expect, test } from 'vitest';
import { misuseBy } from '../../test/support/errors.js';
import { duration, type TimingPreset } from './config.js';
import { Engine } from './engine.js';
import { defineResource, type ResourceModule } from './resource.js';
import { route } from './router.js';

const log: string[] = [];

/** A resource that counts: its state is a number, its route answers it. */
const counter = defineResource({
  name: 'counter',
  config: (options: { counter?: { stepMs?: number } }, timing: TimingPreset) => ({
    counter: { stepMs: duration('counter.stepMs', options.counter?.stepMs, timing === 'instant' ? 0 : 100) },
  }),
  create: (context) => {
    log.push('build counter');
    const state = { count: 0, stepMs: () => context.config().counter.stepMs };
    return {
      state,
      routes: [route('POST', '/count', () => ({ json: { count: ++state.count } }))],
      reset: () => {
        log.push('reset counter');
        state.count = 0;
      },
      settle: () => log.push('settle counter'),
      inspect: { entries: ['counts'], files: () => [['counts/now.json', new TextEncoder().encode(String(state.count))] as const] },
    };
  },
});

/** A resource built on the counter: it reaches the counter's state through `use`. */
const doubler = defineResource({
  name: 'doubler',
  create: (context) => {
    log.push('build doubler');
    const counted = context.use(counter).state;
    return {
      routes: [route('GET', '/double', () => ({ json: { double: counted.count * 2 } }))],
      reset: () => log.push('reset doubler'),
    };
  },
});

const request = (method: string, path: string) => ({ method, url: `https://api.openai.com/v1${path}`, headers: { authorization: 'Bearer k' }, body: new Uint8Array(0) });

async function json(engine: Engine, method: string, path: string): Promise<unknown> {
  const result = await engine.pipeline.handle(request(method, path));
  if (!('status' in result)) throw new Error('expected an answer');
  return JSON.parse(String(result.body));
}

describe('Engine', () => {
  test('builds a module the first one needs before it, whatever the list order, and routes in list order', async () => {
    log.length = 0;
    const engine = new Engine([doubler, counter]);
    expect(log).toEqual(['build doubler', 'build counter']);
    expect(engine.router.routes.map((r) => r.path)).toEqual(['/double', '/count']);
    await json(engine, 'POST', '/count');
    expect(await json(engine, 'GET', '/double')).toEqual({ double: 2 });
  });

  test('resets and settles every module in list order, after the log, ids and clock', async () => {
    const engine = new Engine([counter, doubler]);
    await json(engine, 'POST', '/count');
    engine.clock.advance(5000);
    log.length = 0;
    engine.reset();
    expect(log).toEqual(['reset counter', 'reset doubler']);
    expect(engine.requests).toEqual([]);
    expect(engine.clock.now()).toBeLessThan(Date.now() + 1000);
    expect(await json(engine, 'POST', '/count')).toEqual({ count: 1 });
  });

  test("resolves each module's slice of the options with its defaults, and merges configure() over them", () => {
    const engine = new Engine([counter]);
    expect((engine.config as unknown as { counter: { stepMs: number } }).counter.stepMs).toBe(100);
    engine.configure({ timing: 'instant' });
    expect((engine.config as unknown as { counter: { stepMs: number } }).counter.stepMs).toBe(0);
    expect(misuseBy(() => new Engine([counter], { counter: { stepMs: -1 } } as never)).message).toBe(
      "[openai-mock] Option 'counter.stepMs' is -1; it must be a number of milliseconds, 0 or more (Infinity holds the phase).",
    );
  });

  test('refuses two modules that resolve the same option, and one that resolves an option of the engine', () => {
    const twin = defineResource({ name: 'twin', config: () => ({ counter: {} }), create: () => ({}) });
    expect(misuseBy(() => new Engine([counter, twin])).message).toBe(
      "[openai-mock] The resource 'twin' resolves the option 'counter', which another module (or the engine) already resolves. Give its slice a name of its own.",
    );
    const rogue = defineResource({ name: 'rogue', config: () => ({ timing: 'default' }), create: () => ({}) });
    expect(misuseBy(() => new Engine([rogue])).code).toBe('ERR_OPENAI_MOCK_RESOURCE');
  });

  test('says which modules need each other to be built first', () => {
    const a: ResourceModule = defineResource({ name: 'a', create: (context) => (context.use(b), {}) });
    const b: ResourceModule = defineResource({ name: 'b', create: (context) => (context.use(a), {}) });
    const error = misuseBy(() => new Engine([a, b]));
    expect(error.code).toBe('ERR_OPENAI_MOCK_RESOURCE');
    expect(error.message).toContain('The resources a → b → a each need the other to be built first.');
  });

  test('says a module is missing from the list when another uses it', () => {
    expect(misuseBy(() => new Engine([doubler])).message).toBe(
      "[openai-mock] The resource 'counter' is not in the list of resources the mock was built with. Add it to src/resources/index.ts.",
    );
  });

  test('refuses routes of two modules that overlap', () => {
    const again = defineResource({ name: 'again', create: () => ({ routes: [route('POST', '/{anything}', () => ({ json: null }))] }) });
    expect(misuseBy(() => new Engine([again, counter])).code).toBe('ERR_OPENAI_MOCK_SHADOWED_ROUTE');
  });

  test("inspection lists every module's entries and files, after settling", async () => {
    const engine = new Engine([counter, doubler]);
    await json(engine, 'POST', '/count');
    log.length = 0;
    expect(engine.inspectionEntries()).toEqual(['counts']);
    expect([...engine.inspectionFiles()].map(([path, bytes]) => [path, new TextDecoder().decode(bytes)])).toEqual([['counts/now.json', '1']]);
    expect(log).toEqual(['settle counter']);
  });
});
