// `npm run db:seed`: adds the fictional demo organisation to an empty database.
import { readConfig } from '../src/server/platform/index.ts';
import { prepareDatabase, StartupError } from './prepare-database.ts';

try {
  const { database, seeded } = await prepareDatabase({ ...readConfig(), demo: true });
  database.client.close();
  console.log(seeded ? 'Demo data added.' : 'The database already has data, so no demo data was added.');
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}
