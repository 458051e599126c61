// A registration refused by one Mobius cluster and accepted by the next: the first cluster is named
// as degraded and the summary says the client failed over and registered.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const OKHTTP = "2025-03-14 13:10:44.253  4821-4910  okhttp.OkHttpClient  com.example.softphone  I  ";
const EAST = "https://mobius-us-east-1.prod.infra.webex.com/api/v1/calling/web/device";
const WEST = "https://mobius-us-west-2.prod.infra.webex.com/api/v1/calling/web/device";

const analysed = (log: string) => analyze(catalog(), scanText(catalog(), log));

describe("a Mobius registration that failed over", () => {
  it("names the cluster that refused it and the one the client registered on", () => {
    const a = analysed(
      [`${OKHTTP}<-- 503 Service Unavailable ${EAST} (1203ms)`, `${OKHTTP}<-- 200 OK ${WEST} (95ms)`].join(
        "\n",
      ),
    );
    expect(a.firstFailure).toMatchObject({
      namespace: "mobius",
      code: 503,
      host: "mobius-us-east-1.prod.infra.webex.com",
    });
    expect(a.summary).toContain(
      "mobius-us-east-1.prod.infra.webex.com answered Mobius 503 Service Unavailable (registration) on line 1; the client failed over to mobius-us-west-2.prod.infra.webex.com and registered (line 2).",
    );
    expect(a.failingComponent).toMatch(/^mobius-us-east-1/);
  });

  it("says nothing of a failover when the same cluster answers the retry", () => {
    const a = analysed(
      [`${OKHTTP}<-- 503 Service Unavailable ${EAST} (1203ms)`, `${OKHTTP}<-- 200 OK ${EAST} (95ms)`].join(
        "\n",
      ),
    );
    expect(a.summary).not.toContain("failed over");
  });
});
