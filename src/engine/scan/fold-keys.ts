// The timeline keys of the finding store: one per code, subcode and sending host, each with how many
// of its findings are kept per form and how many repeats were folded. Bounded: MAX_KEYS keys over
// at most MAX_CODES codes; numeric maps all the way down, so a repeat builds no string.
import type { Namespace } from "../../catalog/schema.js";
import { copy } from "./detach.js";
import type { Finding } from "./finding.js";
import { hostRole } from "./hosts.js";

export { copy, detach } from "./detach.js";

/** Repeats not stored, per timeline key: analyze adds them to the count of the kept ones. */
export interface FoldedCount {
  key: string;
  namespace: Namespace;
  code: number;
  subcode: number | null;
  host?: string;
  count: number;
}

/** Code-and-host keys tracked; past that, a new host's repeats are counted but not attributed,
 *  and each code (MAX_CODES of them) still has its first few kept whatever their host. */
export const MAX_KEYS = 2048;
export const MAX_CODES = 1024;

/** The timeline key analyze groups findings by: a code, and the host that sent it. */
export function groupKey(f: Pick<Finding, "namespace" | "code" | "subcode" | "host">): string {
  return `${f.namespace}:${f.code}:${f.subcode}:${f.host ?? ""}`;
}

/** How one timeline key is stored: as it comes, as the failing form of a normally normal code,
 *  or as a challenge no success answered. Each form keeps its own first few. */
export const PLAIN = 0;
export const FAILING = 1;
export const UNANSWERED = 2;

export interface KeyState {
  /** Kept findings per form. */
  kept: Int32Array;
  folded: FoldedCount;
}

export const count = (s: KeyState, form: number) => s.kept[form] ?? 0;

/** The keys of one code and subcode, by host ("" for none). */
export interface CodeKeys {
  hosts: Map<string, KeyState>;
  /** Kept while no key was left for a new host. */
  overflow: number;
}

export class FoldKeys {
  /** Keys by namespace, code and subcode, then host. */
  private readonly keys = new Map<Namespace, Map<number, Map<number, CodeKeys>>>();
  private keyCount = 0;
  private codeCount = 0;

  /** The key of a code from a host; undefined once MAX_KEYS are tracked and this one is new. */
  state(
    namespace: Namespace,
    code: number,
    subcode: number | null,
    host: string | undefined,
  ): KeyState | undefined {
    const keys = this.codeKeys(namespace, code, subcode);
    let s = keys?.hosts.get(host ?? "");
    if (!s && keys && this.keyCount < MAX_KEYS) {
      this.keyCount++;
      host = host === undefined ? host : copy(host);
      const folded: FoldedCount = { key: "", namespace, code, subcode, count: 0 };
      folded.key = groupKey({ namespace, code, subcode, host });
      if (host) folded.host = host;
      s = { kept: new Int32Array(3), folded };
      keys.hosts.set(host ?? "", s);
    }
    return s;
  }

  /** The hosts of one code (numeric maps all the way: a repeat builds no string). */
  codeKeys(namespace: Namespace, code: number, subcode: number | null): CodeKeys | undefined {
    let byCode = this.keys.get(namespace);
    if (!byCode) {
      byCode = new Map();
      this.keys.set(namespace, byCode);
    }
    let bySub = byCode.get(code);
    if (!bySub) {
      bySub = new Map();
      byCode.set(code, bySub);
    }
    let keys = bySub.get(subcode ?? -1);
    if (!keys && this.codeCount < MAX_CODES) {
      this.codeCount++;
      keys = { hosts: new Map(), overflow: 0 };
      bySub.set(subcode ?? -1, keys);
    }
    return keys;
  }
}

/**
 * The host part of a finding's timeline key: the host that sent it, "" for none, and ">host" for
 * one this log's system sent to host, so a response sent and one received never share a row.
 */
export function keyHost(f: Pick<Finding, "host" | "text" | "direction">): string {
  if (!f.host) return "";
  return hostRole(f.text, f.host, f.direction) === "receiver" ? `>${f.host}` : f.host;
}

/** The part a host played, read from the direction its line was logged in (as hostRole does). */
export function roleOf(direction: "in" | "out" | "local" | undefined): "sender" | "receiver" | undefined {
  return direction === "in" ? "sender" : direction === "out" ? "receiver" : undefined;
}

/**
 * The form a finding is stored under: a code that is normal on one line and a failure on another
 * ("NORMAL_CLEARING" vs "Originate Failed. Cause: NORMAL_CLEARING") keeps its failing form too,
 * even after many normal ones.
 */
export function form(ns: Namespace, code: number, line: string): number {
  return ns === "q850" && (code === 16 || code === 31) && /fail|error/i.test(line) ? FAILING : PLAIN;
}
