# syntax=docker/dockerfile:1
# Childminder Connect: one image serving the API, the Angular app and socket.io.
#   docker build -t childminder-connect .
#   docker run -p 3000:3000 -e NODE_ENV=development -v cmc-data:/data childminder-connect
#     (a trial: embedded SQLite and demo data in the volume, secrets generated there)
# The image runs with NODE_ENV=production, which requires JWT_SECRET and ENCRYPTION_KEY; production
# also sets DATABASE_URL and REDIS_URL (see README.md and docker-compose.yml).

# ---- build: install everything, compile the API and the web app, then drop the dev dependencies
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Native addons (better-sqlite3, argon2) compile from source when no prebuilt binary fits.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/* \
  && npm install -g npm@11 --no-audit --no-fund
# npm 11, as on the development machines: it honours package.json's "allowScripts" list.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:api \
  && npm run build:web \
  && npm prune --omit=dev --no-audit --no-fund \
  && npm cache clean --force
# Data files the server reads from the source tree at run time (e.g. the postcode table under
# backend/src/modules/geo/data): every non-TypeScript file under backend/src, same paths.
RUN mkdir -p /runtime-files \
  && find backend/src -type f ! -name '*.ts' -print0 | tar --null -T - -cf - | tar -xf - -C /runtime-files

# ---- runtime: the built app, production dependencies, no compilers, not root
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /runtime-files/ ./
COPY --from=build /app/.env.example ./.env.example
# DATA_DIR holds uploads (and, without DATABASE_URL, the SQLite database and generated secrets).
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/backend/src/main.js"]
