// jest's node environment; loading it also sets how a jest worker process ends (test/kit/worker-exit.js).
// jest loads it in each worker outside the tests' sandbox, so `process` here is the worker's own.
const { TestEnvironment } = require('jest-environment-node');

const { exitWithoutHeapTeardown } = require('./worker-exit');

// A worker is a forked child with an IPC channel; a run in band is jest's own process, left as it is.
if (process.env.JEST_WORKER_ID && typeof process.send === 'function') exitWithoutHeapTeardown();

module.exports = TestEnvironment;
