import pkg from '../package.json' with { type: 'json' }

/** The running build's version: package.json's `version` (the production build inlines it, so dist/ reads no file for it). */
export const TABOUR_VERSION: string = pkg.version
