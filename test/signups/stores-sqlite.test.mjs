// The signup service's behaviour on SQLite: every instance opens the same file.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { behaviourSuite } from './behaviour.mjs';
import { tempDatabase } from './helpers.mjs';
import { openSqlite } from '../../server/drivers.ts';
import { MIGRATIONS } from '../../server/migrations.ts';

const made = [];
behaviourSuite('SQLite', {
  ports: { http: [7110, 7111], smtp: 7112 },
  database: async () => {
    const db = tempDatabase();
    made.push(db);
    return db.file;
  },
  teardown: async () => {
    for (const db of made) db.remove();
  },
});

// Two stores opening one file in one process at once (two instances started together): the second waits in the
// file's queue for the first one's migration, rather than on SQLite's lock until its busy timeout (5 s) gives up.
it('two connections opening a new SQLite file at once both migrate it, without waiting on the lock', async () => {
  const db = tempDatabase();
  try {
    const started = Date.now();
    const drivers = await Promise.all([openSqlite(db.file), openSqlite(db.file)]);
    assert.ok(Date.now() - started < 4000, `opening took ${Date.now() - started} ms`);
    assert.deepEqual(await Promise.all(drivers.map((d) => d.schemaVersion())), [MIGRATIONS.length, MIGRATIONS.length]);
    await Promise.all(drivers.map((d) => d.close()));
  } finally {
    db.remove();
  }
});
