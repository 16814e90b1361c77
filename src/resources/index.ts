/**
 * The composition list: the one place in `src/` that names every resource. The engine builds
 * them in this order and registers their routes in it; reset, settle and inspection follow it
 * too. Adding a resource is its folder under `src/resources/` and one line here (see
 * docs/architecture.md).
 */
import type { EngineConfig, EngineOptions } from '../engine/config.js';
import { resolveModulesConfig } from '../engine/engine.js';
import type { ConfigOf, OptionsOf, SeedOf, SurfaceOf } from '../engine/resource.js';
import { batchesResource } from './batches/index.js';
import { chatResource } from './chat/index.js';
import { embeddingsResource } from './embeddings/index.js';
import { filesResource } from './files/index.js';
import { fineTuningResource } from './fine-tuning/index.js';
import { modelsResource } from './models/index.js';
import { moderationsResource } from './moderations/index.js';
import { repliesResource } from './replies/index.js';
import { responsesResource } from './responses/index.js';
import { uploadsResource } from './uploads/index.js';

export const RESOURCES = [
  filesResource,
  fineTuningResource,
  modelsResource,
  embeddingsResource,
  moderationsResource,
  uploadsResource,
  repliesResource,
  chatResource,
  responsesResource,
  batchesResource,
] as const;

type Resources = (typeof RESOURCES)[number];

/** The options every resource reads, each in its own slice. */
export type ResourceOptions = OptionsOf<Resources>;
/** Those slices with their defaults filled in. */
export type ResourceConfig = ConfigOf<Resources>;
/** What the resources add to `openaiMock`. */
export type ResourceSurface = SurfaceOf<Resources>;
/** The resources' entries of `openaiMock.seed`. */
export type ResourceSeed = SeedOf<Resources>;

/** Resolves the engine's options and every resource's slice, with their defaults (as a mock does). */
export function resolveConfig(options: EngineOptions & ResourceOptions = {}): EngineConfig & ResourceConfig {
  return resolveModulesConfig(RESOURCES, options) as EngineConfig & ResourceConfig;
}
