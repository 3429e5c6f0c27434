// `npm test` runs this first: the suite drives two programs from Debian, socat (real serial
// pseudo-terminals) and chromium (browser e2e). On a fresh Debian/Ubuntu box where we are root
// it installs them, so `npm test` stays the one command a newcomer needs; otherwise it says
// exactly what to install.
import { execSync, spawnSync } from 'node:child_process'

const needed = [
  { command: 'socat', pkg: 'socat' },
  { command: 'chromium', pkg: 'chromium' },
]
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
const missing = needed.filter((n) => !has(n.command)).map((n) => n.pkg)

if (missing.length > 0) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && has('apt-get')) {
    console.log(`tabour tests: installing ${missing.join(', ')} from Debian (apt-get)…`)
    execSync('apt-get update -qq', { stdio: 'inherit' })
    execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, { stdio: 'inherit' })
  } else {
    console.error(`tabour tests need: ${missing.join(', ')}. Install them, e.g.: sudo apt-get install ${missing.join(' ')}`)
    process.exit(1)
  }
}
