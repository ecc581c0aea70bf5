# The production image of vss-graph: one image, six deployments — the gateway and each of the five
# subgraphs (deploy/README.md). Docker has no engine on the project's machines, so this file is not
# built there; its build stage runs `npm ci` and `npm run build`, the commands `npm test` checks
# (test/e2e/build.test.ts, which also runs the compiled services with NODE_ENV=production).

# Node 20.19 or newer (package.json engines); pin the digest in a real pipeline.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# Sources only: .dockerignore keeps out node_modules, dist and .data (local keys and databases).
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# HOST: listen on the container's interface, not only on its loopback (the services' default).
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
# The compiled services with the files they read beside them (WSDLs, holiday calendars), and the
# subgraph SDL and committed supergraph the services read from schema/ (PROJECT_ROOT is /app).
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
# The browser apps the gateway serves at /dashboard and /graphiql (static files, built by Vite).
COPY --from=build /app/ui/dashboard/dist ./ui/dashboard/dist
COPY --from=build /app/ui/graphiql/dist ./ui/graphiql/dist
# Keys, the JWKS (or JWKS_URL) and trusted documents are mounted, never baked in: KEYS_DIR,
# JWKS_PATH, TRUSTED_DOCUMENTS point at them (deploy/README.md).
USER node
EXPOSE 4000
# The gateway; each subgraph's deployment runs node dist/subgraphs/<name>/index.js with PORT set.
CMD ["node", "dist/gateway/index.js"]
