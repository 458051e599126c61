// The web SDK's active Mobius URL followed by "Registration successful" printed no status: it is
// named by what the log says, and still shows the client registered after a failover.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));
const URL_LINE =
  "2024-03-05T03:20:02.200Z [INFO] registration: ActiveMobiusUrl: https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/";

describe("a registration the SDK logged as successful", () => {
  it("is named by the cluster and the SDK's words, never as an HTTP 200", () => {
    const a = analysed(
      [URL_LINE, "2024-03-05T03:20:02.811Z [INFO] registration: Registration successful"].join("\n"),
    );
    expect(a.timeline.map((r) => r.label)).toEqual([
      "registered on mobius-us-west-2 (the SDK logged Registration successful)",
    ]);
    expect(a.normal.join(" ")).not.toContain("HTTP 200");
  });

  it("says when the SDK restored a registration", () => {
    const a = analysed(
      [URL_LINE, "2024-03-05T03:20:02.811Z [INFO] registration: Registration restored successfully."].join(
        "\n",
      ),
    );
    expect(a.timeline[0]?.label).toBe(
      "registered on mobius-us-west-2 (the SDK logged Registration restored successfully)",
    );
  });

  it("still reads as the cluster the client failed over to", () => {
    const a = analysed(
      [
        "2024-03-05T03:20:01.640Z POST https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/device 503 (Service Unavailable)",
        URL_LINE,
        "2024-03-05T03:20:02.811Z [INFO] registration: Registration successful",
      ].join("\n"),
    );
    expect(a.summary).toContain(
      "the client failed over to mobius-us-west-2.prod.infra.webex.com and registered (line 2)",
    );
  });

  it("is counted as a registration, not as a code", () => {
    const a = analysed(
      [URL_LINE, "2024-03-05T03:20:02.811Z [INFO] registration: Registration successful"].join("\n"),
    );
    expect(a.summary).toMatch(/^Found no codes and 1 Mobius registration in 2 lines\./);
    expect(a.counts).toMatchObject({ findings: 1, registrations: 1 });
    const text = cardToText(scanCard(a));
    expect(text).toMatch(/Codes found\s+0\b/);
    expect(text).toMatch(/Mobius registrations\s+1\b/);
  });

  it("leaves the codes of the same log counted as codes", () => {
    const a = analysed(
      [
        "2024-03-05T03:20:01.640Z POST https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/device 503 (Service Unavailable)",
        URL_LINE,
        "2024-03-05T03:20:02.811Z [INFO] registration: Registration successful",
      ].join("\n"),
    );
    expect(a.summary).toMatch(/^Found 1 code and 1 Mobius registration in 3 lines\./);
  });
});
