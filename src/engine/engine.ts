/**
 * The engine: the resource modules it is given, put together for one mock. It builds each
 * module's instance (a module reaches the ones it builds on through `use`), registers their
 * routes in list order, resolves and merges their option slices, and resets, settles and
 * inspects them all. It names no resource: the list comes from outside.
 */
import { runGlobalResetHooks } from './active.js';
import { Clock } from './clock.js';
import { mergeOptions, resolveEngineConfig, type EngineConfig, type EngineOptions } from './config.js';
import { OpenAIMockError } from './errors.js';
import { IdGenerator } from './ids.js';
import type { Inspectable } from './inspect.js';
import { Pipeline } from './pipeline.js';
import type { RecordedRequest } from './request-log.js';
import type { ResourceContext, ResourceInstance, ResourceModule } from './resource.js';
import { Router } from './router.js';
import { writeStateQuietly } from './inspect.js';

/** A module of any resource, as the engine sees it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the engine holds modules of every option and config type
export type AnyResourceModule = ResourceModule<ResourceInstance, any, any>;

export class Engine implements Inspectable {
  readonly clock = new Clock();
  readonly ids = new IdGenerator();
  readonly router = new Router();
  readonly pipeline: Pipeline;
  readonly #modules: readonly AnyResourceModule[];
  readonly #instances = new Map<AnyResourceModule, ResourceInstance>();
  /** Modules whose instance is being built: a `use` of one of them is a loop. */
  readonly #building: AnyResourceModule[] = [];
  readonly #initialOptions: EngineOptions;
  #options: EngineOptions;
  #config: EngineConfig;

  constructor(modules: readonly AnyResourceModule[], options: EngineOptions = {}) {
    this.#modules = modules;
    this.#initialOptions = options;
    this.#options = options;
    this.#config = this.#resolve(options);
    this.pipeline = new Pipeline({
      clock: this.clock,
      ids: this.ids,
      router: this.router,
      config: () => this.#config,
      settle: () => this.settle(),
      afterRequest: () => {
        if (this.#config.inspectDir !== null) writeStateQuietly(this, this.#config.inspectDir);
      },
    });
    for (const module of modules) this.#build(module);
    for (const module of modules) this.router.add(...(this.#instances.get(module)!.routes ?? []));
  }

  /** The options in force, with every default filled in (the engine's and every module's). */
  get config(): EngineConfig {
    return this.#config;
  }

  get requests(): readonly RecordedRequest[] {
    return this.pipeline.requests;
  }

  /** Merges options over the current ones; true if the base URLs changed. */
  configure(options: EngineOptions): boolean {
    return this.#setOptions(mergeOptions(this.#options, options));
  }

  /** Goes back to the options the engine was made with; true if the base URLs changed. */
  resetConfig(): boolean {
    return this.#setOptions(this.#initialOptions);
  }

  /** The modules' instances, in list order. */
  instances(): ResourceInstance[] {
    return this.#modules.map((module) => this.#instances.get(module)!);
  }

  /** Makes what finished objects leave behind exist, in every resource. */
  settle(): void {
    for (const instance of this.instances()) instance.settle?.();
  }

  /**
   * Forgets every request, fault, object and plan (in that order: the log, the ids and the clock
   * first, then each resource in list order), then runs the global reset hooks.
   */
  reset(): void {
    this.pipeline.reset();
    this.ids.reset();
    this.clock.reset();
    for (const instance of this.instances()) instance.reset?.();
    runGlobalResetHooks();
  }

  inspectionEntries(): readonly string[] {
    return this.instances().flatMap((instance) => instance.inspect?.entries ?? []);
  }

  *inspectionFiles(): Iterable<readonly [string, Uint8Array]> {
    this.settle();
    for (const instance of this.instances()) if (instance.inspect) yield* instance.inspect.files();
  }

  #setOptions(options: EngineOptions): boolean {
    const config = this.#resolve(options);
    const originsChanged = config.baseURLs.map((u) => u.href).join() !== this.#config.baseURLs.map((u) => u.href).join();
    this.#options = options;
    this.#config = config;
    return originsChanged;
  }

  #resolve(options: EngineOptions): EngineConfig {
    return resolveModulesConfig(this.#modules, options);
  }

  #build(module: AnyResourceModule): ResourceInstance {
    const built = this.#instances.get(module);
    if (built) return built;
    if (!this.#modules.includes(module)) throw notListed(module);
    if (this.#building.includes(module)) {
      const loop = [...this.#building.slice(this.#building.indexOf(module)), module].map((m) => m.name).join(' → ');
      throw new OpenAIMockError(
        'ERR_OPENAI_MOCK_RESOURCE',
        `The resources ${loop} each need the other to be built first. Break the loop: let one of them reach the other later, when a request needs it (see docs/architecture.md).`,
      );
    }
    this.#building.push(module);
    try {
      const context: ResourceContext = {
        clock: this.clock,
        ids: this.ids,
        config: () => this.#config,
        use: (other) => this.#build(other as unknown as AnyResourceModule) as never,
        settle: () => this.settle(),
        dispatch: (path, body, customId) => this.pipeline.dispatch(path, body, customId),
      };
      const instance = module.create(context);
      this.#instances.set(module, instance);
      return instance;
    } finally {
      this.#building.pop();
    }
  }
}

/** The engine's options and every module's slice, each resolved with its defaults. */
export function resolveModulesConfig(modules: readonly AnyResourceModule[], options: EngineOptions): EngineConfig {
  const config: Record<string, unknown> = { ...resolveEngineConfig(options) };
  for (const module of modules) {
    if (!module.config) continue;
    for (const [key, value] of Object.entries(module.config(options, config['timing'] as EngineConfig['timing']))) {
      if (key in config) {
        throw new OpenAIMockError(
          'ERR_OPENAI_MOCK_RESOURCE',
          `The resource '${module.name}' resolves the option '${key}', which another module (or the engine) already resolves. Give its slice a name of its own.`,
        );
      }
      config[key] = value;
    }
  }
  return config as unknown as EngineConfig;
}

function notListed(module: AnyResourceModule): OpenAIMockError {
  return new OpenAIMockError(
    'ERR_OPENAI_MOCK_RESOURCE',
    `The resource '${module.name}' is not in the list of resources the mock was built with. Add it to src/resources/index.ts.`,
  );
}
