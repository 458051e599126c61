// One catalog per test worker: loading validates everything, so tests share the real data.
import type { Catalog } from "../../src/catalog/indexes.js";
import { loadCatalog } from "../../src/catalog/load.js";

let cached: Catalog | undefined;
export function catalog(): Catalog {
  cached ??= loadCatalog();
  return cached;
}
