#!/usr/bin/env node
// The `tandem` command: loads the TypeScript CLI through tsx so it shares code with the app.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
process.env.TANDEM_ROOT ??= root;
register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(path.join(root, "lib", "cli", "main.ts")).href);
process.exitCode = await main(process.argv);
