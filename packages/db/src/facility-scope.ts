import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type TransactionSettings,
} from 'kysely';

/** The facilities a staff request may reach: row-level security lets it see no others. */
export interface FacilityScope {
  readonly facilityIds: readonly string[];
}

const scopes = new AsyncLocalStorage<FacilityScope>();

/**
 * Runs `fn` as a staff request limited to `scope`: every query it makes, through any handle on
 * the database, runs as the role `homegroup_staff` with `homegroup.facility_ids` set, so the
 * database itself hides and refuses rows of other facilities.
 */
export function withFacilityScope<T>(scope: FacilityScope, fn: () => T): T {
  if (scope.facilityIds.length === 0) throw new Error('A facility scope needs a facility.');
  return scopes.run(scope, fn);
}

/**
 * An iterable read later (a streamed download) keeps the scope it was made in: each step runs
 * inside it again.
 */
export function keepFacilityScope<T>(chunks: Iterable<T> | AsyncIterable<T>): AsyncIterable<T> {
  const scope = scopes.getStore();
  return {
    [Symbol.asyncIterator]() {
      const it =
        Symbol.asyncIterator in chunks
          ? chunks[Symbol.asyncIterator]()
          : (chunks as Iterable<T>)[Symbol.iterator]();
      const step = () => Promise.resolve(it.next());
      return {
        next: () => (scope ? scopes.run(scope, step) : step()),
        return: async () => {
          await it.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}

const UNSCOPED = '';

/**
 * Wraps a dialect so each connection, as it is handed out, is put in the state the current
 * request needs: a staff request's role and facilities, or the owner with no setting for the
 * server's own work (migrations, seeds, background refreshes). A connection is switched only
 * when the state it was left in differs.
 */
export class FacilityScopedDialect implements Dialect {
  readonly #inner: Dialect;
  constructor(inner: Dialect) {
    this.#inner = inner;
  }
  createDriver(): Driver {
    return new FacilityScopedDriver(this.#inner.createDriver());
  }
  createQueryCompiler() {
    return this.#inner.createQueryCompiler();
  }
  createAdapter() {
    return this.#inner.createAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: the Dialect interface's own signature.
  createIntrospector(db: Kysely<any>) {
    return this.#inner.createIntrospector(db);
  }
}

class FacilityScopedDriver implements Driver {
  readonly #inner: Driver;
  readonly #state = new WeakMap<DatabaseConnection, string>();
  constructor(inner: Driver) {
    this.#inner = inner;
  }
  init() {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#inner.acquireConnection();
    const wanted = scopes.getStore()?.facilityIds.join(',') ?? UNSCOPED;
    if ((this.#state.get(connection) ?? UNSCOPED) !== wanted) {
      try {
        await connection.executeQuery(
          wanted === UNSCOPED
            ? CompiledQuery.raw(
                "select set_config('homegroup.facility_ids', '', false), set_config('role', 'none', false)",
              )
            : CompiledQuery.raw(
                "select set_config('role', 'homegroup_staff', false), set_config('homegroup.facility_ids', $1, false)",
                [wanted],
              ),
        );
      } catch (err) {
        this.#state.delete(connection);
        await this.#inner.releaseConnection(connection);
        throw err;
      }
      this.#state.set(connection, wanted);
    }
    return connection;
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection) {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection) {
    return this.#inner.rollbackTransaction(connection);
  }
  releaseConnection(connection: DatabaseConnection) {
    return this.#inner.releaseConnection(connection);
  }
  destroy() {
    return this.#inner.destroy();
  }
}
