// Types for what other modules import from package-teams.mjs (the test that keeps its app id check
// the same as the server's).
export declare const GUID: RegExp;
