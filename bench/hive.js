'use strict';
/**
 * The peer gateway for the side-by-side figures: Hive Gateway's runtime (createGatewayRuntime from
 * @graphql-hive/gateway) on our supergraph and our subgraphs. Like our gateway it forwards the
 * caller's authorization header and adds the internal secret the subgraphs require.
 * HIVE_PLANNER=rust swaps in Hive's Rust query planner and executor (unifiedGraphHandler of
 * @graphql-hive/router-runtime, what `hive-gateway --hive-router-runtime` loads): the fastest peer.
 * Env: SUPERGRAPH (file), PORT, INTERNAL_SECRET, HIVE_PLANNER, and each subgraph's <NAME>_URL.
 */
const fs = require('node:fs');
const http = require('node:http');
const { createGatewayRuntime } = require('@graphql-hive/gateway');

// Hive's fetches add an abort listener per upstream request to one shared signal; more than ten in
// flight only trips Node's leak warning, which would clutter the bench output.
require('node:events').setMaxListeners(0);

// Each subgraph's <NAME>_URL, as the bench passes them (one per registered subgraph).
const URLS = new Proxy({}, { get: (_t, name) => process.env[`${String(name).toUpperCase()}_URL`] });

// Point the supergraph's join__graph urls at this run's subgraphs (it is composed with the default ports).
const supergraph = fs
  .readFileSync(process.env.SUPERGRAPH, 'utf8')
  .replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (m, name) =>
    URLS[name] ? `@join__graph(name: "${name}", url: "${URLS[name]}")` : m,
  );

const gateway = createGatewayRuntime({
  supergraph,
  logging: 'error',
  graphqlEndpoint: '/graphql',
  landingPage: false,
  ...(process.env.HIVE_PLANNER === 'rust'
    ? { unifiedGraphHandler: require('@graphql-hive/router-runtime').unifiedGraphHandler }
    : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization') ?? undefined,
      'x-internal-secret': process.env.INTERNAL_SECRET,
    }),
  },
});

const server = http.createServer(gateway);
server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  process.stdout.write(`hive gateway listening on ${process.env.PORT}\n`),
);
const stop = () => server.close(() => gateway.dispose().finally(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
