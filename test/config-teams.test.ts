// A MICROSOFT_APP_ID that is not a GUID stops the server at start, naming the variable, as
// `npm run package:teams` already refuses it: otherwise every real Teams request would fail with 401.
import { describe, expect, it } from "vitest";
import { GUID as PACKAGE_GUID } from "../scripts/package-teams.mjs";
import { loadConfig } from "../src/config.js";
import { GUID } from "../src/config-teams.js";
import { ConfigError } from "../src/errors.js";

const APP_ID = "0a1b2c3d-0000-4000-8000-00000000abcd";

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return "";
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.join("\n");
    throw err;
  }
}

describe("MICROSOFT_APP_ID", () => {
  it.each([
    ["the Azure Bot's resource name", "sipcode-bot"],
    ["a GUID cut short", "0a1b2c3d-0000-4000-8000-00000000abc"],
    ["a GUID in braces", `{${APP_ID}}`],
    ["a client secret pasted in the wrong variable", "Q~8kZ.abcDEFghiJKLmnoPQRstuVWXyz0123456789"],
  ])("refuses %s, naming the variable and not repeating the value", (_, appId) => {
    const types: Record<string, string>[] = [
      {},
      { MICROSOFT_APP_TYPE: "SingleTenant", MICROSOFT_APP_TENANT_ID: APP_ID },
    ];
    for (const type of types) {
      const said = problems({ MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: "p", ...type });
      expect(said).toMatch(/MICROSOFT_APP_ID must be the bot's Microsoft Entra app \(client\) id, a GUID/);
      expect(said).not.toContain(appId);
    }
    // A managed identity's client id is a GUID too.
    expect(
      problems({
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_TYPE: "UserAssignedMSI",
        MICROSOFT_APP_TENANT_ID: APP_ID,
      }),
    ).toMatch(/MICROSOFT_APP_ID must be/);
  });

  it("accepts a GUID in either case, and one pasted with a trailing newline as that GUID", () => {
    expect(
      loadConfig({ MICROSOFT_APP_ID: APP_ID.toUpperCase(), MICROSOFT_APP_PASSWORD: "p" }).teams?.appId,
    ).toBe(APP_ID.toUpperCase());
    expect(loadConfig({ MICROSOFT_APP_ID: ` ${APP_ID}\n`, MICROSOFT_APP_PASSWORD: "p" }).teams?.appId).toBe(
      APP_ID,
    );
  });

  it("is checked the same way when the server starts and when the Teams app is packaged", () => {
    expect(PACKAGE_GUID.source).toBe(GUID.source);
    expect(PACKAGE_GUID.flags).toBe(GUID.flags);
  });
});
