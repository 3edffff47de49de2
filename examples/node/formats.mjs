import { Dataset, isJointwatchError } from "jointwatch";

// The second module, loaded on first use; in a browser, call its init
// (the default export) once, as for the core (in Node it does nothing).
const formats = await import("jointwatch/formats");
await formats.default();

const seed = Dataset.seed();
const map = formats.toGeoJSON(seed); // a GeoJSON (RFC 7946) FeatureCollection
const bundle = formats.toSTIX(seed, { timestamp: "2024-12-31T00:00:00Z" }); // STIX 2.1, with the assessment
const tables = formats.toCSV(seed); // { "exercises.csv": "id,name,...", "patrols.csv": ..., ... }

// CSV tables (one file per table) back into a document, validated by the core.
const again = Dataset.fromObject(formats.fromCSV(tables));
console.log(`${map.features.length} features, ${bundle.objects.length} STIX objects, ${again.recordCount} records`);

// A bad cell imports nothing; each finding names the file, row and column.
try {
  formats.fromCSV({ "exercises.csv": "id,name,participants\nx,X,CHN;Russia\n" });
} catch (e) {
  if (!isJointwatchError(e)) throw e;
  for (const f of e.findings) console.log(f.code, `line ${f.line}:`, f.message);
}
