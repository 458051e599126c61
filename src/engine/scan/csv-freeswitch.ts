// FreeSWITCH's cdr_csv with its default template ("example"): no header, quoted fields in a fixed
// order, the tenth being the hangup cause. Recognised by its layout in the first lines, like
// Asterisk's Master.csv, so each row gives its cause at its end time with the parties masked.
import { type Layout, layoutOf } from "./csv-columns.js";

/** The default template's fields, in order (mod_cdr_csv, template "example"). */
const FIELDS = [
  "caller_id_name",
  "caller_id_number",
  "destination_number",
  "context",
  "start_stamp",
  "answer_stamp",
  "end_stamp",
  "duration",
  "billsec",
  "hangup_cause",
  "uuid",
  "bleg_uuid",
  "accountcode",
  "read_codec",
  "write_codec",
];
const PARTIES = new Set(["caller_id_name", "caller_id_number", "destination_number"]);
const CAUSE_AT = 9;
const STAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const CAUSE_NAME = /^[A-Z][A-Z0-9_]{3,40}$/;

/** The layout when `cells` is a row of the default template (a few extra fields allowed). */
export function freeswitchLayout(cells: string[]): Layout | undefined {
  if (cells.length < CAUSE_AT + 2 || cells.length > FIELDS.length + 6) return undefined;
  const at = (i: number) => cells[i] as string;
  if (!CAUSE_NAME.test(at(CAUSE_AT))) return undefined;
  if (!STAMP.test(at(4)) || !STAMP.test(at(6)) || (at(5) !== "" && !STAMP.test(at(5)))) return undefined;
  if (!/^\d+$/.test(at(7)) || !/^\d+$/.test(at(8))) return undefined;
  const names = cells.map((_, i) => FIELDS[i] ?? `extra_${i}`);
  const layout = layoutOf(names, ",") as Layout;
  for (const c of layout.columns) c.party = PARTIES.has(c.name);
  return layout;
}
