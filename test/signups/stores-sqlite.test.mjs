// The signup service's behaviour on SQLite: every instance opens the same file.
import { behaviourSuite } from './behaviour.mjs';
import { tempDatabase } from './helpers.mjs';

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
