-- RoPA Desk register schema, version 7: a recipient link's own privacy information (the privacy
-- page of the service used, where it differs from the party's general privacy policy: "YouTube"
-- under Google's policy, "Microsoft Teams" under Microsoft's). NULL: the party's applies.

ALTER TABLE activity_recipient ADD COLUMN privacy_url TEXT;
