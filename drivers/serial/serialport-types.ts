/**
 * serialport's CommonJS-only helper packages, typed and loaded in one place. Their exports maps
 * give types only to require(), hence the import attribute `resolution-mode`; Biome cannot parse
 * an attribute on a type import yet, so this one file is left out of its checks (biome.json).
 */
import { createRequire } from 'node:module'
import type * as BindingMockModule from '@serialport/binding-mock' with { 'resolution-mode': 'require' }
import type { BindingInterface } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' }

export type { BindingInterface }
export type MockPortBinding = BindingMockModule.MockPortBinding

/** serialport's mock binding (records writes, emits data): what the serial tests run on besides real ptys. */
export const loadMockBinding = (): typeof BindingMockModule => createRequire(import.meta.url)('@serialport/binding-mock') as typeof BindingMockModule
