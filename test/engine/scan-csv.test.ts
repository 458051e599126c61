// CDR and accounting exports pasted as CSV: the header row says which columns hold codes, and
// each row under it is read by those columns alone (its time, Call-ID and parties too); rows that
// do not fit, and tables whose columns say nothing about codes, are scanned like any other line.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/analyze.js";
import { Scanner, type ScanOutput, scanText } from "../../src/engine/scan/scanner.js";
import { catalog } from "../helpers/catalog.js";

const KAMAILIO_ACC = `id,method,from_tag,to_tag,callid,sip_code,sip_reason,time,src_ip,dst_ip,src_user,dst_user
1001,INVITE,8a7b6c,9d8e7f,a1-c@10.0.0.8,200,OK,2024-03-01 17:30:00,10.0.0.8,198.51.100.20,1001,4155550123
1002,INVITE,1a2b3c,,a2-c@10.0.0.8,404,Not Found,2024-03-01 17:30:10,10.0.0.8,198.51.100.20,1001,4155550999
1003,INVITE,4d5e6f,,a3-c@10.0.0.8,503,Service Unavailable,1709314220,10.0.0.8,198.51.100.20,1002,4155550998
`;

const FS_CDR = `uuid,direction,caller_id_number,destination_number,start_stamp,answer_stamp,end_stamp,duration,billsec,hangup_cause,hangup_cause_q850,sip_term_status,sip_hangup_disposition,sip_gateway_name
d1f0e8a2-0001,outbound,2125550100,14155550123,2024-03-01 17:20:00,,2024-03-01 17:20:01,1,0,NORMAL_TEMPORARY_FAILURE,41,503,recv_refuse,carrier_a
d1f0e8a2-0002,outbound,2125550100,14155550124,2024-03-01 17:21:00,2024-03-01 17:21:05,2024-03-01 17:25:05,245,240,NORMAL_CLEARING,16,200,recv_bye,carrier_a
d1f0e8a2-0003,outbound,2125550100,14155550125,2024-03-01 17:26:00,,2024-03-01 17:26:30,30,0,ORIGINATOR_CANCEL,487,487,send_cancel,carrier_a
`;

const TEAMS = `"UTC time","Call ID","Caller Number","Callee Number","End time","Failure time","Duration (seconds)","Trunk FQDN","Final SIP code","Final Microsoft subcode","Final SIP phrase"
"2024-03-01T19:20:00Z","8e0b1d2f","+15125550101","+15125550149","","2024-03-01T19:20:31Z","0","sbc01.contoso.com","487","540487","Request Terminated"
"2024-03-01T19:30:00Z","9f1c2e3a","+15125550101","+15125550150","","2024-03-01T19:30:01Z","0","sbc01.contoso.com","403","560403","Forbidden"
`;

const MASTER_CSV = `"","2001","0442079460958","from-internal","""Reception"" <2001>","PJSIP/2001-00000012","PJSIP/trunk-00000013","Dial","PJSIP/0442079460958@trunk,60,tT","2024-03-01 09:10:00","2024-03-01 09:10:04","2024-03-01 09:12:44",164,160,"ANSWERED","DOCUMENTATION","1709284200.18",""
"","2002","0161496000","from-internal","""Sales"" <2002>","PJSIP/2002-00000014","PJSIP/trunk-00000015","Dial","PJSIP/0161496000@trunk,60,tT","2024-03-01 09:11:00",,"2024-03-01 09:11:09",9,0,"BUSY","DOCUMENTATION","1709284260.20",""
"","2003","0207946000","from-internal","""Support"" <2003>","PJSIP/2003-00000016","PJSIP/trunk-00000017","Dial","PJSIP/0207946000@trunk,60,tT","2024-03-01 09:12:00",,"2024-03-01 09:13:00",60,0,"NO ANSWER","DOCUMENTATION","1709284320.22",""
"","2004","09005551234","from-internal","""Ops"" <2004>","PJSIP/2004-00000018","","Dial","PJSIP/09005551234@trunk,60,tT","2024-03-01 09:14:00",,"2024-03-01 09:14:00",0,0,"FAILED","DOCUMENTATION","1709284440.24",""
"","2005","0800123456","from-internal","""Lab"" <2005>","PJSIP/2005-00000019","","Dial","PJSIP/0800123456@trunk,60,tT","2024-03-01 09:15:00",,"2024-03-01 09:15:01",1,0,"CONGESTION","DOCUMENTATION","1709284500.26",""
`;

const seen = (out: ScanOutput) =>
  out.findings.map(
    (f) =>
      `${f.namespace} ${f.code}${f.subcode === null ? "" : `/${f.subcode}`} line ${f.line} ${f.timestamp ?? "-"}`,
  );

function chunked(text: string, size: number, exhaustive = false): ScanOutput {
  const s = new Scanner(catalog(), {}, { exhaustive });
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
  return s.end();
}

describe("CSV exports with named code columns", () => {
  it("read a Kamailio acc table's sip_code and sip_reason on each row, with its time and Call-ID", () => {
    const out = scanText(catalog(), KAMAILIO_ACC);
    expect(seen(out)).toEqual([
      "sip 200 line 2 2024-03-01 17:30:00",
      "sip 404 line 3 2024-03-01 17:30:10",
      "sip 503 line 4 2024-03-01T17:30:20.000Z",
    ]);
    const f404 = out.findings[1];
    expect(f404?.reason).toBe("Not Found");
    expect(f404?.method).toBe("INVITE");
    expect(f404?.callId).toBe("a2-c@10.0.0.8");
    // The called party's number is masked; ids and the time stay readable.
    expect(f404?.text).toContain("415•••••99");
    expect(f404?.text).not.toContain("4155550999");
    expect(f404?.text).toContain("1002,INVITE");
    const a = analyze(catalog(), out);
    expect(a.firstFailure?.code).toBe(404);
    expect(a.normal.join(" ")).toContain("SIP 200 OK");
  });

  it("read a FreeSWITCH CDR's SIP answer next to its hangup cause, once per code", () => {
    const out = scanText(catalog(), FS_CDR);
    expect(seen(out)).toEqual([
      "sip 503 line 2 2024-03-01 17:20:01",
      "q850 41 line 2 2024-03-01 17:20:01",
      "sip 200 line 3 2024-03-01 17:25:05",
      "q850 16 line 3 2024-03-01 17:25:05",
      "sip 487 line 4 2024-03-01 17:26:30",
    ]);
    // recv_refuse: the refusal came from the gateway; durations and billsec are no codes.
    expect(out.findings[0]?.host).toBe("carrier_a");
    expect(out.findings[0]?.direction).toBe("in");
    expect(out.findings[0]?.text).toContain("212•••••00");
    const a = analyze(catalog(), out);
    expect(a.firstFailure?.code).toBe(503);
    expect(a.failingComponent).toContain("carrier_a");
    expect(a.normal.join(" ")).toContain("cancelled by the caller (FreeSWITCH ORIGINATOR_CANCEL)");
  });

  it("pair Teams' final SIP code with its Microsoft subcode when the catalog knows the pair", () => {
    const out = scanText(catalog(), TEAMS);
    expect(seen(out)).toEqual([
      "acs 487/540487 line 2 2024-03-01T19:20:31Z",
      "sip 403 line 3 2024-03-01T19:30:01Z",
    ]);
    expect(out.findings[1]?.reason).toBe("Forbidden (Microsoft subcode 560403)");
    expect(out.findings[1]?.callId).toBe("9f1c2e3a");
    const a = analyze(catalog(), out);
    expect(a.firstFailure?.code).toBe(403);
    expect(a.normal.join(" ")).toContain("PSTN caller canceled the call");
  });

  it("read Asterisk Master.csv by its fixed layout: BUSY and CONGESTION are their causes, the rest no code", () => {
    const out = scanText(catalog(), MASTER_CSV);
    expect(seen(out)).toEqual(["q850 17 line 2 2024-03-01 09:11:09", "q850 34 line 5 2024-03-01 09:15:01"]);
    expect(analyze(catalog(), out).firstFailure?.code).toBe(17);
  });

  it("accept semicolons, tabs and quoted names, after lines of ordinary log", () => {
    const log = Array.from(
      { length: 15 },
      (_, i) => `2024-03-01 17:00:${String(i).padStart(2, "0")} INFO idle`,
    );
    const semi = `${log.join("\n")}\n"id";"sip_code";"sip_reason";"time"\n"7";"486";"Busy Here";"2024-03-01 17:31:00"\n`;
    expect(seen(scanText(catalog(), semi))).toEqual(["sip 486 line 17 2024-03-01 17:31:00"]);
    const tab = "id\tsip_status\tduration\n7\t480\t404\n";
    expect(seen(scanText(catalog(), tab))).toEqual(["sip 480 line 2 -"]);
  });

  it("read a mysql client's table of the acc data, between its borders", () => {
    const table = [
      "mysql> select id, method, callid, sip_code, sip_reason, time from acc;",
      "+----+--------+---------------+----------+---------------------+---------------------+",
      "| id | method | callid        | sip_code | sip_reason          | time                |",
      "+----+--------+---------------+----------+---------------------+---------------------+",
      "|  1 | INVITE | a1-c@10.0.0.8 | 200      | OK                  | 2024-03-01 17:30:10 |",
      "|  2 | INVITE | a2-c@10.0.0.8 | 404      | Not Found           | 2024-03-01 17:31:02 |",
      "|  3 | INVITE | a3-c@10.0.0.8 | 503      | Service Unavailable | 2024-03-01 17:32:45 |",
      "+----+--------+---------------+----------+---------------------+---------------------+",
      "3 rows in set (0.00 sec)",
    ].join("\n");
    const out = scanText(catalog(), table);
    expect(seen(out)).toEqual([
      "sip 200 line 5 2024-03-01 17:30:10",
      "sip 404 line 6 2024-03-01 17:31:02",
      "sip 503 line 7 2024-03-01 17:32:45",
    ]);
    expect(out.findings[1]?.callId).toBe("a2-c@10.0.0.8");
    expect(analyze(catalog(), out).firstFailureLabel).toBe("SIP 404 Not Found");
  });

  it("scan rows that do not fit the header as ordinary lines", () => {
    const text = `${KAMAILIO_ACC}note: the proxy logged SIP/2.0 486 Busy Here for a4-c\n1004,INVITE,x\n`;
    const out = scanText(catalog(), text);
    expect(out.findings.slice(3).map((f) => `${f.code} line ${f.line} ${f.detector}`)).toEqual([
      "486 line 5 sip-status",
    ]);
  });

  it("leave tables with unknown columns as they were: durations, ports and counts are no codes", () => {
    const text = "id,duration,billsec,port,hits\n1,404,503,5060,486\n2,180,200,5061,603\n";
    expect(scanText(catalog(), text).findings).toEqual([]);
    // A header-like line with no code column starts no table.
    expect(scanText(catalog(), "sip_port,method\n5060,INVITE\n").findings).toEqual([]);
  });

  it("find the same rows however the stream is cut, and as the exhaustive scan does", () => {
    for (const text of [KAMAILIO_ACC, FS_CDR, TEAMS, MASTER_CSV]) {
      const want = seen(scanText(catalog(), text));
      expect(seen(chunked(text, text.length, true))).toEqual(want);
      for (const size of [1, 7, 64]) expect(seen(chunked(text, size))).toEqual(want);
    }
    const late = `${"x\n".repeat(30)}${FS_CDR}`;
    expect(seen(chunked(late, 11))).toEqual(seen(chunked(late, late.length, true)));
  });
});

describe("FreeSWITCH cdr_csv rows with the default template and no header", () => {
  const rows = [
    `"Alice","1001","4155550123","default","2024-03-05 10:00:01","","2024-03-05 10:00:31","30","0","NO_ANSWER","6f1c2a9e-1b2c-4d5e-9f00-aabbccddeeff","","","PCMU","PCMU"`,
    `"Bob","1002","4155550124","default","2024-03-05 10:01:01","2024-03-05 10:01:05","2024-03-05 10:03:05","124","120","NORMAL_CLEARING","7f1c2a9e-1b2c-4d5e-9f00-aabbccddeeff","","","PCMA","PCMA"`,
    `"Carol","1003","4155550125","default","2024-03-05 10:02:01","","2024-03-05 10:02:03","2","0","USER_BUSY","8f1c2a9e-1b2c-4d5e-9f00-aabbccddeeff","","","PCMU","PCMU"`,
  ].join("\n");

  it("gives each row's cause at its end time, with the dialled numbers masked", () => {
    const out = scanText(catalog(), rows);
    expect(out.findings.map((f) => `${f.line} ${f.namespace} ${f.code} ${f.timestamp}`)).toEqual([
      "1 q850 19 2024-03-05 10:00:31",
      "2 q850 16 2024-03-05 10:03:05",
      "3 q850 17 2024-03-05 10:02:03",
    ]);
    expect(out.findings.map((f) => f.text).join(" ")).not.toMatch(/4155550\d{3}/);
    // Durations and billsec are no codes.
    expect(out.findings.every((f) => f.namespace === "q850")).toBe(true);
  });
});
