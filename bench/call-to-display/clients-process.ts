/** The call → display bench's clients in a process of their own (bench/call-to-display/clients.ts), ordered over IPC. */
import { type Order, type Reply, serveClients } from './clients.ts'

serveClients(
  {
    send: (message: Reply) => process.send!(message),
    onMessage: (handler) => process.on('message', (message) => handler(message as Order)),
  },
  () => process.disconnect(),
)
