#!/usr/bin/env node
// The `tabour` command run from the TypeScript sources (npm run tabour:dev, the tests): registers
// tsx so server/cli runs as is, in this one process. Production runs the compiled
// dist/server/tabour.js instead (package.json bin, the systemd unit), with no TypeScript loader.
import { register } from 'tsx/esm/api'

register()
await import('./main.ts')
