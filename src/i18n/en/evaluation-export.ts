/** English UI strings: the evaluation report's figures export (CSV and JSON). */
export const evaluationExport = {
  'evaluationExport.column.level': 'Level',
  'evaluationExport.column.figure': 'Figure id',
  'evaluationExport.column.name': 'Figure',
  'evaluationExport.column.definition': 'Definition',
  'evaluationExport.column.period': 'Period',
  'evaluationExport.column.scope': 'Scope',
  'evaluationExport.column.subject': 'Subject',
  'evaluationExport.column.value': 'Value',
  'evaluationExport.column.n': 'n (people)',
  'evaluationExport.column.suppressed': 'Suppressed (fewer than 5 people)',
  'evaluationExport.yes': 'Yes',
  'evaluationExport.no': 'No',
} as const;
