// The /sipcode ack on the wire: JSON with its length, the same bytes for a cached answer, every
// answer counted in /metrics; in Socket Mode (no HTTP response) the object itself is acked.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ackJson, jsonAck } from "../../../src/adapters/slack/json-ack.js";
import type { RunningServer } from "../../../src/server.js";
import { postSigned, slashCommand, startSlackServer } from "./harness.js";

const FORM = "application/x-www-form-urlencoded";

let server: RunningServer;
beforeAll(async () => {
  server = await startSlackServer();
});
afterAll(async () => {
  await server.close();
});

/** Slack answers of every kind so far, from /metrics. */
async function answers(): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  return text
    .split("\n")
    .filter((l) => l.startsWith("sipcode_answers_total{") && l.includes('surface="slack"'))
    .reduce((sum, l) => sum + Number(l.split(" ")[1]), 0);
}

describe("/sipcode ack", () => {
  it("is JSON with a content length, byte for byte the same when answered from the cache", async () => {
    const first = await postSigned(server, slashCommand("503"), FORM);
    const second = await postSigned(server, slashCommand("503"), FORM);
    const [a, b] = [Buffer.from(await first.arrayBuffer()), Buffer.from(await second.arrayBuffer())];
    for (const res of [first, second]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
    }
    expect(Number(first.headers.get("content-length"))).toBe(a.length);
    expect(b.equals(a)).toBe(true);
    const body = JSON.parse(a.toString("utf8")) as { response_type: string; blocks: unknown[]; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.blocks.length).toBeGreaterThan(3);
    expect(body.text).toMatch(/503/);
  });

  it("counts an answer served from the cache like a fresh one", async () => {
    await (await postSigned(server, slashCommand("486"), FORM)).text();
    const before = await answers();
    await (await postSigned(server, slashCommand("486"), FORM)).text();
    await (await postSigned(server, slashCommand("486"), FORM)).text();
    expect(await answers()).toBe(before + 2);
  });
});

describe("jsonAck", () => {
  it("serialises once, as ASCII JSON that parses back to the same value", () => {
    const value = { response_type: "ephemeral" as const, text: "SIP 488 — not acceptable… ≈ 😀" };
    const prepared = jsonAck(value);
    expect(prepared.json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(prepared.json)).toEqual(value);
    expect(prepared.bytes).toBe(Buffer.byteLength(prepared.json));
  });

  it("acks the object itself when there is no HTTP response (Socket Mode)", async () => {
    const ack = vi.fn(async () => {});
    const prepared = jsonAck({ text: "x" });
    await ackJson(ack, {}, prepared);
    expect(ack).toHaveBeenCalledWith(prepared.value);
  });
});
