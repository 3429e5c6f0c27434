/**
 * @tabour/hub's entry (docs/packages.md): the national hub as a Fastify app, its configuration
 * and its store, for a host that runs it itself. The `tabour-hub` command is the package's bin
 * (hub/main.ts: the process, or `tabour-hub center …` for the registry).
 */
export { buildHub, HubError } from './app.ts'
export type { HubDeps } from './app.ts'
export { loadHubConfig, HubConfigError, DEFAULT_INGEST_PER_MINUTE } from './config.ts'
export type { HubConfig } from './config.ts'
export { openHubStore } from './open-store.ts'
