-- segec-transfer's state in PostgreSQL 14+, schema version 1.
-- Applied by PostgresSchema.apply (PostgresStateStore.open) when absent, or ahead by a DBA, Flyway
-- (this file's name is a Flyway versioned migration) or Liquibase (an sqlFile change set).
-- Every statement is idempotent: running the file again changes nothing. The tables go to the
-- connection's current schema (search_path). What is stored is what the file store keeps, no
-- more: no birth date, no e-mail.

-- Which versions of this schema were applied (the library's own record, beside Flyway's).
CREATE TABLE IF NOT EXISTS segec_schema_version (
    version     integer     PRIMARY KEY,
    description text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per school that ever ran: the journal's header, and the last failed run.
-- school: the school's FASE number; years are the school year's first calendar year
-- (2026 = school year 2026-2027).
CREATE TABLE IF NOT EXISTS segec_journal (
    school                      integer     PRIMARY KEY CHECK (school BETWEEN 1 AND 99999),
    last_success                timestamptz,
    last_success_year           integer,
    last_full_confirmation_year integer,
    last_failure                timestamptz,
    last_failure_year           integer,
    last_failure_reason         text,
    updated_at                  timestamptz NOT NULL DEFAULT now()
);

-- What the extranet acknowledged, per school and identity key digest (journal-<fase>.json's "accesses").
CREATE TABLE IF NOT EXISTS segec_journal_access (
    school      integer NOT NULL REFERENCES segec_journal (school) ON DELETE CASCADE,
    key_digest  text    NOT NULL,
    local_id    text    NOT NULL,
    last_name   text    NOT NULL,
    first_name  text    NOT NULL,
    account_id  text,
    role        text,
    active      boolean NOT NULL,
    fingerprint text    NOT NULL,
    school_year integer NOT NULL,
    PRIMARY KEY (school, key_digest),
    CHECK (NOT active OR account_id IS NOT NULL)
);

-- Each school's last consent decision (consent-<fase>.json).
CREATE TABLE IF NOT EXISTS segec_consent (
    school             integer     PRIMARY KEY CHECK (school BETWEEN 1 AND 99999),
    decision           text        NOT NULL,
    decided_by         text        NOT NULL,
    decided_at         timestamptz NOT NULL,
    disclosure_version text        NOT NULL,
    disclosure_sha256  text        NOT NULL
);

-- For "which schools failed today": SELECT school, last_failure, last_failure_reason FROM segec_journal
-- WHERE last_failure >= current_date AND (last_success IS NULL OR last_success < last_failure);
CREATE INDEX IF NOT EXISTS segec_journal_last_failure ON segec_journal (last_failure);

INSERT INTO segec_schema_version (version, description) VALUES (1, 'segec state') ON CONFLICT (version) DO NOTHING;
