/**
 * serialport's mock binding for the tests, typed and loaded in one place (the drivers take it as
 * any binding: drivers/serial/serial-line.ts SerialBinding). The package is CommonJS only and its
 * exports map gives types only to require(), hence the import attribute `resolution-mode`; Biome
 * cannot parse an attribute on a type import yet, so this one file is left out of its checks
 * (biome.json). It comes with serialport; only the tests load it.
 */
import { createRequire } from 'node:module'
import type * as BindingMockModule from '@serialport/binding-mock' with { 'resolution-mode': 'require' }

export type MockPortBinding = BindingMockModule.MockPortBinding

/** serialport's mock binding (records writes, emits data): what the serial tests run on besides real ptys. */
export const loadMockBinding = (): typeof BindingMockModule => createRequire(import.meta.url)('@serialport/binding-mock') as typeof BindingMockModule
