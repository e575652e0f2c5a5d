/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window driven in-process under Xvfb: its places, the lazy lists and their search,
 * the remembered place, and the dialog a database that cannot be opened brings up. Waits
 * iterate the main context until a condition holds (with a guard against hanging), never a
 * fixed time. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "acr-application.h"
#include "acr-core.h"
#include "acr-list-page.h"
#include "acr-module-row.h"
#include "acr-seed.h"
#include "acr-settings.h"
#include "acr-window.h"

/* The places in sidebar order: stack page name and accessible name. */
static const struct {
  const char *name;
  const char *label;
} places[] = {
  { "curricula", "Curricula" },
  { "modules", "Modules" },
  { "frameworks", "Frameworks" },
  { "review", "Review" },
  { "learners", "Learners" },
  { "issue", "Issue" },
  { "credentials", "Credentials" },
  { "verify", "Verify" },
};

typedef struct
{
  char      *dir;
  AcrStore  *store;
  AcrWindow *window;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until @condition holds; fails the test if it never does. */
static void
wait_for (Condition condition,
          gpointer  data)
{
  gboolean timed_out = FALSE;
  guint guard = g_timeout_add_seconds (10, set_flag_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (guard);
  g_assert_false (timed_out);
}

/* Runs what is pending (layout, bindings, idle callbacks) without waiting for anything. */
static void
iterate_until_idle (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type)
          && (css_class == NULL || gtk_widget_has_css_class (child, css_class)))
        return child;

      if ((found = find_descendant (child, type, css_class)) != NULL)
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
  g_autoptr(AcrModule) module = acr_module_new ();
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("acr-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "accredit.db", NULL);

  f->store = acr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (acr_store_get_created (f->store));
  g_assert_true (acr_seed_demo (f->store, &error));
  g_assert_no_error (error);

  /* One module no demo data can match by accident. */
  acr_module_set_code (module, "UI-ZEBRA-1");
  acr_module_set_title (module, "Zebra Crossings for Test Drivers");
  g_assert_true (acr_module_save (module, f->store, &error));
  g_assert_no_error (error);

  f->window = acr_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate_until_idle ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate_until_idle ();

  /* The window, its pages and their lists let go of the store. */
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  g_assert_null (f->store);

  remove_tree (f->dir);
  g_free (f->dir);
}

static GtkListBox *
get_sidebar (Fixture *f)
{
  GtkWidget *sidebar = find_descendant (GTK_WIDGET (f->window), GTK_TYPE_LIST_BOX,
                                        "navigation-sidebar");

  g_assert_nonnull (sidebar);
  return GTK_LIST_BOX (sidebar);
}

static GtkStack *
get_place_stack (Fixture *f)
{
  /* The window's stack is the one whose pages are the places. */
  GtkWidget *page = find_descendant (GTK_WIDGET (f->window), ACR_TYPE_LIST_PAGE, NULL);
  GtkWidget *stack;

  g_assert_nonnull (page);
  stack = gtk_widget_get_parent (page);
  g_assert_true (GTK_IS_STACK (stack));
  return GTK_STACK (stack);
}

static void
select_place (Fixture    *f,
              const char *name)
{
  GtkListBox *sidebar = get_sidebar (f);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (g_strcmp0 (places[i].name, name) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

          g_assert_nonnull (row);
          /* As a click or the keyboard does: select, then activate. */
          gtk_list_box_select_row (sidebar, row);
          g_signal_emit_by_name (sidebar, "row-activated", row);
          iterate_until_idle ();
          return;
        }
    }
  g_assert_not_reached ();
}

static void
test_window_sidebar (Fixture       *f,
                     gconstpointer  data)
{
  GtkListBox *sidebar = get_sidebar (f);
  guint n_rows = 0;

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (sidebar),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Places");

  while (gtk_list_box_get_row_at_index (sidebar, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, G_N_ELEMENTS (places));

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, i);

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, places[i].label);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
      /* Every row shows an icon beside its name. */
      g_assert_nonnull (find_descendant (GTK_WIDGET (row), GTK_TYPE_IMAGE, NULL));
    }
}

static guint
count_items (GtkListView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view)));
}

typedef struct
{
  GtkListView *view;
  guint        n_items;
} CountData;

static gboolean
has_n_items (gpointer data)
{
  CountData *count = data;

  return count_items (count->view) == count->n_items;
}

typedef struct
{
  GtkStack   *stack;
  const char *name;
} StackData;

static gboolean
shows_child (gpointer data)
{
  StackData *stack_data = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack_data->stack), stack_data->name) == 0;
}

static void
test_window_modules_search (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AcrPagedList) all = acr_module_list (f->store, NULL);
  g_autoptr(AcrModule) found = NULL;
  GtkWidget *page;
  GtkListView *view;
  GtkEditable *entry;
  GtkStack *content_stack;
  guint n_modules = g_list_model_get_n_items (G_LIST_MODEL (all));
  CountData count;
  StackData stack_data;

  /* The demo's modules and ours. */
  g_assert_cmpuint (n_modules, >=, 2);

  select_place (f, "modules");
  page = gtk_stack_get_visible_child (get_place_stack (f));
  g_assert_true (ACR_IS_LIST_PAGE (page));

  view = GTK_LIST_VIEW (find_descendant (page, GTK_TYPE_LIST_VIEW, NULL));
  entry = GTK_EDITABLE (find_descendant (page, GTK_TYPE_SEARCH_ENTRY, NULL));
  content_stack = GTK_STACK (find_descendant (page, GTK_TYPE_STACK, NULL));
  g_assert_nonnull (view);
  g_assert_nonnull (entry);
  g_assert_nonnull (content_stack);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search modules");
  g_assert_cmpuint (count_items (view), ==, n_modules);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "list");
  /* The rows are drawn with the row widget. */
  g_assert_nonnull (find_descendant (GTK_WIDGET (view), ACR_TYPE_MODULE_ROW, NULL));

  /* Searching narrows the list to the one module, case-insensitively. */
  gtk_editable_set_text (entry, "zEbRa");
  count.view = view;
  count.n_items = 1;
  wait_for (has_n_items, &count);
  found = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), 0);
  g_assert_cmpstr (acr_module_get_code (found), ==, "UI-ZEBRA-1");

  /* A search without results shows the status page that says so. */
  gtk_editable_set_text (entry, "no module is called this");
  stack_data.stack = content_stack;
  stack_data.name = "no-results";
  wait_for (shows_child, &stack_data);
  g_assert_cmpuint (count_items (view), ==, 0);

  /* Clearing the search shows every module again. */
  gtk_editable_set_text (entry, "");
  count.n_items = n_modules;
  wait_for (has_n_items, &count);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content_stack), ==, "list");
}

static void
test_window_learners_and_curricula (Fixture       *f,
                                    gconstpointer  data)
{
  const struct {
    const char *place;
    GListModel *expected;
  } lists[] = {
    { "learners", G_LIST_MODEL (acr_learner_list (f->store, NULL)) },
    { "curricula", G_LIST_MODEL (acr_curriculum_list (f->store, NULL)) },
    { "frameworks", G_LIST_MODEL (acr_framework_list (f->store, NULL)) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *page;
      GtkListView *view;
      guint n_expected = g_list_model_get_n_items (lists[i].expected);

      g_assert_cmpuint (n_expected, >, 0);
      select_place (f, lists[i].place);
      page = gtk_stack_get_visible_child (get_place_stack (f));
      g_assert_true (ACR_IS_LIST_PAGE (page));
      view = GTK_LIST_VIEW (find_descendant (page, GTK_TYPE_LIST_VIEW, NULL));
      g_assert_cmpuint (count_items (view), ==, n_expected);
      g_object_unref (lists[i].expected);
    }
}

static void
test_window_places (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(AcrSettings) settings = acr_settings_new ();
  GtkStack *stack = get_place_stack (f);
  AcrWindow *second;

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      /* Backwards, so every step is a change. */
      const char *name = places[G_N_ELEMENTS (places) - 1 - i].name;
      GtkWidget *before = gtk_stack_get_visible_child (stack);
      g_autofree char *saved = NULL;

      select_place (f, name);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, name);
      g_assert_cmpstr (acr_window_get_place (f->window), ==, name);
      if (i > 0)
        g_assert_true (gtk_stack_get_visible_child (stack) != before);
      saved = acr_settings_dup_last_place (settings);
      g_assert_cmpstr (saved, ==, name);
    }

  /* A new window opens on the last place. */
  select_place (f, "learners");
  second = acr_window_new (NULL, f->store);
  g_assert_cmpstr (acr_window_get_place (second), ==, "learners");
  gtk_window_destroy (GTK_WINDOW (second));

  /* An unknown place changes nothing. */
  acr_window_set_place (f->window, "no-such-place");
  g_assert_cmpstr (acr_window_get_place (f->window), ==, "learners");
}

static void
test_window_size (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(AcrSettings) settings = acr_settings_new ();
  g_autoptr(AcrWindow) closed = g_object_ref (f->window);
  int width;
  int height;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 480);
  gtk_window_close (GTK_WINDOW (f->window));
  iterate_until_idle ();

  g_assert_cmpint (g_settings_get_int (G_SETTINGS (settings), ACR_SETTINGS_WINDOW_WIDTH), ==, 640);
  g_assert_cmpint (g_settings_get_int (G_SETTINGS (settings), ACR_SETTINGS_WINDOW_HEIGHT), ==, 480);
  g_assert_false (g_settings_get_boolean (G_SETTINGS (settings), ACR_SETTINGS_WINDOW_MAXIMIZED));

  /* The next window opens at the saved size. */
  f->window = acr_window_new (NULL, f->store);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
}

static gboolean
has_no_toplevels (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  return toplevels == NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return l->data;

  return NULL;
}

static void
test_application_open_error (void)
{
  g_autoptr(AcrApplication) app = acr_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acr-test-ui-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  AcrStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "letter.db", NULL);
  g_assert_true (g_file_set_contents (path, "Dear reader, this is no database at all.\n"
                                      "It is a letter, and a long one.\n", -1, &error));
  g_assert_no_error (error);

  /* The sentence the store gives for this file. */
  store = acr_store_open (path, &expected);
  g_assert_null (store);
  g_assert_nonnull (expected);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN |
                                                G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_false (acr_application_open_database (app, path));
  iterate_until_idle ();

  g_assert_null (acr_application_get_store (app));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_object_get (dialog, "body", &body, NULL);
  g_assert_cmpstr (body, ==, expected->message);
  g_assert_true (strstr (adw_message_dialog_get_heading (dialog), "letter.db") != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "choose"));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  /* The dialog is the application's only window: none was made on a database. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* The file is left as it was. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "Dear reader"));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (has_no_toplevels, NULL);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend keeps the accessible properties for the checks. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/window/sidebar", Fixture, NULL,
              fixture_setup, test_window_sidebar, fixture_teardown);
  g_test_add ("/ui/window/modules-search", Fixture, NULL,
              fixture_setup, test_window_modules_search, fixture_teardown);
  g_test_add ("/ui/window/lists", Fixture, NULL,
              fixture_setup, test_window_learners_and_curricula, fixture_teardown);
  g_test_add ("/ui/window/places", Fixture, NULL,
              fixture_setup, test_window_places, fixture_teardown);
  g_test_add ("/ui/window/size", Fixture, NULL,
              fixture_setup, test_window_size, fixture_teardown);
  g_test_add_func ("/ui/application/open-error", test_application_open_error);

  return g_test_run ();
}
