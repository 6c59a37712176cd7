import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The portal and the dashboard are one single-page app the gateway serves from web/dist (gateway/src/web.ts). In
 * development `vite` proxies the API to a running gateway, so the page talks to it as in production: same origin.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // The budget is checked by test/web-budget.test.ts; this only stops Vite's own warning from hiding it.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
      '/blobs': 'http://127.0.0.1:4000',
      '/flowcharts': 'http://127.0.0.1:4000',
      '/exports': 'http://127.0.0.1:4000',
    },
  },
});
