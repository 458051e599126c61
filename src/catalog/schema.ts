// The shape of every catalog entry. Types are inferred from these schemas so the data files,
// the loader and the engine can never disagree about a field.
import { z } from "zod";

export const NAMESPACES = ["sip", "q850", "http", "mobius", "acs", "exotel", "symptom", "timer"] as const;
export const Namespace = z.enum(NAMESPACES);
export type Namespace = z.infer<typeof Namespace>;

/** Where a fact comes from: a seed file name, an RFC ("RFC 3261 §21.4.19"), an ITU/3GPP spec or a vendor doc. */
const Source = z.string().min(3);

/** An exact log line that identifies what failed (kept verbatim from the source). */
export const LogMessage = z.object({
  text: z
    .string()
    .min(3)
    .describe("The message exactly as the component logs it ({} marks a variable part)."),
  dependency: z
    .enum(["SSE", "CPAPI", "Redis", "OBP", "CI", "CXAPI", "Mobius", "client", "local-map", "RTP"])
    .describe("The component the message points at."),
  meaning: z.string().min(3).describe("What seeing this message tells the reader, in our words."),
});

/** A note that only applies in one deployment context (a trunk provider, a vendor's device, an SBC). */
export const ContextNote = z.object({
  context: z
    .string()
    .min(2)
    .describe('Where the note applies, e.g. "Exotel SIP trunk", "Avaya", "Cisco CUBE".'),
  text: z.string().min(3),
  sources: z.array(Source).min(1),
});

/** A standards mapping between namespaces, e.g. Q.850 cause 17 → SIP 486 (RFC 3398 §7.2.4.1). */
export const Mapping = z.object({
  to: z.string().describe("Catalog id of the mapped entry."),
  standard: z.string().min(3).describe('The document that defines the mapping, e.g. "RFC 3398 §7.2.4.1".'),
  note: z.string().optional(),
});

/** Timer values. Durations are in milliseconds; null means "not applicable on this transport". */
export const TimerValue = z.object({
  symbol: z.string().describe('Short name as written in the standard, e.g. "T1", "Timer B".'),
  formula: z.string().optional().describe('How it derives from T1/T2/T4, e.g. "64*T1".'),
  defaultMs: z.number().nonnegative().nullable().describe("Value on UDP with RFC 3261 defaults."),
  tcpMs: z.number().nonnegative().nullable().optional().describe("Value on a reliable transport."),
  imsMs: z.number().nonnegative().nullable().optional().describe("Value with 3GPP TS 24.229 defaults."),
  firesWhen: z.string().optional().describe("What the reader sees in a trace when the timer fires."),
});

export const Retry = z.object({
  kind: z.enum(["normal", "transient", "configuration", "client", "mixed"]),
  advice: z.string().min(3),
});

export const Entry = z
  .object({
    id: z
      .string()
      .regex(/^(sip|q850|http|mobius|acs|exotel|symptom|timer)\/[a-z0-9][a-z0-9.-]*$/)
      .describe('Stable id, never renamed: "sip/488", "mobius/403-118", "acs/410-3112".'),
    namespace: Namespace,
    code: z.number().int().nonnegative().nullable().describe("Status/cause/API code; null for symptoms."),
    subcode: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .describe("mobius-error for Mobius, subcode for ACS, null elsewhere."),
    title: z.string().min(2).describe("Reason phrase or short name, exactly as the source spells it."),
    aliases: z
      .array(z.string().min(2))
      .default([])
      .describe("Former names and other phrasings people search for."),
    class: z.string().min(2).describe('Class or category, e.g. "4xx Client Failure", "Registration".'),
    phase: z.string().optional().describe("Mobius: registration, unregistration, call, platform."),
    resultCategory: z.string().optional().describe("ACS result category, spelled as the source spells it."),
    httpStatus: z.number().int().optional().describe("Exotel: the HTTP status the API error comes with."),
    definedBy: z.string().optional().describe('Where the code is defined, e.g. "RFC 3261".'),
    iana: z.boolean().optional().describe("SIP: listed in the IANA SIP response-code registry."),
    meaning: z.string().min(10),
    impact: z.string().optional().describe("What the caller or user experiences."),
    causes: z.array(z.string().min(3)).default([]).describe("Likely causes, most likely first."),
    generatedBy: z.string().optional().describe("Who usually sends or produces it."),
    failingSide: z
      .string()
      .optional()
      .describe(
        "Who is usually at fault when that is not who produced the code (ACS ends a call its callee never answered): named as the likely failing component.",
      ),
    checks: z
      .array(z.string().min(3))
      .default([])
      .describe("What to check next: becomes the follow-up checklist."),
    methodChecks: z
      .record(z.string().regex(/^[A-Z]+$/), z.array(z.string().min(3)).min(1))
      .optional()
      .describe(
        "Checks that replace `checks` in a scan when the failed request is this method (a REGISTER's 403 is about credentials, not the dialled number).",
      ),
    retry: Retry.optional(),
    notes: z.array(ContextNote).default([]),
    logMessages: z.array(LogMessage).default([]),
    mappings: z.array(Mapping).default([]),
    timer: TimerValue.optional(),
    related: z.array(z.string()).default([]).describe("Ids of entries worth reading next."),
    sources: z.array(Source).min(1),
    unverified: z
      .string()
      .optional()
      .describe("Why a fact is not settled (sources conflict or are missing)."),
  })
  .strict();
export type Entry = z.infer<typeof Entry>;
export type EntryInput = z.input<typeof Entry>;

/** One catalog file: a family of entries, sorted by id. */
export const CatalogFile = z
  .object({
    $schema: z.string().optional(),
    family: z.string(),
    description: z.string(),
    entries: z.array(Entry).min(1),
  })
  .strict();
export type CatalogFile = z.infer<typeof CatalogFile>;
