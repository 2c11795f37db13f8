-- RoPA Desk register schema, version 8: an Art. 28(3) clause is known to be present (true),
-- known to be missing (false) or not known (absent). Until now a clause not ticked was stored as
-- false and meant "not confirmed"; it becomes "not known", so only the ticked clauses are kept.

UPDATE agreement SET checklist = (
    SELECT json_group_object(key, json('true'))
    FROM json_each(agreement.checklist)
    WHERE type = 'true'
);
