# One image for every Ratify process; each compose service picks its command
# (`index`, `serve`, `db migrate`, `devnet`). Build: `docker build -t ratify:local .`
ARG NODE_IMAGE=node:20-bookworm-slim

# --- deps: the workspace's node_modules, installed once from the lockfile -------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    NEXT_TELEMETRY_DISABLED=1 \
    TURBO_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false
# The npm the lockfile was written with (root package.json `packageManager`); Node 20's own
# npm 10 would also run every dependency's install scripts.
RUN npm install -g npm@11.19.1 --no-audit --no-fund
# Manifests first, so this layer is reused until a dependency changes. Every workspace's
# package.json must be listed here (deploy/check.sh fails when one is missing). Also what
# the install itself reads: the CLI's bin (npm links workspace bins) and patches/ (the root
# postinstall applies them with patch-package; without them it silently patches nothing).
COPY package.json package-lock.json ./
COPY patches patches
COPY apps/cli/package.json apps/cli/
COPY apps/cli/bin apps/cli/bin
COPY apps/devnet/package.json apps/devnet/
COPY apps/indexer/package.json apps/indexer/
COPY apps/web/package.json apps/web/
COPY packages/aleo/package.json packages/aleo/
COPY packages/api/package.json packages/api/
COPY packages/db/package.json packages/db/
COPY packages/governance/package.json packages/governance/
COPY packages/wallet/package.json packages/wallet/
# `npm ci` refuses this lockfile (it lacks other platforms' optional binaries);
# `npm install` keeps to the versions it pins. (No BuildKit-only syntax: the classic builder
# that docker-compose v1 drives builds this file too.)
RUN npm install --no-audit --no-fund

# --- build: the dashboard's production build ----------------------------------------
FROM deps AS build
COPY . .
# `next build` needs no database: the server reads DATABASE_URL on first request. The
# processes need no dev tools (test runners, linters, bundler CLIs): ~270 MB less.
RUN npm run build -w @ratify/web && npm prune --omit=dev --no-audit --no-fund

# --- runtime: sources (run through tsx), node_modules, the built dashboard, migrations --
FROM ${NODE_IMAGE} AS runtime
# RATIFY_WEB_PREBUILT: `ratify serve` uses the build made above instead of building at start.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    RATIFY_WEB_PREBUILT=1 \
    INDEXER_HOST=0.0.0.0 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app ./
# The app runs as the image's unprivileged `node` user and cannot change its own code;
# only Next's cache directory is writable.
RUN mkdir -p apps/web/.next/cache && chown node:node apps/web/.next/cache
USER node
# dashboard, indexer ops endpoints, devnet nodes (demo profile)
EXPOSE 3000 3100 3030 3031 3032 3033
ENTRYPOINT ["node", "apps/cli/bin/ratify.mjs"]
CMD ["serve"]
