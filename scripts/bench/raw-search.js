#!/usr/bin/env node
/**
 * The search reference for `npm run bench -- --scale`: bare Fastify and raw mysql2 running the
 * product's own search SQL (the ranked page of ids and the count, both from the covering search
 * index, then the page's rows). What is left between this and the product is the framework,
 * validation, TypeORM and mapping (badges are decoded from a column of the page's rows).
 * GET /search?latitude=&longitude=&radiusMiles=&pageSize=
 */
'use strict';

const { join } = require('node:path');
const Fastify = require('fastify');
const mysql = require('mysql2/promise');
const { boundingBox, distanceMiles, EARTH_RADIUS_MILES } = require(
  join(__dirname, '..', '..', 'dist', 'backend', 'src', 'modules', 'geo', 'geo-math.js'),
);

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
const app = Fastify({ logger: false });

app.get('/ready', async () => {
  await pool.query('SELECT 1');
  return { ok: true };
});

// The product's search SQL for a plain search sorted by distance (childminders.repository.ts,
// search-ranking.ts): one page of ids and the count from the covering search index, then the
// page's rows. Distances shown are computed on the page, as the product does.
const CLOSENESS =
  'POWER(SIN(RADIANS(profile.latitude - ?) / 2), 2) + ? * COS(RADIANS(profile.latitude)) * POWER(SIN(RADIANS(profile.longitude - ?) / 2), 2)';
const WHERE =
  'profile.visible = 1 AND profile.active = 1 AND profile.complete = 1 AND profile.latitude BETWEEN ? AND ? ' +
  `AND profile.longitude BETWEEN ? AND ? AND ${CLOSENESS} <= ?`;

app.get('/search', async (request) => {
  const origin = { latitude: Number(request.query.latitude), longitude: Number(request.query.longitude) };
  const radius = Number(request.query.radiusMiles ?? 10);
  const pageSize = Number(request.query.pageSize ?? 20);
  const box = boundingBox(origin, radius);
  const closeness = [origin.latitude, Math.cos((origin.latitude * Math.PI) / 180), origin.longitude];
  const where = [
    box.minLatitude,
    box.maxLatitude,
    box.minLongitude,
    box.maxLongitude,
    ...closeness,
    Math.sin(radius / (2 * EARTH_RADIUS_MILES)) ** 2,
  ];
  const [[page], [[count]]] = await Promise.all([
    pool.query(
      `SELECT profile.id AS id, profile.userId AS userId, ${CLOSENESS} AS closeness FROM childminder_profiles profile ` +
        `WHERE ${WHERE} ORDER BY closeness ASC, COALESCE(profile.ratingAverage, -1) DESC, profile.ratingCount DESC, ` +
        'profile.id ASC LIMIT ?',
      [...closeness, ...where, pageSize],
    ),
    pool.query(`SELECT COUNT(*) AS count FROM childminder_profiles profile WHERE ${WHERE}`, where),
  ]);
  const ids = page.map((row) => row.id);
  const [rows] = ids.length ? await pool.query('SELECT * FROM childminder_profiles WHERE id IN (?)', [ids]) : [[]];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.map((id) => {
    const row = byId.get(id);
    return { ...row, distanceMiles: Math.round(distanceMiles(origin, row) * 10) / 10 };
  });
  return { items, total: Number(count.count) };
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error) => {
  console.error(error);
  process.exit(1);
});
