/**
 * One of the call → display bench's client processes (bench/call-to-display/clients.ts), ordered
 * over IPC: `displays` or `staff` (the consoles, kiosks and the clerk's connection), by argument.
 */
import { serveDisplays } from './displays.ts'
import { serveStaff } from './staff.ts'

const role = process.argv[2]
const port = {
  send: (message: unknown) => process.send!(message),
  onMessage: (handler: (message: never) => void) => process.on('message', (message) => handler(message as never)),
}
const closed = () => process.disconnect()
if (role === 'displays') serveDisplays(port, closed)
else if (role === 'staff') serveStaff(port, closed)
else throw new Error(`clients-process: unknown role ${role}`)
