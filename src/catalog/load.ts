// Reads catalog/*.json, validates every file with zod and checks the cross-file invariants
// (unique ids, resolvable related ids, sort order). Invalid data refuses to boot.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CatalogError } from "../errors.js";
import { buildIndexes, type Catalog } from "./indexes.js";
import { CatalogFile, type Entry } from "./schema.js";

export const CATALOG_FILES = [
  "sip.json",
  "q850.json",
  "http.json",
  "webex-mobius.json",
  "azure-communication-services.json",
  "exotel.json",
  "symptoms.json",
  "timers.json",
] as const;

/** The catalog folder shipped with the package (two levels above src/catalog or dist/catalog). */
export function defaultCatalogDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "catalog");
}

/** Order entries must appear in: by code (no code last), then subcode (none first), then id. */
export function compareEntries(a: Entry, b: Entry): number {
  const ca = a.code ?? Number.MAX_SAFE_INTEGER;
  const cb = b.code ?? Number.MAX_SAFE_INTEGER;
  if (ca !== cb) return ca - cb;
  const sa = a.subcode ?? -1;
  const sb = b.subcode ?? -1;
  if (sa !== sb) return sa - sb;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface ParsedFile {
  name: string;
  file: CatalogFile;
}

/** Parses one file's text; returns the problems instead of throwing so tools can list them all. */
export function parseCatalogFile(name: string, text: string): { file?: CatalogFile; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { problems: [`${name}: not valid JSON (${(err as Error).message})`] };
  }
  const parsed = CatalogFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 20)
      .map((i) => `${name}: ${i.path.join(".")}: ${i.message}`);
    return { problems };
  }
  return { file: parsed.data, problems: [] };
}

/** Invariants that span entries: id/namespace agreement, uniqueness, order, related ids. */
export function checkInvariants(files: ParsedFile[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const { name, file } of files) {
    file.entries.forEach((e, i) => {
      if (!e.id.startsWith(`${e.namespace}/`))
        problems.push(`${name}: ${e.id} does not start with its namespace`);
      if (ids.has(e.id)) problems.push(`${name}: duplicate id ${e.id}`);
      ids.add(e.id);
      const prev = file.entries[i - 1];
      if (prev && compareEntries(prev, e) >= 0)
        problems.push(`${name}: ${e.id} is out of order after ${prev.id}`);
    });
  }
  for (const { name, file } of files) {
    for (const e of file.entries) {
      for (const r of [...e.related, ...e.mappings.map((m) => m.to)]) {
        if (!ids.has(r)) problems.push(`${name}: ${e.id} refers to unknown id ${r}`);
        if (r === e.id) problems.push(`${name}: ${e.id} refers to itself`);
      }
    }
  }
  return problems;
}

/** Loads and validates the whole catalog. Throws CatalogError listing every problem found. */
export function loadCatalog(dir: string = defaultCatalogDir()): Catalog {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new CatalogError([`cannot read the catalog folder ${dir} (${why}); check SIPCODE_CATALOG_DIR`]);
  }
  const present = new Set(names.filter((f) => f.endsWith(".json") && f !== "schema.json"));
  const problems: string[] = [];
  const files: ParsedFile[] = [];
  for (const name of CATALOG_FILES) {
    if (!present.has(name)) {
      problems.push(`${name}: missing from ${dir}`);
      continue;
    }
    const { file, problems: p } = parseCatalogFile(name, readFileSync(join(dir, name), "utf8"));
    problems.push(...p);
    if (file) files.push({ name, file });
  }
  problems.push(...checkInvariants(files));
  if (problems.length > 0) throw new CatalogError(problems);
  return buildIndexes(files.flatMap((f) => f.file.entries));
}
