# One image for every service; docker-compose.yml picks the service by command.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY scripts/package.json scripts/
COPY subgraphs/personnel/package.json subgraphs/personnel/
COPY subgraphs/records/package.json subgraphs/records/
COPY subgraphs/review/package.json subgraphs/review/
COPY subgraphs/disclosure/package.json subgraphs/disclosure/
RUN npm install --no-audit --no-fund
COPY . .
RUN npx tsc -b
ENV HOST=0.0.0.0 NODE_ENV=production
# Owned by node so a fresh named volume mounted here (records' attachments) is writable.
RUN mkdir -p /var/lib/tsp/blobs && chown node:node /var/lib/tsp/blobs
USER node
