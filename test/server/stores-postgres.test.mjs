// The signup service's behaviour on PostgreSQL: a throwaway cluster started for this file (Debian's postgresql,
// run as a non-root user), a new database for each test, every instance connecting to it.
import { behaviourSuite } from './behaviour.mjs';
import { freePort } from './helpers.mjs';
import { startPostgres } from './postgres.mjs';

let cluster;
behaviourSuite('PostgreSQL', {
  ports: { http: [7120, 7121], smtp: 7122 },
  setup: async () => {
    cluster = await startPostgres(await freePort(7150));
  },
  database: () => cluster.database(),
  teardown: async () => cluster?.stop(),
});
