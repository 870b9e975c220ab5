#!/usr/bin/env node
/**
 * The search reference for `npm run bench -- --scale`: bare Fastify and raw mysql2 running the
 * product's own search SQL (the indexed bounding-box query for the candidates, then the page's
 * rows), ranking by distance with the product's compiled geo functions. What is left between
 * this and the product is the framework, validation, mapping and compliance badges.
 * GET /search?latitude=&longitude=&radiusMiles=&pageSize=
 */
'use strict';

const { join } = require('node:path');
const Fastify = require('fastify');
const mysql = require('mysql2/promise');
const { boundingBox, distanceMiles } = require(
  join(__dirname, '..', '..', 'dist', 'backend', 'src', 'modules', 'geo', 'geo-math.js'),
);

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
const app = Fastify({ logger: false });

app.get('/ready', async () => {
  await pool.query('SELECT 1');
  return { ok: true };
});

app.get('/search', async (request) => {
  const origin = { latitude: Number(request.query.latitude), longitude: Number(request.query.longitude) };
  const radius = Number(request.query.radiusMiles ?? 10);
  const pageSize = Number(request.query.pageSize ?? 20);
  const box = boundingBox(origin, radius);
  const [candidates] = await pool.query(
    'SELECT id, userId, latitude, longitude, hourlyRatePence, ratingAverage, ratingCount FROM childminder_profiles ' +
      'WHERE visible = 1 AND active = 1 AND complete = 1 AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?',
    [box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude],
  );
  const ranked = candidates
    .map((c) => ({ id: c.id, miles: distanceMiles(origin, c) }))
    .filter((c) => c.miles <= radius)
    .sort((a, b) => a.miles - b.miles || (a.id < b.id ? -1 : 1));
  const ids = ranked.slice(0, pageSize).map((c) => c.id);
  const [items] = ids.length ? await pool.query('SELECT * FROM childminder_profiles WHERE id IN (?)', [ids]) : [[]];
  return { items, total: ranked.length };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  console.error(error);
  process.exit(1);
});
