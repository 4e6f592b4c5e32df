-- NIS2 scope: the entity profile of this installation, one row per change (the highest version is current).
CREATE TABLE scope_profile (
    version         INT          NOT NULL PRIMARY KEY,
    profile_json    VARCHAR(1048576) NOT NULL,
    legal_name      VARCHAR(500),
    classification  VARCHAR(20)  NOT NULL,
    indirectly_affected BOOLEAN  NOT NULL,
    result_json     VARCHAR(1048576) NOT NULL,
    changed_by      VARCHAR(64)  NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
