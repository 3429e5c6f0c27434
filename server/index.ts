/**
 * @tabour/server's entry (docs/packages.md): the center server as a Fastify plugin for a host
 * application, the whole server as an app of its own, and its configuration. The `tabour`
 * command is the package's bin (server/cli/main.ts).
 */
export { tabourPlugin, buildApp, databaseFile, BODY_LIMIT_BYTES } from './app.ts'
export type { Tabour, TabourDeps, TabourPluginOptions } from './app.ts'
export { TabourPluginError } from './plugin-guard.ts'
export { loadConfig, validateConfig, ConfigError, ConfigSchema } from './config.ts'
export type { Config, BilingualName } from './config.ts'
export { TABOUR_VERSION } from './version.ts'
