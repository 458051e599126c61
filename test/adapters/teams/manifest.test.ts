// The Teams app manifest agrees with the bot: every listed command gets a real answer in every
// scope, the compose extension's command and parameter are the ones the bot reads, and the icons
// and the package script produce what Teams' importer accepts.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { turnErrorHandler } from "../../../src/adapters/teams/adapter.js";
import { SipcodeTeamsBot } from "../../../src/adapters/teams/bot.js";
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER } from "../../../src/adapters/teams/search.js";
import { catalog } from "../../helpers/catalog.js";
import { cardOf, cardText, invoke, type Kind, memoryLogger, message, RecordingAdapter } from "./helpers.js";

const manifest = JSON.parse(readFileSync("manifests/teams/manifest.json", "utf8"));
const SCOPE_TO_KIND: Record<string, Kind> = { personal: "personal", team: "channel", groupChat: "groupChat" };

function bot() {
  const { logger } = memoryLogger();
  const b = new SipcodeTeamsBot({
    catalog: catalog(),
    logger,
    maskPhoneNumbers: true,
    autoExplain: false,
    secret: "s",
  });
  const adapter = new RecordingAdapter((ctx) => b.run(ctx));
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

describe("manifests/teams/manifest.json", () => {
  it("uses a current schema and placeholders for every id", () => {
    expect(manifest.$schema).toMatch(/\/teams\/v1\.(1[7-9]|2\d)\/MicrosoftTeams\.schema\.json$/);
    expect(manifest.manifestVersion).toBe(manifest.$schema.match(/v(1\.\d+)/)[1]);
    expect(manifest.id).toBe("{{MICROSOFT_APP_ID}}");
    expect(manifest.bots[0].botId).toBe("{{MICROSOFT_APP_ID}}");
    expect(manifest.composeExtensions[0].botId).toBe("{{MICROSOFT_APP_ID}}");
    expect(manifest.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("keeps within Teams' length limits", () => {
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    const commands = [
      ...manifest.bots[0].commandLists.flatMap((l: { commands: unknown[] }) => l.commands),
      ...manifest.composeExtensions[0].commands,
      ...manifest.composeExtensions[0].commands.flatMap((c: { parameters: unknown[] }) => c.parameters),
    ] as Array<{ title: string; description: string }>;
    for (const c of commands) {
      expect(c.title.length, c.title).toBeLessThanOrEqual(32);
      expect(c.description.length, c.title).toBeLessThanOrEqual(128);
    }
  });

  it("installs the bot in personal, team and group chat scopes", () => {
    expect([...manifest.bots[0].scopes].sort()).toEqual(["groupChat", "personal", "team"]);
  });

  it("asks for ChannelMessage.Read.Group and says it is only used for auto-explain", () => {
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: "ChannelMessage.Read.Group", type: "Application" },
    ]);
    expect(manifest.description.full).toMatch(/auto-explain/);
  });

  it("answers every listed command in every scope it is listed for", async () => {
    for (const list of manifest.bots[0].commandLists) {
      for (const scope of list.scopes as string[]) {
        for (const { title } of list.commands as Array<{ title: string }>) {
          const adapter = bot();
          const kind = SCOPE_TO_KIND[scope] ?? "personal";
          await adapter.processActivity(message(kind, title));
          const [reply, ...rest] = adapter.drain();
          expect(rest, `${scope} ${title}`).toEqual([]);
          const text = cardText(cardOf(reply));
          expect(text, `${scope} ${title}`).not.toMatch(/^No entry|^What would you like/);
          if (title === "help") expect(text).toContain("@sipcode 488");
          if (title === "timers") expect(text).toContain("SIP and Webex Calling timers");
        }
      }
    }
  });

  it("declares the compose search the bot implements", async () => {
    const [command, ...others] = manifest.composeExtensions[0].commands;
    expect(others).toEqual([]);
    expect(command).toMatchObject({ id: SEARCH_COMMAND_ID, type: "query" });
    expect(command.parameters.map((p: { name: string }) => p.name)).toEqual([SEARCH_PARAMETER]);
    const adapter = bot();
    const params = {
      commandId: command.id,
      parameters: [{ name: command.parameters[0].name, value: "488" }],
    };
    await adapter.processActivity(invoke("personal", "composeExtension/query", params));
    const response = adapter.drain().find((a) => a.type === "invokeResponse")?.value as {
      body: { composeExtension: { type: string } };
    };
    expect(response.body.composeExtension.type).toBe("result");
  });
});

function png(path: string) {
  const buf = readFileSync(path);
  const chunks: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    if (buf.toString("ascii", off + 4, off + 8) === "IDAT") chunks.push(buf.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    colorType: buf[25],
    raw: inflateSync(Buffer.concat(chunks)),
  };
}

describe("icons and package", () => {
  it("ships a 192×192 colour icon and a 32×32 white-on-transparent outline", () => {
    const color = png("manifests/teams/color.png");
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = png("manifests/teams/outline.png");
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    const pixels = new Set<string>();
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = y * (32 * 4 + 1) + 1 + x * 4;
        pixels.add(outline.raw.subarray(i, i + 4).join(","));
      }
    }
    expect([...pixels].sort()).toEqual(["0,0,0,0", "255,255,255,255"]);
  });

  it("commits exactly the icons scripts/teams-icons.mjs draws", () => {
    const dir = mkdtempSync(join(tmpdir(), "sipcode-icons-"));
    execFileSync(process.execPath, ["scripts/teams-icons.mjs", "--out-dir", dir]);
    for (const name of ["color.png", "outline.png"]) {
      expect(readFileSync(join(dir, name)).equals(readFileSync(`manifests/teams/${name}`)), name).toBe(true);
    }
  });

  it("packages manifest.json and both icons at the zip root with the app id filled in", () => {
    const out = join(mkdtempSync(join(tmpdir(), "sipcode-zip-")), "sipcode-teams.zip");
    const appId = "0a1b2c3d-0000-4000-8000-00000000abcd";
    execFileSync(process.execPath, ["scripts/package-teams.mjs", "--out", out], {
      env: { PATH: process.env.PATH, MICROSOFT_APP_ID: appId },
    });
    const zip = readFileSync(out);
    const entries = new Map<string, Buffer>();
    for (let off = 0; zip.readUInt32LE(off) === 0x04034b50; ) {
      const size = zip.readUInt32LE(off + 18);
      const nameLen = zip.readUInt16LE(off + 26);
      const name = zip.toString("utf8", off + 30, off + 30 + nameLen);
      entries.set(name, inflateRawSync(zip.subarray(off + 30 + nameLen, off + 30 + nameLen + size)));
      off += 30 + nameLen + size;
    }
    expect([...entries.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    const packed = JSON.parse(entries.get("manifest.json")?.toString("utf8") ?? "{}");
    expect(packed.id).toBe(appId);
    expect(packed.bots[0].botId).toBe(appId);
    expect(packed.validDomains).toEqual([]);
    expect(JSON.stringify(packed)).not.toContain("{{");
    expect(entries.get("outline.png")?.equals(readFileSync("manifests/teams/outline.png"))).toBe(true);
  });

  it("refuses to package without a GUID app id, saying what to set", () => {
    const r = spawnSync(
      process.execPath,
      ["scripts/package-teams.mjs", "--out", join(tmpdir(), "never.zip")],
      {
        env: { PATH: process.env.PATH },
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/set MICROSOFT_APP_ID/);
  });
});
