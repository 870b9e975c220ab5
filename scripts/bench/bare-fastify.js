#!/usr/bin/env node
/** The framework reference for `npm run bench`: bare Fastify serving a small JSON object. */
'use strict';

const Fastify = require('fastify');

const app = Fastify({ logger: false });
app.get('/json', async () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  console.error(error);
  process.exit(1);
});
