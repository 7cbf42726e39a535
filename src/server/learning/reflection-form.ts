import { z } from 'zod';
import type { Scope } from '../people/index.ts';
import { localePath, type Locale } from '../../domain/common/index.ts';
import { pick, type Module, type Programme } from '../content/index.ts';
import { fields, formAgain, formRedirect, parseForm, readFormData, type FormResult } from '../platform/index.ts';
import { REFLECTION_MAX_LENGTH, saveReflection } from './learning.ts';

// Built on first use: learning.ts and this file meet in an import cycle through server/cpd.
const reflectionSchema = () => z.object({ text: fields.requiredText(REFLECTION_MAX_LENGTH) });

/**
 * A module's reflection form: saves the text to the learner's private log with the prompt as
 * they read it (in the page's language), or shows the form again with what they wrote.
 */
export async function reflectionForm(
  scope: Scope,
  found: { programme: Pick<Programme, 'id'>; module: Module },
  request: Request,
  locale: Locale,
): Promise<FormResult> {
  const parsed = parseForm(reflectionSchema(), await readFormData(request));
  if (!parsed.ok) return formAgain(parsed.errors, { text: String(parsed.values.text ?? '') });
  const { module } = found;
  await saveReflection(scope, { moduleId: module.id, moduleVersion: module.version, prompt: pick(module.reflection.prompt, locale), text: parsed.data.text });
  return formRedirect(`${localePath(locale, `/learn/${found.programme.id}/${module.id}/reflect`)}?saved`, parsed.values);
}
