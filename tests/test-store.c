/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "acr-core.h"
#include "acr-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("acr-test-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "dir", "test.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
count_rows (AcrStore   *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_store_create_and_reopen (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (f->path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (acr_store_get_created (store));
  g_assert_cmpint (acr_store_get_schema_version (store), ==, ACR_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, "PRAGMA user_version"), ==, ACR_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_schema "
                                      "WHERE type = 'table' AND name = 'module'"), ==, 1);

  /* Personal data: only the owner may read the file. */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&store);

  store = acr_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (acr_store_get_created (store));
  g_assert_cmpint (acr_store_get_schema_version (store), ==, ACR_STORE_SCHEMA_VERSION);

  {
    g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, "PRAGMA journal_mode", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  }
}

static void
test_store_too_new (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_true (_acr_store_exec (store, "PRAGMA user_version = 99", NULL));
  g_clear_object (&store);

  store = acr_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Accredit"));
}

static void
test_store_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "This is not a database, just some text that "
                                      "happens to be long enough to look like a header.\n"
                                      "More text follows here to fill a page or so.", -1, NULL));

  store = acr_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
}

static void
test_store_foreign_database (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = acr_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "another program"));
}

static void
test_store_unwritable (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autofree char *blocker = g_build_filename (f->dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "test.db", NULL);

  /* A path below a regular file can never be created, even as root. */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  store = acr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CANNOT_OPEN);

  g_clear_error (&error);
  store = acr_store_open (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, "folder"));
}

static void
test_store_rollback (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  const char *insert = "INSERT INTO learner (given_name, family_name, created_at, updated_at) "
                       "VALUES ('Ada', 'Muster', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')";

  g_assert_no_error (error);

  /* A failure in the middle of a transaction leaves nothing behind. */
  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (_acr_store_exec (store, insert, &error));
  g_assert_false (_acr_store_exec (store, "INSERT INTO learner (given_name) VALUES ('x')",
                                   &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  acr_store_rollback (store);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM learner"), ==, 0);

  /* A nested rollback undoes only the inner part. */
  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (_acr_store_exec (store, insert, &error));
  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (_acr_store_exec (store, insert, &error));
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM learner"), ==, 2);
  acr_store_rollback (store);
  g_assert_true (acr_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM learner"), ==, 1);
}

static void
test_store_constraint_errors (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);

  g_assert_true (_acr_store_exec (store,
    "INSERT INTO learner (given_name, family_name, external_id, created_at, updated_at) "
    "VALUES ('A', 'B', 'X1', 'now', 'now')", &error));
  g_assert_false (_acr_store_exec (store,
    "INSERT INTO learner (given_name, family_name, external_id, created_at, updated_at) "
    "VALUES ('C', 'D', 'X1', 'now', 'now')", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_false (_acr_store_exec (store,
    "INSERT INTO assessment (learner_id, module_id, assessed_on, assessor, passed, "
    "created_at, updated_at) VALUES (1, 42, '2026-01-01', 'Q', 1, 'now', 'now')", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* ON DELETE RESTRICT: a learner with an assessment cannot go. */
  g_assert_true (_acr_store_exec (store,
    "INSERT INTO module (code, created_at, updated_at) VALUES ('M', 'now', 'now');"
    "INSERT INTO assessment (learner_id, module_id, assessed_on, assessor, passed, "
    "created_at, updated_at) VALUES (1, 1, '2026-01-01', 'Q', 1, 'now', 'now')", &error));
  g_assert_false (_acr_store_exec (store, "DELETE FROM learner WHERE id = 1", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
}

static void
test_store_dates (void)
{
  g_assert_true (_acr_date_is_valid ("2026-02-28"));
  g_assert_true (_acr_date_is_valid ("2024-02-29"));
  g_assert_false (_acr_date_is_valid ("2026-02-29"));
  g_assert_false (_acr_date_is_valid ("2026-13-01"));
  g_assert_false (_acr_date_is_valid ("26-01-01"));
  g_assert_false (_acr_date_is_valid ("2026-01-01x"));
  g_assert_false (_acr_date_is_valid (NULL));
}

static void
test_enums_nicks (void)
{
  int value = -1;
  g_autofree char *nicks = acr_enum_list_nicks (ACR_TYPE_ASSESSMENT_TYPE);

  g_assert_cmpstr (acr_enum_to_nick (ACR_TYPE_ASSESSMENT_TYPE, ACR_ASSESSMENT_TYPE_WORK_SAMPLE),
                   ==, "work-sample");
  g_assert_null (acr_enum_to_nick (ACR_TYPE_ASSESSMENT_TYPE, ACR_ASSESSMENT_TYPE_NONE));
  g_assert_true (acr_enum_from_nick (ACR_TYPE_SUPERVISION, "supervised-onsite-id", &value));
  g_assert_cmpint (value, ==, ACR_SUPERVISION_SUPERVISED_ONSITE_ID);
  g_assert_false (acr_enum_from_nick (ACR_TYPE_SUPERVISION, "watched", &value));
  g_assert_cmpstr (acr_enum_to_label (ACR_TYPE_PARTICIPATION, ACR_PARTICIPATION_ONSITE), ==,
                   "On site");
  g_assert_cmpstr (nicks, ==, "test, work-sample, portfolio, oral, practical, project");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/create-and-reopen", Fixture, NULL, fixture_setup,
              test_store_create_and_reopen, fixture_teardown);
  g_test_add ("/store/too-new", Fixture, NULL, fixture_setup, test_store_too_new,
              fixture_teardown);
  g_test_add ("/store/corrupt", Fixture, NULL, fixture_setup, test_store_corrupt,
              fixture_teardown);
  g_test_add ("/store/foreign-database", Fixture, NULL, fixture_setup,
              test_store_foreign_database, fixture_teardown);
  g_test_add ("/store/unwritable", Fixture, NULL, fixture_setup, test_store_unwritable,
              fixture_teardown);
  g_test_add ("/store/rollback", Fixture, NULL, fixture_setup, test_store_rollback,
              fixture_teardown);
  g_test_add ("/store/constraint-errors", Fixture, NULL, fixture_setup,
              test_store_constraint_errors, fixture_teardown);
  g_test_add_func ("/store/dates", test_store_dates);
  g_test_add_func ("/enums/nicks", test_enums_nicks);

  return g_test_run ();
}
