-- Compliance: approvals are signed with the keys module's compliance.approval key; the key's id is kept beside the signature.
ALTER TABLE compliance_approval ADD COLUMN signature_key_id VARCHAR(64);
