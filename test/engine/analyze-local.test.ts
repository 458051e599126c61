// Replies the log's own system generated (a Kamailio script's sl_send_reply): "flood from X" names
// the requester the reply went to, not the side that failed, and the script's "[callid@host]"
// prefix tells one call from another.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { catalog } from "../helpers/catalog.js";

const run = (log: string) => analyze(catalog(), scanText(catalog(), log));
const flood = (i: number) =>
  `Mar 14 07:02:42 reg1 /usr/sbin/kamailio[3313]: NOTICE: <script>: [5b2e${i}@10.1.20.${i}] flood from 10.1.20.${i}:5060 - sl_send_reply("503", "Server Overloaded")`;

describe("a reply the log's own script sent", () => {
  it("blames the system that wrote the log, not the requester", () => {
    const a = run(flood(31));
    expect(a.failingComponent).toMatch(
      /^the system that wrote this log, which generated the 503 itself and sent it to 10\.1\.20\.31:5060/,
    );
    expect(a.summary).not.toContain("from 10.1.20.31");
  });

  it("shows its row as sent by this system, not from the requesters", () => {
    const log = Array.from({ length: 6 }, (_, i) => flood(31 + i)).join("\n");
    const card = scanCard(run(log));
    const rows = card.sections.find((s) => s.heading === "Timeline")?.items ?? [];
    expect(rows).toEqual(["Mar 14 07:02:42 ✗ SIP 503 Service Unavailable ×6 — line 1"]);
  });

  it("does not pair replies of two calls the script tags apart", () => {
    const log = [
      flood(31),
      'Mar 14 07:02:43 reg1 /usr/sbin/kamailio[3313]: ERROR: <script>: [47ad@10.1.20.41] auth DB error for 1031 - sl_send_reply("500", "Server Internal Error")',
    ].join("\n");
    expect(run(log).correlations).toEqual([]);
  });

  it("pairs replies the script tags as one call", () => {
    const log = [
      flood(31),
      'Mar 14 07:02:43 reg1 /usr/sbin/kamailio[3313]: ERROR: <script>: [5b2e31@10.1.20.31] auth DB error - sl_send_reply("500", "Server Internal Error")',
    ].join("\n");
    expect(run(log).correlations.join(" ")).toContain("point at the same failure");
  });
});
