#!/usr/bin/env node
// The `tabour` command: registers tsx (a dependency) so the TypeScript CLI in server/cli runs as is, in this one process.
import { register } from 'tsx/esm/api'

register()
await import('./main.ts')
