// Prepended to dist/cjs/vendor/nock.js by scripts/build.sh. The bundle's own scheduling uses the
// real event loop, taken from Node itself rather than from the test file's globals, so that a
// test's fake timers (Jest fakes process.nextTick and setImmediate by default) cannot hold back
// the transport: a real server's response does not wait for a test's fake clock either.
const __vendor = (() => {
  const realProcess = process.getBuiltinModule('node:process');
  const timers = process.getBuiltinModule('node:timers');
  return {
    moduleUrl: require('node:url').pathToFileURL(__filename).href,
    nextTick: realProcess.nextTick.bind(realProcess),
    setImmediate: timers.setImmediate,
    clearImmediate: timers.clearImmediate,
    queueMicrotask: (callback) => {
      Promise.resolve().then(callback);
    },
  };
})();
