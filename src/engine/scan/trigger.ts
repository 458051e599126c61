// The scanner's trigger: a line is only read for codes when it holds one of a few dozen words
// (a status line, "cause", "error", a reply verb, a known log message…). Hits usually prove it.

import { copy } from "./detach.js";
import type { Hit } from "./detectors.js";
import type { ScanIndex } from "./scan-index.js";

const BASE =
  "SIP\\/2\\.0[ \\t]|SIP[- ]\\d|Response msg|error_data|Details|state \\[|_code|[Ss]ip[Ss]tatus|uas=|after |Fehler|[Ee]rror|[Ss]ays |[Dd]eclin|[Rr]eason|[Cc]ode|CODE|mobius|response_status|[A-Z]_[A-Z]|[Cc]ause|CAUSE|HTTP\\/|HTTP[ \\t]|(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \\t]+[/h]|<--|[Ss]tatus|Error|Exception|[1-6]\\d\\d[ \\t]+\"?[A-Z]|[1-6]\\d\\d[sS]\\b|[Gg]ot |[Gg]ets? |[Rr]eport|(?:[Ii]t|[Tt]hat)(?:[\u2019']?s| is| was) an? |[Rr]eceiv|[Rr]eturn|[Rr]espon|[Aa]nswer|[Rr]epl|[Ss]en[dt]|[Rr]eject|[Ff]ail|DIALSTATUS|circuit-busy|REPLY\\]|is busy|Auto fallthrough|Forbidden - wrong|Registration for '|Giving up forever|No joint capabilities|No compatible codecs";

export class Trigger {
  private readonly re: RegExp;
  /** Results for matched texts, which repeat ("NORMAL_CLEARING", "<-- 200"). */
  private readonly proofs = new Map<string, boolean>();

  constructor(index: ScanIndex) {
    const words = index.messages.map((m) =>
      (m.parts[0] ?? "").slice(0, 16).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    );
    this.re = new RegExp([BASE, ...new Set(words)].join("|"));
  }

  /** Does the text hold a trigger word? */
  test(text: string): boolean {
    return this.re.test(text);
  }

  /**
   * Does `line` hold a trigger word? A hit whose pattern always contains one, or whose matched
   * text holds one, proves it (the trigger has no anchors, so a substring match is a line match).
   */
  passes(line: string, hits: readonly Hit[]): boolean {
    for (const h of hits) {
      if (h.proof === true) return true;
      if (h.proof === undefined) continue;
      let ok = this.proofs.get(h.proof);
      if (ok === undefined) {
        ok = this.re.test(h.proof);
        if (this.proofs.size >= 1024) this.proofs.clear();
        // A copy: the proof is cut from the input, and a cached key would keep its block alive.
        this.proofs.set(copy(h.proof), ok);
      }
      if (ok) return true;
    }
    return this.re.test(line);
  }
}
