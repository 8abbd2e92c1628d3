# The production image: the API on plain Node (no tsx, no development tools), built from dist/.
#   docker build -t estate-vault .
#   docker run --rm -e DATABASE_URL=... -e DATABASE_API_PASSWORD=... estate-vault node dist/scripts/migrate.js
#   docker run -p 3000:3000 -e DATABASE_API_URL=... -e FIELD_ENCRYPTION_KEYS=... estate-vault

FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Only tsc runs here: the development tools' install scripts (embedded PostgreSQL) are not needed.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server server
COPY generated generated
COPY scripts scripts
RUN npm run build

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
# The migration runner (dist/scripts/migrate.js) reads the SQL from here.
COPY db db
COPY procedures procedures
USER node
EXPOSE 3000
HEALTHCHECK CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
