import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const whole = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** Every setting the server reads from its environment; the README lists them all. */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  HOMEGROUP_DATA_DIR: z.string().min(1).default(`${repoRoot}.data/pglite`),
  HOMEGROUP_WEB_DIR: z.string().min(1).default(`${repoRoot}apps/web/dist`),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: whole(0, 65_535).default(3000),
  HOMEGROUP_SEED_DEMO: flag.default(true),
  HOMEGROUP_IDLE_TIMEOUT_MINUTES: whole(1, 480).default(15),
  HOMEGROUP_SESSION_MAX_HOURS: whole(1, 24).default(12),
  HOMEGROUP_LOCKOUT_ATTEMPTS: whole(2, 100).default(5),
  HOMEGROUP_LOCKOUT_WINDOW_MINUTES: whole(1, 1440).default(15),
  HOMEGROUP_LOCKOUT_MINUTES: whole(1, 1440).default(15),
  HOMEGROUP_ADDRESS_LOCKOUT_ATTEMPTS: whole(5, 10_000).default(30),
  HOMEGROUP_COOKIE_SECURE: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  const databaseUrl = env.DATABASE_URL;
  const database: { databaseUrl: string } | { dataDir: string } = databaseUrl
    ? { databaseUrl }
    : { dataDir: env.HOMEGROUP_DATA_DIR };
  return {
    database,
    webDir: env.HOMEGROUP_WEB_DIR,
    host: env.HOST,
    port: env.PORT,
    seedDemo: env.HOMEGROUP_SEED_DEMO,
    auth: {
      session: {
        idleMinutes: env.HOMEGROUP_IDLE_TIMEOUT_MINUTES,
        absoluteHours: env.HOMEGROUP_SESSION_MAX_HOURS,
      },
      lockout: {
        maxFailures: env.HOMEGROUP_LOCKOUT_ATTEMPTS,
        windowMinutes: env.HOMEGROUP_LOCKOUT_WINDOW_MINUTES,
        lockMinutes: env.HOMEGROUP_LOCKOUT_MINUTES,
      },
      addressLockout: {
        maxFailures: env.HOMEGROUP_ADDRESS_LOCKOUT_ATTEMPTS,
        windowMinutes: env.HOMEGROUP_LOCKOUT_WINDOW_MINUTES,
        lockMinutes: env.HOMEGROUP_LOCKOUT_MINUTES,
      },
    },
    cookieSecure: env.HOMEGROUP_COOKIE_SECURE,
    logLevel: env.LOG_LEVEL,
  };
}

export class ConfigError extends Error {}

/** Reads the configuration, or throws one plain sentence per wrong setting. */
export function parseEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Homegroup cannot start: ${lines.join('; ')}.`);
  }
  return toConfig(result.data);
}
