// The layering of src/, checked by `npm run check:layers` (part of `npm test`):
//
//   src/engine/          clock, router, lifecycle, request pipeline, faults, errors, ids, pagination,
//                        inspection, the resource-module contract. Names no resource.
//   src/resources/<name>/ one folder per API resource; src/resources/index.ts lists them.
//   src/openai-mock.ts   the public OpenAIMock facade: composes the engine and the resources.
//   src/transport/       how requests reach the engine (fetch, nock): sees only the engine's port.
//   src/index.ts         the public core entry.
//   src/vitest.ts, src/jest.ts   the runner entries: built on the public surface only.
//   src/matchers/, src/factories/, src/runner/
//
// Type-only imports count (tsPreCompilationDeps): `import type` is still a dependency between
// ideas, and a cycle through types is still a cycle. Test files are left out of the graph.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Modules must not import each other in a circle, not even through `import type`: a cycle ' +
        'makes load order matter and ties ideas together so neither can change or be understood on ' +
        'its own. Fix it by moving what both sides need (often a type or an interface) into a lower ' +
        'module that both import, or by having the lower module receive what it needs (a port, a ' +
        'callback) instead of importing the higher one.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'engine-is-the-bottom-layer',
      severity: 'error',
      comment:
        'src/engine/ is the bottom layer: the clock, router, lifecycle, request pipeline, faults, ' +
        'errors and the resource-module contract. It imports nothing outside src/engine/: it names ' +
        'no resource and knows nothing of the facade, the entries, the transports, the runner, the ' +
        'matchers or the factories, so that ' +
        'resources plug into it and not the other way round. Fix it by moving the code the engine ' +
        'needs down into src/engine/, or by turning the dependency into part of the resource-module ' +
        'contract (the resource hands the engine what it needs when it is registered).',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: '^src/engine/' },
    },
    {
      name: 'transports-see-only-the-engine-port',
      severity: 'error',
      comment:
        'src/transport/ only carries requests to the engine (the fetch path, nock): it sees the ' +
        "engine's port and nothing above it, so a transport can be added or changed without touching " +
        'the facade or any resource. Fix it by importing from src/engine/ instead, and by having the ' +
        'facade pass the transport what it needs (the handler, the origins) when it installs it.',
      from: { path: '^src/transport/' },
      to: {
        path: [
          '^src/openai-mock\\.ts$',
          '^src/index\\.ts$',
          '^src/resources/',
          '^src/runner/',
          '^src/matchers/',
          '^src/factories/',
        ],
      },
    },
    {
      name: 'only-the-facade-imports-resources',
      severity: 'error',
      comment:
        'Resources are composed in one place: src/openai-mock.ts (the OpenAIMock facade), through the ' +
        'list in src/resources/index.ts. Only the facade, the resources themselves and the factories ' +
        'may import from src/resources/, so adding or removing a resource touches nothing else. Fix ' +
        'it by reaching the resource through the facade or the engine (e.g. the inspection API), or ' +
        'by moving what is shared into src/engine/.',
      from: {
        path: '^src/',
        pathNot: ['^src/resources/', '^src/factories/', '^src/openai-mock\\.ts$'],
      },
      to: { path: '^src/resources/' },
    },
    {
      name: 'runner-entries-use-the-public-surface',
      severity: 'error',
      comment:
        'src/vitest.ts and src/jest.ts are entries for users, and are built only on what the ' +
        'library makes public: src/index.ts, src/runner/ and src/matchers/ (and packages). Fix it by ' +
        'importing the name from src/index.ts (export it there if it is meant to be public), or by ' +
        'moving the wiring into src/runner/.',
      from: { path: '^src/(vitest|jest)\\.ts$' },
      to: {
        pathNot: ['^src/index\\.ts$', '^src/runner/', '^src/matchers/'],
        // packages and Node's own modules are fine
        dependencyTypesNot: [
          'core',
          'npm',
          'npm-dev',
          'npm-peer',
          'npm-optional',
          'npm-bundled',
          'npm-no-pkg',
          'npm-unknown',
        ],
      },
    },
    {
      name: 'resources-sit-below-the-facade',
      severity: 'error',
      comment:
        'A resource (src/resources/<name>/) builds on the engine only: it must not import the facade, ' +
        'the public entry, the transports, the runner, the matchers or the factories, which all sit ' +
        'above it. Fix it by moving what the resource needs into src/engine/ (or into the resource), ' +
        'or by having the engine hand it over through the resource-module contract.',
      from: { path: '^src/resources/' },
      to: {
        path: [
          '^src/openai-mock\\.ts$',
          '^src/index\\.ts$',
          '^src/transport/',
          '^src/runner/',
          '^src/matchers/',
          '^src/factories/',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules'] },
    // Tests may reach across layers; only the library's own modules are checked.
    exclude: { path: '\\.test(-d)?\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Count `import type` and `export type` too: the goal is no cycle even through types.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
