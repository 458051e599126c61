// An unregister Mobius refuses because the device still has calls is correct behaviour (the seed:
// "by design; do not treat as a bug"): normal traffic, on its own row, never the first failure.
// Several dependencies named by log messages are all named.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { namedDependencies } from "../../src/engine/dependencies.js";
import { foldRows, type Row } from "../../src/engine/rows.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const blocked =
  "2024-05-14 02:14:00.000 WARN  [mobius,aa] Call/s exist for this device, can not continue with unregister request.";
const run = (...lines: string[]) => analyze(catalog(), scanText(catalog(), lines.join("\n")));

describe("an unregister blocked while calls exist", () => {
  it("is normal traffic, with why", () => {
    const a = run(blocked, "2024-05-14 02:14:01.000 INFO call ok");
    expect(a.firstFailure).toBeNull();
    expect(a.counts.failures).toBe(0);
    expect(a.normal[0]).toContain("Mobius 503 Service Unavailable (unregistration), blocked by design");
    expect(a.checklist).toEqual([]);
  });

  it("keeps apart from a registration 503", () => {
    const a = run(
      "2024-05-14 02:11:03.655 ERROR [mobius,7d1c0e2a] Registration: Error code: 503 SERVICE UNAVAILABLE due to error response from SSE",
      blocked,
    );
    expect(a.timeline.map((r) => [r.label, r.count, r.failure])).toEqual([
      ["Mobius 503 Service Unavailable (registration)", 1, true],
      [
        "Mobius 503 Service Unavailable (unregistration), blocked by design while the device still has active calls",
        1,
        false,
      ],
    ]);
    expect(a.firstFailure?.line).toBe(1);
  });

  it("an exception during unregistration stays a failure", () => {
    const a = run(
      "2024-05-14 02:14:00.000 ERROR [mobius,aa] Caught exception RedisTimeout while handling unregistration",
    );
    expect(a.firstFailure?.id).toBe("mobius/503-unregistration");
  });
});

describe("dependencies named by log messages", () => {
  const log = scanText(
    catalog(),
    [
      "2024-05-14 02:11:03.650 ERROR [mobius,7d1c0e2a] Received Client Exception from Provisioning Client while querying Browser Client Id.",
      "2024-05-14 02:12:00.100 ERROR [mobius,8e2d1f3b] Failed to add device: 4b1d77e0-1c9e-4a6a-9c1e-33f0b6e1d2aa in sorted set",
      "2024-05-14 02:13:00.000 ERROR [mobius,9a] OBP resolution failed",
      blocked,
    ].join("\n"),
  );

  it("are all named, each with its first line", () => {
    const failed = (f: { text: string }) => !f.text.includes("Call/s exist");
    expect(namedDependencies(log.findings, failed)).toBe(
      "CPAPI (Cisco Platform API; named by the log message on line 1), Redis (line 2) and OBP (line 3)",
    );
  });

  it("one alone reads as before", () => {
    expect(namedDependencies(log.findings.slice(0, 1))).toBe(
      "CPAPI (Cisco Platform API; named by the log message on line 1)",
    );
  });

  it("none from correct behaviour", () => {
    expect(namedDependencies(log.findings.slice(3), () => false)).toBeNull();
  });
});

describe("timeline rows of one code", () => {
  const row = (id: string, shown: string, line: number): Row => ({
    item: {
      key: `mobius:503:null:${shown}`,
      label: id,
      id,
      count: 1,
      firstLine: line,
      methods: [],
      hosts: shown ? [shown] : [],
      hostCounts: shown ? [1] : [],
      hostTotal: shown ? 1 : 0,
      failure: true,
    },
    code: "mobius:503:null",
    shown,
    sent: false,
    hangup: false,
  });

  it("keep different catalog entries apart", () => {
    const rows = [
      row("mobius/503-registration", "mobius-a.example.com", 1),
      row("mobius/503-unregistration", "", 2),
    ];
    expect(foldRows(rows).map((r) => r.id)).toEqual(["mobius/503-registration", "mobius/503-unregistration"]);
  });

  it("still gather one entry's occurrences without a host into its host's row", () => {
    const rows = [
      row("mobius/503-registration", "mobius-a.example.com", 1),
      row("mobius/503-registration", "", 2),
    ];
    expect(foldRows(rows).map((r) => [r.id, r.count])).toEqual([["mobius/503-registration", 2]]);
  });
});
