/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "acr-core.h"
#include "acr-store-private.h"

/* Modules, outcomes and learners are written by SQL, so these tests need no other type. */
static gint64
make_module (AcrStore   *store,
             const char *code,
             int         version,
             const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO module (code, version, status, title, created_at, updated_at) "
    "VALUES ('%s', %d, '%s', 'Title of %s', 'now', 'now')", code, version, status, code);

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
  return _acr_store_last_insert_id (store);
}

static void
set_status (AcrStore   *store,
            gint64      module_id,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE module SET status = '%s' WHERE id = %"
                                          G_GINT64_FORMAT, status, module_id);

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
make_outcome (AcrStore *store,
              gint64    module_id,
              int       position)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO learning_outcome (module_id, position, statement, kind) "
    "VALUES (%" G_GINT64_FORMAT ", %d, 'Outcome %d', 'skill')", module_id, position, position);

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
  return _acr_store_last_insert_id (store);
}

static gint64
query_int (AcrStore   *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Every rubric row as text, to prove that a failed change left the database unchanged. */
static char *
dump (AcrStore *store)
{
  static const char *queries[] = {
    "SELECT group_concat (id || '|' || module_id || '|' || title || '|' || "
    "ifnull (pass_min_total, '-') || '|' || ifnull (pass_min_points, '-'), ';') "
    "FROM (SELECT * FROM rubric ORDER BY id)",
    "SELECT group_concat (id || '|' || rubric_id || '|' || position || '|' || name || '|' || "
    "points, ';') FROM (SELECT * FROM rubric_level ORDER BY id)",
    "SELECT group_concat (id || '|' || rubric_id || '|' || position || '|' || description || "
    "'|' || weight, ';') FROM (SELECT * FROM rubric_criterion ORDER BY id)",
    "SELECT group_concat (criterion_id || '|' || level_id || '|' || descriptor, ';') "
    "FROM (SELECT * FROM rubric_cell ORDER BY criterion_id, level_id)",
    "SELECT group_concat (criterion_id || '|' || outcome_id, ';') "
    "FROM (SELECT * FROM rubric_criterion_outcome ORDER BY criterion_id, outcome_id)",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, queries[i], NULL);

      g_assert_nonnull (stmt);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
    }

  return g_string_free (out, FALSE);
}

static AcrRubricLevel *
level_at (AcrRubric *rubric,
          guint      index)
{
  AcrRubricLevel *level = g_list_model_get_item (acr_rubric_get_levels (rubric), index);

  g_assert_nonnull (level);
  g_object_unref (level);
  return level;
}

static AcrRubricCriterion *
criterion_at (AcrRubric *rubric,
              guint      index)
{
  AcrRubricCriterion *criterion = g_list_model_get_item (acr_rubric_get_criteria (rubric), index);

  g_assert_nonnull (criterion);
  g_object_unref (criterion);
  return criterion;
}

/* Three levels (0, 1, 2 points) × two criteria (weights 1 and 2): maximum total 6. */
static AcrRubric *
make_rubric (gint64 module_id)
{
  AcrRubric *rubric = acr_rubric_new ();
  AcrRubricCriterion *c1, *c2;
  AcrRubricLevel *l0, *l1, *l2;

  acr_rubric_set_module_id (rubric, module_id);
  acr_rubric_set_title (rubric, "Bewertungsraster");
  acr_rubric_set_pass_min_total (rubric, 4);
  l0 = acr_rubric_add_level (rubric, "Nicht erfüllt", 0);
  l1 = acr_rubric_add_level (rubric, "Teilweise erfüllt", 1);
  l2 = acr_rubric_add_level (rubric, "Erfüllt", 2);
  c1 = acr_rubric_add_criterion (rubric, "Plant die Arbeit", 1);
  c2 = acr_rubric_add_criterion (rubric, "Führt die Arbeit aus", 2);
  acr_rubric_set_cell (rubric, c1, l0, "Kein Plan");
  acr_rubric_set_cell (rubric, c1, l2, "Vollständiger Plan");
  acr_rubric_set_cell (rubric, c2, l1, "Mit Hilfe");
  (void) l1;

  return rubric;
}

static void
save_ok (AcrRubric *rubric,
         AcrStore  *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (acr_rubric_save (rubric, store, &error));
  g_assert_no_error (error);
}

static void
test_rubric_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(AcrRubric) loaded = NULL;
  g_autoptr(AcrRubric) by_module = NULL;
  gint64 module_id, o1, o2;
  GArray *ids;

  module_id = make_module (store, "M1", 1, "draft");
  o1 = make_outcome (store, module_id, 1);
  o2 = make_outcome (store, module_id, 2);

  rubric = make_rubric (module_id);
  acr_rubric_set_pass_min_points (rubric, 1);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 0), o2);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 0), o1);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 0), o1);   /* a set */
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 1), o2);
  g_assert_cmpint (acr_rubric_get_id (rubric), ==, 0);
  g_assert_cmpfloat (acr_rubric_get_max_total (rubric), ==, 6);

  save_ok (rubric, store);
  g_assert_cmpint (acr_rubric_get_id (rubric), >, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (acr_rubric_level_get_id (level_at (rubric, i)), >, 0);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (acr_rubric_criterion_get_id (criterion_at (rubric, i)), >, 0);

  loaded = acr_rubric_load (store, acr_rubric_get_id (rubric), &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_rubric_get_id (loaded), ==, acr_rubric_get_id (rubric));
  g_assert_cmpint (acr_rubric_get_module_id (loaded), ==, module_id);
  g_assert_cmpstr (acr_rubric_get_title (loaded), ==, "Bewertungsraster");
  g_assert_cmpfloat (acr_rubric_get_pass_min_total (loaded), ==, 4);
  g_assert_cmpfloat (acr_rubric_get_pass_min_points (loaded), ==, 1);
  g_assert_cmpfloat (acr_rubric_get_max_total (loaded), ==, 6);

  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (loaded)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_criteria (loaded)), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      AcrRubricLevel *a = level_at (rubric, i);
      AcrRubricLevel *b = level_at (loaded, i);

      g_assert_cmpint (acr_rubric_level_get_id (a), ==, acr_rubric_level_get_id (b));
      g_assert_cmpuint (acr_rubric_level_get_position (b), ==, i + 1);
      g_assert_cmpstr (acr_rubric_level_get_name (a), ==, acr_rubric_level_get_name (b));
      g_assert_cmpfloat (acr_rubric_level_get_points (a), ==, acr_rubric_level_get_points (b));
    }
  for (guint i = 0; i < 2; i++)
    {
      AcrRubricCriterion *a = criterion_at (rubric, i);
      AcrRubricCriterion *b = criterion_at (loaded, i);

      g_assert_cmpint (acr_rubric_criterion_get_id (a), ==, acr_rubric_criterion_get_id (b));
      g_assert_cmpuint (acr_rubric_criterion_get_position (b), ==, i + 1);
      g_assert_cmpstr (acr_rubric_criterion_get_description (a), ==,
                       acr_rubric_criterion_get_description (b));
      g_assert_cmpfloat (acr_rubric_criterion_get_weight (a), ==,
                         acr_rubric_criterion_get_weight (b));
    }

  g_assert_cmpstr (acr_rubric_get_cell (loaded, criterion_at (loaded, 0), level_at (loaded, 0)),
                   ==, "Kein Plan");
  g_assert_cmpstr (acr_rubric_get_cell (loaded, criterion_at (loaded, 0), level_at (loaded, 2)),
                   ==, "Vollständiger Plan");
  g_assert_cmpstr (acr_rubric_get_cell (loaded, criterion_at (loaded, 1), level_at (loaded, 1)),
                   ==, "Mit Hilfe");
  g_assert_null (acr_rubric_get_cell (loaded, criterion_at (loaded, 1), level_at (loaded, 0)));
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_cell"), ==, 3);

  /* Outcome links, in outcome order. */
  ids = acr_rubric_criterion_get_outcome_ids (criterion_at (loaded, 0));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, o1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, o2);
  ids = acr_rubric_criterion_get_outcome_ids (criterion_at (loaded, 1));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, o2);

  /* Look-ups. */
  g_assert_true (acr_rubric_find_level_by_name (loaded, "  erfüllt ") == level_at (loaded, 2));
  g_assert_null (acr_rubric_find_level_by_name (loaded, "Gut"));
  g_assert_true (acr_rubric_get_criterion_at (loaded, 2) == criterion_at (loaded, 1));
  g_assert_null (acr_rubric_get_criterion_at (loaded, 0));
  g_assert_null (acr_rubric_get_criterion_at (loaded, 3));

  by_module = acr_rubric_load_for_module (store, module_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_rubric_get_id (by_module), ==, acr_rubric_get_id (rubric));

  /* Saving again unchanged changes nothing. */
  {
    g_autofree char *before = dump (store);
    g_autofree char *after = NULL;

    save_ok (loaded, store);
    after = dump (store);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_rubric_update_in_place (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(AcrRubric) loaded = NULL;
  gint64 module_id, id_l0, id_l1, id_l2, id_c1, id_c2, rubric_id;
  AcrRubricLevel *added_level;
  AcrRubricCriterion *added_criterion;

  module_id = make_module (store, "M1", 1, "in-review");
  rubric = make_rubric (module_id);
  save_ok (rubric, store);
  rubric_id = acr_rubric_get_id (rubric);
  id_l0 = acr_rubric_level_get_id (level_at (rubric, 0));
  id_l1 = acr_rubric_level_get_id (level_at (rubric, 1));
  id_l2 = acr_rubric_level_get_id (level_at (rubric, 2));
  id_c1 = acr_rubric_criterion_get_id (criterion_at (rubric, 0));
  id_c2 = acr_rubric_criterion_get_id (criterion_at (rubric, 1));

  /* Rename, re-weigh, reorder, remove one level, add a level and a criterion. */
  acr_rubric_level_set_name (level_at (rubric, 2), "Voll erfüllt");
  acr_rubric_level_set_points (level_at (rubric, 2), 3);
  acr_rubric_remove_level (rubric, level_at (rubric, 0));
  added_level = acr_rubric_add_level (rubric, "Übertroffen", 4);
  acr_rubric_move_level (rubric, added_level, 1);
  acr_rubric_move_criterion (rubric, criterion_at (rubric, 1), 1);
  acr_rubric_criterion_set_weight (criterion_at (rubric, 0), 3);
  added_criterion = acr_rubric_add_criterion (rubric, "Dokumentiert", 1);
  acr_rubric_set_cell (rubric, added_criterion, added_level, "Lückenlos");
  acr_rubric_set_title (rubric, NULL);
  save_ok (rubric, store);

  g_assert_cmpint (acr_rubric_get_id (rubric), ==, rubric_id);
  g_assert_cmpint (acr_rubric_level_get_id (added_level), >, id_l2);
  g_assert_cmpint (acr_rubric_criterion_get_id (added_criterion), >, id_c2);

  loaded = acr_rubric_load (store, rubric_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_rubric_get_title (loaded), ==, "");

  /* Levels: Übertroffen (new), Teilweise erfüllt (kept), Voll erfüllt (kept, renamed). */
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (loaded)), ==, 3);
  g_assert_cmpint (acr_rubric_level_get_id (level_at (loaded, 0)), ==,
                   acr_rubric_level_get_id (added_level));
  g_assert_cmpstr (acr_rubric_level_get_name (level_at (loaded, 0)), ==, "Übertroffen");
  g_assert_cmpint (acr_rubric_level_get_id (level_at (loaded, 1)), ==, id_l1);
  g_assert_cmpint (acr_rubric_level_get_id (level_at (loaded, 2)), ==, id_l2);
  g_assert_cmpstr (acr_rubric_level_get_name (level_at (loaded, 2)), ==, "Voll erfüllt");
  g_assert_cmpfloat (acr_rubric_level_get_points (level_at (loaded, 2)), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_level"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM rubric_level WHERE id = %"
                                            G_GINT64_FORMAT, id_l0);
    g_assert_cmpint (query_int (store, sql), ==, 0);
  }

  /* Criteria: the former second first, weight 3; then the first; then the new one. */
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_criteria (loaded)), ==, 3);
  g_assert_cmpint (acr_rubric_criterion_get_id (criterion_at (loaded, 0)), ==, id_c2);
  g_assert_cmpfloat (acr_rubric_criterion_get_weight (criterion_at (loaded, 0)), ==, 3);
  g_assert_cmpint (acr_rubric_criterion_get_id (criterion_at (loaded, 1)), ==, id_c1);
  g_assert_cmpstr (acr_rubric_criterion_get_description (criterion_at (loaded, 2)), ==,
                   "Dokumentiert");

  /* The cells of the removed level went with it; the others stayed. */
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_cell"), ==, 3);
  g_assert_cmpstr (acr_rubric_get_cell (loaded, criterion_at (loaded, 1), level_at (loaded, 2)),
                   ==, "Vollständiger Plan");
  g_assert_cmpstr (acr_rubric_get_cell (loaded, criterion_at (loaded, 2), level_at (loaded, 0)),
                   ==, "Lückenlos");

  /* Positions are dense in the database too. */
  g_assert_cmpint (query_int (store, "SELECT group_concat (position, '') FROM "
                                     "(SELECT position FROM rubric_level ORDER BY position)"),
                   ==, 123);
  g_assert_cmpint (query_int (store, "SELECT group_concat (position, '') FROM "
                                     "(SELECT position FROM rubric_criterion ORDER BY position)"),
                   ==, 123);
}

static void
test_rubric_move_and_remove (void)
{
  g_autoptr(AcrRubric) rubric = make_rubric (1);
  AcrRubricLevel *first = level_at (rubric, 0);
  AcrRubricLevel *last = level_at (rubric, 2);

  acr_rubric_move_level (rubric, first, 99);   /* clamped to the end */
  g_assert_true (level_at (rubric, 2) == first);
  g_assert_cmpuint (acr_rubric_level_get_position (first), ==, 3);
  g_assert_cmpuint (acr_rubric_level_get_position (last), ==, 2);

  acr_rubric_move_level (rubric, first, 1);
  g_assert_true (level_at (rubric, 0) == first);

  acr_rubric_remove_level (rubric, level_at (rubric, 1));
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (rubric)), ==, 2);
  g_assert_cmpuint (acr_rubric_level_get_position (first), ==, 1);
  g_assert_cmpuint (acr_rubric_level_get_position (last), ==, 2);
  g_assert_cmpstr (acr_rubric_get_cell (rubric, criterion_at (rubric, 0), first), ==,
                   "Kein Plan");

  acr_rubric_remove_criterion (rubric, criterion_at (rubric, 0));
  g_assert_cmpuint (acr_rubric_criterion_get_position (criterion_at (rubric, 0)), ==, 1);
  g_assert_cmpfloat (acr_rubric_get_max_total (rubric), ==, 4);

  acr_rubric_set_cell (rubric, criterion_at (rubric, 0), first, "x");
  g_assert_cmpstr (acr_rubric_get_cell (rubric, criterion_at (rubric, 0), first), ==, "x");
  acr_rubric_set_cell (rubric, criterion_at (rubric, 0), first, "");
  g_assert_null (acr_rubric_get_cell (rubric, criterion_at (rubric, 0), first));
}

/* Scores (c1 at level a, c2 at level b) by level index: weights 1 and 2, points 0, 1, 2. */
static gboolean
score (AcrRubric *rubric,
       guint      a,
       guint      b,
       double    *total,
       gboolean  *passed)
{
  g_autoptr(GError) error = NULL;
  gint64 criteria[2] = {
    acr_rubric_criterion_get_id (criterion_at (rubric, 0)),
    acr_rubric_criterion_get_id (criterion_at (rubric, 1)),
  };
  gint64 levels[2] = {
    acr_rubric_level_get_id (level_at (rubric, a)),
    acr_rubric_level_get_id (level_at (rubric, b)),
  };

  g_assert_true (acr_rubric_score (rubric, criteria, levels, 2, total, passed, &error));
  g_assert_no_error (error);
  return *passed;
}

static void
test_rubric_score (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = make_rubric (make_module (store, "M1", 1, "draft"));
  double total = -1;
  gboolean passed = FALSE;
  gint64 c1, c2, l0, l2;

  save_ok (rubric, store);
  c1 = acr_rubric_criterion_get_id (criterion_at (rubric, 0));
  c2 = acr_rubric_criterion_get_id (criterion_at (rubric, 1));
  l0 = acr_rubric_level_get_id (level_at (rubric, 0));
  l2 = acr_rubric_level_get_id (level_at (rubric, 2));

  /* Minimum total 4 only: exactly 4 passes, 3 fails; weights count. */
  g_assert_true (score (rubric, 0, 2, &total, &passed));     /* 0 + 2×2 */
  g_assert_cmpfloat (total, ==, 4);
  g_assert_true (score (rubric, 2, 1, &total, &passed));     /* 2 + 2×1 */
  g_assert_cmpfloat (total, ==, 4);
  g_assert_false (score (rubric, 1, 1, &total, &passed));    /* 1 + 2×1 */
  g_assert_cmpfloat (total, ==, 3);
  g_assert_false (score (rubric, 2, 0, &total, &passed));    /* 2 + 0 */
  g_assert_cmpfloat (total, ==, 2);
  g_assert_true (score (rubric, 2, 2, &total, &passed));
  g_assert_cmpfloat (total, ==, 6);

  /* Minimum points 1 only: every criterion at 1 or more, whatever the total. */
  acr_rubric_set_pass_min_total (rubric, 0);
  acr_rubric_set_pass_min_points (rubric, 1);
  g_assert_true (score (rubric, 1, 1, &total, &passed));
  g_assert_cmpfloat (total, ==, 3);
  g_assert_false (score (rubric, 0, 2, &total, &passed));
  g_assert_cmpfloat (total, ==, 4);
  g_assert_false (score (rubric, 2, 0, &total, &passed));

  /* Both: total 4 and every criterion at 1. */
  acr_rubric_set_pass_min_total (rubric, 4);
  g_assert_true (score (rubric, 2, 1, &total, &passed));
  g_assert_false (score (rubric, 0, 2, &total, &passed));   /* total 4, but one at 0 */
  g_assert_false (score (rubric, 1, 1, &total, &passed));   /* all at 1, but total 3 */

  /* Fractional weights: 0.3 × 2 + 0.3 × 1 is 0.8999999999999999 in doubles, and a minimum of
   * 0.9 must still count as reached; just below it fails. */
  acr_rubric_criterion_set_weight (criterion_at (rubric, 0), 0.3);
  acr_rubric_criterion_set_weight (criterion_at (rubric, 1), 0.3);
  acr_rubric_set_pass_min_points (rubric, 0);
  acr_rubric_set_pass_min_total (rubric, 0.9);
  g_assert_true (score (rubric, 2, 1, &total, &passed));
  g_assert_cmpfloat (total, <, 0.9);
  g_assert_cmpfloat_with_epsilon (total, 0.9, 1e-12);
  g_assert_false (score (rubric, 2, 0, &total, &passed));   /* 0.6 */
  acr_rubric_set_pass_min_total (rubric, 0.9 + 1e-6);
  g_assert_false (score (rubric, 2, 1, &total, &passed));

  /* Every criterion needs exactly one level. */
  {
    gint64 criteria[] = { c1 };
    gint64 levels[] = { l2 };

    g_assert_false (acr_rubric_score (rubric, criteria, levels, 1, &total, &passed, &error));
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Führt die Arbeit aus"));
    g_clear_error (&error);
  }
  {
    gint64 criteria[] = { c1, c2, c1 };
    gint64 levels[] = { l2, l2, l0 };

    g_assert_false (acr_rubric_score (rubric, criteria, levels, 3, &total, &passed, &error));
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Plant die Arbeit"));
    g_clear_error (&error);
  }
  {
    gint64 criteria[] = { c1, c2 + 100 };
    gint64 levels[] = { l2, l2 };

    g_assert_false (acr_rubric_score (rubric, criteria, levels, 2, &total, &passed, &error));
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    gint64 criteria[] = { c1, c2 };
    gint64 levels[] = { l2, l2 + 100 };

    g_assert_false (acr_rubric_score (rubric, criteria, levels, 2, &total, &passed, &error));
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_false (acr_rubric_score (rubric, NULL, NULL, 0, &total, &passed, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
}

/* Saving @rubric fails with @code and leaves the database as it was. */
static void
assert_save_fails (AcrRubric  *rubric,
                   AcrStore   *store,
                   int         code,
                   const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;
  gint64 id = acr_rubric_get_id (rubric);

  g_assert_false (acr_rubric_save (rubric, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_cmpint (acr_rubric_get_id (rubric), ==, id);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rubric_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  gint64 module_id = make_module (store, "M1", 1, "draft");

  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    g_assert_true (acr_rubric_validate (rubric, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(AcrRubric) rubric = acr_rubric_new ();

    acr_rubric_set_module_id (rubric, module_id);
    acr_rubric_set_pass_min_points (rubric, 1);
    acr_rubric_add_criterion (rubric, "Plant", 1);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "level");
  }
  {
    g_autoptr(AcrRubric) rubric = acr_rubric_new ();

    acr_rubric_set_module_id (rubric, module_id);
    acr_rubric_set_pass_min_points (rubric, 1);
    acr_rubric_add_level (rubric, "Erfüllt", 1);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "criterion");
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    acr_rubric_set_pass_min_total (rubric, 6.5);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "maximum total (6)");
    acr_rubric_set_pass_min_total (rubric, 6);
    g_assert_true (acr_rubric_validate (rubric, NULL));
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    acr_rubric_set_pass_min_points (rubric, 2.5);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "highest level");
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    acr_rubric_add_level (rubric, " erfüllt", 3);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "erfüllt");
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    acr_rubric_set_pass_min_total (rubric, 0);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "pass rule");
    acr_rubric_set_pass_min_total (rubric, -1);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "-1");
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    acr_rubric_criterion_set_weight (criterion_at (rubric, 0), 0);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "weight");
    acr_rubric_criterion_set_weight (criterion_at (rubric, 0), 1);
    acr_rubric_criterion_set_description (criterion_at (rubric, 1), "  ");
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "Criterion 2");
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (module_id);

    acr_rubric_level_set_points (level_at (rubric, 0), -1);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "Nicht erfüllt");
    acr_rubric_level_set_points (level_at (rubric, 0), 0);
    acr_rubric_level_set_name (level_at (rubric, 1), NULL);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "level 2");
  }
  {
    g_autoptr(AcrRubric) rubric = make_rubric (0);

    assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "module");
    acr_rubric_set_module_id (rubric, module_id + 100);
    assert_save_fails (rubric, store, ACR_STORE_ERROR_NOT_FOUND, "module");
  }

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric"), ==, 0);
}

static void
test_rubric_outcome_of_other_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autofree char *expected = NULL;
  gint64 m1 = make_module (store, "M1", 1, "draft");
  gint64 m2 = make_module (store, "M2", 1, "draft");
  gint64 own = make_outcome (store, m1, 1);
  gint64 foreign = make_outcome (store, m2, 1);

  rubric = make_rubric (m1);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 0), own);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 1), foreign);
  expected = g_strdup_printf ("Outcome %" G_GINT64_FORMAT " does not belong to this module.",
                              foreign);
  assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, expected);
  g_assert_cmpint (acr_rubric_level_get_id (level_at (rubric, 0)), ==, 0);

  /* Also on update, and a missing outcome likewise. */
  acr_rubric_criterion_remove_outcome_id (criterion_at (rubric, 1), foreign);
  save_ok (rubric, store);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 0), foreign);
  assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, expected);
  acr_rubric_criterion_set_outcome_ids (criterion_at (rubric, 0), (gint64[]) { own, 999 }, 2);
  assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "Outcome 999 ");
}

static void
test_rubric_frozen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(AcrRubric) fresh = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 module_id = make_module (store, "M1", 1, "draft");
  gint64 approved_id = make_module (store, "M2", 1, "approved");
  const char *statuses[] = { "approved", "retired" };

  rubric = make_rubric (module_id);
  save_ok (rubric, store);

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      set_status (store, module_id, statuses[i]);

      acr_rubric_level_set_name (level_at (rubric, 0), "Ungenügend");
      acr_rubric_remove_criterion (rubric, criterion_at (rubric, 1));
      acr_rubric_add_criterion (rubric, "Neu", 1);
      assert_save_fails (rubric, store, ACR_STORE_ERROR_READ_ONLY, statuses[i]);

      before = dump (store);
      g_assert_false (acr_rubric_delete (store, acr_rubric_get_id (rubric), &error));
      g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
      g_clear_error (&error);
      after = dump (store);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
    }

  /* Nor can an approved module get a new rubric. */
  fresh = make_rubric (approved_id);
  assert_save_fails (fresh, store, ACR_STORE_ERROR_READ_ONLY, "M2");

  /* Back in draft, the same change saves. */
  set_status (store, module_id, "draft");
  save_ok (rubric, store);
}

static void
test_rubric_duplicate_and_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(AcrRubric) second = NULL;
  g_autoptr(AcrRubric) missing = NULL;
  gint64 module_id = make_module (store, "M1", 1, "draft");
  gint64 bare_id = make_module (store, "M2", 3, "draft");
  gint64 id;

  rubric = make_rubric (module_id);
  save_ok (rubric, store);
  id = acr_rubric_get_id (rubric);

  second = make_rubric (module_id);
  assert_save_fails (second, store, ACR_STORE_ERROR_DUPLICATE, "“M1” (version 1)");

  /* A saved rubric stays with its module. */
  acr_rubric_set_module_id (rubric, bare_id);
  assert_save_fails (rubric, store, ACR_STORE_ERROR_INVALID, "another module");
  acr_rubric_set_module_id (rubric, module_id);

  missing = acr_rubric_load_for_module (store, bare_id, &error);
  g_assert_null (missing);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“M2” (version 3) has no rubric"));
  g_clear_error (&error);
  g_assert_null (acr_rubric_load_for_module (store, 4711, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (acr_rubric_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_level"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_criterion"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_cell"), ==, 0);

  g_assert_false (acr_rubric_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (acr_rubric_load (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The object of a deleted rubric cannot save over nothing. */
  assert_save_fails (rubric, store, ACR_STORE_ERROR_NOT_FOUND, NULL);

  /* Now the module is free for another rubric. */
  save_ok (second, store);
}

static void
test_rubric_in_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 module_id = make_module (store, "M1", 1, "draft");
  AcrRubricLevel *used;

  rubric = make_rubric (module_id);
  save_ok (rubric, store);
  used = level_at (rubric, 1);

  /* An assessment records level 2 for criterion 1 (by SQL: no dependency on AcrAssessment). */
  sql = g_strdup_printf (
    "INSERT INTO learner (given_name, family_name, created_at, updated_at) "
    "VALUES ('Ada', 'Lovelace', 'now', 'now');"
    "INSERT INTO assessment (learner_id, module_id, assessed_on, assessor, passed, created_at, "
    "updated_at) VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", '2025-01-01', 'X', 0, "
    "'now', 'now');"
    "INSERT INTO assessment_result VALUES (last_insert_rowid (), %" G_GINT64_FORMAT ", %"
    G_GINT64_FORMAT ");",
    module_id, acr_rubric_criterion_get_id (criterion_at (rubric, 0)),
    acr_rubric_level_get_id (used));
  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);

  {
    g_autoptr(AcrRubric) edit = acr_rubric_load (store, acr_rubric_get_id (rubric), &error);

    acr_rubric_level_set_name (level_at (edit, 0), "Ungenügend");
    acr_rubric_remove_level (edit, level_at (edit, 1));
    assert_save_fails (edit, store, ACR_STORE_ERROR_CONSTRAINT, "Teilweise erfüllt");
  }
  {
    g_autoptr(AcrRubric) edit = acr_rubric_load (store, acr_rubric_get_id (rubric), &error);

    acr_rubric_remove_criterion (edit, criterion_at (edit, 0));
    assert_save_fails (edit, store, ACR_STORE_ERROR_CONSTRAINT, "Plant die Arbeit");
  }
  {
    g_autoptr(AcrRubric) edit = acr_rubric_load (store, acr_rubric_get_id (rubric), &error);

    /* Unused ones may go, and the used ones may change in place. */
    acr_rubric_remove_level (edit, level_at (edit, 0));
    acr_rubric_remove_criterion (edit, criterion_at (edit, 1));
    acr_rubric_level_set_name (level_at (edit, 0), "Halb");
    acr_rubric_set_pass_min_total (edit, 1);
    save_ok (edit, store);
  }

  before = dump (store);
  g_assert_false (acr_rubric_delete (store, acr_rubric_get_id (rubric), &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "M1"));
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rubric_copy_to_module (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(AcrRubric) copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 v1 = make_module (store, "M1", 1, "approved");
  gint64 v2 = make_module (store, "M1", 2, "draft");
  gint64 short_id = make_module (store, "M1", 3, "draft");
  gint64 bare = make_module (store, "M9", 1, "draft");
  gint64 v1_o1, v1_o2, v2_o1, v2_o2;
  GArray *ids;

  set_status (store, v1, "draft");
  v1_o1 = make_outcome (store, v1, 1);
  v1_o2 = make_outcome (store, v1, 2);
  v2_o2 = make_outcome (store, v2, 2);
  v2_o1 = make_outcome (store, v2, 1);
  make_outcome (store, short_id, 1);

  rubric = make_rubric (v1);
  acr_rubric_set_pass_min_points (rubric, 1);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 0), v1_o1);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 1), v1_o2);
  acr_rubric_criterion_add_outcome_id (criterion_at (rubric, 1), v1_o1);
  save_ok (rubric, store);
  set_status (store, v1, "approved");   /* copying reads a frozen version */

  g_assert_true (acr_rubric_copy_to_module (store, v1, v2, &error));
  g_assert_no_error (error);

  copy = acr_rubric_load_for_module (store, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_rubric_get_id (copy), !=, acr_rubric_get_id (rubric));
  g_assert_cmpstr (acr_rubric_get_title (copy), ==, "Bewertungsraster");
  g_assert_cmpfloat (acr_rubric_get_pass_min_total (copy), ==, 4);
  g_assert_cmpfloat (acr_rubric_get_pass_min_points (copy), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (copy)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_criteria (copy)), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (acr_rubric_level_get_name (level_at (copy, i)), ==,
                       acr_rubric_level_get_name (level_at (rubric, i)));
      g_assert_cmpint (acr_rubric_level_get_id (level_at (copy, i)), !=,
                       acr_rubric_level_get_id (level_at (rubric, i)));
    }
  g_assert_cmpfloat (acr_rubric_criterion_get_weight (criterion_at (copy, 1)), ==, 2);
  g_assert_cmpstr (acr_rubric_get_cell (copy, criterion_at (copy, 0), level_at (copy, 2)), ==,
                   "Vollständiger Plan");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM rubric_cell"), ==, 6);

  /* Links follow the outcomes' positions into the new version. */
  ids = acr_rubric_criterion_get_outcome_ids (criterion_at (copy, 0));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, v2_o1);
  ids = acr_rubric_criterion_get_outcome_ids (criterion_at (copy, 1));
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, v2_o1);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, v2_o2);

  /* Errors change nothing: a second copy, a version lacking an outcome, a missing module. */
  before = dump (store);
  g_assert_false (acr_rubric_copy_to_module (store, v1, v2, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (acr_rubric_copy_to_module (store, v1, short_id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "position 2"));
  g_clear_error (&error);
  g_assert_false (acr_rubric_copy_to_module (store, v1, 4711, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (acr_rubric_copy_to_module (store, 4711, bare, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A module without a rubric copies nothing, successfully. */
  g_assert_true (acr_rubric_copy_to_module (store, bare, short_id, &error));
  g_assert_no_error (error);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_rubric_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autoptr(AcrPagedList) all = NULL;
  g_autoptr(AcrPagedList) some = NULL;
  g_autoptr(AcrPagedList) none = NULL;
  g_autoptr(AcrRubric) first = NULL;
  const char *codes[] = { "WELD-1", "WELD-2", "SOLDER" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(AcrRubric) rubric = make_rubric (make_module (store, codes[i], 1, "draft"));
      g_autofree char *title = g_strdup_printf ("Raster %u", 3 - i);

      acr_rubric_set_title (rubric, title);
      save_ok (rubric, store);
    }

  all = acr_rubric_list (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (all), 0);
  g_assert_cmpstr (acr_rubric_get_title (first), ==, "Raster 1");
  g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (first)), ==, 3);

  some = acr_rubric_list (store, "weld");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (some)), ==, 2);
  none = acr_rubric_list (store, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rubric/round-trip", test_rubric_round_trip);
  g_test_add_func ("/rubric/update-in-place", test_rubric_update_in_place);
  g_test_add_func ("/rubric/move-and-remove", test_rubric_move_and_remove);
  g_test_add_func ("/rubric/score", test_rubric_score);
  g_test_add_func ("/rubric/validate", test_rubric_validate);
  g_test_add_func ("/rubric/outcome-of-other-module", test_rubric_outcome_of_other_module);
  g_test_add_func ("/rubric/frozen", test_rubric_frozen);
  g_test_add_func ("/rubric/duplicate-and-delete", test_rubric_duplicate_and_delete);
  g_test_add_func ("/rubric/in-use", test_rubric_in_use);
  g_test_add_func ("/rubric/copy-to-module", test_rubric_copy_to_module);
  g_test_add_func ("/rubric/list", test_rubric_list);

  return g_test_run ();
}
