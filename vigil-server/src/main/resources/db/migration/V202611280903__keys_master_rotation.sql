-- Keys: master-key rotation keeps each KEK wrapped under the old master (master_alias, wrapped_key) and, while
-- a rotation is under way, also under the new one (next_*), so a crash leaves one of the two key stores usable.
ALTER TABLE keys_kek ADD COLUMN next_master_alias VARCHAR(64);
ALTER TABLE keys_kek ADD COLUMN next_wrapped_key VARCHAR(200);
