// The numbers in the transaction timers' catalog wording that follow T1/T2/T4, and what each
// becomes for the chosen values.
import { type Base, type Profile, seconds } from "./timer-base.js";

/**
 * The numbers in a transaction timer's catalog wording that derive from T1/T2/T4. The catalog writes
 * them for the RFC 3261 defaults; each `text` is replaced by its value for the chosen T1/T2/T4, so
 * the card's sentences agree with its numbers (and read as the catalog does with the defaults).
 */
export const WORDING: Readonly<
  Record<
    string,
    ReadonlyArray<{
      field: "formula" | "firesWhen";
      text: string;
      value: (b: Base, profile: Profile) => string;
    }>
  >
> = {
  "timer/a": [{ field: "firesWhen", text: "0.5, 1, 2, 4 s", value: (b) => doubling(b.t1) }],
  "timer/b": [{ field: "firesWhen", text: "about 32 s", value: (b) => `about ${seconds(64 * b.t1)}` }],
  // Timer D is fixed, not derived from T1: only the IMS profile changes it.
  "timer/d": [
    {
      field: "formula",
      text: "> 32 s for UDP",
      value: (_b, profile) => (profile === "ims" ? "> 128 s for UDP (3GPP TS 24.229)" : "> 32 s for UDP"),
    },
  ],
  "timer/e": [{ field: "firesWhen", text: "every 4 s", value: (b) => `every ${seconds(b.t2)}` }],
  "timer/f": [{ field: "firesWhen", text: "about 32 s", value: (b) => `about ${seconds(64 * b.t1)}` }],
  "timer/h": [{ field: "firesWhen", text: "~32 s", value: (b) => `~${seconds(64 * b.t1)}` }],
  "timer/l": [{ field: "firesWhen", text: "32 s after", value: (b) => `${seconds(64 * b.t1)} after` }],
  "timer/m": [{ field: "firesWhen", text: "32 s after", value: (b) => `${seconds(64 * b.t1)} after` }],
};

/** "0.5, 1, 2, 4 s": the first four intervals of a retransmission that starts at T1 and doubles. */
function doubling(t1: number): string {
  return `${[1, 2, 4, 8].map((k) => Number(((k * t1) / 1000).toFixed(3))).join(", ")} s`;
}
