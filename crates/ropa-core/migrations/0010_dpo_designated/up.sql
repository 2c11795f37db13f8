-- RoPA Desk register schema, version 10: whether the organisation has designated a data
-- protection officer is known to be "no" (0) apart from not recorded (NULL); a recorded DPO is
-- "yes" whatever this column says.

ALTER TABLE organisation ADD COLUMN dpo_designated INTEGER CHECK (dpo_designated IN (0, 1));
