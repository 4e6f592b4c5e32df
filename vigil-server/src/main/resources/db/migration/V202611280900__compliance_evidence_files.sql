-- Compliance: file evidence (an encrypted blob with the SHA-256 of its content) beside link evidence.
ALTER TABLE compliance_evidence ALTER COLUMN url DROP NOT NULL;
ALTER TABLE compliance_evidence ADD COLUMN blob_id VARCHAR(64);
ALTER TABLE compliance_evidence ADD COLUMN file_name VARCHAR(255);
ALTER TABLE compliance_evidence ADD COLUMN size_bytes BIGINT;
ALTER TABLE compliance_evidence ADD COLUMN sha256 VARCHAR(64);
