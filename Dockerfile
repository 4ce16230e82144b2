# Production image: the built app with its dependencies. Migrations run at start (they are idempotent
# and take an advisory lock, so several replicas starting together apply them once).
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node -e "import('./scripts/lib/prisma-cli.mjs').then(m => m.prismaGenerate())" \
 && NEXT_TELEMETRY_DISABLED=1 node node_modules/next/dist/bin/next build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20.19-bookworm-slim
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
WORKDIR /app
RUN useradd --system --uid 1001 kaiji
COPY --from=build --chown=kaiji /app/package.json /app/next.config.js /app/tsconfig.json ./
COPY --from=build --chown=kaiji /app/node_modules ./node_modules
COPY --from=build --chown=kaiji /app/.next ./.next
COPY --from=build --chown=kaiji /app/lib ./lib
COPY --from=build --chown=kaiji /app/messages ./messages
COPY --from=build --chown=kaiji /app/prisma ./prisma
COPY --from=build --chown=kaiji /app/scripts ./scripts
COPY --from=build --chown=kaiji /app/public ./public
USER kaiji
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["sh", "-c", "npm run db:migrate && exec node node_modules/next/dist/bin/next start -p $PORT"]
