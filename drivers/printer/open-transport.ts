import { parsePrinterInterface } from './printer-interface.ts'
import type { PrinterTransport, TransportOptions } from './transport.ts'
import { TcpTransport } from './tcp-transport.ts'
import { FileTransport } from './file-transport.ts'
import { SerialTransport } from './serial-transport.ts'
import { MemoryTransport } from './memory-transport.ts'

/** Opens a transport for an interface string (see `parsePrinterInterface`). Nothing connects until the first call. */
export function openPrinterTransport(iface: string, options: TransportOptions = {}): PrinterTransport {
  const parsed = parsePrinterInterface(iface)
  switch (parsed.kind) {
    case 'tcp':
      return new TcpTransport(parsed.host, parsed.port, options)
    case 'file':
      return new FileTransport(parsed.path, options)
    case 'serial':
      return new SerialTransport(parsed.path, parsed.baudRate, options)
    case 'memory':
      return new MemoryTransport()
  }
}
