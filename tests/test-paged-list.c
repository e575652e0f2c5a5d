/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "acr-core.h"
#include "acr-paged-list-private.h"

static GQuark id_quark;

static gpointer
row_to_object (AcrStore     *store,
               sqlite3_stmt *stmt)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_qdata (object, id_quark, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
  return object;
}

static void
fill (AcrStore *store,
      guint     n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < %u) "
    "INSERT INTO learner (given_name, family_name, created_at, updated_at) "
    "SELECT 'Given' || i, printf ('Family%%06d', i), 'now', 'now' FROM seq", n);

  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_true (acr_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  *counter += added;
}

static void
test_paged_list_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrPagedList) list = NULL;
  GListModel *model;
  guint added = 0;

  g_assert_no_error (error);
  fill (store, 100000);

  list = _acr_paged_list_new (store, G_TYPE_OBJECT,
                              "SELECT id FROM learner ORDER BY family_name, id", NULL,
                              row_to_object);
  model = G_LIST_MODEL (list);

  /* Counting reads no page. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100000);
  g_assert_cmpuint (acr_paged_list_get_pages_read (list), ==, 0);

  /* Reading a few items reads only their pages. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GObject) first = g_list_model_get_item (model, i);
      g_assert_cmpint (GPOINTER_TO_INT (g_object_get_qdata (first, id_quark)), ==, i + 1);
    }
  {
    g_autoptr(GObject) last = g_list_model_get_item (model, 99999);
    g_autoptr(GObject) beyond = g_list_model_get_item (model, 100000);

    g_assert_cmpint (GPOINTER_TO_INT (g_object_get_qdata (last, id_quark)), ==, 100000);
    g_assert_null (beyond);
  }
  g_assert_cmpuint (acr_paged_list_get_pages_read (list), ==, 2);

  /* Walking the whole list keeps reading pages lazily and in order. */
  for (guint i = 0; i < 100000; i += 997)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_assert_cmpint (GPOINTER_TO_INT (g_object_get_qdata (item, id_quark)), ==, i + 1);
    }

  /* Reload recounts after a change and says so. */
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &added);
  fill (store, 5);
  acr_paged_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100005);
  g_assert_cmpuint (added, ==, 100005);
}

static void
test_paged_list_params (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrPagedList) list = NULL;
  const char * const params[] = { "%Family00001%", NULL };

  fill (store, 300);
  list = _acr_paged_list_new (store, G_TYPE_OBJECT,
                              "SELECT id FROM learner WHERE family_name LIKE ?1 ORDER BY id",
                              params, row_to_object);

  /* Family000010 … Family000019 match; nothing else does. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 10);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == G_TYPE_OBJECT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  id_quark = g_quark_from_static_string ("acr-test-id");

  g_test_add_func ("/paged-list/large", test_paged_list_large);
  g_test_add_func ("/paged-list/params", test_paged_list_params);

  return g_test_run ();
}
