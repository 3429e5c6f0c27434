/** TypeBox schemas the hub's routes share in their OpenAPI document. */
import { Type } from '@sinclair/typebox'

/** Every error the hub answers: `{statusCode, code, error, message}` with a stable HUB_ERR_* code (protocol/upstream.ts HubErrorCodes). */
export const HubErrorBody = Type.Object(
  { statusCode: Type.Integer(), code: Type.String(), error: Type.String(), message: Type.String() },
  { additionalProperties: false },
)
