// Cards carried inside a message, for answers that cannot be rebuilt from a question (a pasted log
// is never carried back to the platform): the cards as shown, already redacted, compressed and
// signed, as "z:<signature>.<payload>". A click later opens the snapshot; a forged or damaged one
// opens to null. Slack buttons and Teams card actions both use it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { clip } from "./adaptive-parts.js";
import type { Card } from "./card.js";

/** The most a snapshot may inflate to: a bound on what a crafted payload can make us allocate. */
const MAX_SNAPSHOT_BYTES = 200_000;

export class CardSnapshots {
  private readonly key: Buffer;

  /** `purpose` keeps keys apart, so a snapshot made for one use never opens for another. */
  constructor(secret: string, purpose: string) {
    this.key = createHmac("sha256", purpose).update(secret).digest();
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url").slice(0, 22);
  }

  /** A signed, compressed copy of any JSON value. */
  seal(value: unknown): string {
    const payload = deflateRawSync(JSON.stringify(value)).toString("base64url");
    return `z:${this.sign(payload)}.${payload}`;
  }

  /** The value a snapshot holds, or null when it is not one this bot signed or cannot be read. */
  open(ref: string): unknown {
    if (!ref.startsWith("z:")) return null;
    const [sig = "", payload = ""] = ref.slice(2).split(".", 2);
    const want = Buffer.from(this.sign(payload));
    if (want.length !== Buffer.byteLength(sig) || !timingSafeEqual(want, Buffer.from(sig))) return null;
    try {
      const json = inflateRawSync(Buffer.from(payload, "base64url"), { maxOutputLength: MAX_SNAPSHOT_BYTES });
      return JSON.parse(json.toString("utf8"));
    } catch {
      return null;
    }
  }
}

/** Whether an opened value has the shape of a Card (the renderers rely on these fields). */
export function isCard(x: unknown): x is Card {
  const c = x as Card;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.title === "string" &&
    Array.isArray(c.fields) &&
    Array.isArray(c.sections) &&
    Array.isArray(c.checklist) &&
    c.checklist.every((i) => typeof i === "string") &&
    Array.isArray(c.links) &&
    Array.isArray(c.others)
  );
}

/**
 * A smaller copy of a card for a snapshot that must fit a size limit: at most `items` items per
 * section (0: only the first section), texts cut to `chars`, five links and related entries.
 */
export function shrinkCard(c: Card, items: number, chars: number): Card {
  const sections = c.sections
    .slice(0, items === 0 ? 1 : undefined)
    .map((s) => ({ ...s, text: s.text && clip(s.text, chars), items: s.items?.slice(0, items) }));
  return { ...c, sections, others: c.others.slice(0, 5), links: c.links.slice(0, 5) };
}
