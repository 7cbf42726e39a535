-- Data only. Stored behaviour codes become MITI 4.2.1's and stored kinds of harm the Wales
-- categories. The pairs below are LEGACY_MI_CODES (src/domain/simulations/conversation.ts) and
-- LEGACY_HARM_KINDS (src/domain/thresholds/thresholds.ts); tests/integration/migrations.test.ts
-- checks every pair against those functions. A stored own-words "warning" becomes confront.

-- The learner's own coded words kept for mentor review.
WITH map(old, new) AS (VALUES ('open-question', 'question'), ('closed-question', 'question'), ('summary', 'complex-reflection'), ('affirmation', 'affirm'), ('giving-information-with-permission', 'giving-information'), ('persuading-without-permission', 'persuade'), ('confronting', 'confront'), ('warning', 'confront'))
UPDATE simulation_own_responses SET code = (SELECT new FROM map WHERE old = code)
WHERE code IN (SELECT old FROM map);
--> statement-breakpoint
-- Each accepted own-words event.
WITH map(old, new) AS (VALUES ('open-question', 'question'), ('closed-question', 'question'), ('summary', 'complex-reflection'), ('affirmation', 'affirm'), ('giving-information-with-permission', 'giving-information'), ('persuading-without-permission', 'persuade'), ('confronting', 'confront'), ('warning', 'confront'))
UPDATE simulation_events SET event = json_set(event, '$.code', (SELECT new FROM map WHERE old = json_extract(event, '$.code')))
WHERE json_extract(event, '$.type') = 'RESPOND_OWN' AND json_extract(event, '$.code') IN (SELECT old FROM map);
--> statement-breakpoint
-- Each conversation's saved machine: the transcript (option and own codes) and the copy of the
-- scenario's structure it carries (option codes). Array order is kept.
WITH map(old, new) AS (VALUES ('open-question', 'question'), ('closed-question', 'question'), ('summary', 'complex-reflection'), ('affirmation', 'affirm'), ('giving-information-with-permission', 'giving-information'), ('persuading-without-permission', 'persuade'), ('confronting', 'confront'), ('warning', 'confront'))
UPDATE simulation_attempts SET snapshot = json_set(
  snapshot,
  '$.context.transcript',
  json((
    SELECT json_group_array(
      CASE WHEN json_type(e.value, '$.own') = 'object'
        THEN json_set(e.value, '$.code', coalesce((SELECT new FROM map WHERE old = json_extract(e.value, '$.code')), json_extract(e.value, '$.code')), '$.own.code', coalesce((SELECT new FROM map WHERE old = json_extract(e.value, '$.own.code')), json_extract(e.value, '$.own.code')))
        ELSE json_set(e.value, '$.code', coalesce((SELECT new FROM map WHERE old = json_extract(e.value, '$.code')), json_extract(e.value, '$.code')))
      END ORDER BY e.key)
    FROM json_each(snapshot, '$.context.transcript') e
  )),
  '$.context.structure.turns',
  json((
    SELECT json_group_array(
      json_set(t.value, '$.options', json((
        SELECT json_group_array(json_set(o.value, '$.code', coalesce((SELECT new FROM map WHERE old = json_extract(o.value, '$.code')), json_extract(o.value, '$.code'))) ORDER BY o.key)
        FROM json_each(t.value, '$.options') o
      ))) ORDER BY t.key)
    FROM json_each(snapshot, '$.context.structure.turns') t
  ))
)
WHERE kind = 'conversation' AND json_type(snapshot, '$.context.transcript') = 'array' AND json_type(snapshot, '$.context.structure.turns') = 'array';
--> statement-breakpoint
-- Threshold answers: exposure to domestic abuse is registered as emotional abuse; each kind once,
-- in the order first chosen. The saved machine first, then each submitted assessment.
UPDATE threshold_attempts SET snapshot = json_set(snapshot, '$.context.assessment.kindsOfHarm', json((
  SELECT json_group_array(kind ORDER BY first)
  FROM (SELECT CASE value WHEN 'domestic-abuse' THEN 'emotional' ELSE value END AS kind, min(key) AS first FROM json_each(snapshot, '$.context.assessment.kindsOfHarm') GROUP BY 1)
)))
WHERE EXISTS (SELECT 1 FROM json_each(snapshot, '$.context.assessment.kindsOfHarm') WHERE value = 'domestic-abuse');
--> statement-breakpoint
UPDATE threshold_events SET event = json_set(event, '$.assessment.kindsOfHarm', json((
  SELECT json_group_array(kind ORDER BY first)
  FROM (SELECT CASE value WHEN 'domestic-abuse' THEN 'emotional' ELSE value END AS kind, min(key) AS first FROM json_each(event, '$.assessment.kindsOfHarm') GROUP BY 1)
)))
WHERE json_extract(event, '$.type') = 'SUBMIT_ASSESSMENT' AND EXISTS (SELECT 1 FROM json_each(event, '$.assessment.kindsOfHarm') WHERE value = 'domestic-abuse');
