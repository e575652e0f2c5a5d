/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Frameworks place driven in-process under Xvfb, inside the real window on a seeded temp
 * store: activating the DQR shows its eight levels, an expanded level shows the descriptors
 * the database holds, and importing from the page adds a framework, or refuses a document
 * that breaks the schema with a dialog naming the line, leaving the database unchanged. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "acr-core.h"
#include "acr-framework-view.h"
#include "acr-frameworks-page.h"
#include "acr-list-page.h"
#include "acr-seed.h"
#include "acr-window.h"

typedef struct
{
  char      *dir;
  AcrStore  *store;
  AcrWindow *window;
} Fixture;

static void
iterate_until_idle (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static void
collect_descendants (GtkWidget *root,
                     GType      type,
                     GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_descendants (child, type, found);
    }
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("acr-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "accredit.db", NULL);

  f->store = acr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (acr_seed_demo (f->store, &error));
  g_assert_no_error (error);

  f->window = acr_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  acr_window_set_place (f->window, "frameworks");
  iterate_until_idle ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate_until_idle ();

  /* The window, the view and its lists let go of the store. */
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  g_assert_null (f->store);

  remove_tree (f->dir);
  g_free (f->dir);
}

static AcrListPage *
get_page (Fixture *f)
{
  GtkWidget *page = find_descendant (GTK_WIDGET (f->window), ACR_TYPE_FRAMEWORKS_PAGE);

  g_assert_nonnull (page);
  return ACR_LIST_PAGE (page);
}

static GtkListView *
get_list_view (AcrListPage *page)
{
  GtkWidget *list_view = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list_view);
  return GTK_LIST_VIEW (list_view);
}

static guint
count_rows (AcrListPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (get_list_view (page))));
}

/* The number of frameworks the database holds, read again. */
static guint
count_stored (Fixture *f)
{
  g_autoptr(AcrPagedList) list = acr_framework_list (f->store, NULL);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_view_levels (Fixture       *f,
                  gconstpointer  data)
{
  AcrListPage *page = get_page (f);
  GtkListView *list_view = get_list_view (page);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(AcrFramework) dqr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *header = NULL;
  AcrFrameworkLevel *level4;
  AdwExpanderRow *row4 = NULL;
  GtkLabel *descriptor;
  const char *text;
  GtkWidget *view;
  guint position = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AcrFramework) item = g_list_model_get_item (model, i);

      if (g_str_equal (acr_framework_get_code (item), "DQR"))
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  g_signal_emit_by_name (list_view, "activate", position);
  iterate_until_idle ();

  view = acr_list_page_get_detail (page);
  g_assert_true (ACR_IS_FRAMEWORK_VIEW (view));
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpstr (acr_framework_get_code (
                     acr_framework_view_get_framework (ACR_FRAMEWORK_VIEW (view))), ==, "DQR");
  /* The header: title in English, code, country and version. */
  dqr = acr_framework_load_by_code (f->store, "DQR", &error);
  g_assert_no_error (error);
  header = g_strdup_printf ("DQR · %s · Version %s", acr_framework_get_country (dqr),
                            acr_framework_get_version (dqr));
  g_assert_nonnull (find_label (view, header));
  g_assert_nonnull (find_label (view, acr_framework_get_title_en (dqr)));

  /* One row per level, labelled with its EQF level. */
  collect_descendants (view, ADW_TYPE_EXPANDER_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 8);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwExpanderRow *row = g_ptr_array_index (rows, i);
      g_autofree char *eqf = g_strdup_printf ("EQF level %u", i + 1);

      g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, eqf);
      if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Level 4"))
        row4 = row;
    }
  g_assert_nonnull (row4);

  /* Expanded, level 4 shows the knowledge descriptor the database holds, in English. */
  level4 = acr_framework_get_level (dqr, 4);
  g_assert_nonnull (level4);
  text = acr_framework_level_get_descriptor (level4, "wissen", "en");
  g_assert_nonnull (text);
  descriptor = find_label (GTK_WIDGET (row4), text);
  g_assert_nonnull (descriptor);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (descriptor)));
  adw_expander_row_set_expanded (row4, TRUE);
  /* The revealer shows its child on the next frames. */
  for (guint i = 0; i < 200 && !gtk_widget_get_mapped (GTK_WIDGET (descriptor)); i++)
    {
      g_usleep (10000);
      iterate_until_idle ();
    }
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (descriptor)));
  /* The dimension's title is its caption. */
  g_assert_nonnull (find_label (GTK_WIDGET (row4), "Knowledge"));

  /* Back goes to the list. */
  gtk_widget_activate_action (view, "view.back", NULL);
  iterate_until_idle ();
  g_assert_null (acr_list_page_get_detail (page));
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  AcrFrameworksPage *page = ACR_FRAMEWORKS_PAGE (get_page (f));
  g_autofree char *sector_path = g_test_build_filename (G_TEST_DIST, "data", "xml",
                                                        "framework-sector.xml", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "xml",
                                                     "schema-violation.xml", NULL);
  g_autoptr(GFile) sector = g_file_new_for_path (sector_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(AcrFramework) imported = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  guint before = count_rows (ACR_LIST_PAGE (page));
  guint stored_before = count_stored (f);

  g_assert_cmpuint (before, ==, stored_before);
  g_assert_null (find_message_dialog ());

  /* A framework document: one more framework, in the database and in the list. */
  g_assert_true (acr_frameworks_page_import_file (page, sector));
  iterate_until_idle ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (count_rows (ACR_LIST_PAGE (page)), ==, before + 1);
  g_assert_cmpuint (count_stored (f), ==, stored_before + 1);
  imported = acr_framework_load_by_code (f->store, "SEC-IT", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_levels (imported)), ==, 3);

  /* A document breaking the schema: a dialog naming the line, nothing changed. */
  g_assert_false (acr_frameworks_page_import_file (page, bad));
  iterate_until_idle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "schema-violation.xml"));
  g_assert_cmpuint (count_rows (ACR_LIST_PAGE (page)), ==, before + 1);
  g_assert_cmpuint (count_stored (f), ==, stored_before + 1);
  error = NULL;
  {
    g_autoptr(AcrFramework) sec = acr_framework_load_by_code (f->store, "SEC", &error);

    g_assert_null (sec);
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate_until_idle ();
  g_assert_null (find_message_dialog ());
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/framework-view/levels", Fixture, NULL,
              fixture_setup, test_view_levels, fixture_teardown);
  g_test_add ("/ui/framework-view/import", Fixture, NULL,
              fixture_setup, test_import, fixture_teardown);

  return g_test_run ();
}
