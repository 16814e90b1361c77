// Types for scripts/coverage-table.mjs, which the conformance test imports.

/** Where README.md is. */
export declare const README_PATH: string;
/** Where the copy of the official OpenAPI spec is. */
export declare const SPEC_PATH: string;

/** README's endpoint coverage table (Markdown) for a parsed spec and the routes the mock serves. */
export declare function coverageTable(
  spec: Record<string, unknown>,
  routes: readonly { readonly method: string; readonly path: string }[],
): string;

/** README with its coverage table replaced by `table`; throws if the table's markers are missing. */
export declare function replaceCoverageTable(readme: string, table: string): string;
