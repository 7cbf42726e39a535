// A separate server process for the booking test: books a place on workshop argv[3] for each person
// id in argv[5] (comma-separated), all at once, starting at the wall-clock moment argv[4], and prints
// "<personId> <state>" for each, one a line. The database file is argv[2]; the request time argv[6].
import { openDatabase } from '../../db/client.ts';
import { book } from '../../src/server/training/bookings.ts';
import { scopeOf } from '../support/scope.ts';

const database = await openDatabase(process.argv[2]!);
const workshopId = process.argv[3]!;
const personIds = process.argv[5]!.split(',');
const now = Number(process.argv[6]);
const scopes = await Promise.all(personIds.map((id) => scopeOf(database.db, id, now)));
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.argv[4]) - Date.now())));
const results = await Promise.all(scopes.map((scope) => book(scope, workshopId, { requestKey: `worker-${scope.viewer.id}` }, '127.0.0.1')));
results.forEach((result, i) => process.stdout.write(`${personIds[i]} ${result.ok ? result.value.state : result.error}\n`));
database.client.close();
