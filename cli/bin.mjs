#!/usr/bin/env node
// `synapse-hub` / `npx synapse-hub`: runs the TypeScript CLI through tsx (a dependency).
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
