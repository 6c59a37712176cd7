'use strict';
/**
 * The load generator, a process of its own (so its CPU is not the measured server's event loop).
 * Reads a spec from the JSON file argv[2]: { url, headers, bodies: [string], authorizations: [string], connections,
 * duration, warmup };
 * argv[3] is 'warmup' (run `warmup` seconds, print {}) or 'measure' (run `duration` seconds).
 * Each request takes a random body of `bodies` (e.g. random case ids) and, if given, a random authorization
 * of `authorizations` (several users: identical requests of one user could be merged by a gateway). Counts non-2xx answers and
 * 2xx answers whose GraphQL body has "errors". Prints one JSON line with the figures.
 */
const autocannon = require('autocannon');

const spec = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));

function run(duration) {
  let graphqlErrors = 0;
  let sample = null;
  const latencies = [];
  const any = (list) => list[Math.floor(Math.random() * list.length)];
  const auths = spec.authorizations ?? [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration,
        // A slow request is a result, not a failure of the tool: wait long before counting a timeout.
        timeout: spec.timeout ?? 60,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...spec.headers },
            setupRequest: (req) => ({
              ...req,
              body: any(spec.bodies),
              headers: auths.length ? { ...req.headers, authorization: any(auths) } : req.headers,
            }),
            onResponse: (status, body) => {
              if (status >= 200 && status < 300 && body.includes('"errors"')) {
                graphqlErrors++;
                if (!sample) sample = body.slice(0, 500);
              }
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve({ result, graphqlErrors, sample, latencies })),
    );
    // autocannon reports p97.5 but not p95: keep every response time and take the percentiles here.
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main() {
  // argv[3] 'warmup': only warm up (the caller reads the servers' counters between the two runs).
  if (process.argv[3] === 'warmup') {
    await run(spec.warmup);
    process.stdout.write('{}\n');
    return;
  }
  const { result: r, graphqlErrors, sample, latencies } = await run(spec.duration);
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : null;
  const out = {
    requests: r.requests.total,
    rps: r.requests.average,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    graphqlErrors,
    sample,
    duration: r.duration,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
