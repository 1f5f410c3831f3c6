# gavel: the HTTP service and the editor on one port (see docs/operations.md).
# Not built on the machine this was written on (no Docker daemon there): build and try it before relying on it.
#   docker build -t gavel .
#   docker run --init --hostname gavel -p 127.0.0.1:3000:3000 -v gavel-data:/data gavel   # embedded store in the volume
#   docker compose up -d                                                    # with PostgreSQL (compose.yaml)

FROM node:22-slim AS build
WORKDIR /app
# Manifests first: the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json ./
COPY packages/lang/package.json packages/lang/
COPY packages/cli/package.json packages/cli/
COPY packages/server/package.json packages/server/
COPY packages/editor/package.json packages/editor/
RUN npm ci --no-audit --no-fund
COPY . .
# Compiles the packages to dist/ (with the editor, std library and migrations copied in): with tsx pruned,
# bin/gavel.js runs plain Node on dist/, as an installed @gavel-rules/cli does.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    GAVEL_DATA=/data \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build /app /app
# A fixed, unprivileged user owns only the data folder (0700); the application files stay root-owned and read-only to it.
RUN groupadd --system --gid 10001 gavel \
 && useradd --system --uid 10001 --gid gavel --home-dir /data --no-create-home --shell /usr/sbin/nologin gavel \
 && mkdir -p /data && chown gavel:gavel /data && chmod 0700 /data \
 && ln -s /app/packages/cli/bin/gavel.js /usr/local/bin/gavel
USER gavel
# The embedded store (used when DATABASE_URL is not set). With PostgreSQL it stays empty.
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# gavel handles SIGTERM itself (closes the store and its lock); run with `--init` (compose: init: true) to reap children.
ENTRYPOINT ["gavel"]
CMD ["serve"]
