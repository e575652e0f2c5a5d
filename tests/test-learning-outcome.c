/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "acr-core.h"
#include "acr-store-private.h"

typedef struct
{
  AcrStore  *store;
  AcrModule *module;
  gint64     module_id;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = acr_store_open (":memory:", &error);
  g_assert_no_error (error);

  f->module = acr_module_new ();
  acr_module_set_code (f->module, "IT-SEC-01");
  acr_module_set_title (f->module, "IT-Sicherheit");
  acr_module_save (f->module, f->store, &error);
  g_assert_no_error (error);
  f->module_id = acr_module_get_id (f->module);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->module);
  g_clear_object (&f->store);
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

/* The statements in position order, with their positions: "1:A 2:B 3:C". */
static char *
order (Fixture *f)
{
  return query_text (f->store, "SELECT coalesce (group_concat (position || ':' || statement, "
                               "' '), '') FROM (SELECT position, statement FROM learning_outcome "
                               "ORDER BY module_id, position)");
}

static gint64
add (Fixture    *f,
     const char *statement,
     int         position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();

  acr_learning_outcome_set_module_id (outcome, f->module_id);
  acr_learning_outcome_set_statement (outcome, statement);
  acr_learning_outcome_set_position (outcome, position);
  g_assert_true (acr_learning_outcome_save (outcome, f->store, &error));
  g_assert_no_error (error);
  return acr_learning_outcome_get_id (outcome);
}

static void
approve (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  acr_module_set_status (f->module, ACR_STATUS_APPROVED);
  g_assert_true (acr_module_save (f->module, f->store, &error));
  g_assert_no_error (error);
}

static void
test_outcome_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();
  g_autoptr(AcrLearningOutcome) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  gint64 module_id = 0;
  AcrOutcomeKind kind;

  g_assert_cmpint (acr_learning_outcome_get_kind (outcome), ==, ACR_OUTCOME_KIND_KNOWLEDGE);

  g_object_set (outcome,
                "module-id", f->module_id,
                "statement", "Sicherheitsrisiken im Betrieb erkennen und bewerten",
                "statement-en", "Identify and assess security risks in the company",
                "kind", ACR_OUTCOME_KIND_AUTONOMY,
                "esco-uri",
                "http://data.europa.eu/esco/skill/0c3a9b21-8c5c-4f32-a1a1-3c2a1b6e4a90",
                NULL);
  g_assert_true (acr_learning_outcome_save (outcome, f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_learning_outcome_get_id (outcome), >, 0);
  g_assert_cmpint (acr_learning_outcome_get_position (outcome), ==, 1);

  loaded = acr_learning_outcome_load (f->store, acr_learning_outcome_get_id (outcome), &error);
  g_assert_no_error (error);
  g_object_get (loaded, "module-id", &module_id, "kind", &kind, "esco-uri", &uri, NULL);
  g_assert_cmpint (module_id, ==, f->module_id);
  g_assert_cmpint (kind, ==, ACR_OUTCOME_KIND_AUTONOMY);
  g_assert_cmpstr (uri, ==,
                   "http://data.europa.eu/esco/skill/0c3a9b21-8c5c-4f32-a1a1-3c2a1b6e4a90");
  g_assert_cmpint (acr_learning_outcome_get_id (loaded), ==,
                   acr_learning_outcome_get_id (outcome));
  g_assert_cmpint (acr_learning_outcome_get_position (loaded), ==, 1);
  g_assert_cmpstr (acr_learning_outcome_get_statement (loaded), ==,
                   "Sicherheitsrisiken im Betrieb erkennen und bewerten");
  g_assert_cmpstr (acr_learning_outcome_get_statement_en (loaded), ==,
                   "Identify and assess security risks in the company");

  /* Update. */
  acr_learning_outcome_set_statement (loaded, "Risiken bewerten");
  acr_learning_outcome_set_statement_en (loaded, NULL);
  acr_learning_outcome_set_kind (loaded, ACR_OUTCOME_KIND_SKILL);
  acr_learning_outcome_set_esco_uri (loaded, "https://example.org/skills/risk");
  g_assert_true (acr_learning_outcome_save (loaded, f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&outcome);
  outcome = acr_learning_outcome_load (f->store, acr_learning_outcome_get_id (loaded), &error);
  g_assert_cmpstr (acr_learning_outcome_get_statement (outcome), ==, "Risiken bewerten");
  g_assert_null (acr_learning_outcome_get_statement_en (outcome));
  g_assert_cmpint (acr_learning_outcome_get_kind (outcome), ==, ACR_OUTCOME_KIND_SKILL);
  g_assert_cmpstr (acr_learning_outcome_get_esco_uri (outcome), ==,
                   "https://example.org/skills/risk");

  /* The change is recorded on the module. */
  {
    g_autofree char *editor = query_text (f->store, "SELECT last_editor FROM module");
    g_assert_cmpstr (editor, ==, acr_store_get_actor (f->store));
  }

  g_clear_object (&outcome);
  outcome = acr_learning_outcome_load (f->store, 999, &error);
  g_assert_null (outcome);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no learning outcome with the number 999.");
}

static void
test_outcome_positions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *o1 = NULL;
  g_autofree char *o2 = NULL;
  g_autofree char *o3 = NULL;

  add (f, "A", 0);
  add (f, "B", 0);
  add (f, "C", 0);
  o1 = order (f);
  g_assert_cmpstr (o1, ==, "1:A 2:B 3:C");

  /* An explicit position inserts there; beyond the end means the end. */
  add (f, "Z", 1);
  add (f, "Y", 3);
  add (f, "X", 99);
  o2 = order (f);
  g_assert_cmpstr (o2, ==, "1:Z 2:A 3:Y 4:B 5:C 6:X");

  list = acr_module_list_outcomes (f->store, f->module_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (list) == ACR_TYPE_LEARNING_OUTCOME);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (list, i);

      g_assert_cmpint (acr_learning_outcome_get_position (outcome), ==, i + 1);
    }

  /* Saving with another position moves the outcome. */
  {
    g_autoptr(AcrLearningOutcome) last = g_list_model_get_item (list, 5);

    acr_learning_outcome_set_position (last, 2);
    acr_learning_outcome_set_statement (last, "X2");
    g_assert_true (acr_learning_outcome_save (last, f->store, &error));
    g_assert_no_error (error);
  }
  o3 = order (f);
  g_assert_cmpstr (o3, ==, "1:Z 2:X2 3:A 4:Y 5:B 6:C");

  /* Another module's outcomes are another list. */
  g_assert_null (acr_module_list_outcomes (f->store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static void
test_outcome_move (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add (f, "A", 0);
  gint64 b = add (f, "B", 0);
  gint64 c = add (f, "C", 0);
  gint64 d = add (f, "D", 0);
  char *o;

  g_assert_true (acr_module_move_outcome (f->store, a, 3, &error));
  g_assert_no_error (error);
  o = order (f);
  g_assert_cmpstr (o, ==, "1:B 2:C 3:A 4:D");
  g_free (o);

  g_assert_true (acr_module_move_outcome (f->store, d, 1, &error));
  o = order (f);
  g_assert_cmpstr (o, ==, "1:D 2:B 3:C 4:A");
  g_free (o);

  g_assert_true (acr_module_move_outcome (f->store, c, 3, &error));  /* where it is */
  g_assert_true (acr_module_move_outcome (f->store, b, 4, &error));
  g_assert_no_error (error);
  o = order (f);
  g_assert_cmpstr (o, ==, "1:D 2:C 3:A 4:B");
  g_free (o);

  /* Outside 1 … n. */
  g_assert_false (acr_module_move_outcome (f->store, b, 5, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The module has 4 learning outcomes; choose a position from 1 to 4, not 5.");
  g_clear_error (&error);
  g_assert_false (acr_module_move_outcome (f->store, b, 0, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_module_move_outcome (f->store, 999, 1, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  o = order (f);
  g_assert_cmpstr (o, ==, "1:D 2:C 3:A 4:B");
  g_free (o);
}

static void
test_outcome_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add (f, "A", 0);
  gint64 b = add (f, "B", 0);
  char *o;

  add (f, "C", 0);
  g_assert_true (acr_learning_outcome_delete (f->store, b, &error));
  g_assert_no_error (error);
  o = order (f);
  g_assert_cmpstr (o, ==, "1:A 2:C");
  g_free (o);

  g_assert_false (acr_learning_outcome_delete (f->store, b, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (acr_learning_outcome_delete (f->store, a, &error));
  add (f, "D", 0);
  o = order (f);
  g_assert_cmpstr (o, ==, "1:C 2:D");
  g_free (o);
}

static void
test_outcome_invalid (Fixture       *f,
                      gconstpointer  data)
{
  const struct {
    gint64      module_id;
    const char *statement;
    const char *esco_uri;
    int         position;
    int         code;
  } cases[] = {
    { 0, "A", NULL, 0, ACR_STORE_ERROR_INVALID },
    { 1, NULL, NULL, 0, ACR_STORE_ERROR_INVALID },
    { 1, "  \t", NULL, 0, ACR_STORE_ERROR_INVALID },
    { 1, "A", "ftp://example.org/skill", 0, ACR_STORE_ERROR_INVALID },
    { 1, "A", "esco skill 42", 0, ACR_STORE_ERROR_INVALID },
    { 1, "A", "http://", 0, ACR_STORE_ERROR_INVALID },
    { 1, "A", NULL, -1, ACR_STORE_ERROR_INVALID },
    { 4711, "A", NULL, 0, ACR_STORE_ERROR_CONSTRAINT },
  };
  gint64 kept = add (f, "Kept", 0);

  g_assert_cmpint (f->module_id, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();
      g_autoptr(AcrLearningOutcome) existing = acr_learning_outcome_load (f->store, kept, NULL);
      g_autoptr(GError) error = NULL;
      char *o;

      acr_learning_outcome_set_module_id (outcome, cases[i].module_id);
      acr_learning_outcome_set_statement (outcome, cases[i].statement);
      acr_learning_outcome_set_esco_uri (outcome, cases[i].esco_uri);
      acr_learning_outcome_set_position (outcome, cases[i].position);
      g_assert_false (acr_learning_outcome_save (outcome, f->store, &error));
      g_assert_error (error, ACR_STORE_ERROR, cases[i].code);
      g_clear_error (&error);
      g_assert_cmpint (acr_learning_outcome_get_id (outcome), ==, 0);

      /* The same value on a stored outcome changes nothing either. */
      if (cases[i].module_id == 1)
        {
          acr_learning_outcome_set_statement (existing, cases[i].statement);
          acr_learning_outcome_set_esco_uri (existing, cases[i].esco_uri);
          acr_learning_outcome_set_position (existing, cases[i].position);
          g_assert_false (acr_learning_outcome_save (existing, f->store, &error));
          g_assert_error (error, ACR_STORE_ERROR, cases[i].code);
        }

      o = order (f);
      g_assert_cmpstr (o, ==, "1:Kept");
      g_free (o);
    }
}

static void
test_outcome_other_module (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(AcrModule) other = acr_module_new ();
  g_autoptr(AcrLearningOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "A", 0);
  char *o;

  acr_module_set_code (other, "OTHER");
  g_assert_true (acr_module_save (other, f->store, &error));

  /* Each module numbers its own outcomes. */
  {
    g_autoptr(AcrLearningOutcome) first = acr_learning_outcome_new ();

    acr_learning_outcome_set_module_id (first, acr_module_get_id (other));
    acr_learning_outcome_set_statement (first, "B");
    g_assert_true (acr_learning_outcome_save (first, f->store, &error));
    g_assert_cmpint (acr_learning_outcome_get_position (first), ==, 1);
  }

  outcome = acr_learning_outcome_load (f->store, id, &error);
  acr_learning_outcome_set_module_id (outcome, acr_module_get_id (other));
  g_assert_false (acr_learning_outcome_save (outcome, f->store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  o = order (f);
  g_assert_cmpstr (o, ==, "1:A 1:B");
  g_free (o);
}

static void
test_outcome_frozen (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AcrLearningOutcome) outcome = NULL;
  g_autoptr(AcrLearningOutcome) extra = acr_learning_outcome_new ();
  g_autoptr(GError) error = NULL;
  gint64 a = add (f, "A", 0);
  char *o;

  add (f, "B", 0);
  approve (f);

  acr_learning_outcome_set_module_id (extra, f->module_id);
  acr_learning_outcome_set_statement (extra, "C");
  g_assert_false (acr_learning_outcome_save (extra, f->store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==,
                   "Version 1 of module “IT-SEC-01” is approved and cannot be changed. "
                   "Create a new version to edit it.");
  g_clear_error (&error);

  outcome = acr_learning_outcome_load (f->store, a, &error);
  acr_learning_outcome_set_statement (outcome, "A changed");
  g_assert_false (acr_learning_outcome_save (outcome, f->store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (acr_module_move_outcome (f->store, a, 2, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (acr_learning_outcome_delete (f->store, a, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  o = order (f);
  g_assert_cmpstr (o, ==, "1:A 2:B");
  g_free (o);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/learning-outcome/round-trip", test_outcome_round_trip);
  ADD ("/learning-outcome/positions", test_outcome_positions);
  ADD ("/learning-outcome/move", test_outcome_move);
  ADD ("/learning-outcome/delete", test_outcome_delete);
  ADD ("/learning-outcome/invalid", test_outcome_invalid);
  ADD ("/learning-outcome/other-module", test_outcome_other_module);
  ADD ("/learning-outcome/frozen", test_outcome_frozen);

#undef ADD

  return g_test_run ();
}
