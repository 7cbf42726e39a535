import type { evaluationExport as english } from '../en/evaluation-export.ts';
import type { Translation } from '../en/index.ts';

/** Welsh UI strings: allforio ffigurau’r adroddiad gwerthuso (CSV a JSON). A missing or extra key is a type error here. */
export const evaluationExport: Translation<typeof english> = {
  'evaluationExport.column.level': 'Lefel',
  'evaluationExport.column.figure': 'Dynodydd y ffigur',
  'evaluationExport.column.name': 'Ffigur',
  'evaluationExport.column.definition': 'Diffiniad',
  'evaluationExport.column.period': 'Cyfnod',
  'evaluationExport.column.scope': 'Cwmpas',
  'evaluationExport.column.subject': 'Pwnc',
  'evaluationExport.column.value': 'Gwerth',
  'evaluationExport.column.n': 'n (pobl)',
  'evaluationExport.column.suppressed': 'Wedi’i guddio (llai na 5 o bobl)',
  'evaluationExport.yes': 'Ydy',
  'evaluationExport.no': 'Nac ydy',
};
