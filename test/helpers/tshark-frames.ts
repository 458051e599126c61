// tshark -V frame trees for the scanner's tests: each layer's fields printed in full, the SIP
// message (a response with its Reason header dissected) at the bottom; -P puts the summary line above.

/** One frame as `tshark -V` prints it, with its layers' fields in full. */
export function frame(n: number, second: number, code: number, phrase: string, summary: boolean): string[] {
  const src = "203.0.113.10";
  return [
    ...(summary
      ? [`  ${n} ${second}.000000000 ${src} → 198.51.100.20 SIP 612 Status: ${code} ${phrase} | `]
      : []),
    `Frame ${n}: 612 bytes on wire (4896 bits), 612 bytes captured (4896 bits) on interface eth0, id 0`,
    "    Section number: 1",
    "    Interface id: 0 (eth0)",
    "        Interface name: eth0",
    "    Encapsulation type: Ethernet (1)",
    `    Arrival Time: Mar  5, 2024 03:15:${String(second).padStart(2, "0")}.124345000 UTC`,
    "    UTC Arrival Time: Mar  5, 2024 03:15:06.124345000 UTC",
    `    Epoch Arrival Time: ${1709608500 + second}.124345000`,
    "    [Time shift for this packet: 0.000000000 seconds]",
    "    [Time delta from previous captured frame: 0.000120000 seconds]",
    "    [Time delta from previous displayed frame: 0.000120000 seconds]",
    "    [Time since reference or first frame: 6.124345000 seconds]",
    `    Frame Number: ${n}`,
    "    Frame Length: 612 bytes (4896 bits)",
    "    Capture Length: 612 bytes (4896 bits)",
    "    [Frame is marked: False]",
    "    [Frame is ignored: False]",
    "    [Protocols in frame: eth:ethertype:ip:udp:sip]",
    "Ethernet II, Src: 52:54:00:65:43:21, Dst: 52:54:00:12:34:56",
    "    Destination: 52:54:00:12:34:56",
    "    Source: 52:54:00:65:43:21",
    "    Type: IPv4 (0x0800)",
    `Internet Protocol Version 4, Src: ${src}, Dst: 198.51.100.20`,
    "    0100 .... = Version: 4",
    "    .... 0101 = Header Length: 20 bytes (5)",
    "    Total Length: 598",
    "    Identification: 0x1a2b (6699)",
    "    Time to Live: 64",
    "    Protocol: UDP (17)",
    "    Header Checksum: 0x0000 [validation disabled]",
    `    Source Address: ${src}`,
    "    Destination Address: 198.51.100.20",
    "User Datagram Protocol, Src Port: 5060, Dst Port: 5060",
    "    Source Port: 5060",
    "    Destination Port: 5060",
    "    Length: 578",
    "    [Stream index: 0]",
    `Session Initiation Protocol (${code})`,
    `    Status-Line: SIP/2.0 ${code} ${phrase}`,
    `        Status-Code: ${code}`,
    "        [Resent Packet: False]",
    "    Message Header",
    "        Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK776asdhds",
    "            Transport: UDP",
    "            Sent-by Address: 198.51.100.20",
    "            Sent-by port: 5060",
    "            Branch: z9hG4bK776asdhds",
    `        Call-ID: call-${n}@pc33.example.com`,
    "        CSeq: 314159 INVITE",
    "            Sequence Number: 314159",
    "            Method: INVITE",
    '        Reason: Q.850;cause=18;text="No user responding"',
    "            Protocol: Q.850",
    "            Cause: 18",
    '            Text: "No user responding"',
    "        Server: CarrierSBC 4.1",
    "        Content-Length: 0",
    "",
  ];
}

export function capture(summary: boolean): string[] {
  return [
    ...frame(1, 6, 480, "Temporarily Unavailable", summary),
    ...frame(2, 7, 486, "Busy Here", summary),
    ...frame(3, 8, 503, "Service Unavailable", summary),
  ];
}
