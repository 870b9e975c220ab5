#!/usr/bin/env node
/**
 * Run by `npm run build:web` after `ng build`: writes a brotli (.br) and a gzip (.gz) copy beside
 * every text file of the web build, at the highest levels, so the server sends them as they are
 * (@fastify/static `preCompressed`) instead of compressing on every request. Files that do not get
 * smaller (images, woff2) are left alone.
 */
'use strict';

const { readdirSync, readFileSync, writeFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const zlib = require('node:zlib');

const ROOT = join(__dirname, '..', 'dist', 'frontend', 'browser');
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest|ico|ttf)$/i;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

let raw = 0;
let br = 0;
let count = 0;
for (const path of files(ROOT)) {
  const body = readFileSync(path);
  if (body.length < 512) continue;
  const brotli = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  const gzip = zlib.gzipSync(body, { level: zlib.constants.Z_BEST_COMPRESSION });
  if (brotli.length < body.length) writeFileSync(`${path}.br`, brotli);
  if (gzip.length < body.length) writeFileSync(`${path}.gz`, gzip);
  raw += statSync(path).size;
  br += Math.min(brotli.length, body.length);
  count++;
}
console.log(`Precompressed ${count} files: ${(raw / 1024).toFixed(0)} kB -> ${(br / 1024).toFixed(0)} kB (brotli)`);
