// Writes a realistic mixed log of the requested size: SIP traces from a proxy, pjsip-style lines,
// FreeSWITCH hangups, Mobius and HTTP client lines, mostly normal traffic with some failures.
import { createWriteStream } from "node:fs";

const TEMPLATES = [
  (i, t) =>
    `${t} [DEBUG] sofia.c:7493 Channel sofia/external/1000@10.0.${i % 250}.7 entering state [proceeding][100]`,
  (i, t) =>
    `${t} pjsua_core.c  .RX 512 bytes Response msg 180/INVITE/cseq=${i} (rdata0x7f) from UDP 10.1.2.${i % 250}:5060:`,
  (i, t) =>
    `${t} kamailio[${1000 + (i % 50)}]: INFO: <script>: relaying INVITE sip:+1415555${String(i % 10000).padStart(4, "0")}@carrier.example.net`,
  (i) =>
    `SIP/2.0 200 OK\nVia: SIP/2.0/UDP 10.0.0.${i % 250}:5060;branch=z9hG4bK${i}\nCall-ID: ${i}-a84b4c76e66710@pc33\nCSeq: ${i} INVITE\nContent-Length: 0\n`,
  (_i, t) =>
    `${t} [NOTICE] switch_channel.c:4820 Hangup sofia/internal/1000@10.0.0.5 [CS_EXECUTE] [NORMAL_CLEARING]`,
  (i, t) =>
    `${t} INFO  c.c.w.m.call.CallHandler : [trackingId=WEBCLIENT_${i}] call keepalive received for device ${i}`,
  (i, t) => `${t} okhttp.OkHttpClient  I  <-- 200 OK https://api.example.com/v1/calls/${i} (${i % 900}ms)`,
  (i, t) =>
    `${t} rtpengine[${i % 99}]: INFO: [${i}@pc33] Final packet stats: ${i % 5000} packets, ${i % 90000} bytes, 0 errors`,
  (i) =>
    `INVITE sip:bob@biloxi.example.com SIP/2.0\nCSeq: ${i} INVITE\nMax-Forwards: 70\nContent-Type: application/sdp\nContent-Length: 142\n\nv=0\no=alice 2890844526 2890844526 IN IP4 10.0.0.1\nm=audio 49170 RTP/AVP 0 8 101\na=rtpmap:101 telephone-event/8000\n`,
];
const FAILURES = [
  (i) =>
    `SIP/2.0 486 Busy Here\nVia: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK${i}\nCSeq: ${i} INVITE\nReason: Q.850;cause=17;text="USER_BUSY"\n`,
  (_i, t) =>
    `${t} ERROR c.c.w.m.call.CallHandler : Call: Error code: 403 : FORBIDDEN, mobius-error: 118, due to Not Acceptable`,
  (_i, t) => `${t} WARN  callEndReason {"code": 410, "subCode": 3112}`,
];

export async function generateLog(path, bytes) {
  const out = createWriteStream(path);
  let written = 0;
  let i = 0;
  const base = Date.parse("2024-05-01T10:00:00Z");
  while (written < bytes) {
    const chunk = [];
    for (let k = 0; k < 2000; k++, i++) {
      const t = new Date(base + i * 7).toISOString();
      const tpl = i % 997 === 0 ? FAILURES[i % FAILURES.length] : TEMPLATES[i % TEMPLATES.length];
      chunk.push(tpl(i, t));
    }
    const text = `${chunk.join("\n")}\n`;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise((r) => out.once("drain", r));
  }
  await new Promise((r) => out.end(r));
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path = "/tmp/sipcode-bench.log", mb = "100"] = process.argv.slice(2);
  console.log(await generateLog(path, Number(mb) * 1024 * 1024));
}
