/**
 * The data the browser build carries instead of reading files: `tools/browser-bundle.ts` makes this
 * module at bundle time from `fixtures/` and the bundled spec. Only the `platform.browser.ts` seams
 * import it.
 */
declare module 'hackatime-kit:bundled-data' {
  /** `fixtures/world/*.json`, parsed, by file name. */
  export const worldFixtureFiles: Readonly<Record<string, unknown>>;
  /** `fixtures/oauth-apps.json`, parsed. */
  export const oauthAppsFile: unknown;
  /** Each bundled spec by its root file relative to the package (`openapi/hackatime.yaml`, …). */
  export const specDocuments: Readonly<Record<string, { document: Record<string, unknown>; files: string[] }>>;
}
