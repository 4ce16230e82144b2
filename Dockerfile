# Production image: build the release (`npm run build:release`, see README "Production"), copy it, run it.
FROM node:20.19-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:release -- --out /release

# Only the release folder: Next.js's standalone server with its traced dependencies, the commands
# compiled to JavaScript, migrations, catalogs and static files. The code belongs to root and is
# read-only for the app's user; only Next.js's cache folder is writable.
FROM node:20.19-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
WORKDIR /app
RUN useradd --system --uid 1001 --home-dir /app kaiji
COPY --from=build /release ./
RUN mkdir -p .next-release/cache && chown kaiji .next-release/cache
USER kaiji
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Applies pending migrations (under an advisory lock, so replicas may start together), then serves.
# Maintenance: docker compose exec app node scripts/admin-create.mjs --email … (also db-migrate, audit-verify).
CMD ["node", "scripts/start.mjs"]
