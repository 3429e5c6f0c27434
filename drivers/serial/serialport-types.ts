/**
 * serialport's binding interface, the type of the `binding` a serial line may be given (the OS
 * one by default, the mock in tests: test/helpers/serialport-mock.ts). It comes from
 * @serialport/bindings-interface, a dependency of @tabour/drivers and @tabour/server in their
 * own right because their published declarations name it. The package is CommonJS only and its
 * exports map gives types only to require(), hence the import attribute `resolution-mode`; Biome
 * cannot parse an attribute on a type import yet, so this one file is left out of its checks (biome.json).
 */
import type { BindingInterface } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' }

export type { BindingInterface }
