// uuid_dump as FreeSWITCH really prints it: the plain form URL-encodes every value, as any plain ESL
// event does ("Event-Date-Local: 2024-03-05%2003%3A40%3A01"), and `uuid_dump UUID json` prints a
// pretty JSON object (a tab before each member). Both give each code once per dump, at the time of
// its Event-Date-Local.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const run = (text: string) => analyze(catalog(), scanText(catalog(), text));
const rows = (a: ReturnType<typeof run>) =>
  a.timeline.map((t) => `${t.key.split(":").slice(0, 2).join("/")}×${t.count}@${t.timestamp ?? "-"}`);

const FIELDS: [string, string][] = [
  ["Event-Name", "CHANNEL_DATA"],
  ["Core-UUID", "0b5e6f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b"],
  ["FreeSWITCH-IPv6", "::1"],
  ["Event-Date-Local", "2024-03-05 03:40:01"],
  ["Event-Date-GMT", "Tue, 05 Mar 2024 03:40:01 GMT"],
  ["Channel-State", "CS_EXECUTE"],
  ["Channel-Name", "sofia/external/+14155550123@203.0.113.10"],
  ["Unique-ID", "6c1f0a52-3b8e-4d0e-9a8e-1e2f3a4b5c6d"],
  ["variable_sip_call_id", "3c2a1b0f9e8d@203.0.113.10"],
  ["variable_start_stamp", "2024-03-05 03:39:58"],
  ["variable_sip_term_status", "503"],
  ["variable_sip_term_cause", "41"],
  ["variable_sip_invite_failure_status", "503"],
  ["variable_sip_invite_failure_phrase", "Service Unavailable"],
  ["variable_originate_disposition", "NORMAL_TEMPORARY_FAILURE"],
  ["variable_last_bridge_proto_specific_hangup_cause", "sip:503"],
  ["variable_bridge_hangup_cause", "NORMAL_TEMPORARY_FAILURE"],
];

/** The plain form, its values URL-encoded as FreeSWITCH does. */
function plainDump(date = "2024-03-05 03:40:01", uuid = "6c1f0a52"): string {
  return FIELDS.map(([k, v]) => {
    const value = k === "Event-Date-Local" ? date : k === "Unique-ID" ? uuid : v;
    return `${k}: ${encodeURIComponent(value)}`;
  }).join("\n");
}

/** The json form, as cJSON prints it. */
function jsonDump(date = "2024-03-05 03:40:01", uuid = "6c1f0a52"): string {
  const members = FIELDS.map(([k, v]) => {
    const value = k === "Event-Date-Local" ? date : k === "Unique-ID" ? uuid : v;
    return `\t${JSON.stringify(k)}:\t${JSON.stringify(value)}`;
  });
  return `{\n${members.join(",\n")}\n}`;
}

describe("uuid_dump's real forms", () => {
  it("decodes a URL-encoded Event-Date-Local for the dump's time", () => {
    expect(rows(run(`${plainDump()}\n`))).toEqual([
      "sip/503×1@2024-03-05 03:40:01",
      "q850/41×1@2024-03-05 03:40:01",
    ]);
  });

  it("counts two encoded dumps of two calls twice, each at its own time", () => {
    const a = run(`${plainDump("2024-03-05 03:40:01", "aaa")}\n${plainDump("2024-03-05 03:42:30", "bbb")}\n`);
    expect(a.timeline[0]?.count).toBe(2);
    expect(a.firstFailure?.timestamp).toBe("2024-03-05 03:40:01");
  });

  it("reads the pretty json form once per dump, at its Event-Date-Local", () => {
    expect(rows(run(`${jsonDump()}\n`))).toEqual([
      "sip/503×1@2024-03-05 03:40:01",
      "q850/41×1@2024-03-05 03:40:01",
    ]);
    const two = run(`${jsonDump("2024-03-05 03:40:01", "aaa")}\n${jsonDump("2024-03-05 03:42:30", "bbb")}\n`);
    expect(two.timeline.map((t) => t.count)).toEqual([2, 2]);
  });

  it("takes the time of the json form printed on one line", () => {
    const oneLine = JSON.stringify(Object.fromEntries(FIELDS));
    expect(run(`${oneLine}\n`).firstFailure?.timestamp).toBe("2024-03-05 03:40:01");
  });
});
