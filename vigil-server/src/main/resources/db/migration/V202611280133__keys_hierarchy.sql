-- Key hierarchy: key-encryption keys (KEKs) wrapped by the master key, which lives outside the
-- database; data keys and signing keys wrapped by a KEK. Rotation re-wraps rows in place, and
-- the foreign keys keep a KEK from being deleted while anything is still wrapped by it.
CREATE TABLE keys_kek (
    version      INT          NOT NULL PRIMARY KEY,
    master_alias VARCHAR(64)  NOT NULL,
    wrapped_key  VARCHAR(200) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE keys_data_key (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    purpose     VARCHAR(60)  NOT NULL,
    object_id   VARCHAR(200) NOT NULL,
    kek_version INT          NOT NULL REFERENCES keys_kek (version),
    wrapped_key VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT keys_data_key_per_object UNIQUE (purpose, object_id)
);
CREATE INDEX keys_data_key_by_kek ON keys_data_key (kek_version);

CREATE TABLE keys_signing_key (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    purpose         VARCHAR(60)   NOT NULL,
    algorithm       VARCHAR(20)   NOT NULL,
    public_key      VARCHAR(1000) NOT NULL,
    kek_version     INT           NOT NULL REFERENCES keys_kek (version),
    wrapped_private VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX keys_signing_key_by_purpose ON keys_signing_key (purpose);

-- Encrypted files: the folder holds the ciphertext, this table what it must decrypt to.
CREATE TABLE keys_blob (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    purpose     VARCHAR(60)  NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    size        BIGINT       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
