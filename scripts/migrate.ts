// `npm run db:migrate`: applies pending migrations to DATABASE_URL (also done at every start).
import { readConfig } from '../src/server/platform/index.ts';
import { prepareDatabase, StartupError } from './prepare-database.ts';

try {
  const { database } = await prepareDatabase({ ...readConfig(), demo: false });
  database.client.close();
  console.log('The database is up to date.');
} catch (error) {
  console.error(error instanceof StartupError ? error.message : error);
  process.exit(1);
}
