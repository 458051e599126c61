// Checks a Block Kit message against every limit Slack enforces; returns the violations.
import type { SlackMessage } from "../../src/render/block-kit.js";

type Obj = Record<string, unknown>;
const text = (o: unknown) => String((o as Obj | undefined)?.text ?? "");

export function slackViolations(msg: SlackMessage): string[] {
  const v: string[] = [];
  const ids = new Set<string>();
  let total = 0;
  if (msg.blocks.length > 50) v.push(`${msg.blocks.length} blocks`);
  if (msg.text.length > 40_000) v.push("message text over 40,000");
  const elementCheck = (e: Obj) => {
    const id = e.action_id as string | undefined;
    if (id) {
      if (id.length > 255) v.push(`action_id ${id.length}`);
      if (ids.has(id)) v.push(`duplicate action_id ${id}`);
      ids.add(id);
    }
    if (e.type === "button") {
      if (text(e.text).length > 75) v.push(`button text ${text(e.text).length}`);
      if (String(e.value ?? "").length > 2000) v.push("button value over 2000");
    }
    if (e.type === "checkboxes") {
      const options = (e.options as Obj[]) ?? [];
      if (options.length > 10) v.push(`${options.length} checkbox options`);
      for (const o of options) {
        if (text(o.text).length > 75) v.push(`option text ${text(o.text).length}`);
        if (o.description && text(o.description).length > 75) v.push("option description over 75");
        if (String(o.value ?? "").length > 150) v.push("option value over 150");
      }
    }
  };
  for (const b of msg.blocks as Obj[]) {
    const bid = b.block_id as string | undefined;
    if (bid && bid.length > 255) v.push(`block_id ${bid.length}`);
    if (b.type === "header") {
      if (text(b.text).length > 150) v.push(`header ${text(b.text).length}`);
      total += text(b.text).length;
    }
    if (b.type === "section") {
      if (b.text && text(b.text).length > 3000) v.push(`section text ${text(b.text).length}`);
      total += text(b.text).length;
      const fields = (b.fields as Obj[] | undefined) ?? [];
      if (fields.length > 10) v.push(`${fields.length} fields`);
      for (const f of fields) {
        if (text(f).length > 2000) v.push(`field ${text(f).length}`);
        total += text(f).length;
      }
      if (b.accessory) elementCheck(b.accessory as Obj);
    }
    if (b.type === "context") {
      const els = b.elements as Obj[];
      if (els.length > 10) v.push(`${els.length} context elements`);
      for (const e of els) total += text(e).length;
    }
    if (b.type === "actions") {
      const els = b.elements as Obj[];
      if (els.length > 25) v.push(`${els.length} action elements`);
      for (const e of els) elementCheck(e);
    }
  }
  if (total > 12_000) v.push(`block text ${total}`);
  return v;
}
