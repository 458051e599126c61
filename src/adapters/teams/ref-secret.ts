// The secret that signs checklist snapshots (RefCodec). It must not be public (the app id is, and with
// UserAssignedMSI there is no password) and every replica must hold the same one, or a tick that
// lands on another replica is refused: the client secret when there is one, else a random key kept
// in the shared Store, else (Store unreachable at start) a per-process key, with a warning.
import { randomBytes } from "node:crypto";
import type { Logger } from "../../log.js";
import type { Store } from "../../store/store.js";

export const SECRET_KEY = "teams:checklist-secret";
/** Kept far longer than any card lives; each start renews it, so a running deployment keeps its key. */
export const SECRET_TTL_MS = 10 * 365 * 24 * 3600 * 1000;
/** A replica that starts while another is creating the key waits for it this long, polling. */
const WAIT_MS = 3_000;
const POLL_MS = 50;

const fresh = () => randomBytes(32).toString("base64url");
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isSecret(x: unknown): x is string {
  return typeof x === "string" && x.length >= 32;
}

/** The Store's key, created by whichever replica gets there first (claim is SET NX). */
async function sharedSecret(store: Store, deadline: number): Promise<string> {
  while (Date.now() < deadline) {
    const existing = await store.getJson<unknown>(SECRET_KEY);
    if (isSecret(existing)) {
      await store.setJson(SECRET_KEY, existing, SECRET_TTL_MS);
      return existing;
    }
    if (await store.claim(`${SECRET_KEY}:creating`, WAIT_MS)) {
      const secret = fresh();
      await store.setJson(SECRET_KEY, secret, SECRET_TTL_MS);
      return secret;
    }
    await sleep(POLL_MS);
  }
  throw new Error("no checklist secret appeared in the store in time");
}

export interface SecretSource {
  /** MICROSOFT_APP_PASSWORD: secret, and the same on every replica. RefCodec derives its key from it. */
  password?: string;
  store: Store;
  logger: Logger;
  /** How long to wait for the Store before falling back to a per-process key. */
  waitMs?: number;
}

export async function checklistSecret({ password, store, logger, waitMs = WAIT_MS }: SecretSource) {
  if (password) return password;
  const deadline = Date.now() + waitMs;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("the store did not answer in time")), waitMs);
    });
    return await Promise.race([sharedSecret(store, deadline), timeout]);
  } catch (err) {
    logger.warn(
      "checklist snapshots are signed with a key of this process only: ticks on pasted-log cards will work only on this replica until it restarts with the store reachable",
      { err },
    );
    return fresh();
  } finally {
    clearTimeout(timer);
  }
}
