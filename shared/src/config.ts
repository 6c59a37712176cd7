import { config } from './config/current.js';
import { type SubgraphName, subgraphUrlVar } from './config/variables.js';

export {
  childEnv,
  config,
  type ConfigOverrides,
  loadConfig,
  loadConfigOrExit,
  overrideConfig,
} from './config/current.js';
export { decodeSecretKey, SECRET_KEY_BYTES } from './config/fields.js';
export type { Config, RawVariables } from './config/schema.js';
export {
  ConfigError,
  DEFAULT_RETRY_BASE_MS,
  LOG_LEVELS,
  parseConfig,
  PRODUCTION_RETRY_BASE_MS,
} from './config/schema.js';
export * from './config/variables.js';

export function jwtSecret(): string {
  return config().JWT_SECRET;
}
export function internalSecret(): string {
  return config().INTERNAL_SECRET;
}
export function subgraphUrl(name: SubgraphName): string {
  return config()[subgraphUrlVar(name)];
}
