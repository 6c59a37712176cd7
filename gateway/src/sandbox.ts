import path from 'node:path';

import express, { type Router } from 'express';

const moduleDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>行政执法三项制度 · GraphQL 沙箱</title>
<link rel="stylesheet" href="/sandbox/assets/graphiql.min.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">加载中… Loading…</div>
<script src="/sandbox/assets/react.production.min.js"></script>
<script src="/sandbox/assets/react-dom.production.min.js"></script>
<script src="/sandbox/assets/graphiql.min.js"></script>
<script>
  // Subscriptions go over graphql-ws (bundled in graphiql.min.js) on the same path; the headers below become
  // its connection_init payload, which is where the gateway reads the token.
  const subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  const fetcher = GraphiQL.createFetcher({ url: '/graphql', subscriptionUrl });
  const defaultQuery = '# 行政执法三项制度 Three systems of administrative enforcement\\n' +
    '# Public queries need no token. For others run: npm run token -- --role SUPERVISOR --region 宁晋县\\n' +
    '# and add a header {"Authorization": "Bearer <token>"} below.\\n' +
    '# Subscriptions (订阅, e.g. subscription { reviewEvents { type cursor caseNumber } }) need a token too.\\n\\n' +
    '{\\n  agencies(region: "宁晋县") {\\n    name\\n    kind\\n    isSupervisor\\n    reviewerStaffing { enforcementOfficers legalReviewers required compliant }\\n  }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }));
</script>
</body>
</html>`;

/** The schema sandbox: GraphiQL served from node_modules, so it works with no internet and no CDN. */
export function sandboxRouter(): Router {
  const r = express.Router();
  const assets: Record<string, string> = {
    'graphiql.min.css': path.join(moduleDir('graphiql'), 'graphiql.min.css'),
    'graphiql.min.js': path.join(moduleDir('graphiql'), 'graphiql.min.js'),
    'react.production.min.js': path.join(moduleDir('react'), 'umd/react.production.min.js'),
    'react-dom.production.min.js': path.join(moduleDir('react-dom'), 'umd/react-dom.production.min.js'),
  };
  r.get('/sandbox/assets/:file', (req, res) => {
    const file = assets[req.params.file];
    if (!file) return void res.status(404).end();
    res.sendFile(file, { maxAge: '1d' });
  });
  r.get('/sandbox', (_req, res) => void res.type('html').send(PAGE));
  return r;
}
