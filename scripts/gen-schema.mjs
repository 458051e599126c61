// Writes catalog/schema.json (JSON Schema for editors) from the zod schema in src/catalog/schema.ts.
// Run `npm run build && npm run schema` after changing the schema; a test keeps the two in step.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { CatalogFile } from "../dist/catalog/schema.js";

const schema = z.toJSONSchema(CatalogFile, { io: "input", target: "draft-2020-12" });
schema.title = "sipcode catalog file";
writeFileSync(new URL("../catalog/schema.json", import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
console.log("wrote catalog/schema.json");
