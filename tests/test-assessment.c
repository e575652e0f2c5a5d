/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "acr-core.h"
#include "acr-assessment.h"
#include "acr-store-private.h"

typedef struct
{
  AcrStore  *store;
  gint64     module_id;     /* draft, with the rubric below */
  gint64     bare_id;       /* draft, without a rubric */
  gint64     learner_id;
  AcrRubric *rubric;        /* weights 1 and 2, levels 0/1/2 points, pass at total 4 */
} Fixture;

static gint64
exec_insert (AcrStore   *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
  return _acr_store_last_insert_id (store);
}

static gint64
make_module (AcrStore   *store,
             const char *code,
             const char *status)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO module (code, version, status, title, created_at, updated_at) "
    "VALUES ('%s', 1, '%s', 'Schweißen %s', 'now', 'now')", code, status, code);

  return exec_insert (store, sql);
}

static gint64
make_learner (AcrStore   *store,
              const char *given,
              const char *family)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO learner (given_name, family_name, created_at, updated_at) "
    "VALUES ('%s', '%s', 'now', 'now')", given, family);

  return exec_insert (store, sql);
}

static void
set_status (AcrStore   *store,
            gint64      module_id,
            const char *status)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE module SET status = '%s' WHERE id = %"
                                          G_GINT64_FORMAT, status, module_id);

  exec_insert (store, sql);
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

static char *
query_text (AcrStore   *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Every assessment row, to prove a failed change left the database as it was. */
static char *
dump (AcrStore *store)
{
  g_autofree char *rows = query_text (store,
    "SELECT group_concat (id || '|' || learner_id || '|' || module_id || '|' || assessed_on "
    "|| '|' || assessor || '|' || ifnull (total, '-') || '|' || passed || '|' || "
    "ifnull (grade, '-') || '|' || ifnull (evidence, '-') || '|' || updated_at, ';') "
    "FROM (SELECT * FROM assessment ORDER BY id)");
  g_autofree char *results = query_text (store,
    "SELECT group_concat (assessment_id || '|' || criterion_id || '|' || level_id, ';') "
    "FROM (SELECT * FROM assessment_result ORDER BY assessment_id, criterion_id)");

  return g_strdup_printf ("%s\n%s", rows, results);
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

static gint64
level_id (Fixture *f,
          guint    index)
{
  return acr_rubric_level_get_id (level_at (f->rubric, index));
}

static gint64
criterion_id (Fixture *f,
              guint    position)
{
  return acr_rubric_criterion_get_id (acr_rubric_get_criterion_at (f->rubric, position));
}

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = acr_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->module_id = make_module (f->store, "SW-1", "draft");
  f->bare_id = make_module (f->store, "SW-2", "draft");
  f->learner_id = make_learner (f->store, "Ada", "Lovelace");

  f->rubric = acr_rubric_new ();
  acr_rubric_set_module_id (f->rubric, f->module_id);
  acr_rubric_set_pass_min_total (f->rubric, 4);
  acr_rubric_add_level (f->rubric, "Nicht erfüllt", 0);
  acr_rubric_add_level (f->rubric, "Teilweise erfüllt", 1);
  acr_rubric_add_level (f->rubric, "Erfüllt", 2);
  acr_rubric_add_criterion (f->rubric, "Bereitet die Naht vor", 1);
  acr_rubric_add_criterion (f->rubric, "Schweißt die Naht", 2);
  g_assert_true (acr_rubric_save (f->rubric, f->store, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->rubric);
  g_clear_object (&f->store);
}

static AcrAssessment *
make_assessment (Fixture    *f,
                 gint64      module_id,
                 const char *date)
{
  AcrAssessment *assessment = acr_assessment_new ();

  acr_assessment_set_learner_id (assessment, f->learner_id);
  acr_assessment_set_module_id (assessment, module_id);
  acr_assessment_set_assessed_on (assessment, date);
  acr_assessment_set_assessor (assessment, "Grace Hopper");
  return assessment;
}

static void
save_ok (AcrAssessment *assessment,
         AcrStore      *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (acr_assessment_save (assessment, store, &error));
  g_assert_no_error (error);
}

static void
assert_save_fails (AcrAssessment *assessment,
                   AcrStore      *store,
                   int            code,
                   const char    *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (store);
  g_autofree char *after = NULL;
  gint64 id = acr_assessment_get_id (assessment);

  g_assert_false (acr_assessment_save (assessment, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, code);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
  g_assert_cmpint (acr_assessment_get_id (assessment), ==, id);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_assessment_with_rubric (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrAssessment) assessment = make_assessment (f, f->module_id, "2025-03-31");
  g_autoptr(AcrAssessment) loaded = NULL;
  g_autoptr(AcrAssessment) reloaded = NULL;
  g_autofree char *created_at = NULL;
  g_autofree char *sql = NULL;
  GArray *results;

  acr_assessment_set_grade (assessment, "1,7");
  acr_assessment_set_evidence (assessment, "https://lms.example.org/submissions/42");
  /* Whatever the caller says, the rubric decides. */
  acr_assessment_set_total (assessment, 99);
  acr_assessment_set_passed (assessment, FALSE);
  /* Criterion 2 at "Teilweise erfüllt" by name, criterion 1 by id: 2 × 1 + 1 × 2 = 4. */
  g_assert_true (acr_assessment_set_result_by_name (assessment, f->store, 2,
                                                    " teilweise ERFÜLLT ", &error));
  g_assert_no_error (error);
  acr_assessment_set_result (assessment, criterion_id (f, 1), level_id (f, 0));
  acr_assessment_set_result (assessment, criterion_id (f, 1), level_id (f, 2));   /* replaces */
  g_assert_cmpuint (acr_assessment_get_results (assessment)->len, ==, 2);

  save_ok (assessment, f->store);
  g_assert_cmpint (acr_assessment_get_id (assessment), >, 0);
  g_assert_cmpfloat (acr_assessment_get_total (assessment), ==, 4);
  g_assert_true (acr_assessment_get_passed (assessment));
  g_assert_nonnull (acr_assessment_get_created_at (assessment));
  g_assert_cmpstr (acr_assessment_get_created_at (assessment), ==,
                   acr_assessment_get_updated_at (assessment));

  sql = g_strdup_printf ("SELECT total * 10 + passed FROM assessment WHERE id = %"
                         G_GINT64_FORMAT, acr_assessment_get_id (assessment));
  g_assert_cmpint (query_int (f->store, sql), ==, 41);

  loaded = acr_assessment_load (f->store, acr_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_assessment_get_learner_id (loaded), ==, f->learner_id);
  g_assert_cmpint (acr_assessment_get_module_id (loaded), ==, f->module_id);
  g_assert_cmpstr (acr_assessment_get_assessed_on (loaded), ==, "2025-03-31");
  g_assert_cmpstr (acr_assessment_get_assessor (loaded), ==, "Grace Hopper");
  g_assert_cmpfloat (acr_assessment_get_total (loaded), ==, 4);
  g_assert_true (acr_assessment_get_passed (loaded));
  g_assert_cmpstr (acr_assessment_get_grade (loaded), ==, "1,7");
  g_assert_cmpstr (acr_assessment_get_evidence (loaded), ==,
                   "https://lms.example.org/submissions/42");
  g_assert_cmpstr (acr_assessment_get_created_at (loaded), ==,
                   acr_assessment_get_created_at (assessment));
  g_assert_cmpstr (acr_assessment_get_updated_at (loaded), ==,
                   acr_assessment_get_updated_at (assessment));

  /* Results come back in criterion order. */
  results = acr_assessment_get_results (loaded);
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (g_array_index (results, AcrAssessmentResult, 0).criterion_id, ==,
                   criterion_id (f, 1));
  g_assert_cmpint (g_array_index (results, AcrAssessmentResult, 0).level_id, ==,
                   level_id (f, 2));
  g_assert_cmpint (g_array_index (results, AcrAssessmentResult, 1).criterion_id, ==,
                   criterion_id (f, 2));
  g_assert_cmpint (acr_assessment_get_result (loaded, criterion_id (f, 2)), ==, level_id (f, 1));

  /* Update: one level lower fails (total 3), in place. */
  created_at = g_strdup (acr_assessment_get_created_at (loaded));
  g_assert_true (acr_assessment_set_result_by_name (loaded, f->store, 1, "Teilweise erfüllt",
                                                    &error));
  g_assert_no_error (error);
  acr_assessment_set_grade (loaded, NULL);
  save_ok (loaded, f->store);
  g_assert_cmpfloat (acr_assessment_get_total (loaded), ==, 3);
  g_assert_false (acr_assessment_get_passed (loaded));

  reloaded = acr_assessment_load (f->store, acr_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (acr_assessment_get_total (reloaded), ==, 3);
  g_assert_false (acr_assessment_get_passed (reloaded));
  g_assert_null (acr_assessment_get_grade (reloaded));
  g_assert_cmpstr (acr_assessment_get_created_at (reloaded), ==, created_at);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM assessment"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM assessment_result"), ==, 2);

  /* A rubric total of 0 is a real 0, not "none". */
  acr_assessment_set_result (reloaded, criterion_id (f, 1), level_id (f, 0));
  acr_assessment_set_result (reloaded, criterion_id (f, 2), level_id (f, 0));
  save_ok (reloaded, f->store);
  g_assert_cmpint (query_int (f->store, "SELECT total IS NOT NULL AND total = 0 "
                                        "FROM assessment"), ==, 1);
}

static void
test_assessment_without_rubric (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrAssessment) assessment = make_assessment (f, f->bare_id, "2024-12-01");
  g_autoptr(AcrAssessment) loaded = NULL;
  g_autoptr(AcrAssessment) other = NULL;

  acr_assessment_set_passed (assessment, TRUE);
  acr_assessment_set_grade (assessment, "gut");
  save_ok (assessment, f->store);
  g_assert_cmpint (query_int (f->store, "SELECT total IS NULL FROM assessment"), ==, 1);

  loaded = acr_assessment_load (f->store, acr_assessment_get_id (assessment), &error);
  g_assert_no_error (error);
  g_assert_true (acr_assessment_get_passed (loaded));
  g_assert_cmpfloat (acr_assessment_get_total (loaded), ==, 0);
  g_assert_cmpstr (acr_assessment_get_grade (loaded), ==, "gut");
  g_assert_cmpuint (acr_assessment_get_results (loaded)->len, ==, 0);

  acr_assessment_set_total (loaded, 87.5);
  acr_assessment_set_passed (loaded, FALSE);
  save_ok (loaded, f->store);
  g_clear_object (&loaded);
  loaded = acr_assessment_load (f->store, acr_assessment_get_id (assessment), &error);
  g_assert_cmpfloat (acr_assessment_get_total (loaded), ==, 87.5);
  g_assert_false (acr_assessment_get_passed (loaded));

  /* No rubric, no levels; and a negative total is refused. */
  acr_assessment_set_result (loaded, criterion_id (f, 1), level_id (f, 2));
  assert_save_fails (loaded, f->store, ACR_STORE_ERROR_INVALID, "no rubric");
  acr_assessment_clear_results (loaded);
  acr_assessment_set_total (loaded, -1);
  assert_save_fails (loaded, f->store, ACR_STORE_ERROR_INVALID, "-1");

  other = make_assessment (f, f->bare_id, "2024-12-01");
  g_assert_false (acr_assessment_set_result_by_name (other, f->store, 1, "Erfüllt", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no rubric"));
}

static void
test_assessment_results_must_fit (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrAssessment) assessment = make_assessment (f, f->module_id, "2025-01-15");
  g_autoptr(AcrAssessment) no_module = acr_assessment_new ();
  gint64 other_module = make_module (f->store, "SW-3", "draft");
  g_autoptr(AcrRubric) other_rubric = acr_rubric_new ();

  /* A criterion without a level is named. */
  acr_assessment_set_result (assessment, criterion_id (f, 1), level_id (f, 2));
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "Schweißt die Naht");

  /* A level of another module's rubric does not fit. */
  acr_rubric_set_module_id (other_rubric, other_module);
  acr_rubric_set_pass_min_points (other_rubric, 1);
  acr_rubric_add_level (other_rubric, "Ja", 1);
  acr_rubric_add_criterion (other_rubric, "Anderes", 1);
  g_assert_true (acr_rubric_save (other_rubric, f->store, &error));
  acr_assessment_set_result (assessment, criterion_id (f, 2),
                             acr_rubric_level_get_id (level_at (other_rubric, 0)));
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "no level");

  /* By name: an unknown position or level says what there is. */
  g_assert_false (acr_assessment_set_result_by_name (assessment, f->store, 3, "Erfüllt",
                                                     &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1 to 2"));
  g_clear_error (&error);
  g_assert_false (acr_assessment_set_result_by_name (assessment, f->store, 1, "Super",
                                                     &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Nicht erfüllt”, “Teilweise erfüllt”, “Erfüllt”"));
  g_clear_error (&error);
  g_assert_false (acr_assessment_set_result_by_name (no_module, f->store, 1, "Erfüllt", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Fixed, it saves. */
  g_assert_true (acr_assessment_set_result_by_name (assessment, f->store, 2, "Erfüllt", &error));
  save_ok (assessment, f->store);
  g_assert_cmpfloat (acr_assessment_get_total (assessment), ==, 6);
}

static void
test_assessment_invalid (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AcrAssessment) assessment = make_assessment (f, f->bare_id, NULL);
  g_autofree char *tomorrow = date_from_today (1);
  g_autofree char *today = date_from_today (0);
  gint64 retired = make_module (f->store, "OLD", "retired");

  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "date");
  acr_assessment_set_assessed_on (assessment, tomorrow);
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "future");
  acr_assessment_set_assessed_on (assessment, "2025-02-29");
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "2025-02-29");
  acr_assessment_set_assessed_on (assessment, "31.03.2025");
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "YYYY-MM-DD");
  acr_assessment_set_assessed_on (assessment, today);

  acr_assessment_set_assessor (assessment, " ");
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "assessed");
  acr_assessment_set_assessor (assessment, "Grace Hopper");

  acr_assessment_set_learner_id (assessment, 0);
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "learner");
  acr_assessment_set_learner_id (assessment, 4711);
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_NOT_FOUND, "learner");
  acr_assessment_set_learner_id (assessment, f->learner_id);

  acr_assessment_set_module_id (assessment, 0);
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "module");
  acr_assessment_set_module_id (assessment, 4711);
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_NOT_FOUND, "module");
  acr_assessment_set_module_id (assessment, retired);
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "retired");
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM assessment"), ==, 0);

  /* Today is fine, and so is any status but retired. */
  acr_assessment_set_module_id (assessment, f->bare_id);
  set_status (f->store, f->bare_id, "in-review");
  save_ok (assessment, f->store);
  set_status (f->store, f->bare_id, "approved");
  acr_assessment_set_evidence (assessment, "Akte 17");
  save_ok (assessment, f->store);

  /* Retiring the module freezes its assessments too. */
  set_status (f->store, f->bare_id, "retired");
  acr_assessment_set_evidence (assessment, "Akte 18");
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_INVALID, "“SW-2” (version 1)");
}

static void
test_assessment_level_in_use (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrAssessment) assessment = make_assessment (f, f->module_id, "2025-01-15");
  g_autoptr(AcrRubric) edit = NULL;

  acr_assessment_set_result (assessment, criterion_id (f, 1), level_id (f, 1));
  acr_assessment_set_result (assessment, criterion_id (f, 2), level_id (f, 2));
  save_ok (assessment, f->store);

  edit = acr_rubric_load_for_module (f->store, f->module_id, &error);
  g_assert_no_error (error);
  acr_rubric_remove_level (edit, level_at (edit, 1));
  g_assert_false (acr_rubric_save (edit, f->store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "Teilweise erfüllt"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM rubric_level"), ==, 3);

  /* Once the assessment is gone, the level may go. */
  g_assert_true (acr_assessment_delete (f->store, acr_assessment_get_id (assessment), &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM assessment_result"), ==, 0);
  g_assert_true (acr_rubric_save (edit, f->store, &error));
  g_assert_no_error (error);

  g_assert_false (acr_assessment_delete (f->store, acr_assessment_get_id (assessment), &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (acr_assessment_load (f->store, acr_assessment_get_id (assessment), &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving the deleted one again is NOT_FOUND, not a silent re-insert. */
  assert_save_fails (assessment, f->store, ACR_STORE_ERROR_NOT_FOUND, NULL);
}

static gint64
item_id (AcrPagedList *list,
         guint         index)
{
  g_autoptr(AcrAssessment) item = g_list_model_get_item (G_LIST_MODEL (list), index);

  g_assert_nonnull (item);
  return acr_assessment_get_id (item);
}

static void
test_assessment_lists (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AcrPagedList) all = NULL;
  g_autoptr(AcrPagedList) passed = NULL;
  g_autoptr(AcrPagedList) of_module = NULL;
  g_autoptr(AcrPagedList) of_learner = NULL;
  g_autoptr(AcrPagedList) by_name = NULL;
  g_autoptr(AcrPagedList) by_code = NULL;
  g_autoptr(AcrPagedList) by_assessor = NULL;
  g_autoptr(AcrAssessment) first = NULL;
  gint64 other_learner = make_learner (f->store, "Alan", "Turing");
  gint64 ids[4];
  struct {
    const char *date;
    gint64      module_id;
    gboolean    learner_two;
    guint       level;       /* both criteria */
  } rows[] = {
    { "2025-01-10", 0, FALSE, 2 },   /* passed */
    { "2025-02-10", 0, TRUE, 0 },    /* failed */
    { "2025-02-10", 0, FALSE, 1 },   /* failed (3) */
    { "2024-11-30", 1, TRUE, 0 },    /* no rubric, passed as set */
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(AcrAssessment) assessment =
        make_assessment (f, rows[i].module_id ? f->bare_id : f->module_id, rows[i].date);

      if (rows[i].learner_two)
        acr_assessment_set_learner_id (assessment, other_learner);
      if (rows[i].module_id)
        {
          acr_assessment_set_passed (assessment, TRUE);
          acr_assessment_set_assessor (assessment, "Konrad Zuse");
        }
      else
        {
          acr_assessment_set_result (assessment, criterion_id (f, 1), level_id (f, rows[i].level));
          acr_assessment_set_result (assessment, criterion_id (f, 2), level_id (f, rows[i].level));
        }
      save_ok (assessment, f->store);
      ids[i] = acr_assessment_get_id (assessment);
    }

  /* Newest first; the same day by id, newest first. */
  all = acr_assessment_list (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 4);
  g_assert_cmpint (item_id (all, 0), ==, ids[2]);
  g_assert_cmpint (item_id (all, 1), ==, ids[1]);
  g_assert_cmpint (item_id (all, 2), ==, ids[0]);
  g_assert_cmpint (item_id (all, 3), ==, ids[3]);
  first = g_list_model_get_item (G_LIST_MODEL (all), 0);
  g_assert_cmpuint (acr_assessment_get_results (first)->len, ==, 2);
  g_assert_cmpfloat (acr_assessment_get_total (first), ==, 3);

  of_module = acr_assessment_list_for_module (f->store, f->module_id, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_module)), ==, 3);
  passed = acr_assessment_list_for_module (f->store, f->module_id, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (passed)), ==, 1);
  g_assert_cmpint (item_id (passed, 0), ==, ids[0]);

  of_learner = acr_assessment_list_for_learner (f->store, other_learner);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_learner)), ==, 2);
  g_assert_cmpint (item_id (of_learner, 0), ==, ids[1]);
  g_assert_cmpint (item_id (of_learner, 1), ==, ids[3]);

  by_name = acr_assessment_list (f->store, "alan tur");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_name)), ==, 2);
  by_code = acr_assessment_list (f->store, "sw-2");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_code)), ==, 1);
  g_assert_cmpint (item_id (by_code, 0), ==, ids[3]);
  by_assessor = acr_assessment_list (f->store, "hopper");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (by_assessor)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/assessment/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("with-rubric", test_assessment_with_rubric);
  ADD ("without-rubric", test_assessment_without_rubric);
  ADD ("results-must-fit", test_assessment_results_must_fit);
  ADD ("invalid", test_assessment_invalid);
  ADD ("level-in-use", test_assessment_level_in_use);
  ADD ("lists", test_assessment_lists);

#undef ADD

  return g_test_run ();
}
