// How a jest worker process ends (installed by test/kit/environment.js).
//
// At the end of a run jest tells each worker to stop and gives it 500 ms (fixed in jest-worker) before killing
// it with "A worker process has failed to exit gracefully". Our workers have nothing left running by then: the
// loop empties and 'exit' is emitted within milliseconds. But a process that ends by emptying its loop makes V8
// free its heap page by page first (Isolate::Dispose -> Heap::TearDown: an munmap and a TLB flush per page).
// With the 250-400 MB a worker holds after a file that loads @tsp/shared, that took 140-270 ms on the idle
// 2-core VM and over 500 ms under load: the warning. process.exit() skips the teardown; the kernel reclaims
// the memory at once.
//
// It hides no leak: it acts only once 'exit' is emitted, i.e. after the event loop emptied on its own. A worker
// kept alive by a socket, a timer or a child process never gets there, and jest still warns about it.

/** Lets this process, once it is exiting on its own, skip the heap teardown; the exit code is kept. */
function exitWithoutHeapTeardown() {
  // Added at 'beforeExit', so it runs after every 'exit' listener registered before the loop emptied.
  process.once('beforeExit', () => process.once('exit', () => process.exit()));
}

module.exports = { exitWithoutHeapTeardown };
