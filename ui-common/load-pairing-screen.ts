/**
 * The code screen (`<tabour-pairing-screen>`), loaded only by a kiosk or a display that has no
 * token yet: a paired screen, which is what starts every morning, never draws it (issue 22).
 */
import { lazyModule } from './lazy-module.ts'

export const loadPairingScreen = lazyModule(() => import('./pairing-screen.ts'))
