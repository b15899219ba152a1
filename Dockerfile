# syntax=docker/dockerfile:1

# Build: compile TypeScript, then drop the dev dependencies. better-sqlite3 compiles its native module
# here when no prebuilt binary fits, so the build tools stay out of the image that ships.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime: the same base image, so the native module built above matches its Node and glibc.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATABASE_URL=sqlite:/data/masthead.sqlite
WORKDIR /app
# Owned by root and read-only to the service; only /data is writable.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# package.json marks the project root; schema/operations are GraphiQL's ready-made tabs.
COPY package.json ./
COPY schema ./schema
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 4000
# Slim images have no curl: ask Node's own fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.ts finishes requests in flight on SIGTERM, which `docker stop` sends to this process directly.
# The Node flags are npm start's (tests/config/process-flags.test.ts holds them alike; README,
# "Configuration"): V8 sizes its young generation when the process starts, not later.
CMD ["node", "--max-semi-space-size=32", "dist/src/main.js"]
