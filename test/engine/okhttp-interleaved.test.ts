// Two OkHttp calls in flight log their replies, headers and bodies interleaved line by line. In
// logcat each line names its thread, so each reply keeps its own body; with no thread ids, no
// reply is handed another reply's mobius-error.
import { describe, expect, it } from "vitest";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const BASE = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/devices/3c1e5a7b";
const cat = (tid: number, text: string) => `03-05 14:22:31.401 12345 ${tid} D OkHttp  : ${text}`;
const studio = (tid: number, text: string) =>
  `2025-03-05 14:22:31.401 12345-${tid}/com.cisco.webex.calling D/OkHttp: ${text}`;

const exchanges = (line: (tid: number, text: string) => string) => [
  line(12399, `<-- 403 ${BASE}/call (298ms)`),
  line(12400, `<-- 503 ${BASE}/calls/77aa/media (299ms)`),
  line(12399, "content-type: application/json"),
  line(12400, "content-type: application/json"),
  line(12399, ""),
  line(12400, ""),
  line(12399, '{"errorCode":115,"message":"User Busy"}'),
  line(12400, '{"errorCode":120,"message":"Not Available"}'),
  line(12399, "<-- END HTTP (39-byte body)"),
  line(12400, "<-- END HTTP (43-byte body)"),
];

const found = (lines: string[]) =>
  scanText(catalog(), lines.join("\n")).findings.map((f) => [f.line, f.namespace, f.code, f.subcode]);

describe("interleaved OkHttp exchanges", () => {
  it("pair each reply with its body by the logcat thread id", () => {
    expect(found(exchanges(cat))).toEqual([
      [1, "mobius", 403, 115],
      [2, "mobius", 503, 120],
    ]);
  });

  it("read Android Studio's pid-tid prefix the same way", () => {
    expect(found(exchanges(studio))).toEqual([
      [1, "mobius", 403, 115],
      [2, "mobius", 503, 120],
    ]);
  });

  it("give no reply another reply's body when the lines carry no thread", () => {
    const plain = exchanges((_tid, text) => text);
    const subcodes = scanText(catalog(), plain.join("\n")).findings.map((f) => f.subcode ?? null);
    expect(subcodes).toEqual([null, null]);
  });
});
