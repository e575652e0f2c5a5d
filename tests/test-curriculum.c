/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "acr-core.h"
#include "acr-store-private.h"

static int
count_rows (AcrStore   *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* A module row written with SQL (AcrModule is not used here); 0 ects/hours = NULL. */
static gint64
add_module (AcrStore   *store,
            const char *code,
            const char *title,
            double      ects,
            double      hours)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    _acr_store_prepare (store,
                        "INSERT INTO module (code, title, ects, workload_hours, created_at, "
                        "updated_at) VALUES (?1, ?2, ?3, ?4, 'now', 'now')",
                        &error);

  g_assert_no_error (error);
  _acr_bind_text (stmt, 1, code);
  _acr_bind_text (stmt, 2, title);
  if (ects > 0)
    sqlite3_bind_double (stmt, 3, ects);
  if (hours > 0)
    sqlite3_bind_double (stmt, 4, hours);
  g_assert_true (_acr_store_run (store, stmt, &error));
  g_assert_no_error (error);

  return _acr_store_last_insert_id (store);
}

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  acr_store_set_actor (store, "Test Editor");
  return store;
}

static AcrCurriculum *
make_curriculum (const char *code)
{
  AcrCurriculum *curriculum = acr_curriculum_new ();

  acr_curriculum_set_code (curriculum, code);
  acr_curriculum_set_title (curriculum, "IT-Sicherheit Grundlagen");
  return curriculum;
}

static gint64
entry_module_id (AcrCurriculum *curriculum,
                 guint          i)
{
  g_autoptr(AcrCurriculumEntry) entry =
    g_list_model_get_item (acr_curriculum_get_entries (curriculum), i);

  g_assert_nonnull (entry);
  g_assert_cmpuint (acr_curriculum_entry_get_position (entry), ==, i + 1);
  return acr_curriculum_entry_get_module_id (entry);
}

static gboolean
entry_required (AcrCurriculum *curriculum,
                guint          i)
{
  g_autoptr(AcrCurriculumEntry) entry =
    g_list_model_get_item (acr_curriculum_get_entries (curriculum), i);

  return acr_curriculum_entry_get_required (entry);
}

static void
test_curriculum_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = make_curriculum ("ITSEC");
  g_autoptr(AcrCurriculum) loaded = NULL;
  g_autoptr(AcrCurriculumEntry) first = NULL;
  gint64 m1 = add_module (store, "M1", "Passwörter", 2, 50);
  gint64 m2 = add_module (store, "M2", "Phishing", 1, 25);
  gint64 m3 = add_module (store, "M3", "Backup", 1, 25);
  gint64 org;

  g_assert_true (_acr_store_exec (store, "INSERT INTO organisation (name, country, created_at, "
                                         "updated_at) VALUES ('IHK', 'DE', 'now', 'now')", &error));
  org = _acr_store_last_insert_id (store);

  acr_curriculum_set_version (curriculum, 3);
  acr_curriculum_set_status (curriculum, ACR_STATUS_IN_REVIEW);
  acr_curriculum_set_organisation_id (curriculum, org);
  acr_curriculum_set_title_en (curriculum, "IT security basics");
  acr_curriculum_set_description (curriculum, "Drei Module.");
  acr_curriculum_set_description_en (curriculum, "Three modules.");
  acr_curriculum_set_language (curriculum, "en");
  acr_curriculum_set_stacking_rule (curriculum, ACR_STACKING_RULE_MIN_CREDITS);
  acr_curriculum_set_stacking_min (curriculum, 2.5);
  acr_curriculum_add_module (curriculum, m3, TRUE);
  acr_curriculum_add_module (curriculum, m1, FALSE);
  acr_curriculum_add_module (curriculum, m2, TRUE);

  g_assert_cmpint (acr_curriculum_get_id (curriculum), ==, 0);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_curriculum_get_id (curriculum), >, 0);
  g_assert_nonnull (acr_curriculum_get_created_at (curriculum));
  g_assert_cmpstr (acr_curriculum_get_updated_at (curriculum), ==,
                   acr_curriculum_get_created_at (curriculum));
  g_assert_cmpstr (acr_curriculum_get_last_editor (curriculum), ==, "Test Editor");

  /* Saving fills in the module details of new entries. */
  first = g_list_model_get_item (acr_curriculum_get_entries (curriculum), 0);
  g_assert_cmpstr (acr_curriculum_entry_get_module_code (first), ==, "M3");

  loaded = acr_curriculum_load (store, acr_curriculum_get_id (curriculum), &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_curriculum_get_id (loaded), ==, acr_curriculum_get_id (curriculum));
  g_assert_cmpstr (acr_curriculum_get_code (loaded), ==, "ITSEC");
  g_assert_cmpuint (acr_curriculum_get_version (loaded), ==, 3);
  g_assert_cmpint (acr_curriculum_get_status (loaded), ==, ACR_STATUS_IN_REVIEW);
  g_assert_cmpint (acr_curriculum_get_organisation_id (loaded), ==, org);
  g_assert_cmpstr (acr_curriculum_get_title (loaded), ==, "IT-Sicherheit Grundlagen");
  g_assert_cmpstr (acr_curriculum_get_title_en (loaded), ==, "IT security basics");
  g_assert_cmpstr (acr_curriculum_get_description (loaded), ==, "Drei Module.");
  g_assert_cmpstr (acr_curriculum_get_description_en (loaded), ==, "Three modules.");
  g_assert_cmpstr (acr_curriculum_get_language (loaded), ==, "en");
  g_assert_cmpint (acr_curriculum_get_stacking_rule (loaded), ==, ACR_STACKING_RULE_MIN_CREDITS);
  g_assert_cmpfloat (acr_curriculum_get_stacking_min (loaded), ==, 2.5);
  g_assert_cmpstr (acr_curriculum_get_last_editor (loaded), ==, "Test Editor");
  g_assert_cmpstr (acr_curriculum_get_created_at (loaded), ==,
                   acr_curriculum_get_created_at (curriculum));
  g_assert_cmpstr (acr_curriculum_get_updated_at (loaded), ==,
                   acr_curriculum_get_updated_at (curriculum));

  /* Entries: order, required flag and the joined module details. */
  g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (loaded)), ==, 3);
  g_assert_true (g_list_model_get_item_type (acr_curriculum_get_entries (loaded)) ==
                 ACR_TYPE_CURRICULUM_ENTRY);
  g_assert_cmpint (entry_module_id (loaded, 0), ==, m3);
  g_assert_cmpint (entry_module_id (loaded, 1), ==, m1);
  g_assert_cmpint (entry_module_id (loaded, 2), ==, m2);
  g_assert_true (entry_required (loaded, 0));
  g_assert_false (entry_required (loaded, 1));
  g_assert_true (entry_required (loaded, 2));
  {
    AcrCurriculumEntry *entry = acr_curriculum_find_entry (loaded, m1);

    g_assert_nonnull (entry);
    g_assert_cmpstr (acr_curriculum_entry_get_module_code (entry), ==, "M1");
    g_assert_cmpstr (acr_curriculum_entry_get_module_title (entry), ==, "Passwörter");
    g_assert_cmpuint (acr_curriculum_entry_get_module_version (entry), ==, 1);
    g_assert_null (acr_curriculum_find_entry (loaded, 9999));
  }

  /* The defaults of a new curriculum. */
  {
    g_autoptr(AcrCurriculum) fresh = acr_curriculum_new ();

    g_assert_cmpuint (acr_curriculum_get_version (fresh), ==, 1);
    g_assert_cmpint (acr_curriculum_get_status (fresh), ==, ACR_STATUS_DRAFT);
    g_assert_cmpstr (acr_curriculum_get_language (fresh), ==, "de");
    g_assert_cmpint (acr_curriculum_get_stacking_rule (fresh), ==, ACR_STACKING_RULE_ALL_REQUIRED);
    g_assert_cmpfloat (acr_curriculum_get_stacking_min (fresh), ==, 0);
  }

  /* An empty optional text is stored as unset. */
  acr_curriculum_set_title_en (loaded, "");
  g_assert_null (acr_curriculum_get_title_en (loaded));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
test_curriculum_properties (void)
{
  g_autoptr(AcrCurriculum) curriculum = acr_curriculum_new ();
  g_autofree char *title = NULL;
  guint notified = 0;
  double stacking_min = 0;
  AcrStackingRule rule = 0;

  g_object_set (curriculum,
                "title", "Titel",
                "stacking-rule", ACR_STACKING_RULE_MIN_HOURS,
                "stacking-min", 40.0,
                NULL);
  g_object_get (curriculum,
                "title", &title,
                "stacking-rule", &rule,
                "stacking-min", &stacking_min,
                NULL);
  g_assert_cmpstr (title, ==, "Titel");
  g_assert_cmpint (rule, ==, ACR_STACKING_RULE_MIN_HOURS);
  g_assert_cmpfloat (stacking_min, ==, 40.0);

  /* Notified only on a change. */
  g_signal_connect (curriculum, "notify::title", G_CALLBACK (count_notify_cb), &notified);
  acr_curriculum_set_title (curriculum, "Titel");
  g_assert_cmpuint (notified, ==, 0);
  acr_curriculum_set_title (curriculum, "Anders");
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_curriculum_reorder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = make_curriculum ("ITSEC");
  g_autoptr(AcrCurriculum) loaded = NULL;
  gint64 m1 = add_module (store, "M1", "Eins", 0, 0);
  gint64 m2 = add_module (store, "M2", "Zwei", 0, 0);
  gint64 m3 = add_module (store, "M3", "Drei", 0, 0);
  gint64 m4 = add_module (store, "M4", "Vier", 0, 0);

  acr_curriculum_add_module (curriculum, m1, TRUE);
  acr_curriculum_add_module (curriculum, m2, TRUE);
  acr_curriculum_add_module (curriculum, m3, TRUE);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);

  /* Move the last to the front, then the front one beyond the end (= last). */
  g_assert_true (acr_curriculum_move_module (curriculum, m3, 1));
  g_assert_cmpint (entry_module_id (curriculum, 0), ==, m3);
  g_assert_cmpint (entry_module_id (curriculum, 1), ==, m1);
  g_assert_cmpint (entry_module_id (curriculum, 2), ==, m2);
  g_assert_true (acr_curriculum_move_module (curriculum, m3, 99));
  g_assert_cmpint (entry_module_id (curriculum, 0), ==, m1);
  g_assert_cmpint (entry_module_id (curriculum, 2), ==, m3);
  g_assert_true (acr_curriculum_move_module (curriculum, m1, 2));
  g_assert_cmpint (entry_module_id (curriculum, 0), ==, m2);
  g_assert_cmpint (entry_module_id (curriculum, 1), ==, m1);
  g_assert_cmpint (entry_module_id (curriculum, 2), ==, m3);
  /* Refused moves change nothing. */
  g_assert_false (acr_curriculum_move_module (curriculum, m4, 1));
  g_assert_false (acr_curriculum_move_module (curriculum, m1, 0));
  g_assert_cmpint (entry_module_id (curriculum, 1), ==, m1);

  g_assert_true (acr_curriculum_set_required (curriculum, m1, FALSE));
  g_assert_false (acr_curriculum_set_required (curriculum, m4, FALSE));
  g_assert_true (acr_curriculum_remove_module (curriculum, m2));
  g_assert_false (acr_curriculum_remove_module (curriculum, m2));
  acr_curriculum_add_module (curriculum, m4, FALSE);
  /* [m1 (optional), m3, m4 (optional)] */
  g_assert_cmpint (entry_module_id (curriculum, 0), ==, m1);
  g_assert_cmpint (entry_module_id (curriculum, 1), ==, m3);
  g_assert_cmpint (entry_module_id (curriculum, 2), ==, m4);

  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 3);

  loaded = acr_curriculum_load (store, acr_curriculum_get_id (curriculum), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (loaded)), ==, 3);
  g_assert_cmpint (entry_module_id (loaded, 0), ==, m1);
  g_assert_cmpint (entry_module_id (loaded, 1), ==, m3);
  g_assert_cmpint (entry_module_id (loaded, 2), ==, m4);
  g_assert_false (entry_required (loaded, 0));
  g_assert_true (entry_required (loaded, 1));
  g_assert_false (entry_required (loaded, 2));

  /* Removing every module saves an empty curriculum. */
  g_assert_true (acr_curriculum_remove_module (loaded, m1));
  g_assert_true (acr_curriculum_remove_module (loaded, m3));
  g_assert_true (acr_curriculum_remove_module (loaded, m4));
  g_assert_true (acr_curriculum_save (loaded, store, &error));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 0);
}

static void
test_curriculum_duplicate_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = make_curriculum ("ITSEC");
  gint64 m1 = add_module (store, "M1", "Eins", 0, 0);
  gint64 m2 = add_module (store, "M2", "Zwei", 0, 0);

  acr_curriculum_add_module (curriculum, m1, TRUE);
  acr_curriculum_add_module (curriculum, m2, TRUE);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));

  acr_curriculum_add_module (curriculum, m1, FALSE);
  g_assert_false (acr_curriculum_validate (curriculum, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“M1”"));
  g_clear_error (&error);

  acr_curriculum_set_title (curriculum, "Geändert");
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 2);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum WHERE title = "
                                      "'IT-Sicherheit Grundlagen'"), ==, 1);
}

static void
test_curriculum_dangling_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = make_curriculum ("ITSEC");
  gint64 m1 = add_module (store, "M1", "Eins", 0, 0);

  /* A new curriculum with a module that does not exist: nothing is written. */
  acr_curriculum_add_module (curriculum, m1, TRUE);
  acr_curriculum_add_module (curriculum, 4242, TRUE);
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);
  g_assert_cmpint (acr_curriculum_get_id (curriculum), ==, 0);
  g_assert_null (acr_curriculum_get_created_at (curriculum));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 0);

  /* An existing curriculum keeps its rows. */
  g_assert_true (acr_curriculum_remove_module (curriculum, 4242));
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);
  acr_curriculum_set_title (curriculum, "Geändert");
  acr_curriculum_remove_module (curriculum, m1);
  acr_curriculum_add_module (curriculum, 4242, FALSE);
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module "
                                      "WHERE module_id = 1 AND required = 1"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum "
                                      "WHERE title = 'IT-Sicherheit Grundlagen'"), ==, 1);

  /* A provider that does not exist. */
  acr_curriculum_remove_module (curriculum, 4242);
  acr_curriculum_set_organisation_id (curriculum, 77);
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "77"));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 1);

  /* The module in use cannot be deleted from under the curriculum. */
  g_clear_error (&error);
  g_assert_false (_acr_store_exec (store, "DELETE FROM module WHERE id = 1", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM module WHERE id = 1"), ==, 1);
}

static void
expect_invalid (AcrCurriculum *curriculum,
                const char    *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (acr_curriculum_validate (curriculum, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

static void
test_curriculum_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = acr_curriculum_new ();

  expect_invalid (curriculum, "code");
  acr_curriculum_set_code (curriculum, "  ");
  expect_invalid (curriculum, "code");
  acr_curriculum_set_code (curriculum, " X");
  expect_invalid (curriculum, "space");
  acr_curriculum_set_code (curriculum, "X");
  expect_invalid (curriculum, "title");
  acr_curriculum_set_title (curriculum, "Titel");
  g_assert_true (acr_curriculum_validate (curriculum, NULL));

  acr_curriculum_set_version (curriculum, 0);
  expect_invalid (curriculum, "version");
  acr_curriculum_set_version (curriculum, 1);

  acr_curriculum_set_language (curriculum, NULL);
  expect_invalid (curriculum, "language");
  acr_curriculum_set_language (curriculum, "de");

  /* The minimum belongs to the rule. */
  acr_curriculum_set_stacking_min (curriculum, 10);
  expect_invalid (curriculum, "10");
  acr_curriculum_set_stacking_min (curriculum, -1);
  expect_invalid (curriculum, "-1");
  acr_curriculum_set_stacking_rule (curriculum, ACR_STACKING_RULE_MIN_CREDITS);
  expect_invalid (curriculum, "-1");
  acr_curriculum_set_stacking_min (curriculum, 0);
  expect_invalid (curriculum, "credits");
  acr_curriculum_set_stacking_rule (curriculum, ACR_STACKING_RULE_MIN_HOURS);
  expect_invalid (curriculum, "hours");
  acr_curriculum_set_stacking_min (curriculum, 0.5);
  g_assert_true (acr_curriculum_validate (curriculum, NULL));

  /* Save validates first and writes nothing. */
  acr_curriculum_set_title (curriculum, "");
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum"), ==, 0);
}

static void
test_curriculum_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) v1 = make_curriculum ("ITSEC");
  g_autoptr(AcrCurriculum) again = make_curriculum ("ITSEC");
  g_autoptr(AcrCurriculum) v2 = make_curriculum ("ITSEC");
  g_autoptr(AcrCurriculum) latest = NULL;
  g_autoptr(AcrCurriculum) first = NULL;
  g_autoptr(AcrCurriculum) missing = NULL;

  g_assert_true (acr_curriculum_save (v1, store, &error));
  g_assert_false (acr_curriculum_save (again, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "ITSEC"));
  g_clear_error (&error);
  g_assert_cmpint (acr_curriculum_get_id (again), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum"), ==, 1);

  acr_curriculum_set_version (v2, 2);
  acr_curriculum_set_title (v2, "Version zwei");
  g_assert_true (acr_curriculum_save (v2, store, &error));

  latest = acr_curriculum_load_by_code (store, "ITSEC", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acr_curriculum_get_version (latest), ==, 2);
  g_assert_cmpstr (acr_curriculum_get_title (latest), ==, "Version zwei");
  first = acr_curriculum_load_by_code (store, "ITSEC", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_curriculum_get_id (first), ==, acr_curriculum_get_id (v1));

  missing = acr_curriculum_load_by_code (store, "ITSEC", 3, &error);
  g_assert_null (missing);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (acr_curriculum_load_by_code (store, "NOPE", 0, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "NOPE"));
  g_clear_error (&error);
  g_assert_null (acr_curriculum_load (store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static void
test_curriculum_frozen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = make_curriculum ("ITSEC");
  g_autoptr(AcrCurriculum) loaded = NULL;
  gint64 m1 = add_module (store, "M1", "Eins", 0, 0);
  gint64 m2 = add_module (store, "M2", "Zwei", 0, 0);
  gint64 id;

  acr_curriculum_add_module (curriculum, m1, TRUE);
  /* Saved straight as approved: the freeze starts with the stored row. */
  acr_curriculum_set_status (curriculum, ACR_STATUS_APPROVED);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);
  id = acr_curriculum_get_id (curriculum);

  acr_curriculum_set_title (curriculum, "Geändert");
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "ITSEC"));
  g_clear_error (&error);

  /* Nor the modules, nor back to draft. */
  acr_curriculum_set_title (curriculum, "IT-Sicherheit Grundlagen");
  acr_curriculum_add_module (curriculum, m2, TRUE);
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  acr_curriculum_remove_module (curriculum, m2);
  acr_curriculum_set_status (curriculum, ACR_STATUS_DRAFT);
  g_assert_false (acr_curriculum_save (curriculum, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum WHERE status = "
                                      "'approved' AND title = 'IT-Sicherheit Grundlagen'"), ==, 1);

  /* Approved cannot be deleted … */
  g_assert_false (acr_curriculum_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* … but retired, with nothing else changed. */
  acr_curriculum_set_status (curriculum, ACR_STATUS_RETIRED);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);

  loaded = acr_curriculum_load (store, id, &error);
  g_assert_cmpint (acr_curriculum_get_status (loaded), ==, ACR_STATUS_RETIRED);
  acr_curriculum_set_status (loaded, ACR_STATUS_APPROVED);
  g_assert_false (acr_curriculum_save (loaded, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A retired curriculum may be deleted; its entries go with it. */
  g_assert_true (acr_curriculum_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM curriculum_module"), ==, 0);
  g_assert_false (acr_curriculum_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static void
test_curriculum_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  const struct { const char *code, *title, *title_en; } rows[] = {
    { "ITSEC", "IT-Sicherheit Grundlagen", "IT security basics" },
    { "BWL-1", "Betriebswirtschaft", "Business administration" },
    { "50PCT", "Zinsen 50% verstehen", NULL },
  };
  gint64 m1 = add_module (store, "M1", "Eins", 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(AcrCurriculum) curriculum = acr_curriculum_new ();

      acr_curriculum_set_code (curriculum, rows[i].code);
      acr_curriculum_set_title (curriculum, rows[i].title);
      acr_curriculum_set_title_en (curriculum, rows[i].title_en);
      acr_curriculum_add_module (curriculum, m1, TRUE);
      g_assert_true (acr_curriculum_save (curriculum, store, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(AcrPagedList) all = acr_curriculum_list (store, NULL);
    g_autoptr(AcrCurriculum) first = g_list_model_get_item (G_LIST_MODEL (all), 0);
    g_autoptr(AcrCurriculum) last = g_list_model_get_item (G_LIST_MODEL (all), 2);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
    g_assert_cmpstr (acr_curriculum_get_code (first), ==, "BWL-1");
    g_assert_cmpstr (acr_curriculum_get_code (last), ==, "50PCT");
    /* Listed items come with their entries. */
    g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (first)), ==, 1);
  }

  {
    const struct { const char *search; guint n; } cases[] = {
      { "", 3 }, { "itsec", 1 }, { "sicherheit", 1 }, { "BUSINESS", 1 }, { "t", 3 },
      { "50%", 1 }, { "%", 1 }, { "_", 0 }, { "nichts", 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(AcrPagedList) list = acr_curriculum_list (store, cases[i].search);

        if (g_list_model_get_n_items (G_LIST_MODEL (list)) != cases[i].n)
          g_error ("search “%s”: %u items, expected %u", cases[i].search,
                   g_list_model_get_n_items (G_LIST_MODEL (list)), cases[i].n);
      }
  }
}

static gboolean
stacking (AcrStore     *store,
          gint64        curriculum_id,
          const gint64 *ids,
          guint         n)
{
  g_autoptr(GError) error = NULL;
  gboolean satisfied = -1;

  g_assert_true (acr_curriculum_check_stacking (store, curriculum_id, ids, n, &satisfied, &error));
  g_assert_no_error (error);
  g_assert_true (satisfied == TRUE || satisfied == FALSE);
  return satisfied;
}

static void
test_curriculum_stacking (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrCurriculum) curriculum = make_curriculum ("ITSEC");
  gint64 a = add_module (store, "A", "A", 2.5, 60);
  gint64 b = add_module (store, "B", "B", 1.5, 40);
  gint64 c = add_module (store, "C", "C", 1, 30);
  gint64 d = add_module (store, "D", "D", 0, 0);       /* no credits, no hours */
  gint64 outside = add_module (store, "X", "X", 10, 500); /* not part of the curriculum */
  gint64 id;
  gboolean satisfied = FALSE;

  acr_curriculum_add_module (curriculum, a, TRUE);
  acr_curriculum_add_module (curriculum, b, TRUE);
  acr_curriculum_add_module (curriculum, c, FALSE);
  acr_curriculum_add_module (curriculum, d, FALSE);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  id = acr_curriculum_get_id (curriculum);

  /* All required: A and B; C and D are optional. */
  {
    const gint64 none[] = { 0 };
    const gint64 only_a[] = { a, c, d, outside };
    const gint64 both[] = { b, a };
    const gint64 repeated[] = { a, a, a };
    const gint64 everything[] = { d, c, b, a, outside, 12345 };

    g_assert_false (stacking (store, id, none, 0));
    g_assert_false (stacking (store, id, NULL, 0));
    g_assert_false (stacking (store, id, only_a, G_N_ELEMENTS (only_a)));
    g_assert_false (stacking (store, id, repeated, G_N_ELEMENTS (repeated)));
    g_assert_true (stacking (store, id, both, G_N_ELEMENTS (both)));
    g_assert_true (stacking (store, id, everything, G_N_ELEMENTS (everything)));
  }

  /* Credits: at least 4 ECTS (A 2.5 + B 1.5 = 4 exactly; A + C = 3.5; the outside module and
   * repeats do not count). */
  acr_curriculum_set_stacking_rule (curriculum, ACR_STACKING_RULE_MIN_CREDITS);
  acr_curriculum_set_stacking_min (curriculum, 4);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  g_assert_no_error (error);
  {
    const gint64 a_c[] = { a, c, d };
    const gint64 a_b[] = { a, b };
    const gint64 a_outside[] = { a, outside, a };
    const gint64 b_c[] = { b, c };
    const gint64 all[] = { a, b, c };

    g_assert_false (stacking (store, id, a_c, G_N_ELEMENTS (a_c)));      /* 3.5 < 4 */
    g_assert_true (stacking (store, id, a_b, G_N_ELEMENTS (a_b)));       /* 4 = 4 */
    g_assert_false (stacking (store, id, a_outside, G_N_ELEMENTS (a_outside)));
    g_assert_false (stacking (store, id, b_c, G_N_ELEMENTS (b_c)));      /* 2.5 */
    g_assert_true (stacking (store, id, all, G_N_ELEMENTS (all)));       /* 5 > 4 */
  }

  /* Hours: at least 90 (A 60 + C 30 = 90 exactly; B + C = 70). Optional modules count. */
  acr_curriculum_set_stacking_rule (curriculum, ACR_STACKING_RULE_MIN_HOURS);
  acr_curriculum_set_stacking_min (curriculum, 90);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  {
    const gint64 b_c[] = { b, c, d };
    const gint64 a_c[] = { c, a };
    const gint64 just_below[] = { a, d };
    const gint64 all[] = { a, b, c, d };

    g_assert_false (stacking (store, id, b_c, G_N_ELEMENTS (b_c)));      /* 70 < 90 */
    g_assert_true (stacking (store, id, a_c, G_N_ELEMENTS (a_c)));       /* 90 = 90 */
    g_assert_false (stacking (store, id, just_below, G_N_ELEMENTS (just_below)));
    g_assert_true (stacking (store, id, all, G_N_ELEMENTS (all)));       /* 130 */
  }

  /* Just above the sum of everything: never. */
  acr_curriculum_set_stacking_min (curriculum, 130.5);
  g_assert_true (acr_curriculum_save (curriculum, store, &error));
  {
    const gint64 all[] = { a, b, c, d };

    g_assert_false (stacking (store, id, all, G_N_ELEMENTS (all)));
  }

  /* A curriculum without required modules is never complete by the all-required rule. */
  {
    g_autoptr(AcrCurriculum) optional = make_curriculum ("OPT");
    const gint64 all[] = { a, b };

    acr_curriculum_add_module (optional, a, FALSE);
    acr_curriculum_add_module (optional, b, FALSE);
    g_assert_true (acr_curriculum_save (optional, store, &error));
    g_assert_false (stacking (store, acr_curriculum_get_id (optional), all, 2));
  }

  g_assert_false (acr_curriculum_check_stacking (store, 999, NULL, 0, &satisfied, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curriculum/save/round-trip", test_curriculum_round_trip);
  g_test_add_func ("/curriculum/properties", test_curriculum_properties);
  g_test_add_func ("/curriculum/entries/reorder", test_curriculum_reorder);
  g_test_add_func ("/curriculum/entries/duplicate", test_curriculum_duplicate_module);
  g_test_add_func ("/curriculum/entries/dangling", test_curriculum_dangling_module);
  g_test_add_func ("/curriculum/validate", test_curriculum_validate);
  g_test_add_func ("/curriculum/versions", test_curriculum_versions);
  g_test_add_func ("/curriculum/frozen", test_curriculum_frozen);
  g_test_add_func ("/curriculum/list", test_curriculum_list);
  g_test_add_func ("/curriculum/stacking", test_curriculum_stacking);

  return g_test_run ();
}
