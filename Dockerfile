# One image for every service; docker-compose.yml picks the service by command.
# Two stages: the build stage has the compiler and every dev dependency; the runtime stage has only the
# production dependencies and the compiled dist/ folders (no sources, tests or TypeScript).

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY subgraphs/personnel/package.json subgraphs/personnel/
COPY subgraphs/records/package.json subgraphs/records/
COPY subgraphs/review/package.json subgraphs/review/
COPY subgraphs/disclosure/package.json subgraphs/disclosure/
# npm install, not npm ci: the lockfile lists optional binaries for other platforms that npm ci refuses
# (the same reason as .ci/run); the lockfile still fixes every version.
RUN npm install --no-audit --no-fund
COPY . .
RUN npx tsc -b

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV HOST=0.0.0.0 NODE_ENV=production
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY subgraphs/personnel/package.json subgraphs/personnel/
COPY subgraphs/records/package.json subgraphs/records/
COPY subgraphs/review/package.json subgraphs/review/
COPY subgraphs/disclosure/package.json subgraphs/disclosure/
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/gateway/dist gateway/dist
# The gateway serves the checked-in supergraph (gateway/src/server.ts reads it beside dist/).
COPY --from=build /app/gateway/supergraph.graphql gateway/
COPY --from=build /app/scripts/dist scripts/dist
COPY --from=build /app/subgraphs/personnel/dist subgraphs/personnel/dist
COPY --from=build /app/subgraphs/records/dist subgraphs/records/dist
COPY --from=build /app/subgraphs/review/dist subgraphs/review/dist
COPY --from=build /app/subgraphs/disclosure/dist subgraphs/disclosure/dist
# Owned by node so a fresh named volume mounted here (records' attachments) is writable.
RUN mkdir -p /var/lib/tsp/blobs && chown node:node /var/lib/tsp/blobs
USER node
