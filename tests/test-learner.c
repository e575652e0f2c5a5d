/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "acr-core.h"
#include "acr-store-private.h"

/* Every row of @table, every column, as one string: to prove a failure changed nothing. */
static char *
dump_table (AcrStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          g_string_append_printf (out, "%s|", text ? text : "<null>");
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static void
exec_sql (AcrStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static AcrLearner *
make_learner (const char *given,
              const char *family,
              const char *external_id)
{
  AcrLearner *learner = acr_learner_new ();

  acr_learner_set_given_name (learner, given);
  acr_learner_set_family_name (learner, family);
  acr_learner_set_external_id (learner, external_id);
  return learner;
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_learner_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrLearner) learner = acr_learner_new ();
  g_autoptr(AcrLearner) loaded = NULL;
  g_autoptr(AcrLearner) again = NULL;
  g_autofree char *display = NULL;
  g_autofree char *family = NULL;
  g_autofree char *today = date_from_today (0);
  gint64 id;

  g_object_set (learner,
                "given-name", "Jürgen",
                "family-name", "Müller-Lüdenscheidt",
                "birth-date", "1990-02-28",
                "email", "juergen.mueller@example.org",
                "external-id", "MAT-0815",
                NULL);
  g_assert_true (acr_learner_save (learner, store, &error));
  g_assert_no_error (error);
  id = acr_learner_get_id (learner);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (acr_learner_get_created_at (learner));
  g_assert_cmpstr (acr_learner_get_created_at (learner), ==,
                   acr_learner_get_updated_at (learner));

  loaded = acr_learner_load (store, id, &error);
  g_assert_no_error (error);
  g_object_get (loaded, "family-name", &family, NULL);
  g_assert_cmpstr (family, ==, "Müller-Lüdenscheidt");
  g_assert_cmpint (acr_learner_get_id (loaded), ==, id);
  g_assert_cmpstr (acr_learner_get_given_name (loaded), ==, "Jürgen");
  g_assert_cmpstr (acr_learner_get_birth_date (loaded), ==, "1990-02-28");
  g_assert_cmpstr (acr_learner_get_email (loaded), ==, "juergen.mueller@example.org");
  g_assert_cmpstr (acr_learner_get_external_id (loaded), ==, "MAT-0815");
  g_assert_cmpstr (acr_learner_get_created_at (loaded), ==, acr_learner_get_created_at (learner));
  g_assert_cmpstr (acr_learner_get_updated_at (loaded), ==, acr_learner_get_updated_at (learner));
  display = acr_learner_dup_display_name (loaded);
  g_assert_cmpstr (display, ==, "Jürgen Müller-Lüdenscheidt");

  /* Update; a birth date of today is fine; "" clears optional fields. */
  acr_learner_set_given_name (loaded, "Jürgen Karl");
  acr_learner_set_birth_date (loaded, today);
  acr_learner_set_email (loaded, "");
  acr_learner_set_external_id (loaded, "");
  g_assert_true (acr_learner_save (loaded, store, &error));
  g_assert_no_error (error);

  again = acr_learner_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_learner_get_given_name (again), ==, "Jürgen Karl");
  g_assert_cmpstr (acr_learner_get_birth_date (again), ==, today);
  g_assert_null (acr_learner_get_email (again));
  g_assert_null (acr_learner_get_external_id (again));
  g_assert_cmpstr (acr_learner_get_created_at (again), ==, acr_learner_get_created_at (learner));

  acr_learner_set_birth_date (again, NULL);
  g_assert_true (acr_learner_save (again, store, &error));
  g_clear_object (&again);
  again = acr_learner_load (store, id, &error);
  g_assert_null (acr_learner_get_birth_date (again));
}

static void
test_learner_display_name (void)
{
  g_autoptr(AcrLearner) learner = acr_learner_new ();
  g_autofree char *empty = acr_learner_dup_display_name (learner);
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;

  g_assert_cmpstr (empty, ==, "");
  acr_learner_set_given_name (learner, "Ada");
  given = acr_learner_dup_display_name (learner);
  g_assert_cmpstr (given, ==, "Ada");
  acr_learner_set_given_name (learner, NULL);
  acr_learner_set_family_name (learner, "Lovelace");
  family = acr_learner_dup_display_name (learner);
  g_assert_cmpstr (family, ==, "Lovelace");
}

static void
assert_invalid (AcrStore   *store,
                AcrLearner *learner,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_table (store, "learner");
  g_autofree char *after = NULL;
  gint64 id = acr_learner_get_id (learner);

  g_assert_false (acr_learner_save (learner, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);
  g_assert_cmpint (acr_learner_get_id (learner), ==, id);

  after = dump_table (store, "learner");
  g_assert_cmpstr (before, ==, after);
}

static void
test_learner_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrLearner) saved = make_learner ("Saved", "Learner", "S-1");
  g_autoptr(AcrLearner) learner = make_learner ("Erika", "Mustermann", NULL);
  g_autofree char *tomorrow = date_from_today (1);
  g_autofree char *next_year = date_from_today (366);
  const char *bad_dates[] = { "2026-02-30", "2023-02-29", "1990-13-01", "1990-1-1",
                              "01.02.1990", "1990-01-01T00:00", "yesterday", NULL };
  const char *bad_emails[] = { "erika", "erika@", "@example.org", "erika@@example.org",
                               "erika mustermann@example.org", "erika@example..org", NULL };

  g_assert_true (acr_learner_save (saved, store, &error));
  g_assert_no_error (error);

  acr_learner_set_birth_date (learner, tomorrow);
  assert_invalid (store, learner, "future");
  acr_learner_set_birth_date (learner, next_year);
  assert_invalid (store, learner, next_year);
  for (guint i = 0; bad_dates[i] != NULL; i++)
    {
      acr_learner_set_birth_date (learner, bad_dates[i]);
      assert_invalid (store, learner, bad_dates[i]);
    }
  acr_learner_set_birth_date (learner, "2000-02-29");

  for (guint i = 0; bad_emails[i] != NULL; i++)
    {
      acr_learner_set_email (learner, bad_emails[i]);
      assert_invalid (store, learner, bad_emails[i]);
    }
  acr_learner_set_email (learner, "erika@example.org");

  acr_learner_set_given_name (learner, " ");
  assert_invalid (store, learner, "given name");
  acr_learner_set_given_name (learner, "Erika");
  acr_learner_set_family_name (learner, NULL);
  assert_invalid (store, learner, "family name");
  acr_learner_set_family_name (learner, "Mustermann");
  acr_learner_set_external_id (learner, "\t");
  assert_invalid (store, learner, "external");
  acr_learner_set_external_id (learner, NULL);

  g_assert_true (acr_learner_save (learner, store, &error));
  g_assert_no_error (error);

  /* Also on update: the stored row keeps its valid date. */
  acr_learner_set_birth_date (learner, "2026-02-30");
  assert_invalid (store, learner, "2026-02-30");
}

static void
test_learner_duplicate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrLearner) first = make_learner ("Anna", "Schmidt", "EXT-1");
  g_autoptr(AcrLearner) second = make_learner ("Anne", "Schmitt", "EXT-1");
  g_autoptr(AcrLearner) third = make_learner ("Ann", "Smith", "EXT-3");
  g_autoptr(AcrLearner) reloaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (acr_learner_save (first, store, &error));
  g_assert_true (acr_learner_save (third, store, &error));
  g_assert_no_error (error);
  before = dump_table (store, "learner");

  g_assert_false (acr_learner_save (second, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“EXT-1”"));
  g_assert_cmpint (acr_learner_get_id (second), ==, 0);
  g_clear_error (&error);

  acr_learner_set_external_id (third, "EXT-1");
  g_assert_false (acr_learner_save (third, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  after = dump_table (store, "learner");
  g_assert_cmpstr (before, ==, after);
  reloaded = acr_learner_load (store, acr_learner_get_id (third), &error);
  g_assert_cmpstr (acr_learner_get_external_id (reloaded), ==, "EXT-3");

  /* Learners without an external id never collide. */
  {
    g_autoptr(AcrLearner) a = make_learner ("A", "A", NULL);
    g_autoptr(AcrLearner) b = make_learner ("B", "B", "");

    g_assert_true (acr_learner_save (a, store, &error));
    g_assert_true (acr_learner_save (b, store, &error));
    g_assert_no_error (error);
  }
}

static void
test_learner_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrLearner) learner = make_learner ("Max", "Mustermann", "M-1");
  g_autoptr(AcrLearner) missing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  g_assert_false (acr_learner_delete (store, 99, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  missing = acr_learner_load (store, 99, &error);
  g_assert_null (missing);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  g_assert_true (acr_learner_save (learner, store, &error));
  g_assert_no_error (error);
  id = acr_learner_get_id (learner);

  sql = g_strdup_printf ("INSERT INTO module (id, code, created_at, updated_at) "
                         "VALUES (1, 'M-1', 'now', 'now');"
                         "INSERT INTO assessment (learner_id, module_id, assessed_on, assessor, "
                         "passed, created_at, updated_at) VALUES (%" G_GINT64_FORMAT ", 1, "
                         "'2026-01-15', 'Prüferin', 1, 'now', 'now');", id);
  exec_sql (store, sql);
  before = dump_table (store, "learner");

  g_assert_false (acr_learner_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Max Mustermann"));
  g_assert_nonnull (strstr (error->message, "1 assessment"));
  g_clear_error (&error);
  after = dump_table (store, "learner");
  g_assert_cmpstr (before, ==, after);

  exec_sql (store, "DELETE FROM assessment");
  g_assert_true (acr_learner_delete (store, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump_table (store, "learner");
  g_assert_cmpstr (after, ==, "");

  g_assert_false (acr_learner_save (learner, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static char *
item_display (GListModel *model,
              guint       position)
{
  g_autoptr(AcrLearner) learner = g_list_model_get_item (model, position);

  g_assert_nonnull (learner);
  return acr_learner_dup_display_name (learner);
}

static void
assert_item (GListModel *model,
             guint       position,
             const char *expected)
{
  g_autofree char *display = item_display (model, position);

  g_assert_cmpstr (display, ==, expected);
}

static guint
count (AcrStore   *store,
       const char *search)
{
  g_autoptr(AcrPagedList) list = acr_learner_list (store, search);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_learner_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrPagedList) all = NULL;
  g_autoptr(AcrPagedList) schmidts = NULL;
  GListModel *model;

  g_assert_true (acr_store_begin (store, &error));
  for (guint i = 1; i <= 400; i++)
    {
      g_autofree char *given = g_strdup_printf ("Given%03u", 401 - i);
      g_autofree char *family = g_strdup_printf ("Family%03u", (i + 1) / 2);
      g_autofree char *ext = g_strdup_printf ("X%04u", i);
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);
      g_autoptr(AcrLearner) learner = make_learner (given, family, ext);

      acr_learner_set_email (learner, email);
      g_assert_true (acr_learner_save (learner, store, &error));
    }
  {
    g_autoptr(AcrLearner) a = make_learner ("Anna", "Schmidt", "ANNA");
    g_autoptr(AcrLearner) b = make_learner ("Bernd", "schmidt", NULL);
    g_autoptr(AcrLearner) c = make_learner ("anton", "Schmidt", NULL);

    g_assert_true (acr_learner_save (a, store, &error));
    g_assert_true (acr_learner_save (b, store, &error));
    g_assert_true (acr_learner_save (c, store, &error));
  }
  g_assert_true (acr_store_commit (store, &error));
  g_assert_no_error (error);

  all = acr_learner_list (store, NULL);
  model = G_LIST_MODEL (all);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 403);
  g_assert_cmpuint (acr_paged_list_get_pages_read (all), ==, 0);
  /* Family name first, then given name: Family001 has Given399 and Given400. */
  assert_item (model, 0, "Given399 Family001");
  assert_item (model, 1, "Given400 Family001");
  assert_item (model, 399, "Given002 Family200");
  /* Case does not split the Schmidts; given names order them. */
  assert_item (model, 400, "Anna Schmidt");
  assert_item (model, 401, "anton Schmidt");
  assert_item (model, 402, "Bernd schmidt");
  g_assert_null (g_list_model_get_item (model, 403));
  g_assert_cmpuint (acr_paged_list_get_pages_read (all), ==, 2);
  assert_item (model, 200, "Given199 Family101");
  g_assert_cmpuint (acr_paged_list_get_pages_read (all), ==, 3);

  schmidts = acr_learner_list (store, "SCHMIDT");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (schmidts)), ==, 3);
  assert_item (G_LIST_MODEL (schmidts), 0, "Anna Schmidt");

  g_assert_cmpuint (count (store, ""), ==, 403);
  g_assert_cmpuint (count (store, "ann"), ==, 1);          /* given name */
  g_assert_cmpuint (count (store, "Anna Schmidt"), ==, 1); /* full name */
  g_assert_cmpuint (count (store, "family01"), ==, 20);    /* family name 010-019 */
  g_assert_cmpuint (count (store, "person12@"), ==, 1);    /* email */
  g_assert_cmpuint (count (store, "x000"), ==, 9);         /* external id X0001-X0009 */
  g_assert_cmpuint (count (store, "%"), ==, 0);            /* wildcards are literal */
  g_assert_cmpuint (count (store, "nobody"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/learner/round-trip", test_learner_round_trip);
  g_test_add_func ("/learner/display-name", test_learner_display_name);
  g_test_add_func ("/learner/invalid", test_learner_invalid);
  g_test_add_func ("/learner/duplicate", test_learner_duplicate);
  g_test_add_func ("/learner/delete", test_learner_delete);
  g_test_add_func ("/learner/list", test_learner_list);

  return g_test_run ();
}
