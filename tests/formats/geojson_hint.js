#!/usr/bin/env node
// Checks GeoJSON files with @mapbox/geojsonhint (RFC 7946 rules, including
// the right-hand rule for polygon winding and coordinate precision).
//
// Usage: node geojson_hint.js FILE...
// Prints {FILE: [messages]} as JSON; exits 0 when no file has any message,
// 1 otherwise, 2 when geojsonhint is not installed.
'use strict';
const fs = require('fs');

let hint;
try {
  hint = require('@mapbox/geojsonhint');
} catch (e) {
  console.error('@mapbox/geojsonhint is not installed; run scripts/setup');
  process.exit(2);
}

const out = {};
let clean = true;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const messages = hint.hint(text, { precisionWarning: true });
  out[file] = messages.map((m) => ({ message: m.message, level: m.level || 'error', line: m.line }));
  if (messages.length > 0) clean = false;
}
console.log(JSON.stringify(out, null, 2));
process.exit(clean ? 0 : 1);
