/**
 * Evaluated just before nock (it is the first import of `nock.ts`), to see whether nock was
 * already on in this realm. nock patches the global `fetch` when it is first evaluated; if it
 * has been evaluated already (the user's own nock, imported earlier), the `fetch` seen here is
 * already nock's and loading it again changes nothing.
 */
export const fetchBeforeNock: unknown = globalThis.fetch;
