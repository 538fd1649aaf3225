# kjernejournal-sandbox container image.
#   docker build -t kjernejournal-sandbox:local .      (or: docker compose up --build)
# Air-gapped / no registry: `npm run test:container` builds the same file with buildah against a
# locally assembled stand-in for node:24-bookworm-slim (see .ci/container-test.sh).

# ---- build: install all dependencies, compile TypeScript, drop dev dependencies -------------
FROM node:24-bookworm-slim AS build
# Extra CA bundle for npm behind a TLS-intercepting proxy. Name a file that exists in the build
# container: buildah bud -v /path/ca.pem:/path/ca.pem:ro --build-arg NODE_EXTRA_CA_CERTS=/path/ca.pem,
# or put it in the context at .ci/container/ca/extra-ca.crt and pass
# --build-arg NODE_EXTRA_CA_CERTS=/app/.ci/container/ca/extra-ca.crt. It is used for the npm
# steps of this stage only and never reaches the runtime image.
ARG NODE_EXTRA_CA_CERTS=
WORKDIR /app
COPY package.json package-lock.json ./
COPY .ci/container/ca/ ./.ci/container/ca/
# --ignore-scripts: `prepare` would build before the sources are here; the build is the next step.
# One more try after a pause: a registry that drops an idle connection (EIDLETIMEOUT) is not a broken build.
RUN if [ -n "$NODE_EXTRA_CA_CERTS" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then \
      echo "npm: using extra CA certificates from $NODE_EXTRA_CA_CERTS"; export NODE_EXTRA_CA_CERTS; \
    else unset NODE_EXTRA_CA_CERTS; fi; \
    npm ci --ignore-scripts --no-audit --no-fund --fetch-retries=5 \
      || { echo "npm ci failed; trying once more in 10 s"; sleep 10; npm ci --ignore-scripts --no-audit --no-fund --fetch-retries=5; }
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
# The build parses the built-in scenario pack once (dist/scenario-pack.json).
COPY scenarios ./scenarios
RUN unset NODE_EXTRA_CA_CERTS; npm run build \
    && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
    && rm -rf .ci

# ---- runtime: compiled server, built-in fixtures and scenarios, production node_modules ----
FROM node:24-bookworm-slim
ENV PORT=8080 HOST=0.0.0.0 NODE_ENV=production
# glibc gives each thread that allocates its own malloc arena (the thread pool's crypto, V8's
# helpers), and freed memory stays in them: two arenas kept RSS 8 MB lower after a helseindikator
# load and 17 MB lower at the end of the soak (bench/analysis.md). Only glibc reads it.
ENV MALLOC_ARENA_MAX=2
WORKDIR /app
# /data holds KEYS_FILE (the HelseID signing key) so tokens survive restarts; the node user owns it.
RUN mkdir -p /data && chown node:node /data
# Application files stay root-owned: the node user reads them but cannot change them.
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
COPY scenarios ./scenarios
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "dist/bundle/main.js", "healthcheck", "--wait", "2"]
STOPSIGNAL SIGTERM
# Exec form: node is PID 1 and gets SIGTERM itself (it closes within a second). The V8 flags are
# npm start's (package.json; a test keeps them equal): a young generation of at most 2 x 8 MB, not
# the 2 x 64 MB Node 24 grows to on a large machine, which cost RSS and throughput; an old
# generation that grows by half its live size between collections, not up to four times it; and
# optimising compilers on the main thread, whose scratch memory malloc then reuses instead of
# keeping it in each helper thread's arena (docs/performance.md).
CMD ["node", "--max-semi-space-size=8", "--min-semi-space-size=4", "--heap-growing-percent=50", "--no-concurrent-recompilation", "dist/bundle/main.js", "start"]
