import type { ImportProblem } from '../../domain/people/index.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { formAgain, formRedirect, readFormData, type FieldError, type FormResult } from '../platform/index.ts';
import type { AdminContext } from './people-admin.ts';
import { IMPORT_MAX_BYTES, importPeople } from './people-import.ts';

/** An import that failed either as a whole (`errors.file`) or line by line (`problems`). */
export type PeopleImportFormResult = FormResult<{ problems: ImportProblem[] }>;

/** One problem as the error summary lists it: the line, the column it is about (by its heading in the file) and what is wrong. */
export function importProblemText(t: Translate, problem: ImportProblem): string {
  const message = t(problem.key, problem.params);
  return 'field' in problem ? t('import.lineColumn', { line: problem.line, column: problem.field, message }) : `${t('import.line', { line: problem.line })}: ${message}`;
}

/** The CSV upload form: imports every row or none, and says what was wrong. */
export async function peopleImportForm(ctx: AdminContext, request: Request, locale: Locale): Promise<PeopleImportFormResult> {
  const file = (await readFormData(request)).get('file');
  const refused = (key: FieldError['key']) => ({ ...formAgain({ file: { key } }), problems: [] });
  if (!(file instanceof File) || file.size === 0) return refused('import.noFile');
  if (file.size > IMPORT_MAX_BYTES) return refused('import.tooLarge');
  const result = await importPeople(ctx, await file.text());
  if (result.ok) return { ...formRedirect(`${localePath(locale, '/admin/people/import')}?imported=${result.count}`), problems: [] };
  if ('fileError' in result) return refused(result.fileError);
  return { ...formAgain({}), problems: result.problems };
}
