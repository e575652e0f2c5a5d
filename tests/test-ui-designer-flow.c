/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A course designer's whole round, driven in-process under Xvfb inside the real window on a
 * seeded temp store: "New Module", every EU mandatory element filled through the editor's own
 * widgets until the completeness header says 11 of 11, a rubric created and one cell edited in
 * the embedded rubric editor, the values read back from the database; then the row menu's
 * Duplicate and Delete with its Undo toast (undone, then left to expire), a refused
 * deletion, and a screenshot of each main page into meson-logs/screenshots/. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "acr-core.h"
#include "acr-ui-test.h"
#include "acr-curricula-page.h"
#include "acr-list-page.h"
#include "acr-module-editor.h"
#include "acr-module-row.h"
#include "acr-modules-page.h"
#include "acr-rubric-editor.h"
#include "acr-seed.h"
#include "acr-window.h"

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

/* Lets the toast overlay's animations run to their end: libadwaita 1.2 can crash when a toast
 * is dismissed before its show animation has run (frames are few under Xvfb). */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

/* The row widget showing module @module_id in the modules list, or NULL. */
static GtkWidget *
find_module_row (GtkWidget *root,
                 gint64     module_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ACR_IS_MODULE_ROW (child)
          && acr_module_row_get_item (ACR_MODULE_ROW (child)) != NULL
          && acr_module_get_id (acr_module_row_get_item (ACR_MODULE_ROW (child))) == module_id)
        return child;
      if ((found = find_module_row (child, module_id)) != NULL)
        return found;
    }

  return NULL;
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

/* Whether the list of @page (not the database) shows module @module_id. */
static gboolean
list_shows (AcrListPage *page,
            gint64       module_id)
{
  GtkListView *view = GTK_LIST_VIEW (acr_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW,
                                                      NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AcrModule) module = g_list_model_get_item (model, i);

      if (acr_module_get_id (module) == module_id)
        return TRUE;
    }

  return FALSE;
}

static gboolean
module_exists (Fixture *f,
               gint64   module_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) module = acr_module_load (f->store, module_id, &error);

  if (module == NULL)
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  return module != NULL;
}

static guint
count_outcomes (Fixture *f,
                gint64   module_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) outcomes = acr_module_list_outcomes (f->store, module_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (outcomes);
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

typedef struct
{
  Fixture    *f;
  gint64      module_id;
  const char *expected;
} CellData;

static gboolean
db_has_rubric (gpointer data)
{
  CellData *cell = data;
  g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (cell->f->store, cell->module_id,
                                                            NULL);

  return rubric != NULL;
}

/* Whether the cell of the first criterion (position 1) at the second level holds cell->expected. */
static gboolean
db_cell_is (gpointer data)
{
  CellData *cell = data;
  g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (cell->f->store, cell->module_id,
                                                            NULL);
  g_autoptr(AcrRubricLevel) level = NULL;

  if (rubric == NULL)
    return FALSE;
  level = g_list_model_get_item (acr_rubric_get_levels (rubric), 1);
  return g_strcmp0 (acr_rubric_get_cell (rubric, acr_rubric_get_criterion_at (rubric, 1), level),
                    cell->expected) == 0;
}

/* Fills every mandatory element of the new module in @editor through its widgets. */
static void
fill_mandatory_elements (Fixture         *f,
                         AcrModuleEditor *editor)
{
  GtkWidget *root = GTK_WIDGET (editor);
  GtkWidget *title_row = acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Title");
  GtkWidget *add_row = acr_test_get_row (root, ADW_TYPE_ENTRY_ROW, "Add a learning outcome");
  AdwComboRow *framework_row = ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Framework"));
  AdwComboRow *level_row = ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Level"));
  AdwComboRow *organisation_row =
    ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW, "Awarding body"));
  GtkSpinButton *workload;

  g_assert_nonnull (acr_test_find_label (root, "2 of 11 EU mandatory elements"));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Zebra Crossings");
  g_signal_emit_by_name (title_row, "entry-activated");
  acr_test_iterate_until_idle ();

  /* [0] is "none"; the seeded chamber has a country, which counts too. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (organisation_row)), >, 1);
  adw_combo_row_set_selected (organisation_row, 1);
  acr_test_iterate_until_idle ();

  workload = GTK_SPIN_BUTTON (acr_test_find_descendant (acr_test_get_row (root, ADW_TYPE_ACTION_ROW, "Workload"),
                                               GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_spin_button_set_value (workload, 40);
  acr_test_iterate_until_idle ();

  gtk_editable_set_text (GTK_EDITABLE (add_row), "Crosses streets safely");
  g_signal_emit_by_name (add_row, "apply");
  acr_test_iterate_until_idle ();

  adw_combo_row_set_selected (framework_row,
                              find_string (adw_combo_row_get_model (framework_row), "DQR"));
  adw_combo_row_set_selected (level_row,
                              find_string (adw_combo_row_get_model (level_row), "Level 4"));
  acr_test_iterate_until_idle ();
  g_assert_true (gtk_widget_activate_action (root, "editor.assign-level", NULL));
  acr_test_iterate_until_idle ();

  adw_combo_row_set_selected (ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW,
                                                      "Type of assessment")),
                              ACR_ASSESSMENT_TYPE_TEST);
  adw_combo_row_set_selected (ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW,
                                                      "Form of participation")),
                              ACR_PARTICIPATION_BLENDED);
  adw_combo_row_set_selected (ADW_COMBO_ROW (acr_test_get_row (root, ADW_TYPE_COMBO_ROW,
                                                      "Quality assurance")),
                              ACR_QA_TYPE_INTERNAL);
  acr_test_iterate_until_idle ();
}

static void
test_designer_flow (Fixture       *f,
                    gconstpointer  data)
{
  AcrListPage *page = get_modules_page (f);
  AcrModuleEditor *editor = create_new_module (f);
  gint64 module_id = acr_module_get_id (acr_module_editor_get_module (editor));
  GtkWidget *rubric_editor;
  GtkWidget *grid;
  GtkWidget *frame;
  CellData cell = { f, module_id, "Stops, looks both ways and crosses at the zebra." };
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) stored = NULL;
  g_autoptr(AcrModule) copy = NULL;
  g_autoptr(AcrRubric) copy_rubric = NULL;
  gboolean contradiction = TRUE;
  gint64 copy_id;
  gint64 copy2_id;
  AdwToast *toast = NULL;

  fill_mandatory_elements (f, editor);
  g_assert_nonnull (acr_test_find_label (GTK_WIDGET (editor), "11 of 11 EU mandatory elements"));

  /* A rubric from the embedded rubric editor, and one of its cells. */
  rubric_editor = acr_test_find_descendant (GTK_WIDGET (editor), ACR_TYPE_RUBRIC_EDITOR, NULL);
  g_assert_nonnull (rubric_editor);
  g_assert_nonnull (find_named (rubric_editor, "create-rubric"));
  g_assert_true (gtk_widget_is_sensitive (find_named (rubric_editor, "create-rubric")));
  g_signal_emit_by_name (find_named (rubric_editor, "create-rubric"), "clicked");
  wait_for (db_has_rubric, &cell);
  grid = acr_test_find_descendant (rubric_editor, GTK_TYPE_GRID, NULL);
  g_assert_nonnull (grid);
  frame = gtk_grid_get_child_at (GTK_GRID (grid), 2, 1);
  g_assert_true (GTK_IS_FRAME (frame));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gtk_frame_get_child (
                                                        GTK_FRAME (frame)))),
                            cell.expected, -1);
  wait_for (db_cell_is, &cell);

  /* The database holds what was entered. */
  stored = acr_module_load (f->store, module_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_module_get_title (stored), ==, "Zebra Crossings");
  g_assert_cmpint (acr_module_get_organisation_id (stored), !=, 0);
  g_assert_cmpfloat (acr_module_get_workload_hours (stored), ==, 40);
  g_assert_cmpint (acr_module_get_assessment_type (stored), ==, ACR_ASSESSMENT_TYPE_TEST);
  g_assert_cmpint (acr_module_get_participation (stored), ==, ACR_PARTICIPATION_BLENDED);
  g_assert_cmpint (acr_module_get_qa_type (stored), ==, ACR_QA_TYPE_INTERNAL);
  g_assert_cmpuint (count_outcomes (f, module_id), ==, 1);
  g_assert_cmpint (acr_module_get_eqf_level (f->store, module_id, &contradiction, &error), ==, 4);
  g_assert_no_error (error);
  g_assert_false (contradiction);

  save_screenshot (f, "designer-module-editor.png");

  /* Back to the list, where the row's menu duplicates the module. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  acr_test_iterate_until_idle ();
  g_assert_null (acr_list_page_get_detail (page));
  g_assert_nonnull (find_module_row (GTK_WIDGET (page), module_id));
  g_assert_true (gtk_widget_activate_action (find_module_row (GTK_WIDGET (page), module_id),
                                             "row.duplicate", NULL));
  acr_test_iterate_until_idle ();

  /* The copy is open, a draft under a free code, with everything copied. */
  g_assert_true (acr_list_page_get_detail (page) == GTK_WIDGET (editor));
  copy_id = acr_module_get_id (acr_module_editor_get_module (editor));
  g_assert_cmpint (copy_id, !=, module_id);
  copy = acr_module_load (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_module_get_code (copy), ==, "NEW-1-COPY");
  g_assert_cmpint (acr_module_get_status (copy), ==, ACR_STATUS_DRAFT);
  g_assert_cmpstr (acr_module_get_title (copy), ==, "Zebra Crossings");
  g_assert_cmpint (acr_module_get_organisation_id (copy), ==,
                   acr_module_get_organisation_id (stored));
  g_assert_cmpfloat (acr_module_get_workload_hours (copy), ==, 40);
  g_assert_cmpuint (count_outcomes (f, copy_id), ==, 1);
  g_assert_cmpint (acr_module_get_eqf_level (f->store, copy_id, NULL, &error), ==, 4);
  g_assert_no_error (error);
  copy_rubric = acr_rubric_load_for_module (f->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy_rubric);
  g_assert_nonnull (acr_test_find_label (GTK_WIDGET (editor), "11 of 11 EU mandatory elements"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  acr_test_iterate_until_idle ();

  /* A second copy takes the next free code. */
  copy2_id = acr_modules_page_duplicate_module (ACR_MODULES_PAGE (page), module_id, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AcrModule) copy2 = acr_module_load (f->store, copy2_id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (acr_module_get_code (copy2), ==, "NEW-1-COPY-2");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.back", NULL));
  acr_test_iterate_until_idle ();
  g_assert_true (list_shows (page, copy_id));

  /* Delete hides the row at once; Undo brings it back, and nothing was deleted. */
  g_assert_true (acr_modules_page_delete_module (ACR_MODULES_PAGE (page), copy_id, &toast,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (ADW_IS_TOAST (toast));
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  acr_test_iterate_until_idle ();
  g_assert_false (list_shows (page, copy_id));
  g_assert_true (list_shows (page, module_id));
  g_assert_true (module_exists (f, copy_id));
  wait_ms (600);
  /* What the toast's Undo button does, in the order the toast does it. */
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  acr_test_iterate_until_idle ();
  wait_ms (600);
  g_assert_true (module_exists (f, copy_id));
  g_assert_true (list_shows (page, copy_id));
  g_assert_cmpuint (count_outcomes (f, copy_id), ==, 1);

  wait_ms (600);

  /* Deleted again, and the toast goes away without Undo: the module is gone. */
  toast = NULL;
  g_assert_true (acr_modules_page_delete_module (ACR_MODULES_PAGE (page), copy_id, &toast,
                                                 &error));
  g_assert_no_error (error);
  wait_ms (600);
  adw_toast_dismiss (toast);
  acr_test_iterate_until_idle ();
  g_assert_false (module_exists (f, copy_id));
  g_assert_false (list_shows (page, copy_id));
  g_assert_true (module_exists (f, module_id));
  wait_ms (600);

  /* The row menu's Delete hides the row and waits for its toast. */
  g_assert_true (gtk_widget_activate_action (find_module_row (GTK_WIDGET (page), copy2_id),
                                             "row.delete", NULL));
  acr_test_iterate_until_idle ();
  g_assert_false (list_shows (page, copy2_id));
  g_assert_true (module_exists (f, copy2_id));
  g_assert_cmpuint (count_outcomes (f, module_id), ==, 1);
}

/* A deletion the store refuses is refused at once, and the row stays. */
static void
test_delete_refused (Fixture       *f,
                     gconstpointer  data)
{
  AcrListPage *page = get_modules_page (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) used = acr_module_load_by_code (f->store, "DEMO-ITSEC-01", 0, &error);
  AdwToast *toast = NULL;

  g_assert_no_error (error);
  g_assert_true (list_shows (page, acr_module_get_id (used)));
  g_assert_false (acr_modules_page_delete_module (ACR_MODULES_PAGE (page),
                                                  acr_module_get_id (used), &toast, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_null (toast);
  acr_test_iterate_until_idle ();
  g_assert_true (list_shows (page, acr_module_get_id (used)));
  g_assert_true (module_exists (f, acr_module_get_id (used)));
}

/* Whether the curricula list shows curriculum @curriculum_id. */
static gboolean
curricula_list_shows (GtkWidget *page,
                      gint64     curriculum_id)
{
  GtkListView *view = GTK_LIST_VIEW (acr_test_find_descendant (page, GTK_TYPE_LIST_VIEW, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AcrCurriculum) curriculum = g_list_model_get_item (model, i);

      if (acr_curriculum_get_id (curriculum) == curriculum_id)
        return TRUE;
    }

  return FALSE;
}

static gboolean
curriculum_exists (Fixture *f,
                   gint64   curriculum_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCurriculum) curriculum = acr_curriculum_load (f->store, curriculum_id, &error);

  if (curriculum == NULL)
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  return curriculum != NULL;
}

/* Curricula are deleted with an Undo toast too. */
static void
test_delete_curriculum (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *page = acr_test_find_descendant (GTK_WIDGET (f->window), ACR_TYPE_CURRICULA_PAGE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCurriculum) demo = NULL;
  AdwToast *toast = NULL;
  gint64 id;

  acr_window_set_place (f->window, "curricula");
  acr_test_iterate_until_idle ();
  g_assert_nonnull (page);
  demo = acr_curriculum_load_by_code (f->store, ACR_SEED_DEMO_CURRICULUM_CODE, 0, &error);
  g_assert_no_error (error);

  /* The demo curriculum is approved: refused at once, and the row stays. */
  g_assert_false (acr_curricula_page_delete_curriculum (ACR_CURRICULA_PAGE (page),
                                                        acr_curriculum_get_id (demo), &toast,
                                                        &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (toast);
  acr_test_iterate_until_idle ();
  g_assert_true (curricula_list_shows (page, acr_curriculum_get_id (demo)));

  /* A new one can go. */
  {
    g_autoptr(AcrCurriculum) fresh = acr_curriculum_new ();

    acr_curriculum_set_code (fresh, "UI-DELETE-ME");
    acr_curriculum_set_title (fresh, "To Be Deleted");
    acr_curriculum_set_organisation_id (fresh, acr_curriculum_get_organisation_id (demo));
    g_assert_true (acr_curriculum_save (fresh, f->store, &error));
    g_assert_no_error (error);
    id = acr_curriculum_get_id (fresh);
  }
  acr_list_page_reload (ACR_LIST_PAGE (page));
  acr_test_iterate_until_idle ();
  g_assert_true (curricula_list_shows (page, id));

  /* Hidden, not deleted; Undo brings it back. */
  g_assert_true (acr_curricula_page_delete_curriculum (ACR_CURRICULA_PAGE (page), id, &toast,
                                                       &error));
  g_assert_no_error (error);
  g_assert_true (ADW_IS_TOAST (toast));
  acr_test_iterate_until_idle ();
  g_assert_false (curricula_list_shows (page, id));
  g_assert_true (curriculum_exists (f, id));
  wait_ms (600);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  acr_test_iterate_until_idle ();
  wait_ms (600);
  g_assert_true (curricula_list_shows (page, id));
  g_assert_true (curriculum_exists (f, id));

  /* Left to expire: gone. */
  g_assert_true (acr_curricula_page_delete_curriculum (ACR_CURRICULA_PAGE (page), id, &toast,
                                                       &error));
  g_assert_no_error (error);
  wait_ms (600);
  adw_toast_dismiss (toast);
  acr_test_iterate_until_idle ();
  g_assert_false (curriculum_exists (f, id));
  g_assert_false (curricula_list_shows (page, id));
}

/* A screenshot of each main place, for a person to look at. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *places[] = { "curricula", "modules", "frameworks", "learners" };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%s.png", places[i]);

      acr_window_set_place (f->window, places[i]);
      acr_test_iterate_until_idle ();
      g_assert_cmpstr (acr_window_get_place (f->window), ==, places[i]);
      save_screenshot (f, name);
    }

  acr_window_set_place (f->window, "modules");
  acr_test_iterate_until_idle ();
  create_new_module (f);
  save_screenshot (f, "page-module-editor.png");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ui/designer-flow/flow", Fixture, NULL,
              fixture_setup, test_designer_flow, fixture_teardown);
  g_test_add ("/ui/designer-flow/delete-refused", Fixture, NULL,
              fixture_setup, test_delete_refused, fixture_teardown);
  g_test_add ("/ui/designer-flow/delete-curriculum", Fixture, NULL,
              fixture_setup, test_delete_curriculum, fixture_teardown);
  g_test_add ("/ui/designer-flow/screenshots", Fixture, NULL,
              fixture_setup, test_screenshots, fixture_teardown);

  return g_test_run ();
}
