/**
 * One run at a time: callers while a run is in flight share it. Several gauges filled by one read
 * are collected in parallel by a scrape, so the read runs once per scrape.
 */
export function shared<T>(run: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () =>
    (inFlight ??= run().finally(() => {
      inFlight = undefined;
    }));
}
