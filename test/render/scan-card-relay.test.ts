// A B2BUA's relay of its outbound leg's failure to its caller shows as that failure passed on (↳),
// not as a second failure, in the card's timeline and counts on every platform.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { scanText } from "../../src/engine/scan/scanner.js";
import { toAdaptiveCard } from "../../src/render/adaptive-card.js";
import { toBlocks } from "../../src/render/block-kit.js";
import { scanCard } from "../../src/render/scan-card.js";
import { cardToText } from "../../src/render/text.js";
import { catalog } from "../helpers/catalog.js";
import { CUBE_488_RELAYED } from "../helpers/cube-trace.js";

const card = () => scanCard(analyze(catalog(), scanText(catalog(), CUBE_488_RELAYED)));
const RELAYED_503 = "↳ SIP 503 Service Unavailable (INVITE) — line 43, relayed to the caller from line 33";

describe("the card of a carrier's 488 that CUBE relays as a 503 with cause 65", () => {
  it("shows the 503 and its cause as relayed rows under the 488", () => {
    const text = cardToText(card());
    expect(text).toContain("✗ SIP 488 Not Acceptable Here (INVITE) — line 33");
    expect(text).toContain(RELAYED_503);
    expect(text).toContain(
      "↳ Q.850 cause 65 Bearer capability not implemented — line 49, relayed to the caller from line 33",
    );
    expect(text).not.toMatch(/✗ (SIP 503|Q\.850 cause 65)/);
  });

  it("counts one failing code and the relayed ones apart", () => {
    expect(card().fields[0]).toEqual({ label: "Codes found", value: "4 (4 distinct, 1 failing, 2 relayed)" });
  });

  it("reads the same in Slack and Teams", () => {
    expect(JSON.stringify(toBlocks([card()]))).toContain(RELAYED_503);
    expect(JSON.stringify(toAdaptiveCard([card()]))).toContain(RELAYED_503);
  });
});
