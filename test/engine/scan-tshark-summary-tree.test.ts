// `tshark -P -V` prints each frame's summary line above its tree: the two are one message, and the
// tree's details (method, Call-ID, source port, arrival time) win, from the first frame on.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";
import { capture } from "../helpers/tshark-frames.js";

describe("tshark -P -V", () => {
  it("counts a frame's summary line and its tree (tshark -P -V) once, with the tree's details", () => {
    const text = `${capture(true).join("\n")}\n`;
    const sip = scanText(catalog(), text).findings.filter((f) => f.namespace === "sip");
    expect(
      sip.map((f) => `${f.line} ${f.namespace} ${f.code} ${f.method} ${f.callId} ${f.host} ${f.timestamp}`),
    ).toEqual([
      "40 sip 480 INVITE call-1@pc33.example.com 203.0.113.10:5060 2024-03-05 03:15:06.124345",
      "99 sip 486 INVITE call-2@pc33.example.com 203.0.113.10:5060 2024-03-05 03:15:07.124345",
      "158 sip 503 INVITE call-3@pc33.example.com 203.0.113.10:5060 2024-03-05 03:15:08.124345",
    ]);
  });
});
