// A media measurement asked about ("high jitter 480 ms", "rtt 486 ms", "ptime 30ms", "packet loss
// 5 %", "mos 3.2"): the value belongs to the RTP stream or the network path, never to a SIP timer or
// a code, so the answer is the media symptom it shows up as, with what the value means.
import type { Catalog } from "../catalog/indexes.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import type { ParsedQuery } from "./query.js";

type Measure = "jitter" | "delay" | "rtt" | "ptime" | "loss" | "mos";

export interface MediaMeasurement {
  measure: Measure;
  /** The number as typed ("480", "3.2"). */
  value: string;
  /** The value in ms for a time, the percentage for a loss, the score for a MOS. */
  amount: number;
  /** A time typed without its unit ("jitter 40"): read as ms, and the note says so. */
  unitless: boolean;
}

const BARE_DELAY: [RegExp, Measure] = [/\bdelay\b/, "delay"];
/** The media word and what it measures, the most specific first. */
const WORDS: readonly [RegExp, Measure][] = [
  [/\bjitter\b/, "jitter"],
  [/\b(?:rtt|round[\s-]*trip(?:[\s-]*(?:time|delay|latency))?)\b/, "rtt"],
  [
    /\b(?:latency|(?:one[\s-]*way|mouth[\s-]*to[\s-]*ear|end[\s-]*to[\s-]*end|network|audio|voice|media|rtp)[\s-]+delay)\b/,
    "delay",
  ],
  [/\b(?:a=)?ptime\b/, "ptime"],
  [/\b(?:packet[\s-]*loss|packets?[\s-]+lost|loss)\b/, "loss"],
  [/\bmos\b/, "mos"],
  BARE_DELAY,
];

/**
 * Words of signalling or call setup: with them the number is a SIP matter ("INVITE retransmitted
 * after 486 ms", "post dial delay 16 s", "latency before 200 OK"), answered as before.
 */
const SIGNALLING =
  /\b(?:invite|ack|bye|cancel|register|options|prack|retransmi\w*|time[\s-]*outs?|timed[\s-]+out|timers?|t[124]|setup|pdd|post[\s-]*dial|ring\w*|answer\w*|200\s+ok|dial\w*|sip)\b/;

/** One value with an optional unit: "480 ms", "503ms", "1.2 s", "5 %", "3.2". */
const VALUE_RE =
  /(?<![\w.])(\d{1,6}(?:\.\d+)?)\s*(ms|msecs?|millisec(?:ond)?s?|s|secs?|seconds?|%|percent)?(?![\w.])/;

/** The media measurement a query asks about, or null when it names none or is about signalling. */
export function mediaMeasurement(text: string): MediaMeasurement | null {
  const lower = text.toLowerCase();
  if (!/\d/.test(lower) || SIGNALLING.test(lower)) return null;
  const word = WORDS.find(([re]) => re.test(lower));
  if (!word) return null;
  const measure = word[1];
  const m = VALUE_RE.exec(lower);
  if (!m?.[1]) return null;
  const unit = m[2] ?? "";
  const n = Number(m[1]);
  const time = measure !== "loss" && measure !== "mos";
  // A time needs its unit, or it may be a count ("jitter 40" in a stats line); a loss may be a
  // percentage or a count of packets; a MOS has no unit.
  if (time && (unit === "%" || unit === "percent")) return null;
  if (measure === "mos" && unit !== "") return null;
  // "delay" with no media word may be post-dial delay, counted in seconds: only ms reads as media.
  if (word === BARE_DELAY && !unit.startsWith("m")) return null;
  const amount = time && unit !== "" && !unit.startsWith("m") ? n * 1000 : n;
  return { measure, value: m[1], amount, unitless: time && unit === "" };
}

/** The symptom a measurement is heard as: delay as talk-over, the rest as choppy audio. */
function symptomOf(m: Measure): string {
  return m === "delay" || m === "rtt" ? "symptom/audio-delay" : "symptom/choppy-audio";
}

const ms = (v: number) => `${Math.round(v)} ms`;

/** ITU-T G.114's planning limits for one-way (mouth-to-ear) delay: 150 ms and 400 ms. */
function delayReading(oneWay: number): string {
  if (oneWay <= 150) return "within the 150 ms one-way delay ITU-T G.114 recommends for most uses";
  if (oneWay <= 400)
    return "above the 150 ms one-way delay ITU-T G.114 recommends for most uses, so talkers start to overlap";
  return "above the 400 ms one-way delay ITU-T G.114 calls unacceptable for general network planning";
}

function meaning(m: MediaMeasurement, typed: string): string {
  switch (m.measure) {
    case "jitter":
      return `Jitter of ${ms(m.amount)} is the variation in RTP packet arrival times, measured by RTCP or the endpoint's call stats. More jitter than the receiving jitter buffer holds is heard as choppy or robotic audio, and a buffer grown to absorb it adds delay.`;
    case "rtt":
      return `A round trip of ${ms(m.amount)} is about ${ms(m.amount / 2)} each way on a symmetric path, ${delayReading(m.amount / 2)}.`;
    case "delay":
      // "Latency" may be one way or, as ping reports it, a round trip: both readings are given.
      return /\blatency\b/.test(typed)
        ? `Latency of ${ms(m.amount)}, as one-way delay, is ${delayReading(m.amount)}; as a round trip (as ping reports it), it is about ${ms(m.amount / 2)} each way, ${delayReading(m.amount / 2)}.`
        : `A delay of ${ms(m.amount)} is ${delayReading(m.amount)}.`;
    case "ptime":
      return m.amount === 20
        ? "ptime 20 ms (a=ptime in the SDP) is the usual packetisation interval: RFC 3551's default for G.711 and most audio codecs."
        : `ptime ${ms(m.amount)} (a=ptime in the SDP) is the packetisation interval, not the usual 20 ms (RFC 3551's default for G.711): a side that cannot send or receive ${ms(m.amount)} packets may refuse the offer (488 Not Acceptable Here) or play the audio choppy. Compare a=ptime and a=maxptime in both SDPs.`;
    case "loss":
      return `Packet loss of ${m.value}${/%|percent/.test(typed) ? " %" : ""} counts RTP packets that never arrived; what packet-loss concealment cannot hide is heard as gaps and choppy audio.`;
    case "mos":
      return `MOS ${m.value} is a call-quality score on ITU-T P.800's scale from 1 (bad) to 5 (excellent).`;
  }
}

export function mediaResult(
  c: Catalog,
  query: string,
  parsed: ParsedQuery,
  m: MediaMeasurement,
): ExplainResult | null {
  const entry = c.byId.get(symptomOf(m.measure)) ?? c.byId.get("symptom/choppy-audio");
  if (!entry) return null;
  const unit = m.unitless ? ` ${m.value} is read as ms.` : "";
  const note = `"${echo(query, 60)}" is a media measurement, not a code or a SIP timer.${unit} ${meaning(m, query.toLowerCase())}`;
  return {
    query,
    kind: "found",
    parsed,
    results: [entry],
    others: [],
    classEntry: null,
    note,
    suggestions: [],
  };
}
