# One image for every service; docker-compose.yml picks the service by command.
# Three stages: `manifests` keeps only the package.json files (so the dependency layer is rebuilt only when one of
# them changes), `build` has the compiler and every dev dependency, `runtime` has only the production
# dependencies and the compiled dist/ folders (no sources, tests or TypeScript). Workspaces are found by folder
# (shared, gateway, scripts, web, subgraphs/*), so a new subgraph needs no line here. The web app is built into
# static files the gateway serves (web/dist); its packages are dev dependencies, so the runtime installs none.

FROM node:24-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests && for f in package.json package-lock.json shared/package.json gateway/package.json scripts/package.json \
      web/package.json subgraphs/*/package.json; do \
      mkdir -p "/manifests/$(dirname "$f")" && cp "$f" "/manifests/$f"; \
    done

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY --from=manifests /manifests/ ./
# npm install, not npm ci: the lockfile lists optional binaries for other platforms that npm ci refuses
# (the same reason as .ci/run); the lockfile still fixes every version.
RUN npm install --no-audit --no-fund
COPY . .
RUN npx tsc -b && npm run build -w web \
    && mkdir /out && cp package.json package-lock.json /out/ \
    && for ws in shared gateway scripts subgraphs/*; do \
         mkdir -p "/out/$ws" && cp "$ws/package.json" "/out/$ws/" && cp -r "$ws/dist" "/out/$ws/dist"; \
       done \
    && mkdir -p /out/web && cp web/package.json /out/web/ && cp -r web/dist /out/web/dist \
    # The gateway serves the checked-in supergraph (gateway/src/server.ts reads it beside dist/).
    && cp gateway/supergraph.graphql /out/gateway/

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV HOST=0.0.0.0 NODE_ENV=production
COPY --from=manifests /manifests/ ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /out/ ./
# Owned by node so a fresh named volume mounted here (records' attachments) is writable.
RUN mkdir -p /var/lib/tsp/blobs && chown node:node /var/lib/tsp/blobs
USER node
