/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The curriculum editor driven in-process under Xvfb, inside the real window on a seeded temp
 * store: the seeded curriculum with its modules, a new draft from "New Curriculum", adding,
 * requiring and reordering modules (buttons and Alt+Up), the stacking rule with its minimum, a
 * refused change that reverts, the export validated against the schema, and the read-only
 * approved demo curriculum. Every check of a saved value reads the database again. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <libxml/tree.h>

#include "acr-core.h"
#include "acr-ui-test.h"
#include "acr-list-page.h"
#include "acr-curriculum-editor.h"
#include "acr-curricula-page.h"
#include "acr-seed.h"
#include "acr-window.h"

typedef struct
{
  char      *dir;
  AcrStore  *store;
  AcrWindow *window;
} Fixture;

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
  acr_window_set_place (f->window, "curricula");
  acr_test_iterate_until_idle ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  acr_test_iterate_until_idle ();

  /* The window, the editor and its lists let go of the store. */
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  g_assert_null (f->store);

  acr_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Runs what @accelerator does in @widget's own shortcut controllers, as the key would. */
static void
press_shortcut (GtkWidget  *widget,
                const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           widget, NULL));
              return;
            }
        }
    }

  g_error ("No shortcut %s", accelerator);
}

static AcrListPage *
get_curricula_page (Fixture *f)
{
  GtkWidget *page = acr_test_find_descendant (GTK_WIDGET (f->window), ACR_TYPE_CURRICULA_PAGE, NULL);

  g_assert_nonnull (page);
  return ACR_LIST_PAGE (page);
}

static AcrCurriculum *
reload (Fixture *f,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  AcrCurriculum *stored = acr_curriculum_load (f->store, id, &error);

  g_assert_no_error (error);
  return stored;
}

/* The list of the curriculum's modules. */
static GtkListBox *
get_modules_list (AcrCurriculumEditor *editor)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, editor);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_LIST_BOX (w) && g_strcmp0 (gtk_widget_get_name (w), "curriculum-modules") == 0)
        return GTK_LIST_BOX (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }

  g_error ("No list of modules");
}

/* The rows of the curriculum's modules. */
static GPtrArray *
get_module_rows (AcrCurriculumEditor *editor)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkListBox *list = get_modules_list (editor);

  for (GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
       row != NULL;
       row = gtk_list_box_get_row_at_index (list, rows->len))
    {
      if (!ADW_IS_ACTION_ROW (row))
        break;
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static AcrCurriculumEditor *
open_curriculum (Fixture *f,
                 gint64   id)
{
  AcrListPage *page = get_curricula_page (f);
  g_autoptr(AcrCurriculum) curriculum = reload (f, id);
  GtkWidget *editor;

  ACR_LIST_PAGE_GET_CLASS (page)->item_activated (page, curriculum);
  acr_test_iterate_until_idle ();

  editor = acr_list_page_get_detail (page);
  g_assert_true (ACR_IS_CURRICULUM_EDITOR (editor));
  g_assert_true (gtk_widget_get_mapped (editor));
  return ACR_CURRICULUM_EDITOR (editor);
}

static gint64
get_demo_id (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCurriculum) demo =
    acr_curriculum_load_by_code (f->store, ACR_SEED_DEMO_CURRICULUM_CODE, 0, &error);

  g_assert_no_error (error);
  return acr_curriculum_get_id (demo);
}

static gint64
entry_module (AcrCurriculum *curriculum,
              guint          index)
{
  g_autoptr(AcrCurriculumEntry) entry =
    g_list_model_get_item (acr_curriculum_get_entries (curriculum), index);

  g_assert_nonnull (entry);
  return acr_curriculum_entry_get_module_id (entry);
}

static void
test_editor_seeded (Fixture       *f,
                    gconstpointer  data)
{
  AcrCurriculumEditor *editor = open_curriculum (f, get_demo_id (f));
  g_autoptr(GPtrArray) rows = get_module_rows (editor);
  g_autoptr(AcrCurriculum) stored = reload (f, get_demo_id (f));
  AcrCurriculumEntry *first;
  g_autofree char *title = NULL;

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (stored)), ==, 3);

  /* A row shows code · version · title. */
  first = acr_curriculum_find_entry (stored, entry_module (stored, 0));
  title = g_strdup_printf ("%s · version %u · %s", acr_curriculum_entry_get_module_code (first),
                           acr_curriculum_entry_get_module_version (first),
                           acr_curriculum_entry_get_module_title (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rows->pdata[0])), ==,
                   title);
  g_assert_nonnull (acr_test_find_button (rows->pdata[0], "Move Up"));
  g_assert_nonnull (acr_test_find_button (rows->pdata[0], "Move Down"));
  g_assert_nonnull (acr_test_find_button (rows->pdata[0], "Remove from the Curriculum"));
  g_assert_false (gtk_widget_get_sensitive (acr_test_find_button (rows->pdata[0], "Move Up")));

  /* Back to the list. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "curriculum.back", NULL);
  acr_test_iterate_until_idle ();
  g_assert_null (acr_list_page_get_detail (get_curricula_page (f)));
}

static void
test_editor_new (Fixture       *f,
                 gconstpointer  data)
{
  AcrListPage *page = get_curricula_page (f);
  GtkWidget *content = acr_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_BUTTON_CONTENT, NULL);
  g_autoptr(AcrPagedList) organisations = acr_organisation_list (f->store, NULL);
  g_autoptr(AcrCurriculum) stored = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *path = NULL;
  AcrCurriculumEditor *editor;
  GtkWidget *add_button;
  AdwComboRow *add_row;
  GtkWidget *code_row;
  GtkWidget *title_row;
  GtkWidget *min_row;
  GtkWidget *min_spin;
  xmlDoc *doc;
  gint64 id, first, second;
  gsize len = 0;

  g_assert_nonnull (content);
  g_signal_emit_by_name (gtk_widget_get_parent (content), "clicked");
  acr_test_iterate_until_idle ();

  editor = ACR_CURRICULUM_EDITOR (acr_list_page_get_detail (page));
  g_assert_true (ACR_IS_CURRICULUM_EDITOR (editor));
  id = acr_curriculum_get_id (acr_curriculum_editor_get_curriculum (editor));
  stored = reload (f, id);
  g_assert_cmpstr (acr_curriculum_get_code (stored), ==, "NEW-CURRICULUM-1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (organisations)), ==, 1);
  g_assert_cmpint (acr_curriculum_get_organisation_id (stored), !=, 0);
  rows = get_module_rows (editor);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The title, saved on Enter. */
  title_row = acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Cloud Basics");
  g_signal_emit_by_name (title_row, "entry-activated");
  acr_test_iterate_until_idle ();
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpstr (acr_curriculum_get_title (stored), ==, "Cloud Basics");

  /* An empty code is refused: the row and the database keep the old one. */
  code_row = acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Code");
  gtk_editable_set_text (GTK_EDITABLE (code_row), "  ");
  g_signal_emit_by_name (code_row, "entry-activated");
  acr_test_iterate_until_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "NEW-CURRICULUM-1");
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpstr (acr_curriculum_get_code (stored), ==, "NEW-CURRICULUM-1");

  /* Two modules, each added from the combo row. */
  add_row = ADW_COMBO_ROW (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, "Add module"));
  add_button = acr_test_find_descendant (GTK_WIDGET (add_row), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (add_button);
  for (guint i = 0; i < 2; i++)
    {
      adw_combo_row_set_selected (add_row, 0);
      g_signal_emit_by_name (add_button, "clicked");
      acr_test_iterate_until_idle ();
    }
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (stored)), ==, 2);
  first = entry_module (stored, 0);
  second = entry_module (stored, 1);
  g_assert_cmpint (first, !=, second);
  rows = get_module_rows (editor);
  g_assert_cmpuint (rows->len, ==, 2);

  /* Module 1 made optional. */
  g_assert_true (acr_curriculum_entry_get_required (acr_curriculum_find_entry (stored, first)));
  gtk_switch_set_active (GTK_SWITCH (acr_test_find_descendant (rows->pdata[0], GTK_TYPE_SWITCH, NULL)),
                         FALSE);
  acr_test_iterate_until_idle ();
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_false (acr_curriculum_entry_get_required (acr_curriculum_find_entry (stored, first)));
  g_assert_true (acr_curriculum_entry_get_required (acr_curriculum_find_entry (stored, second)));
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Module 2 moved up by its button, then down again by Alt+Down. */
  rows = get_module_rows (editor);
  g_signal_emit_by_name (acr_test_find_button (rows->pdata[1], "Move Up"), "clicked");
  acr_test_iterate_until_idle ();
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpint (entry_module (stored, 0), ==, second);
  g_assert_cmpint (entry_module (stored, 1), ==, first);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = get_module_rows (editor);
  press_shortcut (rows->pdata[0], "<Alt>Down");
  acr_test_iterate_until_idle ();
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpint (entry_module (stored, 0), ==, first);
  g_assert_cmpint (entry_module (stored, 1), ==, second);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The stacking rule: the minimum is only for credits and hours. */
  min_row = acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Minimum");
  min_spin = acr_test_find_descendant (min_row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_false (gtk_widget_get_sensitive (min_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                      "Stacking rule")),
                              ACR_STACKING_RULE_MIN_CREDITS);
  acr_test_iterate_until_idle ();
  g_assert_true (gtk_widget_get_sensitive (min_row));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (min_spin), 12);
  acr_test_iterate_until_idle ();
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpint (acr_curriculum_get_stacking_rule (stored), ==, ACR_STACKING_RULE_MIN_CREDITS);
  g_assert_cmpfloat (acr_curriculum_get_stacking_min (stored), ==, 12);

  /* The export validates against the schema. */
  xml = acr_curriculum_export_xml (f->store, id, &len, &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "export.xml", NULL);
  file = g_file_new_for_path (path);
  g_file_replace_contents (file, xml, len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  doc = acr_xml_parse_file_untrusted (path, &error);
  g_assert_no_error (error);
  g_assert_true (acr_xml_validate (doc, "curriculum", "export.xml", &error));
  g_assert_no_error (error);
  xmlFreeDoc (doc);

  /* Removing a module. */
  rows = get_module_rows (editor);
  g_signal_emit_by_name (acr_test_find_button (rows->pdata[0], "Remove from the Curriculum"), "clicked");
  acr_test_iterate_until_idle ();
  g_clear_object (&stored);
  stored = reload (f, id);
  g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (stored)), ==, 1);
  g_assert_cmpint (entry_module (stored, 0), ==, second);
}

static void
test_editor_approved (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AcrCurriculum) demo = reload (f, get_demo_id (f));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  AcrCurriculumEditor *editor;

  /* The demo curriculum is seeded approved. */
  if (acr_curriculum_get_status (demo) != ACR_STATUS_APPROVED)
    {
      acr_curriculum_set_status (demo, ACR_STATUS_APPROVED);
      acr_curriculum_save (demo, f->store, &error);
      g_assert_no_error (error);
    }

  editor = open_curriculum (f, acr_curriculum_get_id (demo));
  rows = get_module_rows (editor);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (gtk_widget_is_sensitive (rows->pdata[i]));
  g_assert_false (gtk_widget_is_sensitive (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                    "Code")));
  g_assert_false (gtk_widget_is_sensitive (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                    "Stacking rule")));
  g_assert_false (gtk_widget_is_sensitive (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW,
                                                    "Add module")));
  /* Exporting stays possible. */
  g_assert_true (gtk_widget_is_sensitive (acr_test_find_button (GTK_WIDGET (editor),
                   "Save the curriculum as an exchange document (XML)")));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/curriculum-editor/seeded", Fixture, NULL,
              fixture_setup, test_editor_seeded, fixture_teardown);
  g_test_add ("/ui/curriculum-editor/new", Fixture, NULL,
              fixture_setup, test_editor_new, fixture_teardown);
  g_test_add ("/ui/curriculum-editor/approved", Fixture, NULL,
              fixture_setup, test_editor_approved, fixture_teardown);

  return g_test_run ();
}
