/**
 * The resource module contract. Each folder under `src/resources/` exports one module that
 * declares everything the engine needs from it; the engine loops over the modules it is given
 * and never names one. See docs/architecture.md for the whole house and the checklist for
 * adding a resource.
 */
import type { Clock } from './clock.js';
import type { EngineConfig, TimingPreset } from './config.js';
import type { IdGenerator } from './ids.js';
import type { LineAnswer } from './pipeline.js';
import type { Route } from './router.js';

/** What every resource's state shares: the clock, the id sequences and the configuration. */
export interface MockContext<Config extends object = object> {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** The configuration in force: the engine's and this resource's slice (it can change through `configure()`). */
  readonly config: () => EngineConfig & Config;
}

/** What a resource module gets when the engine builds it. */
export interface ResourceContext<Config extends object = object> extends MockContext<Config> {
  /**
   * The instance of another resource module, built first if it is not yet: a resource reaches
   * the state of the ones it builds on this way (uploads make files; jobs read them).
   */
  use<I extends ResourceInstance>(module: { readonly create: (context: never) => I }): I;
  /** Makes what finished objects leave behind exist in every resource (a collection view calls it before reading). */
  settle(): void;
  /** Answers a JSON body with the route serving `POST path`, as if sent on its own (batch lines). */
  dispatch(path: string, body: Record<string, unknown>, customId: string): LineAnswer;
}

/** What a resource writes to the inspection folder. */
export interface Inspection {
  /** The top-level names it writes there (the only ones it removes when it clears an old run). */
  readonly entries: readonly string[];
  /** Every file it writes, by path relative to the folder, with its content now. */
  files(): Iterable<readonly [string, Uint8Array]>;
}

/** One resource, built for one mock: the parts the engine composes. Every part is optional. */
export interface ResourceInstance<Surface extends object = object, Seed extends object = object> {
  /** What the resources built on this one reach through `context.use(module).state`. */
  readonly state?: unknown;
  /** Its HTTP routes (paths relative to `/v1`). Two routes may not overlap: the router refuses a shadowed one. */
  readonly routes?: readonly Route[];
  /** Forgets every object and plan (`openaiMock.reset()`). */
  reset?(): void;
  /** Makes what finished objects leave behind exist (a job's results file, a batch's output). */
  settle?(): void;
  /** What it writes to the inspection folder. */
  readonly inspect?: Inspection;
  /** Its entries of `openaiMock.seed` (`seed.file(...)`). */
  readonly seed?: Seed;
  /**
   * What it adds to `openaiMock`: collections (`openaiMock.files`) and methods
   * (`openaiMock.replyWith`). Copied onto the mock with their getters; methods are called on the
   * mock, so one returning `this` returns the mock.
   */
  readonly surface?: Surface;
}

/**
 * A resource module: a name, its slice of the options with their defaults (merged by the
 * engine with every other slice), and how to build an instance for one mock.
 */
export interface ResourceModule<I extends ResourceInstance = ResourceInstance, Options extends object = object, Config extends object = object> {
  /** The resource's folder name (`files`, `fine-tuning`): messages and docs use it. */
  readonly name: string;
  /**
   * Reads its slice of the options (the whole options object, typed as the part it reads), fills
   * in the defaults and checks each value, throwing `ERR_OPENAI_MOCK_INVALID_OPTION` for a bad one.
   */
  readonly config?: (options: Options, timing: TimingPreset) => Config;
  /** Builds the resource for one mock. */
  readonly create: (context: ResourceContext<Config>) => I;
}

/** Declares a resource module with its types inferred (an identity function). */
export function defineResource<I extends ResourceInstance, Options extends object = object, Config extends object = object>(
  module: ResourceModule<I, Options, Config>,
): ResourceModule<I, Options, Config> {
  return module;
}

/** `A | B` → `A & B`. */
export type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The instance a module builds. */
type InstanceOf<M> = M extends { readonly create: (context: never) => infer I } ? I : never;

type SurfaceIn<I> = I extends { readonly surface: infer S } ? S : never;
type SeedIn<I> = I extends { readonly seed: infer S } ? S : never;

/** What a list of modules adds to `openaiMock`. */
export type SurfaceOf<M> = UnionToIntersection<SurfaceIn<InstanceOf<M>>>;
/** The `openaiMock.seed` entries of a list of modules. */
export type SeedOf<M> = UnionToIntersection<SeedIn<InstanceOf<M>>>;
/** The option slices of a list of modules. */
export type OptionsOf<M> = UnionToIntersection<M extends { readonly config?: (options: infer O, timing: never) => unknown } ? O : never>;
/** The resolved option slices of a list of modules. */
export type ConfigOf<M> = UnionToIntersection<M extends { readonly config?: (options: never, timing: never) => infer C } ? C : never>;
