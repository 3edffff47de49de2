// The package loads its .wasm with `new URL(..., import.meta.url)`; Vite's
// dev-server pre-bundling would move the JavaScript away from it.
export default {
  optimizeDeps: { exclude: ["jointwatch"] },
};
