/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "acr-core.h"
#include "acr-store-private.h"

static const char * const framework_codes[] = { "EQF", "DQR", "NQR-AT", "NQF-CH" };

static gint64
query_int (AcrStore   *store,
           const char *sql,
           const char *param)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  if (param != NULL)
    _acr_bind_text (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* "table=count;" for every table of the schema, in name order. */
static char *
snapshot_counts (AcrStore *store)
{
  g_autoptr(sqlite3_stmt) stmt =
    _acr_store_prepare (store, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  GString *out = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT ";", table,
                              query_int (store, sql, NULL));
    }

  return g_string_free (out, FALSE);
}

static gboolean
has_text (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;

  return FALSE;
}

static AcrStore *
seeded_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (acr_seed_demo (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static AcrCurriculum *
load_demo_curriculum (AcrStore *store)
{
  g_autoptr(GError) error = NULL;
  AcrCurriculum *curriculum = acr_curriculum_load_by_code (store, ACR_SEED_DEMO_CURRICULUM_CODE,
                                                           0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (curriculum);
  return curriculum;
}

static void
test_seed_frameworks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);

  g_assert_true (acr_seed_frameworks (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework", NULL), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework WHERE is_eqf = 1", NULL),
                   ==, 1);

  for (guint f = 0; f < G_N_ELEMENTS (framework_codes); f++)
    {
      const char *code = framework_codes[f];
      g_autoptr(AcrFramework) framework = acr_framework_load_by_code (store, code, &error);
      GListModel *dimensions;
      GListModel *levels;
      guint n_dims;

      g_assert_no_error (error);
      g_assert_cmpstr (acr_framework_get_code (framework), ==, code);
      g_assert_nonnull (acr_framework_get_title_de (framework));
      g_assert_nonnull (acr_framework_get_title_en (framework));
      g_assert_true (acr_framework_get_is_eqf (framework) == (f == 0));

      dimensions = acr_framework_get_dimensions (framework);
      levels = acr_framework_get_levels (framework);
      n_dims = g_list_model_get_n_items (dimensions);
      g_assert_cmpuint (n_dims, ==, g_str_equal (code, "DQR") ? 4 : 3);
      g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 8);

      /* Every level × dimension has a non-blank descriptor in German and in English (read
       * from the table: the getter would fall back to the other language). */
      for (guint l = 1; l <= 8; l++)
        {
          AcrFrameworkLevel *level = acr_framework_get_level (framework, (int) l);

          g_assert_nonnull (level);
          g_assert_cmpint (acr_framework_level_get_eqf_level (level), ==, (int) l);
          g_assert_nonnull (acr_framework_level_get_label (level));

          for (guint d = 0; d < n_dims; d++)
            {
              g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, d);
              const char *dim_code = acr_framework_dimension_get_code (dimension);
              const char * const langs[] = { "de", "en" };

              g_assert_nonnull (acr_framework_dimension_get_title_de (dimension));
              g_assert_nonnull (acr_framework_dimension_get_title_en (dimension));

              for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
                {
                  g_autoptr(sqlite3_stmt) stmt =
                    _acr_store_prepare (store,
                                        "SELECT d.text FROM framework_descriptor d "
                                        "JOIN framework_level l ON l.id = d.level_id "
                                        "JOIN framework_dimension m ON m.id = d.dimension_id "
                                        "JOIN framework f ON f.id = l.framework_id "
                                        "WHERE f.code = ?1 AND l.level = ?2 AND m.code = ?3 "
                                        "AND d.lang = ?4", NULL);

                  _acr_bind_text (stmt, 1, code);
                  sqlite3_bind_int (stmt, 2, (int) l);
                  _acr_bind_text (stmt, 3, dim_code);
                  _acr_bind_text (stmt, 4, langs[i]);
                  if (sqlite3_step (stmt) != SQLITE_ROW ||
                      !has_text ((const char *) sqlite3_column_text (stmt, 0)))
                    g_error ("%s level %u has no %s descriptor for “%s”", code, l, langs[i],
                             dim_code);
                }
            }
        }
      /* 8 levels × dimensions × 2 languages, and nothing else. */
      g_assert_cmpint (query_int (store,
                                  "SELECT count(*) FROM framework_descriptor d "
                                  "JOIN framework_level l ON l.id = d.level_id "
                                  "JOIN framework f ON f.id = l.framework_id WHERE f.code = ?1",
                                  code), ==, 8 * n_dims * 2);
    }

  /* The facts of STANDARDS.md §2 in the examples and labels. */
  {
    g_autoptr(AcrFramework) at = acr_framework_load_by_code (store, "NQR-AT", &error);
    g_autoptr(AcrFramework) ch = acr_framework_load_by_code (store, "NQF-CH", &error);
    g_autoptr(AcrFramework) dqr = acr_framework_load_by_code (store, "DQR", &error);

    g_assert_cmpstr (acr_framework_level_get_label (acr_framework_get_level (at, 8)), ==, "VIII");
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (acr_framework_get_level (at, 4)),
                              "Lehr"));
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (acr_framework_get_level (ch, 3)),
                              "EBA"));
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (acr_framework_get_level (ch, 4)),
                              "EFZ"));
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (acr_framework_get_level (ch, 5)),
                              "Fachausweis"));
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (acr_framework_get_level (ch, 6)),
                              "HF"));
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (acr_framework_get_level (dqr, 6)),
                              "Meister"));
    g_assert_nonnull (acr_framework_level_get_examples_en (acr_framework_get_level (dqr, 6)));
    g_assert_cmpint (acr_framework_eqf_level_for (store, "DQR", 6, &error), ==, 6);
  }

  /* Again: nothing changes. */
  {
    g_autofree char *before = snapshot_counts (store);
    g_autofree char *after = NULL;

    g_assert_true (acr_seed_frameworks (store, &error));
    g_assert_no_error (error);
    after = snapshot_counts (store);
    g_assert_cmpstr (before, ==, after);
  }
}

static void
test_seed_modules_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = seeded_store ();
  g_autoptr(AcrCurriculum) curriculum = load_demo_curriculum (store);
  GListModel *entries = acr_curriculum_get_entries (curriculum);

  g_assert_cmpint (acr_curriculum_get_status (curriculum), ==, ACR_STATUS_APPROVED);
  g_assert_cmpstr (acr_curriculum_get_title (curriculum), ==, "IT-Sicherheit Grundlagen");
  g_assert_cmpstr (acr_curriculum_get_title_en (curriculum), ==, "IT security basics");
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module", NULL), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (entries, i);
      gint64 module_id = acr_curriculum_entry_get_module_id (entry);
      g_autoptr(AcrModule) module = acr_module_load (store, module_id, &error);
      g_autoptr(AcrCompleteness) completeness = NULL;
      g_autoptr(GListModel) outcomes = NULL;
      g_autoptr(GListModel) levels = NULL;
      g_autoptr(AcrRubric) rubric = NULL;
      g_autoptr(AcrOrganisation) chamber = NULL;
      gboolean kinds[3] = { FALSE, FALSE, FALSE };
      gboolean contradiction = TRUE;
      guint n_outcomes;

      g_assert_no_error (error);
      g_assert_true (acr_curriculum_entry_get_required (entry));
      g_assert_cmpint (acr_module_get_status (module), ==, ACR_STATUS_APPROVED);
      g_assert_true (acr_module_is_frozen (module));

      completeness = acr_module_check_completeness (module, store, &error);
      g_assert_no_error (error);
      if (!acr_completeness_is_complete (completeness))
        {
          const char *element = NULL;

          acr_completeness_get_missing (completeness, 0, &element, NULL, NULL);
          g_error ("%s misses %s", acr_module_get_code (module), element);
        }

      /* The optional elements are there too. */
      g_assert_cmpfloat (acr_module_get_workload_hours (module), >, 0);
      g_assert_cmpfloat (acr_module_get_ects (module), >, 0);
      g_assert_cmpint (acr_module_get_assessment_mode (module), !=, ACR_ASSESSMENT_MODE_NONE);
      g_assert_cmpint (acr_module_get_supervision (module), !=, ACR_SUPERVISION_NONE);
      g_assert_cmpint (acr_module_get_qa_type (module), !=, ACR_QA_TYPE_NONE);
      g_assert_nonnull (acr_module_get_qa_body (module));
      g_assert_cmpint (acr_module_get_validity_months (module), ==, 36);
      g_assert_true (g_str_equal (acr_module_get_isced_f (module), "0611") ||
                     g_str_equal (acr_module_get_isced_f (module), "0612"));
      g_assert_cmpint (acr_module_get_stackability (module), ==, ACR_STACKABILITY_STACKABLE);
      g_assert_nonnull (strstr (acr_module_get_stackable_towards (module),
                                ACR_SEED_DEMO_CURRICULUM_CODE));
      g_assert_nonnull (acr_module_get_prerequisites (module));
      g_assert_true (g_str_has_prefix (acr_module_get_further_info (module), "https://"));
      g_assert_nonnull (acr_module_get_title_en (module));
      g_assert_nonnull (acr_module_get_description_en (module));

      chamber = acr_organisation_load (store, acr_module_get_organisation_id (module), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (acr_organisation_get_name (chamber), ==,
                       "Demo-Industrie- und Handelskammer Musterstadt");
      g_assert_cmpstr (acr_organisation_get_country (chamber), ==, "DE");
      g_assert_nonnull (strstr (acr_organisation_get_email (chamber), "example.org"));
      g_assert_nonnull (strstr (acr_organisation_get_web (chamber), "example.org"));

      /* 3 to 5 outcomes of mixed kinds, each with an English translation. */
      outcomes = acr_module_list_outcomes (store, module_id, &error);
      g_assert_no_error (error);
      n_outcomes = g_list_model_get_n_items (outcomes);
      g_assert_cmpuint (n_outcomes, >=, 3);
      g_assert_cmpuint (n_outcomes, <=, 5);
      for (guint o = 0; o < n_outcomes; o++)
        {
          g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (outcomes, o);

          kinds[acr_learning_outcome_get_kind (outcome)] = TRUE;
          g_assert_nonnull (acr_learning_outcome_get_statement_en (outcome));
        }
      g_assert_true (kinds[ACR_OUTCOME_KIND_KNOWLEDGE] && kinds[ACR_OUTCOME_KIND_SKILL] &&
                     kinds[ACR_OUTCOME_KIND_AUTONOMY]);

      /* EQF 4 and DQR 4, with a rationale. */
      levels = acr_module_list_levels (store, module_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (levels), ==, 2);
      for (guint l = 0; l < 2; l++)
        {
          g_autoptr(AcrLevelAssignment) assignment = g_list_model_get_item (levels, l);

          g_assert_cmpint (acr_level_assignment_get_level (assignment), ==, 4);
          g_assert_nonnull (acr_level_assignment_get_rationale (assignment));
        }
      g_assert_cmpint (acr_module_get_eqf_level (store, module_id, &contradiction, &error), ==, 4);
      g_assert_false (contradiction);

      /* The rubric: 3 levels, 3 criteria tied to outcomes, every cell described. */
      rubric = acr_rubric_load_for_module (store, module_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_levels (rubric)), ==, 3);
      g_assert_cmpuint (g_list_model_get_n_items (acr_rubric_get_criteria (rubric)), ==, 3);
      g_assert_nonnull (acr_rubric_find_level_by_name (rubric, "nicht erfüllt"));
      g_assert_nonnull (acr_rubric_find_level_by_name (rubric, "erfüllt"));
      g_assert_nonnull (acr_rubric_find_level_by_name (rubric, "übertroffen"));
      g_assert_cmpfloat (acr_rubric_get_pass_min_total (rubric), >, 0);
      for (guint c = 1; c <= 3; c++)
        {
          AcrRubricCriterion *criterion = acr_rubric_get_criterion_at (rubric, c);

          g_assert_nonnull (criterion);
          g_assert_cmpuint (acr_rubric_criterion_get_outcome_ids (criterion)->len, >=, 1);
          for (guint l = 0; l < 3; l++)
            {
              g_autoptr(AcrRubricLevel) level = g_list_model_get_item (acr_rubric_get_levels (rubric), l);

              g_assert_nonnull (acr_rubric_get_cell (rubric, criterion, level));
            }
        }
    }

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM learner", NULL), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM learner WHERE email NOT LIKE "
                                     "'%@example.org'", NULL), ==, 0);
}

static void
test_seed_assessment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = seeded_store ();
  g_autoptr(AcrAssessment) assessment = NULL;
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(AcrCurriculum) curriculum = load_demo_curriculum (store);
  g_autoptr(GArray) criterion_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) level_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *results;
  double total = 0;
  gboolean passed = FALSE;
  gboolean satisfied = TRUE;
  gint64 module_id;

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM assessment", NULL), ==, 1);
  assessment = acr_assessment_load (store, query_int (store, "SELECT id FROM assessment", NULL),
                                    &error);
  g_assert_no_error (error);
  g_assert_true (acr_assessment_get_passed (assessment));
  module_id = acr_assessment_get_module_id (assessment);

  /* Scoring the stored results again with the module's rubric passes too. */
  rubric = acr_rubric_load_for_module (store, module_id, &error);
  g_assert_no_error (error);
  results = acr_assessment_get_results (assessment);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < results->len; i++)
    {
      AcrAssessmentResult *result = &g_array_index (results, AcrAssessmentResult, i);

      g_array_append_val (criterion_ids, result->criterion_id);
      g_array_append_val (level_ids, result->level_id);
    }
  g_assert_true (acr_rubric_score (rubric, (gint64 *) criterion_ids->data,
                                   (gint64 *) level_ids->data, results->len, &total, &passed,
                                   &error));
  g_assert_no_error (error);
  g_assert_true (passed);
  g_assert_cmpfloat (total, ==, acr_assessment_get_total (assessment));
  g_assert_cmpfloat (total, >=, acr_rubric_get_pass_min_total (rubric));

  /* One passed module does not complete the series; all three would. */
  g_assert_true (acr_curriculum_check_stacking (store, acr_curriculum_get_id (curriculum),
                                                &module_id, 1, &satisfied, &error));
  g_assert_false (satisfied);
  {
    gint64 all[3];

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(AcrCurriculumEntry) entry =
          g_list_model_get_item (acr_curriculum_get_entries (curriculum), i);

        all[i] = acr_curriculum_entry_get_module_id (entry);
      }
    g_assert_true (acr_curriculum_check_stacking (store, acr_curriculum_get_id (curriculum),
                                                  all, 3, &satisfied, &error));
    g_assert_true (satisfied);
  }
}

static void
test_seed_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = seeded_store ();
  g_autofree char *before = snapshot_counts (store);
  g_autofree char *after = NULL;

  g_assert_true (acr_seed_demo (store, &error));
  g_assert_no_error (error);
  g_assert_true (acr_seed_frameworks (store, &error));
  g_assert_no_error (error);
  after = snapshot_counts (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_nonnull (strstr (before, "framework=4;"));
  g_assert_nonnull (strstr (before, "curriculum=1;"));
}

static void
test_seed_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (":memory:", &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A module code the demo wants is taken: the demo fails and leaves nothing behind. */
  g_assert_true (_acr_store_exec (store, "INSERT INTO module (code, title, created_at, "
                                         "updated_at) VALUES ('DEMO-ITSEC-02', 'Eigenes Modul', "
                                         "'now', 'now')", &error));
  before = snapshot_counts (store);
  g_assert_false (acr_seed_demo (store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "DEMO-ITSEC-02"));
  after = snapshot_counts (store);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/seed/frameworks", test_seed_frameworks);
  g_test_add_func ("/seed/demo/modules-complete", test_seed_modules_complete);
  g_test_add_func ("/seed/demo/assessment", test_seed_assessment);
  g_test_add_func ("/seed/demo/idempotent", test_seed_idempotent);
  g_test_add_func ("/seed/demo/all-or-nothing", test_seed_all_or_nothing);

  return g_test_run ();
}
