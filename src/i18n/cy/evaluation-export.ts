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
  'evaluationExport.column.n': 'n',
  'evaluationExport.column.suppressed': 'Wedi’i guddio (llai na 5 o bobl)',
  'evaluationExport.yes': 'Ydy',
  'evaluationExport.no': 'Nac ydy',
  'evaluationExport.column.reading': 'Beth mae’n ei olygu',
  'evaluationExport.part.rated': 'nifer a roddodd sgôr {rating}',
  'evaluationExport.part.median': 'canolrif',
  'evaluationExport.part.meanBefore': 'cymedr cyn',
  'evaluationExport.part.meanAfter': 'cymedr ar ôl',
  'evaluationExport.part.ciLow': 'cyfwng 95%, pen isaf',
  'evaluationExport.part.ciHigh': 'cyfwng 95%, pen uchaf',
  'evaluationExport.part.withSession': 'nifer y staff a gafodd sesiwn',
};
