# One image for both apps: `node dist/apps/api/src/main.js` or `.../worker/src/main.js`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# The API's malloc setting and heap flags are npm start:api's (why: README, Speed).
# The worker gets two arenas too: neither its peak nor its speed moved (bench/email-throughput).
ENV MALLOC_ARENA_MAX=2
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=16", "--heap-growing-percent=20", "--no-memory-reducer", "dist/apps/api/src/main.js"]
