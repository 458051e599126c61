#!/usr/bin/env node
// Entry point for `npx sipcode`: runs the compiled CLI (built by `npm install` / `npm run build`).
import { existsSync } from "node:fs";

const entry = new URL("../dist/adapters/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "sipcode: the build output is missing. Run `npm install` (or `npm run build`) first.\n",
  );
  process.exit(1);
}
const { main } = await import(entry.href);
const code = await main(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
