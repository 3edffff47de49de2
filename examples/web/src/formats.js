// The package's second module, `jointwatch/formats` (CSV, STIX, GeoJSON):
// its own .wasm, fetched once, on first use, so that a page that never
// draws a map or reads a CSV file never downloads it. This page draws its
// map on the first screen, so it asks for the module at start, while the
// public record is being fetched.
let loading = null;

/** The formats module, initialised (one download, however often it is asked for). */
export function formats() {
  loading ??= import("jointwatch/formats").then(async (m) => {
    await m.default();
    return m;
  });
  return loading;
}
