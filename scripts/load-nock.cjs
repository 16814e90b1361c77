'use strict';
// The CommonJS build's transport/load-nock.js (copied over tsc's output by scripts/build.sh):
// the same lazy load as src/transport/load-nock.ts, of the CommonJS bundle of nock beside it.
Object.defineProperty(exports, '__esModule', { value: true });
exports.loadNock = loadNock;
exports.loadedNock = loadedNock;

let loaded;

function loadedNock() {
  return loaded;
}

function loadNock() {
  if (loaded) return loaded;
  const fetchBefore = globalThis.fetch;
  // The bundle is nock's ES module compiled to CommonJS: its default export is on `default`.
  const required = require('../vendor/nock.js');
  const nock = typeof required === 'function' ? required : required.default;
  loaded = { nock, activatedByUs: nock.isActive() && globalThis.fetch !== fetchBefore };
  return loaded;
}
