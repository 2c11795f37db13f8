-- RoPA Desk register schema, version 4: retention rules of a purpose and of a recipient, where a
-- source states them there ("data for the prize draw is deleted after the draw", "the provider
-- deletes after 14 months") rather than per data category. JSON Retention, NULL: none of its
-- own (the data categories' and the activity's rules apply).

ALTER TABLE purpose ADD COLUMN retention TEXT;
ALTER TABLE activity_recipient ADD COLUMN retention TEXT;
