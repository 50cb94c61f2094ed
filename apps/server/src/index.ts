export { parseEnv, type ServerConfig } from './env';
export { openDatabase } from './open-database';
export { buildServer, SESSION_COOKIE } from './server';
