/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "acr-core.h"
#include "acr-store-private.h"

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  acr_store_set_actor (store, "Test Editor");
  return store;
}

static void
exec_sql (AcrStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  _acr_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

static int
query_int (AcrStore   *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static char *
query_text (AcrStore   *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
insert_organisation (AcrStore *store)
{
  exec_sql (store, "INSERT INTO organisation (name, country, created_at, updated_at) "
                   "VALUES ('IHK Musterstadt', 'DE', 'now', 'now')");
  return _acr_store_last_insert_id (store);
}

/* EQF (is_eqf = 1) and DQR, both with levels 1 … 8 referenced one to one. */
static void
insert_frameworks (AcrStore *store)
{
  exec_sql (store,
            "INSERT INTO framework (id, code, title_de, title_en, is_eqf, created_at, updated_at) "
            "VALUES (1, 'EQF', 'EQR', 'EQF', 1, 'now', 'now'), "
            "       (2, 'DQR', 'DQR', 'GQF', 0, 'now', 'now');"
            "WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 8) "
            "INSERT INTO framework_level (framework_id, level, label, eqf_level) "
            "SELECT f, i, 'Level ' || i, i FROM seq, (SELECT 1 AS f UNION SELECT 2);");
}

static AcrModule *
new_module (const char *code,
            int         version)
{
  AcrModule *module = acr_module_new ();

  acr_module_set_code (module, code);
  acr_module_set_version (module, version);
  acr_module_set_title (module, "IT-Sicherheit im Betrieb");
  return module;
}

static AcrModule *
save_new_module (AcrStore   *store,
                 const char *code,
                 int         version)
{
  g_autoptr(GError) error = NULL;
  AcrModule *module = new_module (code, version);

  acr_module_save (module, store, &error);
  g_assert_no_error (error);
  return module;
}

static void
add_outcome (AcrStore   *store,
             gint64      module_id,
             const char *statement)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();

  acr_learning_outcome_set_module_id (outcome, module_id);
  acr_learning_outcome_set_statement (outcome, statement);
  acr_learning_outcome_set_kind (outcome, ACR_OUTCOME_KIND_SKILL);
  acr_learning_outcome_save (outcome, store, &error);
  g_assert_no_error (error);
}

static void
set_status (AcrStore  *store,
            AcrModule *module,
            AcrStatus  status)
{
  g_autoptr(GError) error = NULL;

  acr_module_set_status (module, status);
  acr_module_save (module, store, &error);
  g_assert_no_error (error);
}

static void
test_module_round_trip (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = acr_module_new ();
  g_autoptr(AcrModule) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 org = insert_organisation (store);
  char *text = NULL;
  AcrStatus status;
  AcrQaType qa_type;
  gint64 organisation_id;
  double workload, ects;
  int version, validity;

  g_assert_cmpint (acr_module_get_id (module), ==, 0);
  g_assert_cmpint (acr_module_get_version (module), ==, 1);
  g_assert_cmpstr (acr_module_get_language (module), ==, "de");

  g_object_set (module,
                "code", "IT-SEC-01",
                "version", 3,
                "status", ACR_STATUS_IN_REVIEW,
                "organisation-id", org,
                "title", "IT-Sicherheit im Betrieb",
                "title-en", "IT security in the company",
                "description", "Beschreibung",
                "description-en", "Description",
                "language", "de",
                "languages", "de,en",
                "workload-hours", 62.5,
                "ects", 2.5,
                "assessment-type", ACR_ASSESSMENT_TYPE_WORK_SAMPLE,
                "assessment-mode", ACR_ASSESSMENT_MODE_SUMMATIVE,
                "participation", ACR_PARTICIPATION_BLENDED,
                "supervision", ACR_SUPERVISION_SUPERVISED_ONSITE_ID,
                "qa-type", ACR_QA_TYPE_INTERNAL_EXTERNAL,
                "qa-body", "ZFU",
                "prerequisites", "Grundkenntnisse Netzwerke",
                "validity-months", 36,
                "isced-f", "0612",
                "stackability", ACR_STACKABILITY_STACKABLE,
                "stackable-towards", "Fachinformatiker",
                "further-info", "https://example.org/it-sec-01",
                NULL);

  g_assert_true (acr_module_save (module, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_id (module), >, 0);
  g_assert_nonnull (acr_module_get_created_at (module));
  g_assert_cmpstr (acr_module_get_created_at (module), ==, acr_module_get_updated_at (module));
  g_assert_cmpstr (acr_module_get_last_editor (module), ==, "Test Editor");

  loaded = acr_module_load (store, acr_module_get_id (module), &error);
  g_assert_no_error (error);

  g_object_get (loaded, "code", &text, "version", &version, "status", &status,
                "organisation-id", &organisation_id, "workload-hours", &workload,
                "ects", &ects, "validity-months", &validity, "qa-type", &qa_type, NULL);
  g_assert_cmpstr (text, ==, "IT-SEC-01");
  g_free (text);
  g_assert_cmpint (version, ==, 3);
  g_assert_cmpint (status, ==, ACR_STATUS_IN_REVIEW);
  g_assert_cmpint (organisation_id, ==, org);
  g_assert_cmpfloat (workload, ==, 62.5);
  g_assert_cmpfloat (ects, ==, 2.5);
  g_assert_cmpint (validity, ==, 36);
  g_assert_cmpint (qa_type, ==, ACR_QA_TYPE_INTERNAL_EXTERNAL);

  g_assert_cmpint (acr_module_get_id (loaded), ==, acr_module_get_id (module));
  g_assert_cmpstr (acr_module_get_title (loaded), ==, "IT-Sicherheit im Betrieb");
  g_assert_cmpstr (acr_module_get_title_en (loaded), ==, "IT security in the company");
  g_assert_cmpstr (acr_module_get_description (loaded), ==, "Beschreibung");
  g_assert_cmpstr (acr_module_get_description_en (loaded), ==, "Description");
  g_assert_cmpstr (acr_module_get_language (loaded), ==, "de");
  g_assert_cmpstr (acr_module_get_languages (loaded), ==, "de,en");
  g_assert_cmpint (acr_module_get_assessment_type (loaded), ==, ACR_ASSESSMENT_TYPE_WORK_SAMPLE);
  g_assert_cmpint (acr_module_get_assessment_mode (loaded), ==, ACR_ASSESSMENT_MODE_SUMMATIVE);
  g_assert_cmpint (acr_module_get_participation (loaded), ==, ACR_PARTICIPATION_BLENDED);
  g_assert_cmpint (acr_module_get_supervision (loaded), ==,
                   ACR_SUPERVISION_SUPERVISED_ONSITE_ID);
  g_assert_cmpstr (acr_module_get_qa_body (loaded), ==, "ZFU");
  g_assert_cmpstr (acr_module_get_prerequisites (loaded), ==, "Grundkenntnisse Netzwerke");
  g_assert_cmpstr (acr_module_get_isced_f (loaded), ==, "0612");
  g_assert_cmpint (acr_module_get_stackability (loaded), ==, ACR_STACKABILITY_STACKABLE);
  g_assert_cmpstr (acr_module_get_stackable_towards (loaded), ==, "Fachinformatiker");
  g_assert_cmpstr (acr_module_get_further_info (loaded), ==, "https://example.org/it-sec-01");
  g_assert_cmpstr (acr_module_get_last_editor (loaded), ==, "Test Editor");
  g_assert_cmpstr (acr_module_get_created_at (loaded), ==, acr_module_get_created_at (module));
  g_assert_cmpstr (acr_module_get_updated_at (loaded), ==, acr_module_get_updated_at (module));
  g_assert_false (acr_module_is_frozen (loaded));

  /* Unset values come back unset: 0 and NULL are stored as NULL. */
  {
    g_autoptr(AcrModule) bare = save_new_module (store, "BARE", 1);
    g_autoptr(AcrModule) bare_loaded = acr_module_load (store, acr_module_get_id (bare),
                                                        &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (acr_module_get_workload_hours (bare_loaded), ==, 0);
    g_assert_cmpfloat (acr_module_get_ects (bare_loaded), ==, 0);
    g_assert_cmpint (acr_module_get_validity_months (bare_loaded), ==, 0);
    g_assert_cmpint (acr_module_get_organisation_id (bare_loaded), ==, 0);
    g_assert_cmpint (acr_module_get_qa_type (bare_loaded), ==, ACR_QA_TYPE_NONE);
    g_assert_null (acr_module_get_isced_f (bare_loaded));
    g_assert_null (acr_module_get_title_en (bare_loaded));
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM module WHERE code = 'BARE' AND "
                                       "workload_hours IS NULL AND ects IS NULL AND "
                                       "validity_months IS NULL AND qa_type IS NULL"), ==, 1);
  }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_module_notify (void)
{
  g_autoptr(AcrModule) module = acr_module_new ();
  guint count = 0;

  g_signal_connect (module, "notify", G_CALLBACK (notify_cb), &count);
  acr_module_set_code (module, "A");
  acr_module_set_code (module, "A");
  acr_module_set_workload_hours (module, 10);
  acr_module_set_workload_hours (module, 10);
  acr_module_set_qa_type (module, ACR_QA_TYPE_EXTERNAL);
  acr_module_set_qa_type (module, ACR_QA_TYPE_EXTERNAL);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_module_update (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(AcrModule) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = acr_module_get_id (module);

  acr_store_set_actor (store, "Second Editor");
  acr_module_set_title (module, "Neuer Titel");
  acr_module_set_workload_hours (module, 40);
  g_assert_true (acr_module_save (module, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_id (module), ==, id);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 1);

  loaded = acr_module_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_module_get_title (loaded), ==, "Neuer Titel");
  g_assert_cmpfloat (acr_module_get_workload_hours (loaded), ==, 40);
  g_assert_cmpstr (acr_module_get_last_editor (loaded), ==, "Second Editor");

  /* Unsetting the workload stores NULL. */
  acr_module_set_workload_hours (module, 0);
  g_assert_true (acr_module_save (module, store, &error));
  g_assert_cmpint (query_int (store, "SELECT workload_hours IS NULL FROM module"), ==, 1);

  /* Loading what is not there. */
  g_clear_object (&loaded);
  loaded = acr_module_load (store, 999, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no module with the number 999.");
}

typedef struct
{
  const char *property;
  const char *string_value;
  double      double_value;
  int         int_value;
  const char *message;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "workload-hours", NULL, -5, 0, "The workload must be a positive number of hours, not -5." },
  { "ects", NULL, -2.5, 0, "The ECTS credits must be a positive number, not -2.5." },
  { "validity-months", NULL, 0, -12, NULL },
  { "code", "IT SEC 01", 0, 0, NULL },
  { "code", "   ", 0, 0, NULL },
  { "code", NULL, 0, 0, NULL },
  { "version", NULL, 0, 0, NULL },
  { "language", "deutsch", 0, 0, NULL },
  { "language", "", 0, 0, NULL },
  { "languages", "de,en,", 0, 0, NULL },
  { "isced-f", "61A", 0, 0, NULL },
  { "isced-f", "9999", 0, 0, NULL },
};

static void
test_module_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autoptr(AcrStore) store = open_store ();
      g_autoptr(AcrModule) module = new_module ("IT-SEC-01", 1);
      g_autoptr(AcrModule) saved = save_new_module (store, "OTHER", 1);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (module),
                                                        c->property);

      g_test_message ("%s", c->property);
      g_assert_nonnull (pspec);

      if (pspec->value_type == G_TYPE_STRING)
        g_object_set (module, c->property, c->string_value, NULL);
      else if (pspec->value_type == G_TYPE_DOUBLE)
        g_object_set (module, c->property, c->double_value, NULL);
      else
        g_object_set (module, c->property, c->int_value, NULL);

      /* A new module is not inserted … */
      g_assert_false (acr_module_validate (module, &error));
      g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
      if (c->message != NULL)
        g_assert_cmpstr (error->message, ==, c->message);
      g_clear_error (&error);

      g_assert_false (acr_module_save (module, store, &error));
      g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
      g_clear_error (&error);
      g_assert_cmpint (acr_module_get_id (module), ==, 0);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 1);

      /* … and a saved one is not changed. */
      before = query_text (store, "SELECT updated_at || title FROM module");
      if (pspec->value_type == G_TYPE_STRING)
        g_object_set (saved, "title", "Changed", c->property, c->string_value, NULL);
      else if (pspec->value_type == G_TYPE_DOUBLE)
        g_object_set (saved, "title", "Changed", c->property, c->double_value, NULL);
      else
        g_object_set (saved, "title", "Changed", c->property, c->int_value, NULL);
      g_assert_false (acr_module_save (saved, store, &error));
      g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
      after = query_text (store, "SELECT updated_at || title FROM module");
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_module_valid_values (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = new_module ("IT-SEC-01", 1);
  g_autoptr(GError) error = NULL;

  /* Not rules: a large ECTS value, regional language tags, spaces after the commas. */
  acr_module_set_ects (module, 90);
  acr_module_set_language (module, "en-GB");
  acr_module_set_languages (module, "de, en-GB, sr-Latn");
  acr_module_set_isced_f (module, "0613");
  g_assert_true (acr_module_save (module, store, &error));
  g_assert_no_error (error);
}

static void
test_module_duplicate (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) first = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(AcrModule) second = new_module ("IT-SEC-01", 1);
  g_autoptr(AcrModule) third = save_new_module (store, "IT-SEC-01", 2);
  g_autoptr(GError) error = NULL;

  g_assert_false (acr_module_save (second, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "Version 1 of module “IT-SEC-01” already exists. Choose another code or "
                   "version number.");
  g_assert_cmpint (acr_module_get_id (second), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 2);
  g_clear_error (&error);

  /* Renumbering an existing version onto a taken one. */
  acr_module_set_version (third, 1);
  g_assert_false (acr_module_save (third, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module WHERE version = 2"), ==, 1);
  g_clear_error (&error);

  /* The same code in another version, and another code in the same version, are fine. */
  acr_module_set_version (second, 3);
  g_assert_true (acr_module_save (second, store, &error));
  g_assert_no_error (error);
}

static void
test_module_dangling_organisation (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = new_module ("IT-SEC-01", 1);
  g_autoptr(GError) error = NULL;

  acr_module_set_organisation_id (module, 4711);
  g_assert_false (acr_module_save (module, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "4711"));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 0);
}

static void
test_module_freeze (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = save_new_module (store, "IT-SEC-01", 2);
  g_autoptr(AcrModule) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id = acr_module_get_id (module);

  set_status (store, module, ACR_STATUS_APPROVED);
  g_assert_true (acr_module_is_frozen (module));
  before = query_text (store, "SELECT title || status || updated_at FROM module");

  /* Editing an approved version is refused and leaves the row as it was. */
  acr_module_set_title (module, "Geändert");
  g_assert_false (acr_module_save (module, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "Version 2 of module “IT-SEC-01” is approved and cannot be changed. "
                   "Create a new version to edit it.");
  g_clear_error (&error);
  after = query_text (store, "SELECT title || status || updated_at FROM module");
  g_assert_cmpstr (before, ==, after);

  /* So is taking the approval back. */
  loaded = acr_module_load (store, id, &error);
  acr_module_set_status (loaded, ACR_STATUS_DRAFT);
  g_assert_false (acr_module_save (loaded, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_object (&loaded);

  /* Saving it unchanged is harmless. */
  loaded = acr_module_load (store, id, &error);
  g_assert_true (acr_module_save (loaded, store, &error));
  g_assert_no_error (error);
  g_free (after);
  after = query_text (store, "SELECT title || status || updated_at FROM module");
  g_assert_cmpstr (before, ==, after);

  /* Retiring is the one change allowed, but not together with another one. */
  acr_module_set_status (loaded, ACR_STATUS_RETIRED);
  acr_module_set_ects (loaded, 5);
  g_assert_false (acr_module_save (loaded, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  acr_module_set_ects (loaded, 0);
  g_assert_true (acr_module_save (loaded, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT status = 'retired' FROM module"), ==, 1);

  /* A retired version stays retired and unchanged. */
  acr_module_set_status (loaded, ACR_STATUS_APPROVED);
  g_assert_false (acr_module_save (loaded, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  acr_module_set_status (loaded, ACR_STATUS_RETIRED);
  acr_module_set_title (loaded, "Geändert");
  g_assert_false (acr_module_save (loaded, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "Version 2 of module “IT-SEC-01” is retired and cannot be changed. "
                   "Create a new version to edit it.");
  g_assert_cmpint (query_int (store, "SELECT status = 'retired' AND title != 'Geändert' "
                                     "FROM module"), ==, 1);
}

static void
test_module_new_version (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(AcrModule) copy = NULL;
  g_autoptr(AcrModule) third = NULL;
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = acr_module_get_id (module);
  gint64 org = insert_organisation (store);
  gboolean contradiction = TRUE;

  insert_frameworks (store);
  acr_module_set_organisation_id (module, org);
  acr_module_set_workload_hours (module, 30);
  acr_module_set_isced_f (module, "0612");
  acr_module_set_qa_type (module, ACR_QA_TYPE_EXTERNAL);
  g_assert_true (acr_module_save (module, store, &error));
  add_outcome (store, id, "Bedrohungen erkennen");
  add_outcome (store, id, "Maßnahmen planen");
  g_assert_true (acr_module_assign_level (store, id, "EQF", 4, "Passt zu Stufe 4", &error));
  g_assert_true (acr_module_assign_level (store, id, "DQR", 4, NULL, &error));
  g_assert_no_error (error);

  /* Only approved or retired versions get new versions. */
  g_assert_null (acr_module_new_version (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 1);

  g_assert_null (acr_module_new_version (store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  set_status (store, module, ACR_STATUS_APPROVED);
  acr_store_set_actor (store, "Versioner");
  copy = acr_module_new_version (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (acr_module_get_id (copy), !=, id);
  g_assert_cmpstr (acr_module_get_code (copy), ==, "IT-SEC-01");
  g_assert_cmpint (acr_module_get_version (copy), ==, 2);
  g_assert_cmpint (acr_module_get_status (copy), ==, ACR_STATUS_DRAFT);
  g_assert_false (acr_module_is_frozen (copy));
  g_assert_cmpstr (acr_module_get_title (copy), ==, "IT-Sicherheit im Betrieb");
  g_assert_cmpint (acr_module_get_organisation_id (copy), ==, org);
  g_assert_cmpfloat (acr_module_get_workload_hours (copy), ==, 30);
  g_assert_cmpstr (acr_module_get_isced_f (copy), ==, "0612");
  g_assert_cmpint (acr_module_get_qa_type (copy), ==, ACR_QA_TYPE_EXTERNAL);
  g_assert_cmpstr (acr_module_get_last_editor (copy), ==, "Versioner");

  outcomes = acr_module_list_outcomes (store, acr_module_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (outcomes), ==, 2);
  {
    g_autoptr(AcrLearningOutcome) first = g_list_model_get_item (outcomes, 0);
    g_autoptr(AcrLearningOutcome) second = g_list_model_get_item (outcomes, 1);

    g_assert_cmpstr (acr_learning_outcome_get_statement (first), ==, "Bedrohungen erkennen");
    g_assert_cmpint (acr_learning_outcome_get_position (first), ==, 1);
    g_assert_cmpint (acr_learning_outcome_get_kind (first), ==, ACR_OUTCOME_KIND_SKILL);
    g_assert_cmpstr (acr_learning_outcome_get_statement (second), ==, "Maßnahmen planen");
    g_assert_cmpint (acr_learning_outcome_get_module_id (second), ==,
                     acr_module_get_id (copy));
  }

  levels = acr_module_list_levels (store, acr_module_get_id (copy), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 2);
  {
    g_autoptr(AcrLevelAssignment) eqf = g_list_model_get_item (levels, 0);

    g_assert_cmpstr (acr_level_assignment_get_framework_code (eqf), ==, "EQF");
    g_assert_cmpint (acr_level_assignment_get_level (eqf), ==, 4);
    g_assert_cmpstr (acr_level_assignment_get_rationale (eqf), ==, "Passt zu Stufe 4");
  }
  g_assert_cmpint (acr_module_get_eqf_level (store, acr_module_get_id (copy), &contradiction,
                                             &error), ==, 4);
  g_assert_false (contradiction);

  /* The source is untouched, and the copy is editable. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM learning_outcome"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module_level"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module WHERE version = 1 AND "
                                     "status = 'approved'"), ==, 1);
  acr_module_set_title (copy, "IT-Sicherheit 2");
  g_assert_true (acr_module_save (copy, store, &error));
  g_assert_no_error (error);

  /* The next version number is the highest plus one, whichever version is copied. */
  third = acr_module_new_version (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_version (third), ==, 3);
  g_assert_cmpstr (acr_module_get_title (third), ==, "IT-Sicherheit im Betrieb");
}

static void
test_module_load_by_code (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) v1 = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(AcrModule) v2 = save_new_module (store, "IT-SEC-01", 2);
  g_autoptr(AcrModule) other = save_new_module (store, "IT-NET-01", 7);
  g_autoptr(AcrModule) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = acr_module_load_by_code (store, "IT-SEC-01", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_id (loaded), ==, acr_module_get_id (v2));
  g_clear_object (&loaded);

  loaded = acr_module_load_by_code (store, "IT-SEC-01", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_id (loaded), ==, acr_module_get_id (v1));
  g_clear_object (&loaded);

  loaded = acr_module_load_by_code (store, "IT-SEC-01", 5, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "Module “IT-SEC-01” has no version 5. Its latest "
                                       "version is 2.");
  g_clear_error (&error);

  loaded = acr_module_load_by_code (store, "NOPE", 0, &error);
  g_assert_null (loaded);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no module with the code “NOPE”.");
}

static guint
list_count (AcrStore   *store,
            const char *search)
{
  g_autoptr(AcrPagedList) list = acr_module_list (store, search);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ACR_TYPE_MODULE);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_module_list (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) a = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(AcrModule) b = save_new_module (store, "IT-SEC-01", 2);
  g_autoptr(AcrModule) c = new_module ("BWL-100", 1);
  g_autoptr(AcrPagedList) list = NULL;
  g_autoptr(AcrModule) first = NULL;
  g_autoptr(AcrModule) last = NULL;
  g_autoptr(GError) error = NULL;

  acr_module_set_title (c, "Kostenrechnung 100%");
  acr_module_set_title_en (c, "Cost accounting");
  g_assert_true (acr_module_save (c, store, &error));

  g_assert_cmpuint (list_count (store, NULL), ==, 3);
  g_assert_cmpuint (list_count (store, ""), ==, 3);
  g_assert_cmpuint (list_count (store, "it-sec"), ==, 2);        /* code, any case */
  g_assert_cmpuint (list_count (store, "sicherheit"), ==, 2);    /* title */
  g_assert_cmpuint (list_count (store, "ACCOUNTING"), ==, 1);    /* English title */
  g_assert_cmpuint (list_count (store, "100%"), ==, 1);          /* % is literal */
  g_assert_cmpuint (list_count (store, "0_"), ==, 0);            /* _ is literal */
  g_assert_cmpuint (list_count (store, "nothing"), ==, 0);

  /* By code, then version. */
  list = acr_module_list (store, NULL);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (acr_module_get_code (first), ==, "BWL-100");
  g_assert_cmpint (acr_module_get_id (last), ==, acr_module_get_id (b));
}

static void
test_module_delete (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) draft = save_new_module (store, "DRAFT", 1);
  g_autoptr(AcrModule) approved = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  insert_frameworks (store);
  add_outcome (store, acr_module_get_id (draft), "Etwas können");
  g_assert_true (acr_module_assign_level (store, acr_module_get_id (draft), "EQF", 3, NULL,
                                          &error));

  /* A draft goes with its outcomes and levels. */
  g_assert_true (acr_module_delete (store, acr_module_get_id (draft), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM learning_outcome"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module_level"), ==, 0);

  g_assert_false (acr_module_delete (store, acr_module_get_id (draft), &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An approved module with assessments stays. */
  set_status (store, approved, ACR_STATUS_APPROVED);
  exec_sql (store, "INSERT INTO learner (id, given_name, family_name, created_at, updated_at) "
                   "VALUES (1, 'Erika', 'Mustermann', 'now', 'now')");
  sql = g_strdup_printf ("INSERT INTO assessment (learner_id, module_id, assessed_on, assessor, "
                         "passed, created_at, updated_at) VALUES (1, %" G_GINT64_FORMAT ", "
                         "'2026-01-15', 'Prüfer', 1, 'now', 'now')",
                         acr_module_get_id (approved));
  exec_sql (store, sql);

  g_assert_false (acr_module_delete (store, acr_module_get_id (approved), &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (error->message, ==,
                   "Version 1 of module “IT-SEC-01” cannot be deleted: 1 assessment refers to "
                   "it. Retire the version instead.");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 1);
  g_clear_error (&error);

  /* So does a module that a curriculum contains. */
  {
    g_autoptr(AcrModule) part = save_new_module (store, "PART", 1);
    g_autofree char *link = NULL;

    exec_sql (store, "INSERT INTO curriculum (id, code, title, created_at, updated_at) "
                     "VALUES (1, 'FI-2026', 'Fachinformatik', 'now', 'now')");
    link = g_strdup_printf ("INSERT INTO curriculum_module (curriculum_id, module_id, position) "
                            "VALUES (1, %" G_GINT64_FORMAT ", 1)", acr_module_get_id (part));
    exec_sql (store, link);

    g_assert_false (acr_module_delete (store, acr_module_get_id (part), &error));
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
    g_assert_cmpstr (error->message, ==,
                     "Version 1 of module “PART” cannot be deleted: it is part of the "
                     "curriculum “FI-2026”. Remove it from the curriculum first.");
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM module"), ==, 2);
  }
}

static void
test_module_levels (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(AcrModule) national = save_new_module (store, "IT-NAT-01", 1);
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = acr_module_get_id (module);
  gboolean contradiction = TRUE;

  insert_frameworks (store);

  /* None yet. */
  g_assert_cmpint (acr_module_get_eqf_level (store, id, &contradiction, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_false (contradiction);

  g_assert_true (acr_module_assign_level (store, id, "DQR", 4, "Dreijährige Ausbildung",
                                          &error));
  g_assert_true (acr_module_assign_level (store, id, "EQF", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_eqf_level (store, id, &contradiction, &error), ==, 4);
  g_assert_false (contradiction);

  levels = acr_module_list_levels (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 2);
  {
    g_autoptr(AcrLevelAssignment) first = g_list_model_get_item (levels, 0);
    g_autoptr(AcrLevelAssignment) second = g_list_model_get_item (levels, 1);

    g_assert_cmpstr (acr_level_assignment_get_framework_code (first), ==, "EQF");
    g_assert_cmpint (acr_level_assignment_get_framework_id (first), ==, 1);
    g_assert_cmpint (acr_level_assignment_get_module_id (first), ==, id);
    g_assert_null (acr_level_assignment_get_rationale (first));
    g_assert_cmpstr (acr_level_assignment_get_framework_code (second), ==, "DQR");
    g_assert_cmpint (acr_level_assignment_get_level (second), ==, 4);
    g_assert_cmpint (acr_level_assignment_get_eqf_level (second), ==, 4);
    g_assert_cmpstr (acr_level_assignment_get_rationale (second), ==, "Dreijährige Ausbildung");
  }
  g_clear_object (&levels);

  /* Level 9 does not exist. */
  g_assert_false (acr_module_assign_level (store, id, "DQR", 9, NULL, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The framework “DQR” has no level 9. Its levels are 1 to 8.");
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT level FROM module_level WHERE framework_id = 2"),
                   ==, 4);

  /* Nor does the framework XYZ. */
  g_assert_false (acr_module_assign_level (store, id, "XYZ", 3, NULL, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "There is no framework “XYZ”. The known frameworks are: EQF, DQR.");
  g_clear_error (&error);

  /* Nor module 999. */
  g_assert_false (acr_module_assign_level (store, 999, "EQF", 3, NULL, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module_level"), ==, 2);

  /* Assigning again replaces; DQR 5 and EQF 4 contradict each other. */
  g_assert_true (acr_module_assign_level (store, id, "dqr", 5, "Berufsspezialist", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module_level"), ==, 2);
  g_assert_cmpint (acr_module_get_eqf_level (store, id, &contradiction, &error), ==, 4);
  g_assert_true (contradiction);

  /* Without the EQF assignment, the national one counts. */
  g_assert_true (acr_module_unassign_level (store, id, "EQF", &error));
  g_assert_cmpint (acr_module_get_eqf_level (store, id, &contradiction, &error), ==, 5);
  g_assert_false (contradiction);
  g_assert_no_error (error);

  g_assert_false (acr_module_unassign_level (store, id, "EQF", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A national level without an EQF reference implies nothing. */
  exec_sql (store, "UPDATE framework_level SET eqf_level = NULL WHERE framework_id = 2 "
                   "AND level = 6");
  g_assert_true (acr_module_assign_level (store, acr_module_get_id (national), "DQR", 6, NULL,
                                          &error));
  g_assert_cmpint (acr_module_get_eqf_level (store, acr_module_get_id (national), NULL,
                                             &error), ==, 0);
  g_assert_no_error (error);

  /* Errors for a missing module. */
  g_assert_cmpint (acr_module_get_eqf_level (store, 999, NULL, &error), ==, -1);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (acr_module_list_levels (store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A frozen module keeps its levels. */
  set_status (store, module, ACR_STATUS_APPROVED);
  g_assert_false (acr_module_assign_level (store, id, "EQF", 5, NULL, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (acr_module_unassign_level (store, id, "DQR", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT count(*) || level FROM module_level WHERE "
                                     "module_id = 1"), ==, 15);
}

static void
test_module_framework_without_levels (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = save_new_module (store, "IT-SEC-01", 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (acr_module_assign_level (store, acr_module_get_id (module), "EQF", 4, NULL,
                                           &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no framework “EQF”. Import the framework "
                                       "first.");
  g_clear_error (&error);

  exec_sql (store, "INSERT INTO framework (code, title_de, title_en, created_at, updated_at) "
                   "VALUES ('EMPTY', 'Leer', 'Empty', 'now', 'now')");
  g_assert_false (acr_module_assign_level (store, acr_module_get_id (module), "EMPTY", 1, NULL,
                                           &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
}

static void
test_module_isced (void)
{
  const char * const *codes = acr_isced_f_list_codes ();

  g_assert_cmpstr (acr_isced_f_get_name ("0613"), ==,
                   "Software and applications development and analysis");
  g_assert_cmpstr (acr_isced_f_get_name ("0011"), ==, "Basic programmes and qualifications");
  g_assert_null (acr_isced_f_get_name ("9999"));
  g_assert_null (acr_isced_f_get_name ("061"));
  g_assert_null (acr_isced_f_get_name ("06133"));
  g_assert_null (acr_isced_f_get_name (NULL));
  g_assert_true (acr_isced_f_is_code ("9999"));
  g_assert_false (acr_isced_f_is_code ("06a3"));
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, 137);
  g_assert_cmpstr (codes[0], ==, "0011");
  for (guint i = 0; codes[i] != NULL; i++)
    g_assert_nonnull (acr_isced_f_get_name (codes[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/module/round-trip", test_module_round_trip);
  g_test_add_func ("/module/notify", test_module_notify);
  g_test_add_func ("/module/update", test_module_update);
  g_test_add_func ("/module/invalid", test_module_invalid);
  g_test_add_func ("/module/valid-values", test_module_valid_values);
  g_test_add_func ("/module/duplicate", test_module_duplicate);
  g_test_add_func ("/module/dangling-organisation", test_module_dangling_organisation);
  g_test_add_func ("/module/freeze", test_module_freeze);
  g_test_add_func ("/module/new-version", test_module_new_version);
  g_test_add_func ("/module/load-by-code", test_module_load_by_code);
  g_test_add_func ("/module/list", test_module_list);
  g_test_add_func ("/module/delete", test_module_delete);
  g_test_add_func ("/module/levels", test_module_levels);
  g_test_add_func ("/module/framework-without-levels", test_module_framework_without_levels);
  g_test_add_func ("/module/isced", test_module_isced);

  return g_test_run ();
}
