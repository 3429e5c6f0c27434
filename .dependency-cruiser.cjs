/**
 * The layer rules of docs/architecture.md, checked by `npm run depcruise` (and so by
 * `npm run lint` and CI). Type-only imports count (`tsPreCompilationDeps`): a type cycle is a
 * cycle, and a type from server/ in a UI is server code a browser bundle depends on.
 * test/ and bench/ may import anything.
 */

/** The browser screens: they reach the server only over HTTP and socket.io. */
const UI = '^(ui|kiosk-ui|display-ui|counter-ui|dashboard-ui|ui-common|hub/ui)/'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere, type-only imports included: a cycle makes two modules one layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'protocol-stands-alone',
      comment: 'protocol/ is the wire contract every side imports; it imports nothing else from the repository.',
      severity: 'error',
      from: { path: '^protocol/' },
      to: { path: '^(?!protocol/)[^/]+/', pathNot: '^node_modules/' },
    },
    {
      name: 'queue-is-the-domain',
      comment: 'server/queue/ is the domain: no HTTP, no sockets, no drivers, nothing from the layers that call it.',
      severity: 'error',
      from: { path: '^server/queue/' },
      to: {
        path: [
          '^node_modules/(fastify|@fastify/[^/]+|fastify-plugin|socket\\.io|socket\\.io-client|serialport|@serialport/[^/]+|node-thermal-printer)/',
          '^drivers/',
          '^server/(routes|realtime|devices|upstream|ops)/',
        ],
      },
    },
    {
      name: 'db-below-queue',
      comment: 'The direction is queue → db: the repositories never import the domain.',
      severity: 'error',
      from: { path: '^server/db/' },
      to: { path: '^server/queue/' },
    },
    {
      name: 'ui-not-server',
      comment: 'The screens never import server/ or hub/ code: a browser bundle holds only screens, ui-common/ and protocol/.',
      severity: 'error',
      from: { path: UI, pathNot: '^hub/ui/' },
      to: { path: '^(server|hub)/' },
    },
    {
      name: 'hub-ui-not-server',
      comment: "The hub's page is a screen too: besides itself it imports only protocol/ and ui-common/.",
      severity: 'error',
      from: { path: '^hub/ui/' },
      to: { path: '^(server|hub)/', pathNot: '^hub/ui/' },
    },
    {
      name: 'hub-not-server',
      comment: 'The hub is its own process: what it shares with the center server lives in protocol/.',
      severity: 'error',
      from: { path: '^hub/' },
      to: { path: '^server/' },
    },
    {
      name: 'drivers-stand-alone',
      comment: 'Drivers know hardware and the wire contract, never the server or a screen.',
      severity: 'error',
      from: { path: '^drivers/' },
      to: { path: ['^server/', '^hub/', UI] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/|^(coverage|test-results|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
}
