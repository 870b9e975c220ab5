#!/usr/bin/env node
/**
 * Run before every web build (`npm run build:web`, `npm run dev:web`): writes a Material Symbols
 * font holding only the icons the app can show, so a first visit downloads a few kB instead of
 * the whole 4 MB font. Templates keep writing `<mat-icon>home</mat-icon>`: the subset keeps the
 * ligatures of the icons it holds.
 *
 * The icons "the app can show" are every word in frontend/src that is the name of a Material
 * Symbol and appears as a mat-icon's text or as a quoted string in a template or a TypeScript
 * file (icon names chosen in code, such as `icon: 'search'`). That over-approximates a little,
 * never under-approximates for names written literally. The font is pinned to the one style
 * the app uses (weight 400, grade 0, optical size 24, not filled).
 *
 * Output (git-ignored): frontend/src/generated/icons/{material-symbols-outlined.woff2,icons.css}.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Blob, Buffer as ShapeBuffer, Face, Font, shape } from 'harfbuzzjs';

const require = createRequire(import.meta.url);
const fontverter = require('fontverter');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'frontend', 'src');
const OUT = join(SOURCE, 'generated', 'icons');
const PACKAGE = dirname(require.resolve('material-symbols/package.json'));
const PINNED_AXES = { wght: 400, GRAD: 0, opsz: 24, FILL: 0 };

// hb-subset's C API constants (hb-subset.h).
const SETS_GLYPH_INDEX = 0;
const SETS_LAYOUT_FEATURE_TAG = 6;
const FLAGS_NO_LAYOUT_CLOSURE = 0x200;
const MEMORY_MODE_WRITABLE = 2;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') yield* sourceFiles(path);
    } else if (/\.(html|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

/** Every word the sources might pass to mat-icon, limited to real icon names. */
function usedIconNames() {
  // The package's type declaration lists every icon name: type MaterialSymbols = ["123", ...];
  const declaration = readFileSync(join(PACKAGE, 'index.d.ts'), 'utf8');
  const known = new Set([...declaration.matchAll(/^\s*"([a-z0-9_]+)",?$/gm)].map((m) => m[1]));
  const used = new Set();
  const word = /^[a-z0-9][a-z0-9_]*$/;
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(['"`])([a-z0-9_]+)\1|<mat-icon[^>]*>\s*([a-z0-9_]+)\s*<\/mat-icon>/g)) {
      const name = match[2] ?? match[3];
      if (word.test(name) && known.has(name)) used.add(name);
    }
  }
  return [...used].sort();
}

const tag = (name) => [...name].reduce((value, ch) => (value << 8) + ch.charCodeAt(0), 0);

async function subset(ttf, names) {
  // The ligature glyph of each name, found by shaping the name with the full font.
  const font = new Font(new Face(new Blob(ttf)));
  const glyphs = new Set();
  for (const name of names) {
    const buffer = new ShapeBuffer();
    buffer.addText(name);
    buffer.guessSegmentProperties();
    shape(font, buffer);
    const infos = buffer.getGlyphInfos();
    if (infos.length === 1) glyphs.add(infos[0].codepoint);
  }

  const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const hb = (await WebAssembly.instantiate(wasm)).instance.exports;
  hb._initialize();
  const heap = () => new Uint8Array(hb.memory.buffer);
  const fontPtr = hb.malloc(ttf.byteLength);
  heap().set(new Uint8Array(ttf), fontPtr);
  const blob = hb.hb_blob_create(fontPtr, ttf.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);

  const input = hb.hb_subset_input_create_or_fail();
  const features = hb.hb_subset_input_set(input, SETS_LAYOUT_FEATURE_TAG);
  hb.hb_set_clear(features);
  hb.hb_set_invert(features); // keep every feature (liga above all)
  // No layout closure: keep only the ligatures whose glyphs are kept, not every ligature
  // that the kept letters could form (which is all of them).
  hb.hb_subset_input_set_flags(input, hb.hb_subset_input_get_flags(input) | FLAGS_NO_LAYOUT_CLOSURE);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const ch of new Set(names.join(''))) hb.hb_set_add(unicodes, ch.codePointAt(0));
  const glyphSet = hb.hb_subset_input_set(input, SETS_GLYPH_INDEX);
  for (const glyph of glyphs) hb.hb_set_add(glyphSet, glyph);
  for (const [axis, value] of Object.entries(PINNED_AXES)) {
    if (!hb.hb_subset_input_pin_axis_location(input, face, tag(axis), value)) throw new Error(`Cannot pin ${axis}`);
  }
  const result = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (!result) throw new Error('hb_subset_or_fail failed');
  const out = hb.hb_face_reference_blob(result);
  const offset = hb.hb_blob_get_data(out, 0);
  const bytes = Buffer.from(heap().slice(offset, offset + hb.hb_blob_get_length(out)));
  hb.hb_blob_destroy(out);
  hb.hb_face_destroy(result);
  hb.hb_face_destroy(face);
  hb.free(fontPtr);
  return { bytes, missing: names.length - glyphs.size };
}

const names = usedIconNames();
const woff2 = readFileSync(join(PACKAGE, 'material-symbols-outlined.woff2'));
const { bytes, missing } = await subset(await fontverter.convert(woff2, 'truetype'), names);
if (missing > 0) throw new Error(`${missing} icon names did not shape to one glyph`);
const font = await fontverter.convert(bytes, 'woff2');
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'material-symbols-outlined.woff2'), font);
// The package's own class, pointed at the subset (static, so no weight range).
const css = readFileSync(join(PACKAGE, 'outlined.css'), 'utf8').replace('font-weight: 100 700;', 'font-weight: 400;');
writeFileSync(
  join(OUT, 'icons.css'),
  `/* Generated by scripts/icon-font.mjs: ${names.length} icons. Do not edit. */\n${css}`,
);
console.log(
  `Icon font: ${names.length} icons, ${(font.length / 1024).toFixed(1)} kB (full font ${(woff2.length / 1024).toFixed(0)} kB)`,
);
