/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rubric editor driven in-process under Xvfb, on a seeded temporary database: the grid
 * shows the rubric a new module version copied, edits reach the database, rows and columns
 * come and go, an impossible pass rule is refused with the database untouched, the preview
 * scores as the rubric does, an approved version cannot be edited, and a module without a
 * rubric gets one. Waits iterate the main context until a condition holds (with a guard),
 * never a fixed time. Leaves a screenshot in meson-logs/screenshots/. */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "acr-core.h"
#include "acr-rubric-editor.h"
#include "acr-seed.h"

typedef struct
{
  char      *dir;
  AcrStore  *store;
  gint64     approved_id;   /* a seeded, approved module with a rubric */
  gint64     draft_id;      /* its new version, a draft with the rubric copied */
  GtkWindow *window;
  GtkWidget *editor;
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

static void
iterate_until_idle (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets a whole save pause go by (for checks that nothing was written). */
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

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button_labelled (child, label)) != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_named (Fixture    *f,
           const char *name)
{
  GtkWidget *widget = find_named (f->editor, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkGrid *
get_grid (Fixture *f)
{
  GtkWidget *grid = find_type (f->editor, GTK_TYPE_GRID);

  g_assert_nonnull (grid);
  return GTK_GRID (grid);
}

/* The header of level @j (from 0): its name entry is the first child of its box. */
static GtkWidget *
level_entry (Fixture *f,
             guint    j)
{
  GtkWidget *box = gtk_grid_get_child_at (get_grid (f), j + 1, 0);

  g_assert_nonnull (box);
  g_assert_true (GTK_IS_ENTRY (gtk_widget_get_first_child (box)));
  return gtk_widget_get_first_child (box);
}

static GtkWidget *
criterion_entry (Fixture *f,
                 guint    i)
{
  GtkWidget *box = gtk_grid_get_child_at (get_grid (f), 0, i + 1);

  g_assert_nonnull (box);
  g_assert_true (GTK_IS_ENTRY (gtk_widget_get_first_child (box)));
  return gtk_widget_get_first_child (box);
}

static GtkTextView *
cell_view (Fixture *f,
           guint    i,
           guint    j)
{
  GtkWidget *frame = gtk_grid_get_child_at (get_grid (f), j + 1, i + 1);

  g_assert_true (GTK_IS_FRAME (frame));
  return GTK_TEXT_VIEW (gtk_frame_get_child (GTK_FRAME (frame)));
}

static char *
cell_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* An entry's focus is in its text child. */
static gboolean
focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static AcrRubric *
load_rubric (Fixture *f,
             gint64   module_id)
{
  g_autoptr(GError) error = NULL;
  AcrRubric *rubric = acr_rubric_load_for_module (f->store, module_id, &error);

  g_assert_no_error (error);
  return rubric;
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
show_editor (Fixture *f,
             gint64   module_id)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 900);
  f->editor = acr_rubric_editor_new (f->store, module_id);
  gtk_widget_set_margin_start (f->editor, 12);
  gtk_widget_set_margin_end (f->editor, 12);
  gtk_widget_set_margin_top (f->editor, 12);
  gtk_widget_set_margin_bottom (f->editor, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), f->editor);
  gtk_window_set_child (f->window, scrolled);
  gtk_window_present (f->window);
  iterate_until_idle ();
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrPagedList) modules = NULL;
  g_autoptr(AcrModule) draft = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("acr-test-ui-rubric-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "accredit.db", NULL);

  f->store = acr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (acr_seed_demo (f->store, &error));
  g_assert_no_error (error);

  /* The first seeded module with a rubric; the seed approves them all. */
  modules = acr_module_list (f->store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (modules)); i++)
    {
      g_autoptr(AcrModule) module = g_list_model_get_item (G_LIST_MODEL (modules), i);
      g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (f->store,
                                                                acr_module_get_id (module),
                                                                NULL);

      if (rubric != NULL && acr_module_is_frozen (module))
        {
          f->approved_id = acr_module_get_id (module);
          break;
        }
    }
  g_assert_cmpint (f->approved_id, >, 0);

  draft = acr_module_new_version (f->store, f->approved_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_false (acr_module_is_frozen (draft));
  f->draft_id = acr_module_get_id (draft);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  iterate_until_idle ();

  /* The editor lets go of the store. */
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  g_assert_null (f->store);

  remove_tree (f->dir);
  g_free (f->dir);
}

static void
test_rubric_editor_grid (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AcrRubric) rubric = load_rubric (f, f->draft_id);
  GListModel *levels = acr_rubric_get_levels (rubric);
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_criteria = g_list_model_get_n_items (criteria);
  g_autofree char *expected_label = NULL;

  g_assert_cmpuint (n_levels, >=, 2);
  g_assert_cmpuint (n_criteria, >=, 2);

  show_editor (f, f->draft_id);
  g_assert_true (acr_rubric_editor_get_rubric (ACR_RUBRIC_EDITOR (f->editor)) != NULL);
  g_assert_false (gtk_widget_get_visible (get_named (f, "frozen-caption")));
  g_assert_true (gtk_widget_is_sensitive (get_named (f, "rubric-content")));

  for (guint j = 0; j < n_levels; j++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, j);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (level_entry (f, j))), ==,
                       acr_rubric_level_get_name (level));
    }
  /* Nothing beyond the last level. */
  g_assert_null (gtk_grid_get_child_at (get_grid (f), n_levels + 1, 0));

  for (guint i = 0; i < n_criteria; i++)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, i);

      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (criterion_entry (f, i))), ==,
                       acr_rubric_criterion_get_description (criterion));
      for (guint j = 0; j < n_levels; j++)
        {
          g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, j);
          g_autofree char *text = cell_text (cell_view (f, i, j));
          const char *descriptor = acr_rubric_get_cell (rubric, criterion, level);

          g_assert_cmpstr (text, ==, descriptor != NULL ? descriptor : "");
        }
    }
  g_assert_null (gtk_grid_get_child_at (get_grid (f), 0, n_criteria + 1));

  /* The cells say where they are, for a screen reader. */
  {
    g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, 1);

    expected_label = g_strdup_printf ("Descriptor for criterion 2 at level “%s”",
                                      acr_rubric_level_get_name (level));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell_view (f, 1, 1)),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, expected_label);
  }

  /* Renaming a level renames its cells for the screen reader at once. */
  gtk_editable_set_text (GTK_EDITABLE (level_entry (f, 1)), "Fully there");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cell_view (f, 1, 1)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Descriptor for criterion 2 at level “Fully there”");
}

typedef struct
{
  Fixture    *f;
  const char *expected;
} CellData;

static gboolean
db_cell_is (gpointer data)
{
  CellData *cell = data;
  g_autoptr(AcrRubric) rubric = load_rubric (cell->f, cell->f->draft_id);
  AcrRubricCriterion *criterion = acr_rubric_get_criterion_at (rubric, 2);
  g_autoptr(AcrRubricLevel) level = g_list_model_get_item (acr_rubric_get_levels (rubric), 0);

  return g_strcmp0 (acr_rubric_get_cell (rubric, criterion, level), cell->expected) == 0;
}

static gboolean
db_level_name_is (gpointer data)
{
  CellData *cell = data;
  g_autoptr(AcrRubric) rubric = load_rubric (cell->f, cell->f->draft_id);
  g_autoptr(AcrRubricLevel) level = g_list_model_get_item (acr_rubric_get_levels (rubric), 0);

  return g_strcmp0 (acr_rubric_level_get_name (level), cell->expected) == 0;
}

static void
test_rubric_editor_edit_cell (Fixture       *f,
                              gconstpointer  data)
{
  CellData cell = { f, "Names two threats and one counter-measure for each." };
  GtkTextBuffer *buffer;

  show_editor (f, f->draft_id);
  buffer = gtk_text_view_get_buffer (cell_view (f, 1, 0));
  gtk_text_buffer_set_text (buffer, cell.expected, -1);
  wait_for (db_cell_is, &cell);

  /* A level renamed in its header. */
  cell.expected = "Nicht erreicht (neu)";
  gtk_editable_set_text (GTK_EDITABLE (level_entry (f, 0)), cell.expected);
  wait_for (db_level_name_is, &cell);
  g_assert_false (gtk_widget_get_visible (get_named (f, "error-message")));
}

typedef struct
{
  Fixture *f;
  guint    n_levels;
  guint    n_criteria;
} CountData;

static gboolean
db_has_counts (gpointer data)
{
  CountData *count = data;
  g_autoptr(AcrRubric) rubric = load_rubric (count->f, count->f->draft_id);

  return g_list_model_get_n_items (acr_rubric_get_levels (rubric)) == count->n_levels
    && g_list_model_get_n_items (acr_rubric_get_criteria (rubric)) == count->n_criteria;
}

static void
test_rubric_editor_add_remove (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AcrRubric) before = load_rubric (f, f->draft_id);
  g_autoptr(AcrRubric) after = NULL;
  CountData count = { f, 0, 0 };
  g_autoptr(AcrRubricLevel) level = NULL;
  g_autofree char *first_descriptor = NULL;
  GtkWidget *box;
  GtkWidget *remove_button;
  GtkWidget *undo_button;
  AcrRubricCriterion *criterion;
  AcrRubricCriterion *first;

  count.n_levels = g_list_model_get_n_items (acr_rubric_get_levels (before));
  count.n_criteria = g_list_model_get_n_items (acr_rubric_get_criteria (before));

  show_editor (f, f->draft_id);
  first_descriptor = cell_text (cell_view (f, 0, 0));
  g_signal_emit_by_name (get_named (f, "add-level"), "clicked");
  g_signal_emit_by_name (get_named (f, "add-criterion"), "clicked");
  count.n_levels++;
  count.n_criteria++;
  wait_for (db_has_counts, &count);

  /* The new row and column are in the grid, the new row's name entry has the focus. */
  g_assert_nonnull (gtk_grid_get_child_at (get_grid (f), count.n_levels, count.n_criteria));
  g_assert_true (focus_within (criterion_entry (f, count.n_criteria - 1)));

  after = load_rubric (f, f->draft_id);
  criterion = acr_rubric_get_criterion_at (after, count.n_criteria);
  g_assert_cmpstr (acr_rubric_criterion_get_description (criterion), ==,
                   gtk_editable_get_text (GTK_EDITABLE (criterion_entry (f,
                                                                          count.n_criteria - 1))));
  g_assert_cmpfloat (acr_rubric_criterion_get_weight (criterion), ==, 1);

  /* Removing the first criterion again: its remove button is the last in its header. */
  box = gtk_grid_get_child_at (get_grid (f), 0, 1);
  remove_button = gtk_widget_get_last_child (gtk_widget_get_last_child (box));
  g_assert_true (GTK_IS_BUTTON (remove_button));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (remove_button),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove criterion 1");
  g_signal_emit_by_name (remove_button, "clicked");
  count.n_criteria--;
  wait_for (db_has_counts, &count);
  g_assert_null (gtk_grid_get_child_at (get_grid (f), 0, count.n_criteria + 1));

  /* The toast's Undo puts it back, in its place, with its descriptors. */
  iterate_until_idle ();
  undo_button = find_button_labelled (f->editor, "_Undo");
  g_assert_nonnull (undo_button);
  g_signal_emit_by_name (undo_button, "clicked");
  count.n_criteria++;
  wait_for (db_has_counts, &count);
  g_clear_object (&after);
  after = load_rubric (f, f->draft_id);
  first = acr_rubric_get_criterion_at (after, 1);
  g_assert_cmpstr (acr_rubric_criterion_get_description (first), ==,
                   acr_rubric_criterion_get_description (acr_rubric_get_criterion_at (before, 1)));
  level = g_list_model_get_item (acr_rubric_get_levels (after), 0);
  g_assert_cmpstr (acr_rubric_get_cell (after, first, level), ==, first_descriptor);
  g_assert_cmpuint (acr_rubric_criterion_get_outcome_ids (first)->len, ==,
                    acr_rubric_criterion_get_outcome_ids (acr_rubric_get_criterion_at (before,
                                                                                        1))->len);
}

static gboolean
error_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (get_named (f, "error-message"));
}

static void
test_rubric_editor_invalid_pass_rule (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(AcrRubric) before = load_rubric (f, f->draft_id);
  g_autoptr(AcrRubric) after = NULL;
  GtkWidget *label;
  double max_total = acr_rubric_get_max_total (before);

  show_editor (f, f->draft_id);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (f, "pass-min-total")), max_total + 5);
  wait_for (error_shown, f);

  label = get_named (f, "error-message");
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "nobody could pass"));

  /* Nothing was written, even after another pause. */
  wait_ms (700);
  after = load_rubric (f, f->draft_id);
  g_assert_cmpfloat (acr_rubric_get_pass_min_total (after), ==,
                     acr_rubric_get_pass_min_total (before));
  g_assert_cmpfloat (acr_rubric_get_pass_min_points (after), ==,
                     acr_rubric_get_pass_min_points (before));

  /* Making it possible again saves it and clears the message. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get_named (f, "pass-min-total")), max_total);
  g_assert_true (acr_rubric_editor_save_now (ACR_RUBRIC_EDITOR (f->editor), NULL));
  g_assert_false (gtk_widget_get_visible (label));
  g_clear_object (&after);
  after = load_rubric (f, f->draft_id);
  g_assert_cmpfloat (acr_rubric_get_pass_min_total (after), ==, max_total);
}

/* Picks level @picks[i] (an index) in the preview for every criterion and checks the shown
 * total and verdict against the rubric's own scoring. */
static void
check_preview (Fixture     *f,
               AcrRubric   *rubric,
               const guint *picks)
{
  GListModel *criteria = acr_rubric_get_criteria (rubric);
  GListModel *levels = acr_rubric_get_levels (rubric);
  guint n = g_list_model_get_n_items (criteria);
  g_autofree gint64 *criterion_ids = g_new0 (gint64, n);
  g_autofree gint64 *level_ids = g_new0 (gint64, n);
  g_autofree char *expected_total = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = get_named (f, "preview-levels");
  GtkWidget *result_label = get_named (f, "preview-result");
  double total = 0;
  gboolean passed = FALSE;
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row), i++)
    {
      GtkDropDown *dropdown = GTK_DROP_DOWN (find_type (row, GTK_TYPE_DROP_DOWN));
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, i);
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (levels, picks[i]);

      g_assert_cmpuint (i, <, n);
      gtk_drop_down_set_selected (dropdown, picks[i]);
      criterion_ids[i] = acr_rubric_criterion_get_id (criterion);
      level_ids[i] = acr_rubric_level_get_id (level);
    }
  g_assert_cmpuint (i, ==, n);

  g_assert_true (acr_rubric_score (rubric, criterion_ids, level_ids, n, &total, &passed, &error));
  g_assert_no_error (error);
  expected_total = g_strdup_printf ("Total: %g of %g points", total,
                                    acr_rubric_get_max_total (rubric));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_named (f, "preview-total"))), ==,
                   expected_total);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (result_label)), ==,
                   passed ? "Passed" : "Not passed");
  g_assert_true (gtk_widget_has_css_class (result_label, passed ? "success" : "error"));
  g_assert_false (gtk_widget_has_css_class (result_label, passed ? "error" : "success"));
}

static void
test_rubric_editor_preview (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AcrRubric) rubric = load_rubric (f, f->draft_id);
  guint n = g_list_model_get_n_items (acr_rubric_get_criteria (rubric));
  guint n_levels = g_list_model_get_n_items (acr_rubric_get_levels (rubric));
  g_autofree guint *picks = g_new0 (guint, n);
  g_autoptr(AcrRubric) unchanged = NULL;
  double highest = 0;
  guint best = 0;

  for (guint j = 0; j < n_levels; j++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (acr_rubric_get_levels (rubric), j);

      if (acr_rubric_level_get_points (level) > highest)
        {
          highest = acr_rubric_level_get_points (level);
          best = j;
        }
    }

  show_editor (f, f->draft_id);

  /* The best everywhere passes. */
  for (guint i = 0; i < n; i++)
    picks[i] = best;
  check_preview (f, rubric, picks);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_named (f, "preview-result"))), ==,
                   "Passed");

  /* The lowest everywhere but the best in one does not. */
  for (guint i = 0; i < n; i++)
    picks[i] = best == 0 ? n_levels - 1 : 0;
  picks[0] = best;
  check_preview (f, rubric, picks);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_named (f, "preview-result"))), ==,
                   "Not passed");

  /* Each pick on its own level. */
  for (guint i = 0; i < n; i++)
    picks[i] = i % n_levels;
  check_preview (f, rubric, picks);

  /* Nothing was saved. */
  wait_ms (700);
  unchanged = load_rubric (f, f->draft_id);
  g_assert_cmpfloat (acr_rubric_get_max_total (unchanged), ==, acr_rubric_get_max_total (rubric));
}

static void
test_rubric_editor_frozen (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *caption;

  show_editor (f, f->approved_id);
  caption = get_named (f, "frozen-caption");
  g_assert_true (gtk_widget_get_visible (caption));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (caption)), "approved"));

  /* Nothing in the grid or the pass rule can be reached. */
  g_assert_false (gtk_widget_is_sensitive (get_named (f, "rubric-content")));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (cell_view (f, 0, 0))));
  g_assert_false (gtk_widget_is_sensitive (level_entry (f, 0)));
  g_assert_false (gtk_widget_is_sensitive (get_named (f, "add-level")));
  g_assert_false (gtk_widget_is_sensitive (get_named (f, "pass-min-total")));
  g_assert_true (acr_rubric_editor_save_now (ACR_RUBRIC_EDITOR (f->editor), NULL));
}

/* A module approved behind the editor's back: the next save is refused, the editor says so
 * and shows what the database holds, frozen. */
static void
test_rubric_editor_read_only (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(AcrRubric) after = NULL;
  g_autoptr(AcrRubricLevel) level = NULL;
  g_autofree char *original = NULL;
  GtkTextBuffer *buffer;

  show_editor (f, f->draft_id);
  original = cell_text (cell_view (f, 0, 0));

  module = acr_module_load (f->store, f->draft_id, &error);
  g_assert_no_error (error);
  acr_module_set_status (module, ACR_STATUS_APPROVED);
  g_assert_true (acr_module_save (module, f->store, &error));
  g_assert_no_error (error);

  buffer = gtk_text_view_get_buffer (cell_view (f, 0, 0));
  gtk_text_buffer_set_text (buffer, "Written too late.", -1);
  g_assert_false (acr_rubric_editor_save_now (ACR_RUBRIC_EDITOR (f->editor), &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);

  g_assert_true (gtk_widget_get_visible (get_named (f, "error-message")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (get_named (f, "error-message"))), ==,
                   error->message);
  g_assert_true (gtk_widget_get_visible (get_named (f, "frozen-caption")));
  g_assert_false (gtk_widget_is_sensitive (get_named (f, "rubric-content")));
  {
    g_autofree char *shown = cell_text (cell_view (f, 0, 0));

    g_assert_cmpstr (shown, ==, original);
  }

  /* The database kept the descriptor. */
  after = load_rubric (f, f->draft_id);
  level = g_list_model_get_item (acr_rubric_get_levels (after), 0);
  g_assert_cmpstr (acr_rubric_get_cell (after, acr_rubric_get_criterion_at (after, 1), level),
                   ==, original);
}

static gboolean
db_has_rubric (gpointer data)
{
  Fixture *f = data;
  g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (f->store, f->draft_id, NULL);

  return rubric != NULL;
}

static void
test_rubric_editor_create (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) module = acr_module_new ();
  g_autoptr(AcrRubric) rubric = NULL;
  GtkStack *stack;
  const char *names[] = { "Not achieved", "Achieved", "Exceeded" };
  const double points[] = { 0, 2, 3 };

  acr_module_set_code (module, "UI-RUBRIC-NEW");
  acr_module_set_title (module, "A Module Without a Rubric");
  g_assert_true (acr_module_save (module, f->store, &error));
  g_assert_no_error (error);
  f->draft_id = acr_module_get_id (module);

  show_editor (f, f->draft_id);
  stack = GTK_STACK (find_type (f->editor, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_is_sensitive (get_named (f, "create-rubric")));

  g_signal_emit_by_name (get_named (f, "create-rubric"), "clicked");
  wait_for (db_has_rubric, f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "rubric");

  rubric = load_rubric (f, f->draft_id);
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (rubric)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_criteria (rubric)), ==, 1);
  for (guint j = 0; j < 3; j++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (acr_rubric_get_levels (rubric), j);

      g_assert_cmpstr (acr_rubric_level_get_name (level), ==, names[j]);
      g_assert_cmpfloat (acr_rubric_level_get_points (level), ==, points[j]);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (level_entry (f, j))), ==, names[j]);
    }
  g_assert_true (focus_within (criterion_entry (f, 0)));
}

/* Tab walks the grid row by row: a criterion's header, then its cells left to right, then
 * the next criterion. */
static void
test_rubric_editor_tab_order (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(AcrRubric) rubric = load_rubric (f, f->draft_id);
  guint n_levels = g_list_model_get_n_items (acr_rubric_get_levels (rubric));
  GtkWidget *expected_next;

  show_editor (f, f->draft_id);
  gtk_widget_grab_focus (GTK_WIDGET (cell_view (f, 0, 0)));

  for (guint j = 1; j < n_levels; j++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
      g_assert_true (gtk_window_get_focus (f->window) == GTK_WIDGET (cell_view (f, 0, j)));
    }

  /* From the last cell of row 1 to the description of criterion 2. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  expected_next = criterion_entry (f, 1);
  g_assert_true (focus_within (expected_next));
}

/* Renders the editor into meson-logs/screenshots/ for a person to look at. */
static void
test_rubric_editor_screenshot (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  GtkWidget *root;
  int width;
  int height;

  show_editor (f, f->draft_id);
  root = GTK_WIDGET (f->window);
  width = gtk_widget_get_width (root);
  height = gtk_widget_get_height (root);
  g_assert_cmpint (width, >, 0);

  paintable = gtk_widget_paintable_new (root);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);

  dir = g_test_build_filename (G_TEST_BUILT, "..", "meson-logs", "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, "rubric-editor.png", NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

int
main (int   argc,
      char *argv[])
{
  /* The test accessibility backend keeps the accessible properties for the checks. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/ui/rubric-editor/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("grid", test_rubric_editor_grid);
  ADD ("edit-cell", test_rubric_editor_edit_cell);
  ADD ("add-remove", test_rubric_editor_add_remove);
  ADD ("invalid-pass-rule", test_rubric_editor_invalid_pass_rule);
  ADD ("preview", test_rubric_editor_preview);
  ADD ("frozen", test_rubric_editor_frozen);
  ADD ("read-only", test_rubric_editor_read_only);
  ADD ("create", test_rubric_editor_create);
  ADD ("tab-order", test_rubric_editor_tab_order);
  ADD ("screenshot", test_rubric_editor_screenshot);
#undef ADD

  return g_test_run ();
}
