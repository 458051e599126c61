// Architecture boundaries: catalog, engine and render are pure and never import an SDK or an
// adapter; botbuilder stays inside src/adapters/teams and Bolt inside src/adapters/slack;
// nothing but src/config.ts reads process.env.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function imports(file: string): string[] {
  const src = readFileSync(file, "utf8");
  return [
    ...src.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? "");
}

const SDK = /^(@slack\/|botbuilder|botframework|@microsoft\/|adaptivecards)/;

describe("boundaries", () => {
  it.each(["src/catalog", "src/engine", "src/render"])(
    "%s imports no SDK, adapter or I/O beyond the loader",
    (dir) => {
      for (const f of files(dir)) {
        for (const spec of imports(f)) {
          expect(SDK.test(spec), `${f} imports ${spec}`).toBe(false);
          expect(spec.includes("/adapters/"), `${f} imports ${spec}`).toBe(false);
          if (!f.endsWith("load.ts")) expect(spec.startsWith("node:fs"), `${f} imports ${spec}`).toBe(false);
        }
      }
    },
  );

  it("keeps botbuilder inside src/adapters/teams and Bolt inside src/adapters/slack", () => {
    for (const f of files("src")) {
      for (const spec of imports(f)) {
        if (/^(botbuilder|botframework)/.test(spec))
          expect(f.startsWith(join("src", "adapters", "teams")), f).toBe(true);
        if (/^@slack\//.test(spec)) expect(f.startsWith(join("src", "adapters", "slack")), f).toBe(true);
      }
    }
  });

  it("reads process.env only in src/config.ts", () => {
    for (const f of files("src")) {
      if (f === join("src", "config.ts")) continue;
      expect(readFileSync(f, "utf8").includes("process.env"), f).toBe(false);
    }
  });
});
