import { config } from './config/current.js';
import { subgraphUrlVar, type SubgraphName } from './config/variables.js';

export * from './config/variables.js';
export {
  ConfigError,
  DEFAULT_RETRY_BASE_MS,
  LOG_LEVELS,
  PRODUCTION_RETRY_BASE_MS,
  parseConfig,
} from './config/schema.js';
export type { Config, RawVariables } from './config/schema.js';
export {
  childEnv,
  config,
  loadConfig,
  loadConfigOrExit,
  overrideConfig,
  type ConfigOverrides,
} from './config/current.js';
export { SECRET_KEY_BYTES, decodeSecretKey } from './config/fields.js';

export function jwtSecret(): string {
  return config().JWT_SECRET;
}
export function internalSecret(): string {
  return config().INTERNAL_SECRET;
}
export function subgraphUrl(name: SubgraphName): string {
  return config()[subgraphUrlVar(name)];
}
