-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 2: signed credentials — the audit log, issuer identities, trusted certificates,
-- issued credentials and issuance batches.
--
-- Times are ISO 8601 UTC strings ("2026-11-25T10:00:00Z"); fingerprints and hashes are
-- SHA-256 as 64 lowercase hexadecimal digits. Private keys are never stored: a signing
-- identity keeps only its certificate chain and where its key lives.

-- The audit log: append-only, each entry chained to the one before by SHA-256 (see
-- acr-audit.c for what is hashed). AUTOINCREMENT keeps the highest id ever given in
-- sqlite_sequence, so removing the newest entries shows too.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL CHECK (length (action) > 0),
  object_type  TEXT NOT NULL CHECK (length (object_type) > 0),
  object_id    INTEGER,
  summary      TEXT NOT NULL,
  detail       TEXT,
  prev_hash    TEXT NOT NULL CHECK (length (prev_hash) = 64),
  hash         TEXT NOT NULL UNIQUE CHECK (length (hash) = 64)
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'The audit log is append-only: its entries cannot be changed.');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'The audit log is append-only: its entries cannot be deleted.');
END;

-- An issuer identity: a certificate chain (PEM, signer first) and the location of its key
-- (a file path or a pkcs11: URI).
CREATE TABLE signing_identity (
  id               INTEGER PRIMARY KEY,
  organisation_id  INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
  label            TEXT NOT NULL CHECK (length (trim (label)) > 0),
  key_type         TEXT NOT NULL CHECK (key_type IN ('rsa', 'ecdsa', 'ed25519')),
  certificate_pem  TEXT NOT NULL,
  fingerprint      TEXT NOT NULL UNIQUE CHECK (length (fingerprint) = 64),
  subject          TEXT NOT NULL,
  not_before       TEXT NOT NULL,
  not_after        TEXT NOT NULL,
  key_location     TEXT NOT NULL CHECK (length (key_location) > 0),
  created_at       TEXT NOT NULL,
  retired_at       TEXT
);
CREATE INDEX signing_identity_organisation ON signing_identity (organisation_id);

-- Certificates whose signatures verification trusts (issuers' roots or self-signed issuer
-- certificates).
CREATE TABLE trusted_certificate (
  id               INTEGER PRIMARY KEY,
  fingerprint      TEXT NOT NULL UNIQUE CHECK (length (fingerprint) = 64),
  certificate_pem  TEXT NOT NULL,
  subject          TEXT NOT NULL,
  not_after        TEXT NOT NULL,
  added_at         TEXT NOT NULL
);

-- An issued credential: the signed XML exactly as issued and its SHA-256. Only revocation
-- changes a row afterwards (see the triggers below); rows are never deleted.
CREATE TABLE credential (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE CHECK (uuid GLOB 'urn:uuid:*'),
  learner_id          INTEGER NOT NULL REFERENCES learner (id) ON DELETE RESTRICT,
  module_id           INTEGER REFERENCES module (id) ON DELETE RESTRICT,
  assessment_id       INTEGER REFERENCES assessment (id) ON DELETE RESTRICT,
  curriculum_id       INTEGER REFERENCES curriculum (id) ON DELETE RESTRICT,
  issued_at           TEXT NOT NULL,
  valid_until         TEXT,
  status              TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
  revoked_at          TEXT,
  revocation_reason   TEXT,
  document            BLOB NOT NULL CHECK (length (document) > 0),
  sha256              TEXT NOT NULL CHECK (length (sha256) = 64),
  signer_fingerprint  TEXT NOT NULL CHECK (length (signer_fingerprint) = 64),
  created_at          TEXT NOT NULL,
  CHECK (module_id IS NOT NULL OR curriculum_id IS NOT NULL),
  CHECK ((status = 'valid' AND revoked_at IS NULL AND revocation_reason IS NULL) OR
         (status = 'revoked' AND revoked_at IS NOT NULL AND revocation_reason IS NOT NULL))
);
-- Idempotent issuance: one valid credential per learner and module version (and per
-- learner and curriculum).
CREATE UNIQUE INDEX credential_one_valid_module ON credential (learner_id, module_id)
  WHERE status = 'valid' AND curriculum_id IS NULL;
CREATE UNIQUE INDEX credential_one_valid_curriculum ON credential (learner_id, curriculum_id)
  WHERE status = 'valid' AND curriculum_id IS NOT NULL;
CREATE INDEX credential_issued_at ON credential (issued_at);
CREATE INDEX credential_learner ON credential (learner_id);
CREATE INDEX credential_module ON credential (module_id);
CREATE INDEX credential_assessment ON credential (assessment_id);
CREATE INDEX credential_status ON credential (status, issued_at);

CREATE TRIGGER credential_frozen BEFORE UPDATE OF uuid, learner_id, module_id, assessment_id,
  curriculum_id, issued_at, valid_until, document, sha256, signer_fingerprint, created_at
  ON credential
BEGIN
  SELECT RAISE (ABORT, 'An issued credential cannot be changed; revoke it instead.');
END;

CREATE TRIGGER credential_revocation_final BEFORE UPDATE OF status, revoked_at,
  revocation_reason ON credential WHEN OLD.status = 'revoked'
BEGIN
  SELECT RAISE (ABORT, 'A revoked credential stays revoked.');
END;

CREATE TRIGGER credential_no_delete BEFORE DELETE ON credential
BEGIN
  SELECT RAISE (ABORT, 'An issued credential cannot be deleted; revoke it instead.');
END;

-- A batch run of issuance (from the database or a CSV file), kept so that a batch
-- interrupted by a crash or a cancel can be shown and resumed.
CREATE TABLE issuance_batch (
  id           INTEGER PRIMARY KEY,
  module_id    INTEGER REFERENCES module (id) ON DELETE SET NULL,
  source       TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  total        INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  issued       INTEGER NOT NULL DEFAULT 0 CHECK (issued >= 0),
  skipped      INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
  failed       INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
  cancelled    INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))
);
CREATE INDEX issuance_batch_started ON issuance_batch (started_at);
