/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The module editor driven in-process under Xvfb, inside the real window on a seeded temp
 * store: a new draft from "New Module", the completeness header and its jumps to the missing
 * field, inline validation of the workload, saving as the user goes, undo and redo, the
 * learning outcomes, the level picker with its descriptors, and a frozen approved version
 * with "New Version". Every check of a saved value reads the database again. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "acr-core.h"
#include "acr-ui-test.h"
#include "acr-list-page.h"
#include "acr-module-editor.h"
#include "acr-modules-page.h"
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
  acr_window_set_place (f->window, "modules");
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

static AcrListPage *
get_modules_page (Fixture *f)
{
  GtkWidget *page = acr_test_find_descendant (GTK_WIDGET (f->window), ACR_TYPE_MODULES_PAGE, NULL);

  g_assert_nonnull (page);
  return ACR_LIST_PAGE (page);
}

static AcrModule *
reload (Fixture   *f,
        AcrModule *module)
{
  g_autoptr(GError) error = NULL;
  AcrModule *stored = acr_module_load (f->store, acr_module_get_id (module), &error);

  g_assert_no_error (error);
  return stored;
}

static GtkWidget *
get_focus (Fixture *f)
{
  return gtk_root_get_focus (GTK_ROOT (f->window));
}

static gboolean
focus_is_in (Fixture   *f,
             GtkWidget *widget)
{
  GtkWidget *focus = get_focus (f);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
assert_count_label (AcrModuleEditor *editor,
                    AcrStore        *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCompleteness) completeness =
    acr_module_check_completeness (acr_module_editor_get_module (editor), store, &error);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  expected = g_strdup_printf ("%u of 11 EU mandatory elements",
                              acr_completeness_get_n_present (completeness));
  g_assert_nonnull (acr_test_find_label (GTK_WIDGET (editor), expected));
}

/* Activates the missing-element row titled @title. */
static void
activate_missing (AcrModuleEditor *editor,
                  const char      *title)
{
  GtkWidget *list = gtk_widget_get_ancestor (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                      title),
                                             GTK_TYPE_LIST_BOX);
  GtkWidget *row = acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, title);

  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (list, "row-activated", row);
  acr_test_iterate_until_idle ();
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

static AcrModuleEditor *
create_new_module (Fixture *f)
{
  AcrListPage *page = get_modules_page (f);
  GtkWidget *content = acr_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_BUTTON_CONTENT, NULL);
  GtkWidget *editor;

  g_assert_nonnull (content);
  g_signal_emit_by_name (gtk_widget_get_parent (content), "clicked");
  acr_test_iterate_until_idle ();

  editor = acr_list_page_get_detail (page);
  g_assert_true (ACR_IS_MODULE_EDITOR (editor));
  g_assert_true (gtk_widget_get_mapped (editor));
  return ACR_MODULE_EDITOR (editor);
}

static char **
list_statements (Fixture   *f,
                 AcrModule *module)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) outcomes =
    acr_module_list_outcomes (f->store, acr_module_get_id (module), &error);
  GStrvBuilder *builder = g_strv_builder_new ();
  char **strv;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (outcomes, i);

      g_strv_builder_add (builder, acr_learning_outcome_get_statement (outcome));
    }
  strv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return strv;
}

static void
test_editor_draft (Fixture       *f,
                   gconstpointer  data)
{
  AcrModuleEditor *editor = create_new_module (f);
  AcrModule *module = acr_module_editor_get_module (editor);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *workload_row;
  GtkSpinButton *workload;
  GtkWidget *title_row;
  g_autoptr(AcrModule) stored = NULL;

  g_assert_cmpstr (acr_module_get_code (module), ==, "NEW-1");
  g_assert_cmpint (acr_module_get_version (module), ==, 1);
  g_assert_cmpint (acr_module_get_status (module), ==, ACR_STATUS_DRAFT);
  /* New Module puts the focus on the title. */
  title_row = acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_true (focus_is_in (f, title_row));

  /* A blank draft has only what issuing supplies: learner and date. */
  g_assert_nonnull (acr_test_find_label (root, "2 of 11 EU mandatory elements"));
  assert_count_label (editor, f->store);

  /* A missing entry takes the focus to the field that fixes it. */
  workload_row = acr_test_get_row (root, ADW_TYPE_ACTION_ROW, "Workload");
  workload = GTK_SPIN_BUTTON (acr_test_find_descendant (workload_row, GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (title_row));
  activate_missing (editor, "Notional workload");
  g_assert_true (focus_is_in (f, GTK_WIDGET (workload)));
  activate_missing (editor, "Type of assessment");
  g_assert_true (focus_is_in (f, acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Type of assessment")));
  activate_missing (editor, "Learning outcomes");
  g_assert_true (focus_is_in (f, acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Add a learning outcome")));
  activate_missing (editor, "Level");
  g_assert_true (focus_is_in (f, acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Framework")));

  /* A negative workload is refused in the row and never saved. */
  gtk_spin_button_set_value (workload, -5);
  acr_test_iterate_until_idle ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (workload), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (workload_row)), ==,
                   "The workload cannot be negative: enter the hours, or 0 when it is not known.");
  stored = reload (f, module);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 0);
  g_clear_object (&stored);

  /* A valid one is saved at once, and counts. */
  gtk_spin_button_set_value (workload, 40);
  acr_test_iterate_until_idle ();
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (workload), "error"));
  stored = reload (f, module);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 40);
  g_clear_object (&stored);
  g_assert_nonnull (acr_test_find_label (root, "3 of 11 EU mandatory elements"));

  gtk_spin_button_set_value (workload, 60);
  acr_test_iterate_until_idle ();
  stored = reload (f, module);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 60);
  g_clear_object (&stored);

  /* Each save is one undoable step. */
  g_assert_true (gtk_widget_activate_action (root, "editor.undo", NULL));
  acr_test_iterate_until_idle ();
  stored = reload (f, module);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 40);
  g_clear_object (&stored);
  g_assert_cmpfloat (gtk_spin_button_get_value (workload), ==, 40);

  g_assert_true (gtk_widget_activate_action (root, "editor.redo", NULL));
  acr_test_iterate_until_idle ();
  stored = reload (f, module);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 60);
  g_clear_object (&stored);

  /* A title from its entry row, on Enter; an enum from its combo row. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "  Zebra Crossings  ");
  g_signal_emit_by_name (title_row, "entry-activated");
  adw_combo_row_set_selected (ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW,
                                                      "Form of participation")),
                              ACR_PARTICIPATION_BLENDED);
  acr_test_iterate_until_idle ();
  stored = reload (f, module);
  g_assert_cmpstr (acr_module_get_title (stored), ==, "Zebra Crossings");
  g_assert_cmpint (acr_module_get_participation (stored), ==, ACR_PARTICIPATION_BLENDED);
  g_clear_object (&stored);

  /* Undo goes back through them in order. */
  g_assert_true (gtk_widget_activate_action (root, "editor.undo", NULL));
  g_assert_true (gtk_widget_activate_action (root, "editor.undo", NULL));
  acr_test_iterate_until_idle ();
  stored = reload (f, module);
  g_assert_null (acr_module_get_title (stored));
  g_assert_cmpint (acr_module_get_participation (stored), ==, ACR_PARTICIPATION_NONE);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 60);
  g_clear_object (&stored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "");

  /* A refused save (the code and version of another module) leaves the database and puts
   * the row back. */
  {
    GtkWidget *code_row = acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Code");

    gtk_editable_set_text (GTK_EDITABLE (code_row), "DEMO-ITSEC-01");
    g_signal_emit_by_name (code_row, "entry-activated");
    acr_test_iterate_until_idle ();
    stored = reload (f, module);
    g_assert_cmpstr (acr_module_get_code (stored), ==, "NEW-1");
    g_clear_object (&stored);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "NEW-1");
    g_assert_cmpstr (acr_module_get_code (module), ==, "NEW-1");
  }
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
test_editor_delete (Fixture       *f,
                    gconstpointer  data)
{
  AcrModuleEditor *editor = create_new_module (f);
  gint64 id = acr_module_get_id (acr_module_editor_get_module (editor));
  g_autoptr(AcrModule) gone = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* Cancelling keeps the module. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  acr_test_iterate_until_idle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  acr_test_iterate_until_idle ();
  gone = acr_module_load (f->store, id, &error);
  g_assert_no_error (error);
  g_clear_object (&gone);

  /* Confirming deletes it and goes back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  acr_test_iterate_until_idle ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  acr_test_iterate_until_idle ();
  gone = acr_module_load (f->store, id, &error);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_assert_null (acr_list_page_get_detail (get_modules_page (f)));
}

static void
test_editor_outcomes (Fixture       *f,
                      gconstpointer  data)
{
  AcrModuleEditor *editor = create_new_module (f);
  AcrModule *module = acr_module_editor_get_module (editor);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *add_row = acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Add a learning outcome");
  const char * const statements[] = { "Crosses streets", "Reads signs", "Waits for green", NULL };
  g_auto(GStrv) stored = NULL;
  GtkWidget *row;

  for (guint i = 0; statements[i] != NULL; i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (add_row), statements[i]);
      g_signal_emit_by_name (add_row, "apply");
      acr_test_iterate_until_idle ();
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (add_row)), ==, "");
    }
  stored = list_statements (f, module);
  g_assert_cmpstrv (stored, statements);
  g_clear_pointer (&stored, g_strfreev);
  g_assert_nonnull (acr_test_find_label (root, "3 of 11 EU mandatory elements"));

  /* Move the first one down with its button. */
  row = acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "1. Crosses streets");
  g_assert_false (gtk_widget_get_sensitive (acr_test_find_button (row, "Move Up")));
  g_signal_emit_by_name (acr_test_find_button (row, "Move Down"), "clicked");
  acr_test_iterate_until_idle ();
  stored = list_statements (f, module);
  g_assert_cmpstr (stored[0], ==, "Reads signs");
  g_assert_cmpstr (stored[1], ==, "Crosses streets");
  g_assert_cmpstr (stored[2], ==, "Waits for green");
  g_clear_pointer (&stored, g_strfreev);
  /* The focus follows the moved outcome. */
  g_assert_true (focus_is_in (f, acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "2. Crosses streets")));

  /* Alt+Up moves it back, Alt+Down again. */
  press_shortcut (acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "2. Crosses streets"), "<Alt>Up");
  acr_test_iterate_until_idle ();
  stored = list_statements (f, module);
  g_assert_cmpstrv (stored, statements);
  g_clear_pointer (&stored, g_strfreev);
  g_assert_true (focus_is_in (f, acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "1. Crosses streets")));
  press_shortcut (acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "1. Crosses streets"), "<Alt>Down");
  acr_test_iterate_until_idle ();

  /* Edit one in place. */
  row = acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "3. Waits for green");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  {
    GtkWidget *statement = acr_test_get_row (row, ADW_TYPE_ENTRY_ROW, "Statement");

    gtk_editable_set_text (GTK_EDITABLE (statement), "Waits for the green light");
    g_signal_emit_by_name (statement, "entry-activated");
    adw_combo_row_set_selected (ADW_COMBO_ROW (acr_test_get_row (row, ADW_TYPE_COMBO_ROW, "Kind")),
                                ACR_OUTCOME_KIND_AUTONOMY);
    acr_test_iterate_until_idle ();
  }
  {
    g_autoptr(GListModel) outcomes =
      acr_module_list_outcomes (f->store, acr_module_get_id (module), NULL);
    g_autoptr(AcrLearningOutcome) third = g_list_model_get_item (outcomes, 2);

    g_assert_cmpstr (acr_learning_outcome_get_statement (third), ==, "Waits for the green light");
    g_assert_cmpint (acr_learning_outcome_get_kind (third), ==, ACR_OUTCOME_KIND_AUTONOMY);
  }

  /* Delete the middle one. */
  row = acr_test_get_row (root, ADW_TYPE_EXPANDER_ROW, "2. Crosses streets");
  g_signal_emit_by_name (acr_test_find_button (row, "Delete Learning Outcome"), "clicked");
  acr_test_iterate_until_idle ();
  stored = list_statements (f, module);
  g_assert_cmpuint (g_strv_length (stored), ==, 2);
  g_assert_cmpstr (stored[0], ==, "Reads signs");
  g_assert_cmpstr (stored[1], ==, "Waits for the green light");
  g_assert_nonnull (acr_test_find_row (root, ADW_TYPE_EXPANDER_ROW, "2. Waits for the green light"));
}

static guint
find_string (GListModel *model,
             const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), prefix))
        return i;
    }

  g_error ("No item “%s”", prefix);
}

static void
test_editor_levels (Fixture       *f,
                    gconstpointer  data)
{
  AcrModuleEditor *editor = create_new_module (f);
  AcrModule *module = acr_module_editor_get_module (editor);
  GtkWidget *root = GTK_WIDGET (editor);
  AdwComboRow *framework_row = ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Framework"));
  AdwComboRow *level_row = ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Level"));
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrFramework) dqr = acr_framework_load_by_code (f->store, "DQR", &error);
  g_autoptr(AcrFrameworkDimension) dimension = NULL;
  AcrFrameworkLevel *level4;
  gboolean contradiction = TRUE;

  g_assert_no_error (error);
  level4 = acr_framework_get_level (dqr, 4);
  dimension = g_list_model_get_item (acr_framework_get_dimensions (dqr), 0);

  adw_combo_row_set_selected (framework_row,
                              find_string (adw_combo_row_get_model (framework_row), "DQR"));
  adw_combo_row_set_selected (level_row,
                              find_string (adw_combo_row_get_model (level_row), "Level 4"));
  acr_test_iterate_until_idle ();

  /* The level's descriptors show in the UI language (English in the tests). */
  g_assert_nonnull (acr_test_find_label (root, acr_framework_level_get_descriptor (
                                        level4, acr_framework_dimension_get_code (dimension),
                                        "en")));
  g_assert_nonnull (acr_test_find_label (root, acr_framework_dimension_get_title_en (dimension)));
  g_assert_nonnull (acr_test_find_label (root, "Referenced to EQF level 4"));
  g_assert_nonnull (acr_test_find_label (root, "No EQF level can be derived yet."));

  gtk_editable_set_text (GTK_EDITABLE (acr_test_get_row (root, ADW_TYPE_ENTRY_ROW,
                                                "Rationale for the level")),
                         "Like an apprenticeship");
  g_assert_true (gtk_widget_activate_action (root, "editor.assign-level", NULL));
  acr_test_iterate_until_idle ();

  g_assert_cmpint (acr_module_get_eqf_level (f->store, acr_module_get_id (module),
                                             &contradiction, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_false (contradiction);
  g_assert_nonnull (acr_test_find_label (root, "Derived EQF level: 4"));
  g_assert_nonnull (acr_test_find_label (root, "EQF 4"));
  /* Learner, date of issuing and now the level. */
  g_assert_nonnull (acr_test_find_label (root, "3 of 11 EU mandatory elements"));
  {
    g_autoptr(GListModel) levels = acr_module_list_levels (f->store, acr_module_get_id (module),
                                                           &error);
    g_autoptr(AcrLevelAssignment) assignment = g_list_model_get_item (levels, 0);

    g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 1);
    g_assert_cmpstr (acr_level_assignment_get_framework_code (assignment), ==, "DQR");
    g_assert_cmpint (acr_level_assignment_get_level (assignment), ==, 4);
    g_assert_cmpstr (acr_level_assignment_get_rationale (assignment), ==,
                     "Like an apprenticeship");
  }
}

static void
test_editor_frozen (Fixture       *f,
                    gconstpointer  data)
{
  AcrListPage *page = get_modules_page (f);
  GtkListView *view = GTK_LIST_VIEW (acr_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW,
                                                      NULL));
  GListModel *items = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(AcrModule) approved = NULL;
  g_autoptr(AcrModule) latest = NULL;
  g_autoptr(GError) error = NULL;
  AcrModuleEditor *editor;
  AcrModule *draft;
  GtkWidget *title_row;
  GtkWidget *new_version;
  guint position = 0;

  /* Open the first approved module from the list, as a click does. */
  for (guint i = 0; approved == NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AcrModule) module = g_list_model_get_item (items, i);

      if (acr_module_get_status (module) == ACR_STATUS_APPROVED)
        {
          approved = g_object_ref (module);
          position = i;
        }
    }
  g_assert_nonnull (approved);
  g_signal_emit_by_name (view, "activate", position);
  acr_test_iterate_until_idle ();

  editor = ACR_MODULE_EDITOR (acr_list_page_get_detail (page));
  g_assert_nonnull (editor);
  g_assert_cmpint (acr_module_get_id (acr_module_editor_get_module (editor)), ==,
                   acr_module_get_id (approved));
  assert_count_label (editor, f->store);

  /* Frozen: the rows are insensitive, and New Version is offered. */
  title_row = acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_false (gtk_widget_is_sensitive (title_row));
  g_assert_false (gtk_widget_is_sensitive (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW,
                                                    "Workload")));
  g_assert_false (gtk_widget_is_sensitive (acr_test_get_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                    "Add a learning outcome")));
  new_version = acr_test_find_button (GTK_WIDGET (editor), "Copy this frozen version into a new draft");
  g_assert_true (gtk_widget_get_visible (new_version));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.new-version", NULL));
  acr_test_iterate_until_idle ();

  draft = acr_module_editor_get_module (editor);
  g_assert_cmpint (acr_module_get_id (draft), !=, acr_module_get_id (approved));
  g_assert_cmpint (acr_module_get_version (draft), ==, 2);
  g_assert_cmpint (acr_module_get_status (draft), ==, ACR_STATUS_DRAFT);
  latest = acr_module_load_by_code (f->store, acr_module_get_code (approved), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_version (latest), ==, 2);
  g_assert_true (gtk_widget_is_sensitive (title_row));
  g_assert_false (gtk_widget_get_visible (new_version));
  /* The copy keeps the outcomes and levels: as complete as the approved version. */
  assert_count_label (editor, f->store);

  /* Back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  acr_test_iterate_until_idle ();
  g_assert_null (acr_list_page_get_detail (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

static void
save_screenshot (Fixture    *f,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GtkWidget *root = GTK_WIDGET (f->window);
  int width = gtk_widget_get_width (root);
  int height = gtk_widget_get_height (root);

  g_assert_cmpint (width, >, 0);
  paintable = gtk_widget_paintable_new (root);
  /* The window's content is drawn on a frame of its own: wait for one. */
  for (guint i = 0; node == NULL && i < 200; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          g_usleep (10000);
          acr_test_iterate_until_idle ();
        }
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (f->window)),
                                         node, NULL);

  dir = g_test_build_filename (G_TEST_BUILT, "..", "meson-logs", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* Renders the editor, at its top and at the level picker, into meson-logs/screenshots/ for a
 * person to look at. */
static void
test_editor_screenshot (Fixture       *f,
                        gconstpointer  data)
{
  AcrModuleEditor *editor = create_new_module (f);
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *add_row = acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Add a learning outcome");
  AdwComboRow *framework_row = ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Framework"));
  GtkSpinButton *workload;

  workload = GTK_SPIN_BUTTON (acr_test_find_descendant (acr_test_get_row (root, ADW_TYPE_ACTION_ROW, "Workload"),
                                               GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_spin_button_set_value (workload, -3);
  gtk_editable_set_text (GTK_EDITABLE (add_row), "Crosses streets safely");
  g_signal_emit_by_name (add_row, "apply");
  adw_combo_row_set_selected (framework_row,
                              find_string (adw_combo_row_get_model (framework_row), "DQR"));
  acr_test_iterate_until_idle ();
  save_screenshot (f, "module-editor.png");

  /* The workload row with its error. */
  {
    GtkScrolledWindow *scrolled =
      GTK_SCROLLED_WINDOW (acr_test_find_descendant (root, GTK_TYPE_SCROLLED_WINDOW, NULL));
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (workload),
                                             gtk_scrolled_window_get_child (scrolled),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 300);
    for (guint i = 0; i < 20; i++)
      {
        g_usleep (10000);
        acr_test_iterate_until_idle ();
      }
    save_screenshot (f, "module-editor-fields.png");
  }

  {
    GtkScrolledWindow *scrolled =
      GTK_SCROLLED_WINDOW (acr_test_find_descendant (root, GTK_TYPE_SCROLLED_WINDOW, NULL));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
    graphene_point_t point;

    /* Scroll so that the level picker and its descriptors fill the view. */
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (framework_row),
                                             gtk_scrolled_window_get_child (scrolled),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 250);
  }
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (10000);
      acr_test_iterate_until_idle ();
    }
  save_screenshot (f, "module-editor-levels.png");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/module-editor/draft", Fixture, NULL,
              fixture_setup, test_editor_draft, fixture_teardown);
  g_test_add ("/ui/module-editor/outcomes", Fixture, NULL,
              fixture_setup, test_editor_outcomes, fixture_teardown);
  g_test_add ("/ui/module-editor/levels", Fixture, NULL,
              fixture_setup, test_editor_levels, fixture_teardown);
  g_test_add ("/ui/module-editor/frozen", Fixture, NULL,
              fixture_setup, test_editor_frozen, fixture_teardown);
  g_test_add ("/ui/module-editor/delete", Fixture, NULL,
              fixture_setup, test_editor_delete, fixture_teardown);
  g_test_add ("/ui/module-editor/screenshot", Fixture, NULL,
              fixture_setup, test_editor_screenshot, fixture_teardown);

  return g_test_run ();
}
