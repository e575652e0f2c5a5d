/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "acr-core.h"
#include "acr-store-private.h"

typedef struct
{
  AcrStore  *store;
  AcrModule *module;
  gint64     module_id;
  gint64     organisation_id;
  gint64     outcome_id;
} Fixture;

static void
exec_sql (AcrStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  _acr_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

/* A module with every Annex I element. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();
  g_autoptr(GError) error = NULL;

  f->store = acr_store_open (":memory:", &error);
  g_assert_no_error (error);

  exec_sql (f->store,
            "INSERT INTO organisation (id, name, country, created_at, updated_at) "
            "VALUES (1, 'IHK Musterstadt', 'DE', 'now', 'now');"
            "INSERT INTO framework (id, code, title_de, title_en, is_eqf, created_at, updated_at) "
            "VALUES (1, 'EQF', 'EQR', 'EQF', 1, 'now', 'now');"
            "WITH RECURSIVE seq (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 8) "
            "INSERT INTO framework_level (framework_id, level, label, eqf_level) "
            "SELECT 1, i, 'Level ' || i, i FROM seq;");
  f->organisation_id = 1;

  f->module = acr_module_new ();
  g_object_set (f->module,
                "code", "IT-SEC-01",
                "title", "IT-Sicherheit im Betrieb",
                "organisation-id", f->organisation_id,
                "workload-hours", 60.0,
                "assessment-type", ACR_ASSESSMENT_TYPE_PROJECT,
                "participation", ACR_PARTICIPATION_ONLINE,
                "qa-type", ACR_QA_TYPE_INTERNAL,
                NULL);
  g_assert_true (acr_module_save (f->module, f->store, &error));
  g_assert_no_error (error);
  f->module_id = acr_module_get_id (f->module);

  acr_learning_outcome_set_module_id (outcome, f->module_id);
  acr_learning_outcome_set_statement (outcome, "Risiken bewerten");
  g_assert_true (acr_learning_outcome_save (outcome, f->store, &error));
  f->outcome_id = acr_learning_outcome_get_id (outcome);

  g_assert_true (acr_module_assign_level (f->store, f->module_id, "EQF", 4, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->module);
  g_clear_object (&f->store);
}

static AcrCompleteness *
check (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AcrCompleteness *completeness = acr_module_check_completeness (f->module, f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (completeness);
  g_assert_cmpuint (acr_completeness_get_n_total (completeness), ==, 11);
  g_assert_cmpuint (acr_completeness_get_n_present (completeness) +
                    acr_completeness_get_n_missing (completeness), ==, 11);
  return completeness;
}

/* Asserts that exactly the @n elements of @expected are missing, in this order, each with a
 * message and the property given. */
static void
assert_missing (AcrCompleteness   *completeness,
                const char * const expected[][2],
                guint              n)
{
  const char *element = NULL;
  const char *message = NULL;
  const char *property = NULL;

  g_assert_cmpuint (acr_completeness_get_n_missing (completeness), ==, n);
  g_assert_cmpuint (acr_completeness_get_n_present (completeness), ==, 11 - n);
  g_assert_true (acr_completeness_is_complete (completeness) == (n == 0));

  for (guint i = 0; i < n; i++)
    {
      g_assert_true (acr_completeness_get_missing (completeness, i, &element, &message,
                                                   &property));
      g_assert_cmpstr (element, ==, expected[i][0]);
      g_assert_cmpstr (property, ==, expected[i][1]);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
      g_assert_true (acr_completeness_is_missing (completeness, element));
    }

  g_assert_false (acr_completeness_get_missing (completeness, n, &element, NULL, NULL));
}

static void
test_complete (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AcrCompleteness) completeness = check (f);

  assert_missing (completeness, NULL, 0);
  for (guint i = 0; i < 11; i++)
    g_assert_false (acr_completeness_is_missing (completeness,
                                                 acr_completeness_get_element (i)));

  /* The QA body is recommended, not required; ECTS alone is a workload. */
  g_assert_null (acr_module_get_qa_body (f->module));
  acr_module_set_workload_hours (f->module, 0);
  acr_module_set_ects (f->module, 2);
  g_clear_object (&completeness);
  completeness = check (f);
  assert_missing (completeness, NULL, 0);
}

typedef void (*RemoveFunc) (Fixture *f);

typedef struct
{
  const char *element;
  const char *property;
  RemoveFunc  remove;
} ElementCase;

static void
remove_title (Fixture *f)
{
  acr_module_set_title (f->module, "  ");
}

static void
remove_country (Fixture *f)
{
  /* The schema requires a country; only a database written around the CHECK lacks one. */
  exec_sql (f->store, "PRAGMA ignore_check_constraints = ON;"
                      "UPDATE organisation SET country = '' WHERE id = 1;"
                      "PRAGMA ignore_check_constraints = OFF;");
}

static void
remove_outcomes (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (acr_learning_outcome_delete (f->store, f->outcome_id, &error));
  g_assert_no_error (error);
}

static void
remove_workload (Fixture *f)
{
  acr_module_set_workload_hours (f->module, 0);
  acr_module_set_ects (f->module, 0);
}

static void
remove_level (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (acr_module_unassign_level (f->store, f->module_id, "EQF", &error));
  g_assert_no_error (error);
}

static void
remove_level_reference (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  /* A national level without an EQF reference is no EQF level. */
  exec_sql (f->store,
            "INSERT INTO framework (id, code, title_de, title_en, created_at, updated_at) "
            "VALUES (2, 'LOCAL', 'Lokal', 'Local', 'now', 'now');"
            "INSERT INTO framework_level (framework_id, level, label) VALUES (2, 3, 'Drei');");
  g_assert_true (acr_module_assign_level (f->store, f->module_id, "LOCAL", 3, NULL, &error));
  remove_level (f);
}

static void
remove_assessment_type (Fixture *f)
{
  acr_module_set_assessment_type (f->module, ACR_ASSESSMENT_TYPE_NONE);
}

static void
remove_participation (Fixture *f)
{
  acr_module_set_participation (f->module, ACR_PARTICIPATION_NONE);
}

static void
remove_quality_assurance (Fixture *f)
{
  acr_module_set_qa_type (f->module, ACR_QA_TYPE_NONE);
  acr_module_set_qa_body (f->module, "Zentralstelle für Fernunterricht");
}

static const ElementCase element_cases[] = {
  { "title", "title", remove_title },
  { "country", "organisation-id", remove_country },
  { "learning-outcomes", "outcomes", remove_outcomes },
  { "workload", "workload-hours", remove_workload },
  { "level", "levels", remove_level },
  { "level", "levels", remove_level_reference },
  { "assessment-type", "assessment-type", remove_assessment_type },
  { "participation", "participation", remove_participation },
  { "quality-assurance", "qa-type", remove_quality_assurance },
};

static void
test_element_missing (Fixture       *f,
                      gconstpointer  data)
{
  const ElementCase *c = data;
  g_autoptr(AcrCompleteness) completeness = NULL;
  const char * const expected[1][2] = { { c->element, c->property } };

  c->remove (f);
  completeness = check (f);
  assert_missing (completeness, expected, 1);
}

static void
test_awarding_body_missing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(AcrCompleteness) completeness = NULL;
  /* Without an awarding body, its country is unknown too: both are reported, in Annex I
   * order, and both lead to the organisation field. */
  const char * const expected[2][2] = {
    { "country", "organisation-id" },
    { "awarding-body", "organisation-id" },
  };

  acr_module_set_organisation_id (f->module, 0);
  completeness = check (f);
  assert_missing (completeness, expected, 2);
}

static void
test_issuance_elements (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(AcrModule) empty = acr_module_new ();
  g_autoptr(AcrCompleteness) completeness = NULL;
  g_autoptr(GError) error = NULL;
  const char * const expected[9][2] = {
    { "title", "title" },
    { "country", "organisation-id" },
    { "awarding-body", "organisation-id" },
    { "learning-outcomes", "outcomes" },
    { "workload", "workload-hours" },
    { "level", "levels" },
    { "assessment-type", "assessment-type" },
    { "participation", "participation" },
    { "quality-assurance", "qa-type" },
  };

  /* An unsaved, empty module lacks everything but what issuance supplies. */
  completeness = acr_module_check_completeness (empty, f->store, &error);
  g_assert_no_error (error);
  assert_missing (completeness, expected, 9);
  g_assert_false (acr_completeness_is_missing (completeness, "learner"));
  g_assert_false (acr_completeness_is_missing (completeness, "issue-date"));
}

static void
test_messages (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(AcrCompleteness) completeness = NULL;
  const char *message = NULL;

  remove_outcomes (f);
  completeness = check (f);
  g_assert_true (acr_completeness_get_missing (completeness, 0, NULL, &message, NULL));
  g_assert_cmpstr (message, ==, "Add at least one learning outcome.");
}

static void
test_labels (void)
{
  const char *ids[] = { "learner", "title", "country", "awarding-body", "issue-date",
                        "learning-outcomes", "workload", "level", "assessment-type",
                        "participation", "quality-assurance" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (acr_completeness_get_element (i), ==, ids[i]);
      g_assert_nonnull (acr_completeness_get_element_label (ids[i]));
    }

  g_assert_null (acr_completeness_get_element (11));
  g_assert_cmpstr (acr_completeness_get_element_label ("title"), ==, "Title");
  g_assert_cmpstr (acr_completeness_get_element_label ("learning-outcomes"), ==,
                   "Learning outcomes");
  g_assert_null (acr_completeness_get_element_label ("grade"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/completeness/complete", Fixture, NULL, fixture_setup, test_complete,
              fixture_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (element_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/completeness/missing/%s/%s",
                                               element_cases[i].element,
                                               element_cases[i].remove == remove_level_reference ?
                                               "no-eqf-reference" : "removed");

      g_test_add (path, Fixture, &element_cases[i], fixture_setup, test_element_missing,
                  fixture_teardown);
    }
  g_test_add ("/completeness/missing/awarding-body/removed", Fixture, NULL, fixture_setup,
              test_awarding_body_missing, fixture_teardown);
  g_test_add ("/completeness/issuance-elements", Fixture, NULL, fixture_setup,
              test_issuance_elements, fixture_teardown);
  g_test_add ("/completeness/messages", Fixture, NULL, fixture_setup, test_messages,
              fixture_teardown);
  g_test_add_func ("/completeness/labels", test_labels);

  return g_test_run ();
}
