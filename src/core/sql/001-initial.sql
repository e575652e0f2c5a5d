-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema 1: the domain model of DESIGN.md.
--
-- Enumerations are stored as their GEnum nicks (see acr-enums.h) and guarded by CHECK
-- constraints, so a row written by any program is still valid for Accredit. Times are
-- ISO 8601 UTC strings ("2026-11-25T10:00:00Z"), dates ISO 8601 ("2026-11-25").

CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  legal_id    TEXT,
  country     TEXT NOT NULL CHECK (country GLOB '[A-Z][A-Z]' OR country GLOB '[A-Z][A-Z]-[A-Z0-9]*'),
  address     TEXT,
  web         TEXT,
  email       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX organisation_legal_id ON organisation (legal_id) WHERE legal_id IS NOT NULL;

CREATE TABLE framework (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (length (code) BETWEEN 1 AND 32),
  title_de    TEXT NOT NULL,
  title_en    TEXT NOT NULL,
  country     TEXT,
  version     TEXT NOT NULL DEFAULT '1',
  uri         TEXT,
  is_eqf      INTEGER NOT NULL DEFAULT 0 CHECK (is_eqf IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

CREATE TABLE framework_dimension (
  id            INTEGER PRIMARY KEY,
  framework_id  INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
  code          TEXT NOT NULL,
  position      INTEGER NOT NULL,
  title_de      TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  UNIQUE (framework_id, code)
);

CREATE TABLE framework_level (
  id            INTEGER PRIMARY KEY,
  framework_id  INTEGER NOT NULL REFERENCES framework (id) ON DELETE CASCADE,
  level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
  label         TEXT NOT NULL,
  eqf_level     INTEGER CHECK (eqf_level BETWEEN 1 AND 8),
  examples_de   TEXT,
  examples_en   TEXT,
  UNIQUE (framework_id, level)
);

CREATE TABLE framework_descriptor (
  level_id      INTEGER NOT NULL REFERENCES framework_level (id) ON DELETE CASCADE,
  dimension_id  INTEGER NOT NULL REFERENCES framework_dimension (id) ON DELETE CASCADE,
  lang          TEXT NOT NULL,
  text          TEXT NOT NULL,
  PRIMARY KEY (level_id, dimension_id, lang)
);

CREATE TABLE module (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL CHECK (length (trim (code)) > 0),
  version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'in-review', 'approved', 'retired')),
  organisation_id  INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
  title            TEXT NOT NULL DEFAULT '',
  title_en         TEXT,
  description      TEXT,
  description_en   TEXT,
  language         TEXT NOT NULL DEFAULT 'de',
  languages        TEXT,
  workload_hours   REAL CHECK (workload_hours IS NULL OR workload_hours > 0),
  ects             REAL CHECK (ects IS NULL OR ects > 0),
  assessment_type  TEXT CHECK (assessment_type IS NULL OR assessment_type IN
                   ('test', 'work-sample', 'portfolio', 'oral', 'practical', 'project')),
  assessment_mode  TEXT CHECK (assessment_mode IS NULL OR assessment_mode IN
                   ('formative', 'summative')),
  participation    TEXT CHECK (participation IS NULL OR participation IN
                   ('online', 'onsite', 'blended')),
  supervision      TEXT CHECK (supervision IS NULL OR supervision IN
                   ('unsupervised-no-id', 'supervised-no-id', 'supervised-online-id',
                    'supervised-onsite-id')),
  qa_type          TEXT CHECK (qa_type IS NULL OR qa_type IN
                   ('internal', 'external', 'internal-external')),
  qa_body          TEXT,
  prerequisites    TEXT,
  validity_months  INTEGER CHECK (validity_months IS NULL OR validity_months > 0),
  isced_f          TEXT CHECK (isced_f IS NULL OR isced_f GLOB '[0-9][0-9][0-9][0-9]'),
  stackability     TEXT CHECK (stackability IS NULL OR stackability IN
                   ('stand-alone', 'stackable')),
  stackable_towards TEXT,
  further_info     TEXT,
  last_editor      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (code, version)
);
CREATE INDEX module_title ON module (title COLLATE NOCASE);

CREATE TABLE module_level (
  id            INTEGER PRIMARY KEY,
  module_id     INTEGER NOT NULL REFERENCES module (id) ON DELETE CASCADE,
  framework_id  INTEGER NOT NULL REFERENCES framework (id) ON DELETE RESTRICT,
  level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
  rationale     TEXT,
  UNIQUE (module_id, framework_id)
);
CREATE INDEX module_level_framework ON module_level (framework_id);

CREATE TABLE learning_outcome (
  id          INTEGER PRIMARY KEY,
  module_id   INTEGER NOT NULL REFERENCES module (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  statement   TEXT NOT NULL CHECK (length (trim (statement)) > 0),
  statement_en TEXT,
  kind        TEXT NOT NULL CHECK (kind IN ('knowledge', 'skill', 'autonomy')),
  esco_uri    TEXT CHECK (esco_uri IS NULL OR esco_uri LIKE 'http%://%'),
  UNIQUE (module_id, position)
);

CREATE TABLE rubric (
  id               INTEGER PRIMARY KEY,
  module_id        INTEGER NOT NULL UNIQUE REFERENCES module (id) ON DELETE CASCADE,
  title            TEXT NOT NULL DEFAULT '',
  pass_min_total   REAL CHECK (pass_min_total IS NULL OR pass_min_total >= 0),
  pass_min_points  REAL CHECK (pass_min_points IS NULL OR pass_min_points >= 0)
);

CREATE TABLE rubric_level (
  id          INTEGER PRIMARY KEY,
  rubric_id   INTEGER NOT NULL REFERENCES rubric (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  points      REAL NOT NULL CHECK (points >= 0),
  UNIQUE (rubric_id, position)
);

CREATE TABLE rubric_criterion (
  id           INTEGER PRIMARY KEY,
  rubric_id    INTEGER NOT NULL REFERENCES rubric (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  description  TEXT NOT NULL CHECK (length (trim (description)) > 0),
  weight       REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
  UNIQUE (rubric_id, position)
);

CREATE TABLE rubric_cell (
  criterion_id  INTEGER NOT NULL REFERENCES rubric_criterion (id) ON DELETE CASCADE,
  level_id      INTEGER NOT NULL REFERENCES rubric_level (id) ON DELETE CASCADE,
  descriptor    TEXT NOT NULL,
  PRIMARY KEY (criterion_id, level_id)
);

CREATE TABLE rubric_criterion_outcome (
  criterion_id  INTEGER NOT NULL REFERENCES rubric_criterion (id) ON DELETE CASCADE,
  outcome_id    INTEGER NOT NULL REFERENCES learning_outcome (id) ON DELETE CASCADE,
  PRIMARY KEY (criterion_id, outcome_id)
);

CREATE TABLE curriculum (
  id               INTEGER PRIMARY KEY,
  code             TEXT NOT NULL CHECK (length (trim (code)) > 0),
  version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'in-review', 'approved', 'retired')),
  organisation_id  INTEGER REFERENCES organisation (id) ON DELETE RESTRICT,
  title            TEXT NOT NULL CHECK (length (trim (title)) > 0),
  title_en         TEXT,
  description      TEXT,
  description_en   TEXT,
  language         TEXT NOT NULL DEFAULT 'de',
  stacking_rule    TEXT NOT NULL DEFAULT 'all-required'
                   CHECK (stacking_rule IN ('all-required', 'min-credits', 'min-hours')),
  stacking_min     REAL CHECK (stacking_min IS NULL OR stacking_min > 0),
  last_editor      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (code, version)
);
CREATE INDEX curriculum_title ON curriculum (title COLLATE NOCASE);

CREATE TABLE curriculum_module (
  curriculum_id  INTEGER NOT NULL REFERENCES curriculum (id) ON DELETE CASCADE,
  module_id      INTEGER NOT NULL REFERENCES module (id) ON DELETE RESTRICT,
  position       INTEGER NOT NULL,
  required       INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  PRIMARY KEY (curriculum_id, module_id),
  UNIQUE (curriculum_id, position)
);
CREATE INDEX curriculum_module_module ON curriculum_module (module_id);

CREATE TABLE learner (
  id           INTEGER PRIMARY KEY,
  given_name   TEXT NOT NULL CHECK (length (trim (given_name)) > 0),
  family_name  TEXT NOT NULL CHECK (length (trim (family_name)) > 0),
  birth_date   TEXT CHECK (birth_date IS NULL OR birth_date GLOB
               '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  email        TEXT,
  external_id  TEXT UNIQUE,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX learner_name ON learner (family_name COLLATE NOCASE, given_name COLLATE NOCASE);

CREATE TABLE assessment (
  id           INTEGER PRIMARY KEY,
  learner_id   INTEGER NOT NULL REFERENCES learner (id) ON DELETE RESTRICT,
  module_id    INTEGER NOT NULL REFERENCES module (id) ON DELETE RESTRICT,
  assessed_on  TEXT NOT NULL CHECK (assessed_on GLOB
               '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  assessor     TEXT NOT NULL CHECK (length (trim (assessor)) > 0),
  total        REAL,
  passed       INTEGER NOT NULL CHECK (passed IN (0, 1)),
  grade        TEXT,
  evidence     TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX assessment_learner ON assessment (learner_id);
CREATE INDEX assessment_module ON assessment (module_id, passed);

CREATE TABLE assessment_result (
  assessment_id  INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  criterion_id   INTEGER NOT NULL REFERENCES rubric_criterion (id) ON DELETE RESTRICT,
  level_id       INTEGER NOT NULL REFERENCES rubric_level (id) ON DELETE RESTRICT,
  PRIMARY KEY (assessment_id, criterion_id)
);
