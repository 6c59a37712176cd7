import { type Config, ConfigError, parseConfig, type RawVariables } from './schema.js';
import type { EnvVar } from './variables.js';

/**
 * The one place that reads `process.env`. The configuration is parsed once per process: services call
 * `loadConfig` (or `loadConfigOrExit`) when they start, everything else calls `config()`.
 */
let state: { raw: RawVariables; config: Config } | undefined;

function environment(): RawVariables {
  // Tests stay quiet unless a test asks for logs.
  if (process.env.JEST_WORKER_ID && !process.env.LOG_LEVEL) return { ...process.env, LOG_LEVEL: 'silent' };
  return { ...process.env };
}

/** Parses and checks the environment the first time; then returns the same configuration. Throws ConfigError. */
export function loadConfig(): Config {
  if (!state) {
    const raw = environment();
    state = { raw, config: parseConfig(raw) };
  }
  return state.config;
}

/** The configuration, parsed on first use when nothing loaded it at start-up (tests, tools). */
export function config(): Config {
  return state?.config ?? loadConfig();
}

/**
 * For a service's start-up: an invalid value stops the process at once with the message naming each
 * variable, on stderr, without a stack trace, exit code 78 (EX_CONFIG: a configuration error).
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(78);
  }
}

/** Variables to set (text, as in the environment) or, with `undefined`, to unset. */
export type ConfigOverrides = Partial<Record<EnvVar, string | undefined>>;

/**
 * Tests only: the configuration as if the environment held `vars` too, checked like the environment
 * (an invalid value throws ConfigError and changes nothing). Returns the function that restores the
 * configuration before this call. Several services run in one test process, so they all see it.
 */
export function overrideConfig(vars: ConfigOverrides): () => void {
  loadConfig();
  const before = state!;
  const raw = { ...before.raw, ...vars };
  state = { raw, config: parseConfig(raw) };
  return () => {
    state = before;
  };
}

/**
 * The environment of a child process this one starts (the launcher's services, a benchmark's tools):
 * this process's variables, with any test overrides, plus `vars` (`undefined` unsets one).
 */
export function childEnv(vars: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries({ ...(state?.raw ?? process.env), ...vars }))
    if (value !== undefined) env[name] = value;
  return env;
}
