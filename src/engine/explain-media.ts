// A media measurement asked about ("high jitter 480 ms", "rtt 486 ms", "ptime 30ms", "packet loss
// 5 %", "mos 3.2"): the value belongs to the RTP stream or the network path, never to a SIP timer or
// a code, so the answer is the media symptom it shows up as, with what the value means and, where a
// standard or the packet interval gives a yardstick, whether the value is healthy.
import type { Catalog } from "../catalog/indexes.js";
import type { ExplainResult } from "./explain.js";
import { echo } from "./explain-common.js";
import type { ParsedQuery } from "./query.js";

type Measure = "jitter" | "jbuf" | "delay" | "rtt" | "ptime" | "loss" | "mos";

export interface MediaMeasurement {
  measure: Measure;
  /** The number as typed ("480", "3.2"). */
  value: string;
  /** The value in ms for a time, the percentage for a loss, the score for a MOS. */
  amount: number;
  /** A time typed without its unit ("jitter 40"): read as ms, and the note says so. */
  unitless: boolean;
  /** The unit as typed, "%" for a percentage; "" when none. */
  unit: string;
}

const BARE_DELAY: [RegExp, Measure] = [/\bdelay\b/, "delay"];
/** The media word and what it measures, the most specific first. */
const WORDS: readonly [RegExp, Measure][] = [
  // A jitter buffer's size is a setting of the receiver, not jitter measured on the stream.
  [/\b(?:de-?)?jitter[\s-]*buffer\b|\bjitterbuffer\b/, "jbuf"],
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
  const shown = unit === "percent" ? "%" : unit;
  return { measure, value: m[1], amount, unitless: time && unit === "", unit: shown };
}

/** The symptom a measurement is heard as: delay as talk-over, the rest as choppy audio. */
function symptomOf(m: Measure): string {
  return m === "delay" || m === "rtt" ? "symptom/audio-delay" : "symptom/choppy-audio";
}

const ms = (v: number) => `${Math.round(v)} ms`;

/** The usual packetisation interval (RFC 3551's default ptime), the yardstick for jitter and loss. */
const PACKET_MS = 20;

/**
 * ITU-T G.107's user-satisfaction bands for the E-model's R, as MOS (its Annex B conversion):
 * R 90, 80, 70, 60 and 50 are MOS 4.34, 4.03, 3.60, 3.10 and 2.58.
 */
const MOS_BANDS: readonly [number, string][] = [
  [4.34, "good: ITU-T G.107 rates 4.34 and above (R 90 or more) as users very satisfied"],
  [4.03, "good: ITU-T G.107 rates 4.03 to 4.34 (R 80 to 90) as users satisfied"],
  [3.6, "fair: ITU-T G.107 rates 3.60 to 4.03 (R 70 to 80) as some users dissatisfied"],
  [3.1, "poor: ITU-T G.107 rates 3.10 to 3.60 (R 60 to 70) as many users dissatisfied"],
  [2.58, "poor: ITU-T G.107 rates 2.58 to 3.10 (R 50 to 60) as nearly all users dissatisfied"],
  [1, "bad: ITU-T G.107 does not recommend planning for a score under 2.58 (R below 50)"],
];

/** Whether the value is healthy, said before anything else; null when the meaning carries it. */
function verdict(m: MediaMeasurement): string | null {
  switch (m.measure) {
    case "mos": {
      if (m.amount < 1 || m.amount > 5)
        return `MOS ${m.value} is outside ITU-T P.800's scale from 1 (bad) to 5 (excellent): check which score the tool reports (an E-model R runs 0 to 100).`;
      const band = MOS_BANDS.find(([floor]) => m.amount >= floor);
      const healthy = m.amount >= 4.03 ? ", no sign of a media fault" : "";
      return `MOS ${m.value} is ${band?.[1]}${healthy}.`;
    }
    case "jitter":
      // No standard sets a jitter limit; less than one packet interval is what any jitter buffer absorbs.
      return m.amount < PACKET_MS
        ? `Jitter of ${ms(m.amount)} is low: below one ${PACKET_MS} ms packet interval, which a jitter buffer absorbs, so it is no sign of a media fault.`
        : null;
    case "loss":
      return isPercent(m) && m.amount < 1
        ? `Packet loss of ${m.value} % is low: below 1 in 100 packets, about one ${PACKET_MS} ms packet every ${seconds(lossGap(m.amount))}, which packet-loss concealment usually hides, so it is no sign of a media fault.`
        : null;
    default:
      return null;
  }
}

/** Whether a loss was typed as a percentage rather than a count of packets. */
const isPercent = (m: MediaMeasurement) => m.unit === "%";
/** Seconds between lost packets for a loss of `pct` % of a 20 ms stream (50 packets a second). */
const lossGap = (pct: number) => 100 / (pct * (1000 / PACKET_MS));
const seconds = (s: number) => (s >= 1 ? `${Number(s.toFixed(1))} s` : `${Math.round(s * 1000)} ms`);

/** ITU-T G.114's planning limits for one-way (mouth-to-ear) delay: 150 ms and 400 ms. */
function delayReading(oneWay: number): string {
  if (oneWay <= 150) return "within the 150 ms one-way delay ITU-T G.114 recommends for most uses";
  if (oneWay <= 400)
    return "above the 150 ms one-way delay ITU-T G.114 recommends for most uses, so talkers start to overlap";
  return "above the 400 ms one-way delay ITU-T G.114 calls unacceptable for general network planning";
}

function meaning(m: MediaMeasurement, typed: string): string {
  switch (m.measure) {
    case "jitter": {
      const size =
        m.amount >= PACKET_MS
          ? ` ${ms(m.amount)} is ${Number((m.amount / PACKET_MS).toFixed(1))} packet intervals of ${PACKET_MS} ms: the receiver's jitter buffer must hold at least that much, or late packets are dropped.`
          : "";
      return `Jitter of ${ms(m.amount)} is the variation in RTP packet arrival times, measured by RTCP or the endpoint's call stats.${size} More jitter than the receiving jitter buffer holds is heard as choppy or robotic audio, and a buffer grown to absorb it adds delay.`;
    }
    case "jbuf":
      return `A jitter buffer of ${ms(m.amount)} is the receiver's buffer size, not measured jitter: it absorbs arrival-time variation up to about ${ms(m.amount)}, and adds up to that much to the one-way delay. Packets later than the buffer holds are dropped and heard as choppy audio; compare it with the jitter the call stats or RTCP report.`;
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
    case "loss": {
      // A percentage is put in packets: how often a 20 ms packet goes missing.
      const rate =
        isPercent(m) && m.amount >= 1 && m.amount <= 100
          ? ` At ${Math.round(1000 / PACKET_MS)} packets a second (${PACKET_MS} ms packets), ${m.value} % is one packet lost every ${seconds(lossGap(m.amount))}; how much is heard depends on the codec's concealment and on whether losses come in bursts.`
          : "";
      return `Packet loss of ${m.value}${isPercent(m) ? " %" : ""} counts RTP packets that never arrived; what packet-loss concealment cannot hide is heard as gaps and choppy audio.${rate}`;
    }
    case "mos":
      return "MOS is a call-quality score on ITU-T P.800's scale from 1 (bad) to 5 (excellent).";
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
  const kind = m.measure === "jbuf" ? "media setting" : "media measurement";
  const said = `"${echo(query, 60)}" is a ${kind}, not a code or a SIP timer.${unit} ${meaning(m, query.toLowerCase())}`;
  // The verdict leads, so a healthy value is not read as the fault the symptom card describes.
  const judged = verdict(m);
  const note = judged ? `${judged} ${said}` : said;
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
