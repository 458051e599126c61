// What a Microsoft Teams app id must look like. Every Microsoft Entra app (client) id and managed
// identity client id is a GUID; a common slip is pasting the Azure Bot resource's name or the secret's
// id instead, and then every real Teams request fails token validation (401) while the bot looks healthy.
// scripts/package-teams.mjs runs under plain Node without a build, so it carries the same pattern;
// test/config-teams.test.ts checks that the two give the same verdicts.

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The problem with MICROSOFT_APP_ID, or undefined when it is a GUID. The value is not repeated: a
 *  secret pasted in the wrong variable must not end up in the log. */
export function appIdProblem(appId: string): string | undefined {
  if (GUID.test(appId)) return undefined;
  return "MICROSOFT_APP_ID must be the bot's Microsoft Entra app (client) id, a GUID like 00000000-0000-0000-0000-000000000000 (not the Azure Bot's resource name or a secret's id)";
}
