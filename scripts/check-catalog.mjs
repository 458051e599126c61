// Validates catalog files without booting the bot: `npm run build && node scripts/check-catalog.mjs`.
// Lists every schema problem, duplicate id, ordering problem and unresolved related id.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG_FILES, checkInvariants, parseCatalogFile } from "../dist/catalog/load.js";

const dir = process.argv[2] ?? "catalog";
const problems = [];
const files = [];
for (const name of CATALOG_FILES) {
  const path = join(dir, name);
  if (!existsSync(path)) {
    console.log(`(absent) ${name}`);
    continue;
  }
  const { file, problems: p } = parseCatalogFile(name, readFileSync(path, "utf8"));
  problems.push(...p);
  if (file) {
    files.push({ name, file });
    console.log(`${name}: ${file.entries.length} entries`);
  }
}
problems.push(...checkInvariants(files));
for (const p of problems) console.log(`PROBLEM ${p}`);
console.log(problems.length === 0 ? "catalog OK" : `${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
