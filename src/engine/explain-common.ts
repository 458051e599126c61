// What every kind of answer shares: namespace and entry labels for notes, typed text echoed back
// within a note's length, and the entries of one namespace.
import type { Entry, Namespace } from "../catalog/schema.js";

const NAMESPACE_LABEL: Record<Namespace, string> = {
  sip: "SIP",
  q850: "Q.850 cause",
  http: "HTTP",
  mobius: "Webex Calling (Mobius)",
  acs: "Azure Communication Services",
  exotel: "Exotel API",
  symptom: "symptom",
  timer: "timer",
};

export function namespaceLabel(ns: Namespace): string {
  return NAMESPACE_LABEL[ns];
}

/** "SIP 486 Busy Here", "Q.850 cause 17 User busy", "symptom One-way audio" for notes. */
export function labelOf(e: Entry): string {
  const number = e.code === null ? "" : ` ${e.code}${e.subcode === null ? "" : `/${e.subcode}`}`;
  return `${namespaceLabel(e.namespace)}${number} ${e.title}`;
}

/** Typed text echoed in a note: at most about 80 characters, cut between words. */
export function echo(text: string, max = 80): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function inNs(list: readonly Entry[] | undefined, ns: Namespace | null): Entry[] {
  if (!list) return [];
  return ns ? list.filter((e) => e.namespace === ns) : [...list];
}
