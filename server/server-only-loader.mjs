// Module resolve hook: `server-only` throws unless bundled for React Server Components. The API
// router loads the same lib/ modules outside the bundle (on the server, where they belong), so the
// guard becomes an empty module here.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {}", shortCircuit: true };
  return nextResolve(specifier, context);
}
