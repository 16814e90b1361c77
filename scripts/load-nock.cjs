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
  const nock = require('../vendor/nock.js');
  loaded = { nock, activatedByUs: nock.isActive() && globalThis.fetch !== fetchBefore };
  return loaded;
}
