-- Matching asks for many package names at once (name_key IN (...)); the primary key starts with
-- the ecosystem, which H2 cannot use for such a list.
CREATE INDEX vulndb_package_by_name ON vulndb_package (name_key);
