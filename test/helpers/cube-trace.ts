// A Cisco IOS gateway's "debug ccsip messages" output of the 403 a carrier sent it: the scanner tests
// paste it plain, indented and quoted.
export const CUBE_403 = `Mar  5 03:01:13.880: //164/4B3C2D1E8F1A/SIP/Msg/ccsipDisplayMsg:
Received:
SIP/2.0 403 Forbidden
Via: SIP/2.0/UDP 198.51.100.10:5060;branch=z9hG4bK1A2B3C
From: <sip:+14155550123@198.51.100.10>;tag=9F8E7D-1C2B
To: <sip:+442079460958@sip.telnyx.com>;tag=as7d8e9f
Call-ID: 4B3C2D1E-DA1B11EE-8F1A9C2B-7D6E5F4A@198.51.100.10
CSeq: 101 INVITE
Content-Length: 0
`;

/** One message of "debug ccsip messages": its header line, the Sent:/Received: marker, the SIP text. */
export const cubeMessage = (
  at: string,
  marker: "Sent:" | "Received:",
  first: string,
  callId: string,
  via: string,
  extra: string[] = [],
) =>
  [
    `Mar  5 03:01:${at}: //164/4B3C2D1E8F1A/SIP/Msg/ccsipDisplayMsg:`,
    marker,
    first,
    `Via: SIP/2.0/UDP ${via}:5060;branch=z9hG4bK1A2B3C`,
    "From: <sip:+14155550123@198.51.100.10>;tag=9F8E7D-1C2B",
    "To: <sip:+442079460958@sip.telnyx.com>",
    `Call-ID: ${callId}`,
    "CSeq: 101 INVITE",
    ...extra,
    "Content-Length: 0",
    "",
  ].join("\n");

export const CUCM_LEG = "8A1B2C00-1ED1A2B3-1C2D-0505A0A@10.10.10.5";
export const CARRIER_LEG = "4B3C2D1E-DA1B11EE-8F1A9C2B-7D6E5F4A@198.51.100.10";

/** CUBE passes CUCM's INVITE to the carrier, the carrier refuses the offer with a 488, and 10 ms
 *  later CUBE answers CUCM with a 503 carrying Reason: Q.850;cause=65 (a real CUBE Reason). */
export const CUBE_488_RELAYED = [
  cubeMessage(
    "13.700",
    "Received:",
    "INVITE sip:+442079460958@10.10.10.1:5060 SIP/2.0",
    CUCM_LEG,
    "10.10.10.5",
  ),
  cubeMessage("13.702", "Sent:", "SIP/2.0 100 Trying", CUCM_LEG, "10.10.10.5"),
  cubeMessage(
    "13.710",
    "Sent:",
    "INVITE sip:+442079460958@sip.telnyx.com:5060 SIP/2.0",
    CARRIER_LEG,
    "198.51.100.10",
  ),
  cubeMessage("13.870", "Received:", "SIP/2.0 488 Not Acceptable Here", CARRIER_LEG, "198.51.100.10"),
  cubeMessage("13.880", "Sent:", "SIP/2.0 503 Service Unavailable", CUCM_LEG, "10.10.10.5", [
    "Reason: Q.850;cause=65",
  ]),
].join("\n");

/** One "debug ccsip messages" message of CUBE at 03:20:01.`ms`, under call GUID `guid` ("x":
 *  CUBE's "no GUID yet", as it prints a received first INVITE). */
export const cubeAt = (ms: string, guid: string, marker: string, first: string, headers: string[]) =>
  [
    `*Mar  5 03:20:01.${ms}: //${guid === "x" ? "-1/xxxxxxxxxxxx" : `1002/${guid}`}/SIP/Msg/ccsipDisplayMsg:`,
    marker,
    first,
    ...headers,
    "Content-Length: 0",
    "",
  ].join("\n");
