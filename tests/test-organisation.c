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

static AcrOrganisation *
make_organisation (const char *name,
                   const char *legal_id)
{
  AcrOrganisation *org = acr_organisation_new ();

  acr_organisation_set_name (org, name);
  acr_organisation_set_legal_id (org, legal_id);
  acr_organisation_set_country (org, "DE");
  return org;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *counter)
{
  (*counter)++;
}

static void
test_organisation_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrOrganisation) org = acr_organisation_new ();
  g_autoptr(AcrOrganisation) loaded = NULL;
  g_autoptr(AcrOrganisation) again = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *name = NULL;
  gint64 id = -1;

  g_object_set (org,
                "name", "IHK Musterstadt",
                "legal-id", "HRA 12345",
                "country", "de-by",
                "address", "Marktplatz 1\n80331 München",
                "web", "https://www.ihk-musterstadt.example",
                "email", "info@ihk-musterstadt.example",
                NULL);
  /* A valid code is uppercased. */
  g_assert_cmpstr (acr_organisation_get_country (org), ==, "DE-BY");
  g_assert_cmpint (acr_organisation_get_id (org), ==, 0);
  g_assert_null (acr_organisation_get_created_at (org));

  g_assert_true (acr_organisation_save (org, store, &error));
  g_assert_no_error (error);
  g_object_get (org, "id", &id, NULL);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (acr_organisation_get_created_at (org));
  g_assert_cmpstr (acr_organisation_get_created_at (org), ==,
                   acr_organisation_get_updated_at (org));

  loaded = acr_organisation_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_object_get (loaded, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "IHK Musterstadt");
  g_assert_cmpint (acr_organisation_get_id (loaded), ==, id);
  g_assert_cmpstr (acr_organisation_get_legal_id (loaded), ==, "HRA 12345");
  g_assert_cmpstr (acr_organisation_get_country (loaded), ==, "DE-BY");
  g_assert_cmpstr (acr_organisation_get_address (loaded), ==, "Marktplatz 1\n80331 München");
  g_assert_cmpstr (acr_organisation_get_web (loaded), ==, "https://www.ihk-musterstadt.example");
  g_assert_cmpstr (acr_organisation_get_email (loaded), ==, "info@ihk-musterstadt.example");
  g_assert_cmpstr (acr_organisation_get_created_at (loaded), ==,
                   acr_organisation_get_created_at (org));
  g_assert_cmpstr (acr_organisation_get_updated_at (loaded), ==,
                   acr_organisation_get_updated_at (org));

  /* Update: clearing optional fields ("" = unset) stores NULL, created-at stays. */
  created_at = g_strdup (acr_organisation_get_created_at (loaded));
  acr_organisation_set_name (loaded, "IHK Musterstadt-Land");
  acr_organisation_set_country (loaded, "AT");
  acr_organisation_set_legal_id (loaded, "");
  acr_organisation_set_web (loaded, NULL);
  acr_organisation_set_email (loaded, "");
  acr_organisation_set_address (loaded, "");
  g_assert_null (acr_organisation_get_legal_id (loaded));
  g_assert_true (acr_organisation_save (loaded, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_organisation_get_id (loaded), ==, id);

  again = acr_organisation_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_organisation_get_name (again), ==, "IHK Musterstadt-Land");
  g_assert_cmpstr (acr_organisation_get_country (again), ==, "AT");
  g_assert_null (acr_organisation_get_legal_id (again));
  g_assert_null (acr_organisation_get_web (again));
  g_assert_null (acr_organisation_get_email (again));
  g_assert_null (acr_organisation_get_address (again));
  g_assert_cmpstr (acr_organisation_get_created_at (again), ==, created_at);
  g_assert_cmpstr (acr_organisation_get_updated_at (again), >=, created_at);
}

static void
test_organisation_notify (void)
{
  g_autoptr(AcrOrganisation) org = acr_organisation_new ();
  guint count = 0;

  g_signal_connect (org, "notify::name", G_CALLBACK (notify_cb), &count);
  acr_organisation_set_name (org, "A");
  acr_organisation_set_name (org, "A");
  g_assert_cmpuint (count, ==, 1);
  acr_organisation_set_name (org, "B");
  g_assert_cmpuint (count, ==, 2);

  count = 0;
  g_signal_connect (org, "notify::legal-id", G_CALLBACK (notify_cb), &count);
  acr_organisation_set_legal_id (org, NULL);
  acr_organisation_set_legal_id (org, "");
  g_assert_cmpuint (count, ==, 0);
}

static void
assert_invalid (AcrStore        *store,
                AcrOrganisation *org,
                const char      *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_table (store, "organisation");
  g_autofree char *after = NULL;
  gint64 id = acr_organisation_get_id (org);

  g_assert_false (acr_organisation_save (org, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
  g_assert_cmpint (acr_organisation_get_id (org), ==, id);

  after = dump_table (store, "organisation");
  g_assert_cmpstr (before, ==, after);
}

static void
test_organisation_invalid (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrOrganisation) org = make_organisation ("Kammer", NULL);
  g_autoptr(GError) error = NULL;
  const char *bad_emails[] = { "info", "@kammer.example", "info@", "a@b@c.example",
                               "in fo@kammer.example", "info@.example", "info@kammer.", NULL };
  const char *bad_countries[] = { "Germany", "D", "DEU", "DE-", "DE-BAYERN", "1E", "DE_BY",
                                  NULL };

  /* One saved organisation, so "unchanged" has something to compare. */
  {
    g_autoptr(AcrOrganisation) other = make_organisation ("Other", "X-1");

    g_assert_true (acr_organisation_save (other, store, &error));
    g_assert_no_error (error);
  }

  acr_organisation_set_country (org, "Germany");
  g_assert_cmpstr (acr_organisation_get_country (org), ==, "Germany");
  assert_invalid (store, org, "Germany");
  for (guint i = 0; bad_countries[i] != NULL; i++)
    {
      acr_organisation_set_country (org, bad_countries[i]);
      assert_invalid (store, org, NULL);
    }
  acr_organisation_set_country (org, NULL);
  assert_invalid (store, org, "country");
  acr_organisation_set_country (org, "CH");

  for (guint i = 0; bad_emails[i] != NULL; i++)
    {
      acr_organisation_set_email (org, bad_emails[i]);
      assert_invalid (store, org, bad_emails[i]);
    }
  acr_organisation_set_email (org, "info@kammer.example");

  acr_organisation_set_web (org, "ftp://kammer.example");
  assert_invalid (store, org, "ftp://kammer.example");
  acr_organisation_set_web (org, "kammer.example");
  assert_invalid (store, org, NULL);
  acr_organisation_set_web (org, "http://kammer.example/");

  acr_organisation_set_name (org, "   ");
  assert_invalid (store, org, "name");
  acr_organisation_set_name (org, NULL);
  assert_invalid (store, org, "name");
  acr_organisation_set_name (org, "Kammer");

  acr_organisation_set_legal_id (org, "  ");
  assert_invalid (store, org, "legal");
  acr_organisation_set_legal_id (org, NULL);

  /* All fixed: now it saves. */
  g_assert_true (acr_organisation_validate (org, &error));
  g_assert_true (acr_organisation_save (org, store, &error));
  g_assert_no_error (error);

  /* Invalid on update too, and the stored row stays as it was. */
  acr_organisation_set_country (org, "Germany");
  assert_invalid (store, org, "Germany");
}

static void
test_organisation_duplicate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrOrganisation) first = make_organisation ("First", "HRB 1");
  g_autoptr(AcrOrganisation) second = make_organisation ("Second", "HRB 1");
  g_autoptr(AcrOrganisation) third = make_organisation ("Third", "HRB 3");
  g_autoptr(AcrOrganisation) reloaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (acr_organisation_save (first, store, &error));
  g_assert_no_error (error);
  before = dump_table (store, "organisation");

  g_assert_false (acr_organisation_save (second, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“HRB 1”"));
  g_assert_cmpint (acr_organisation_get_id (second), ==, 0);
  g_assert_null (acr_organisation_get_created_at (second));
  g_clear_error (&error);
  after = dump_table (store, "organisation");
  g_assert_cmpstr (before, ==, after);

  /* On update as well. */
  g_assert_true (acr_organisation_save (third, store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = dump_table (store, "organisation");
  acr_organisation_set_legal_id (third, "HRB 1");
  g_assert_false (acr_organisation_save (third, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_table (store, "organisation");
  g_assert_cmpstr (before, ==, after);
  reloaded = acr_organisation_load (store, acr_organisation_get_id (third), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_organisation_get_legal_id (reloaded), ==, "HRB 3");

  /* Organisations without a legal identifier do not collide. */
  {
    g_autoptr(AcrOrganisation) a = make_organisation ("A", NULL);
    g_autoptr(AcrOrganisation) b = make_organisation ("B", "");

    g_assert_true (acr_organisation_save (a, store, &error));
    g_assert_true (acr_organisation_save (b, store, &error));
    g_assert_no_error (error);
  }
}

static void
exec_sql (AcrStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
test_organisation_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrOrganisation) org = make_organisation ("Kammer", "K-1");
  g_autoptr(AcrOrganisation) missing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  g_assert_false (acr_organisation_delete (store, 4711, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4711"));
  g_clear_error (&error);

  g_assert_true (acr_organisation_save (org, store, &error));
  g_assert_no_error (error);
  id = acr_organisation_get_id (org);

  sql = g_strdup_printf ("INSERT INTO module (code, organisation_id, created_at, updated_at) "
                         "VALUES ('M-1', %" G_GINT64_FORMAT ", 'now', 'now');"
                         "INSERT INTO module (code, organisation_id, created_at, updated_at) "
                         "VALUES ('M-2', %" G_GINT64_FORMAT ", 'now', 'now');", id, id);
  exec_sql (store, sql);
  before = dump_table (store, "organisation");

  g_assert_false (acr_organisation_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "“Kammer”"));
  g_assert_nonnull (strstr (error->message, "2 modules"));
  g_clear_error (&error);
  after = dump_table (store, "organisation");
  g_assert_cmpstr (before, ==, after);

  /* A curriculum alone holds it too. */
  exec_sql (store, "DELETE FROM module");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO curriculum (code, organisation_id, title, created_at, "
                         "updated_at) VALUES ('C-1', %" G_GINT64_FORMAT ", 'Programm', 'now', "
                         "'now')", id);
  exec_sql (store, sql);
  g_assert_false (acr_organisation_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "1 curriculum"));
  g_clear_error (&error);

  exec_sql (store, "DELETE FROM curriculum");
  g_assert_true (acr_organisation_delete (store, id, &error));
  g_assert_no_error (error);

  missing = acr_organisation_load (store, id, &error);
  g_assert_null (missing);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving the deleted object again as an update finds nothing. */
  g_assert_false (acr_organisation_save (org, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static const char *
item_name (GListModel *model,
           guint       position)
{
  g_autoptr(AcrOrganisation) org = g_list_model_get_item (model, position);

  g_assert_nonnull (org);
  /* The list keeps the item alive while its page is cached. */
  return acr_organisation_get_name (org);
}

static void
test_organisation_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrPagedList) all = NULL;
  g_autoptr(AcrPagedList) found = NULL;
  g_autoptr(AcrPagedList) none = NULL;
  g_autoptr(AcrPagedList) by_legal = NULL;
  g_autoptr(AcrPagedList) percent = NULL;
  g_autoptr(AcrPagedList) empty = NULL;
  GListModel *model;

  g_assert_true (acr_store_begin (store, &error));
  for (guint i = 300; i > 0; i--)
    {
      g_autofree char *name = g_strdup_printf ("Organisation %03u", i);
      g_autofree char *legal = g_strdup_printf ("REG-%u", i * 7);
      g_autoptr(AcrOrganisation) org = make_organisation (name, legal);

      g_assert_true (acr_organisation_save (org, store, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(AcrOrganisation) org = make_organisation ("100% Bildung", NULL);

    g_assert_true (acr_organisation_save (org, store, &error));
  }
  g_assert_true (acr_store_commit (store, &error));
  g_assert_no_error (error);

  all = acr_organisation_list (store, NULL);
  model = G_LIST_MODEL (all);
  g_assert_true (g_list_model_get_item_type (model) == ACR_TYPE_ORGANISATION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 301);
  g_assert_cmpuint (acr_paged_list_get_pages_read (all), ==, 0);
  g_assert_cmpstr (item_name (model, 0), ==, "100% Bildung");
  g_assert_cmpstr (item_name (model, 1), ==, "Organisation 001");
  g_assert_cmpstr (item_name (model, 200), ==, "Organisation 200");
  g_assert_cmpstr (item_name (model, 300), ==, "Organisation 300");
  g_assert_null (g_list_model_get_item (model, 301));
  g_assert_cmpuint (acr_paged_list_get_pages_read (all), ==, 3);

  /* Case-insensitive substring on the name. */
  found = acr_organisation_list (store, "organisation 2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 100);
  g_assert_cmpstr (item_name (G_LIST_MODEL (found), 0), ==, "Organisation 200");

  /* On the legal identifier: REG-7 … only i*7 containing "REG-77". */
  by_legal = acr_organisation_list (store, "reg-777");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_legal)), ==, 1);
  g_assert_cmpstr (item_name (G_LIST_MODEL (by_legal), 0), ==, "Organisation 111");

  /* LIKE wildcards in the search are taken literally. */
  percent = acr_organisation_list (store, "0%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (percent)), ==, 1);
  none = acr_organisation_list (store, "_");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);

  empty = acr_organisation_list (store, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (empty)), ==, 301);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/organisation/round-trip", test_organisation_round_trip);
  g_test_add_func ("/organisation/notify", test_organisation_notify);
  g_test_add_func ("/organisation/invalid", test_organisation_invalid);
  g_test_add_func ("/organisation/duplicate", test_organisation_duplicate);
  g_test_add_func ("/organisation/delete", test_organisation_delete);
  g_test_add_func ("/organisation/list", test_organisation_list);

  return g_test_run ();
}
