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
USER node
