/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The curriculum exchange document: export of the seeded curriculum, export → import →
 * export byte for byte, re-import updating instead of duplicating, and every document that
 * must be refused — each leaving the database exactly as it was. */

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "acr-core.h"
#include "acr-store-private.h"
#include "acr-xml.h"

static const char * const tables[] = {
  "organisation", "module", "learning_outcome", "module_level", "rubric", "rubric_level",
  "rubric_criterion", "rubric_cell", "rubric_criterion_outcome", "curriculum",
  "curriculum_module", "assessment", "framework", "framework_level", "audit_log",
};

static AcrStore *
open_store (gboolean demo)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  acr_store_set_actor (store, "Test Editor");
  if (demo)
    acr_seed_demo (store, &error);
  else
    acr_seed_frameworks (store, &error);
  g_assert_no_error (error);
  return store;
}

static int
count_rows (AcrStore   *store,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

/* Everything an import may touch, as one string: row counts, and the rows of the tables whose
 * values it may change. Equal before and after a failed import, or the test fails. */
static char *
fingerprint_full (AcrStore *store,
                  gboolean  with_audit)
{
  static const char * const queries[] = {
    "SELECT group_concat (id || '|' || code || '|' || version || '|' || status || '|' || "
    "title || '|' || updated_at || '|' || coalesce (organisation_id, ''), ';') FROM module",
    "SELECT group_concat (id || '|' || statement || '|' || position, ';') FROM learning_outcome",
    "SELECT group_concat (id || '|' || title || '|' || status || '|' || updated_at, ';') "
    "FROM curriculum",
    "SELECT group_concat (curriculum_id || '|' || module_id || '|' || position, ';') "
    "FROM curriculum_module",
    "SELECT group_concat (id || '|' || name, ';') FROM organisation",
  };
  GString *print = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (with_audit || !g_str_equal (tables[i], "audit_log"))
      g_string_append_printf (print, "%s=%d ", tables[i], count_rows (store, tables[i]));

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, queries[i], NULL);

      g_assert_nonnull (stmt);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (print, "\n%s", (const char *) sqlite3_column_text (stmt, 0));
    }

  return g_string_free (print, FALSE);
}

static char *
fingerprint (AcrStore *store)
{
  return fingerprint_full (store, TRUE);
}

static gint64
demo_curriculum_id (AcrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCurriculum) curriculum =
    acr_curriculum_load_by_code (store, ACR_SEED_DEMO_CURRICULUM_CODE, 0, &error);

  g_assert_no_error (error);
  return acr_curriculum_get_id (curriculum);
}

static char *
export (AcrStore *store,
        gint64    curriculum_id)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *xml = acr_curriculum_export_xml (store, curriculum_id, &len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  g_assert_cmpuint (strlen (xml), ==, len);
  return xml;
}

static char *
export_demo (void)
{
  g_autoptr(AcrStore) store = open_store (TRUE);

  return export (store, demo_curriculum_id (store));
}

/* @xml with @from replaced by @to: exactly @expected times (0 = at least once). */
static char *
replace (const char *xml,
         const char *from,
         const char *to,
         guint       expected)
{
  GString *text = g_string_new (xml);
  guint n = g_string_replace (text, from, to, 0);

  if (expected == 0)
    g_assert_cmpuint (n, >, 0);
  else
    g_assert_cmpuint (n, ==, expected);
  return g_string_free (text, FALSE);
}

/* The text of module number @index (from 1) in @xml, with @from replaced by @to there only. */
static char *
replace_in_module (const char *xml,
                   guint       index,
                   const char *from,
                   const char *to)
{
  const char *start = xml;
  const char *end;
  g_autofree char *head = NULL;
  g_autofree char *part = NULL;
  g_autofree char *changed = NULL;

  for (guint i = 0; i < index; i++)
    {
      start = strstr (start + 1, "<module ");
      g_assert_nonnull (start);
    }
  end = strstr (start, "</module>");
  g_assert_nonnull (end);

  head = g_strndup (xml, start - xml);
  part = g_strndup (start, end - start);
  changed = replace (part, from, to, 0);
  return g_strconcat (head, changed, end, NULL);
}

/* Imports @xml expecting @domain/@code; the database must not change. Returns the message. */
static char *
import_fails (AcrStore   *store,
              const char *xml,
              gsize       len,
              GQuark      domain,
              int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fingerprint (store);
  g_autofree char *after = NULL;
  gint64 id;

  id = acr_curriculum_import_xml (store, xml, len, "test.xml", &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, domain, code);
  g_test_message ("%s", error->message);

  after = fingerprint (store);
  g_assert_cmpstr (after, ==, before);
  return g_strdup (error->message);
}

static gint64
import_ok (AcrStore   *store,
           const char *xml)
{
  g_autoptr(GError) error = NULL;
  gint64 id = acr_curriculum_import_xml (store, xml, strlen (xml), "test.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
run_xmllint (const char *xml)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *schema = NULL;
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int fd;
  int status = -1;

  if (xmllint == NULL)
    return FALSE;

  schema = g_test_build_filename (G_TEST_DIST, "..", "data", "schemas", "curriculum.xsd", NULL);
  fd = g_file_open_tmp ("curriculum-XXXXXX.xml", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, xml, -1, &error));

  {
    const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", schema, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                                 NULL, NULL, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("xmllint: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  return TRUE;
}

static void
test_export_seed (void)
{
  g_autoptr(AcrStore) store = open_store (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *xml = export (store, demo_curriculum_id (store));
  g_autofree char *again = export (store, demo_curriculum_id (store));
  const char *de;
  const char *en;

  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<curriculum xmlns=\"urn:accredit:curriculum:1\" "
                                        "code=\"" ACR_SEED_DEMO_CURRICULUM_CODE "\""));
  g_assert_cmpstr (xml, ==, again);

  /* Pretty-printed with two spaces; ids from positions; no time in it. */
  g_assert_nonnull (strstr (xml, "\n  <provider>\n    <name>"));
  g_assert_nonnull (strstr (xml, "<outcome id=\"M1-O1\" kind="));
  g_assert_nonnull (strstr (xml, "<outcome id=\"M3-O2\" kind="));
  g_assert_nonnull (strstr (xml, "<performanceLevel id=\"M2-L1\" points="));
  g_assert_nonnull (strstr (xml, "<assesses outcome=\"M1-O"));
  g_assert_nonnull (strstr (xml, "<cell level=\"M1-L1\">"));
  g_assert_null (strstr (xml, "T00:"));
  g_assert_null (strstr (xml, acr_store_get_actor (store)));

  /* The main language first, then English. */
  de = strstr (xml, "<title xml:lang=\"de\">");
  en = strstr (xml, "<title xml:lang=\"en\">");
  g_assert_nonnull (de);
  g_assert_nonnull (en);
  g_assert_true (de < en);

  /* Level assignments by framework code: DQR before EQF. */
  g_assert_true (strstr (xml, "framework=\"DQR\"") < strstr (xml, "framework=\"EQF\""));

  doc = acr_xml_parse_untrusted (xml, strlen (xml), "export.xml", &error);
  g_assert_no_error (error);
  g_assert_true (acr_xml_validate (doc, "curriculum", "export.xml", &error));
  g_assert_no_error (error);

  if (!run_xmllint (xml))
    g_test_message ("xmllint not found: validated with libxml2 only");
}

static void
test_export_errors (void)
{
  g_autoptr(AcrStore) store = open_store (TRUE);
  g_autoptr(AcrCurriculum) empty = acr_curriculum_new ();
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GError) error = NULL;
  char *xml;

  xml = acr_curriculum_export_xml (store, 4242, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* No provider, no modules: the format needs both; the sentence says what to do. */
  acr_curriculum_set_code (empty, "EMPTY");
  acr_curriculum_set_title (empty, "Leer");
  g_assert_true (acr_curriculum_save (empty, store, &error));
  g_assert_no_error (error);
  xml = acr_curriculum_export_xml (store, acr_curriculum_get_id (empty), NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "provider"));
  g_clear_error (&error);

  /* A module code too long for the format: refused rather than an invalid document. */
  module = acr_module_new ();
  acr_module_set_code (module, "A-VERY-LONG-MODULE-CODE-THAT-GOES-ON-AND-ON-FAR-BEYOND-SIXTY-FOUR-"
                               "CHARACTERS");
  acr_module_set_title (module, "Lang");
  g_assert_true (acr_module_save (module, store, &error));
  g_assert_no_error (error);
  acr_curriculum_set_organisation_id (empty, 1);
  acr_curriculum_add_module (empty, acr_module_get_id (module), TRUE);
  g_assert_true (acr_curriculum_save (empty, store, &error));
  g_assert_no_error (error);
  xml = acr_curriculum_export_xml (store, acr_curriculum_get_id (empty), NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "EMPTY"));
}

static int
eqf_level (AcrStore   *store,
           const char *code,
           gboolean   *contradiction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) module = acr_module_load_by_code (store, code, 1, &error);
  int level;

  g_assert_no_error (error);
  level = acr_module_get_eqf_level (store, acr_module_get_id (module), contradiction, &error);
  g_assert_no_error (error);
  return level;
}

static void
test_round_trip (void)
{
  g_autoptr(AcrStore) seeded = open_store (TRUE);
  g_autoptr(AcrStore) fresh = open_store (FALSE);
  g_autofree char *xml = export (seeded, demo_curriculum_id (seeded));
  g_autofree char *again = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autoptr(GListModel) modules = NULL;
  g_autoptr(GError) error = NULL;
  gboolean contradiction = TRUE;
  gint64 id;

  id = import_ok (fresh, xml);
  again = export (fresh, id);
  g_assert_cmpstr (again, ==, xml);

  /* The import, the approvals and the export are in the audit log. */
  {
    g_autoptr(sqlite3_stmt) stmt =
      _acr_store_prepare (fresh, "SELECT sum (action = 'import'), sum (action = 'approve'), "
                                 "sum (action = 'export') FROM audit_log", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 3);
    g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  }

  /* Everything arrived once, with the seeded statuses. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!g_str_equal (tables[i], "assessment") && !g_str_equal (tables[i], "audit_log"))
      g_assert_cmpint (count_rows (fresh, tables[i]), ==, count_rows (seeded, tables[i]));
  curriculum = acr_curriculum_load (fresh, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_curriculum_get_status (curriculum), ==, ACR_STATUS_APPROVED);
  g_assert_cmpuint (g_list_model_get_n_items (acr_curriculum_get_entries (curriculum)), ==, 3);

  {
    g_autoptr(AcrCurriculumEntry) entry =
      g_list_model_get_item (acr_curriculum_get_entries (curriculum), 0);
    const char *code = acr_curriculum_entry_get_module_code (entry);
    g_autoptr(AcrModule) module = acr_module_load_by_code (fresh, code, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpint (acr_module_get_status (module), ==, ACR_STATUS_APPROVED);
    g_assert_cmpint (acr_module_get_organisation_id (module), ==,
                     acr_curriculum_get_organisation_id (curriculum));

    /* The derived EQF level works on imported modules as on the seeded ones. */
    g_assert_cmpint (eqf_level (fresh, code, &contradiction), ==,
                     eqf_level (seeded, code, NULL));
    g_assert_cmpint (eqf_level (fresh, code, &contradiction), >, 0);
    g_assert_false (contradiction);
  }
}

static void
test_reimport_same_store (void)
{
  g_autoptr(AcrStore) store = open_store (TRUE);
  gint64 id = demo_curriculum_id (store);
  g_autofree char *xml = export (store, id);
  g_autofree char *before = fingerprint_full (store, FALSE);
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  int n_audit = count_rows (store, "audit_log");

  /* The same document again: matched, nothing added, nothing rewritten; only the import
   * itself is recorded. */
  g_assert_cmpint (import_ok (store, xml), ==, id);
  after = fingerprint_full (store, FALSE);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (store, "audit_log"), ==, n_audit + 1);
  again = export (store, id);
  g_assert_cmpstr (again, ==, xml);
}

/* The demo as drafts, in a store with frameworks only. */
static char *
draft_document (void)
{
  g_autofree char *xml = export_demo ();

  return replace (xml, "status=\"approved\"", "status=\"draft\"", 4);
}

static void
test_reimport_updates_drafts (void)
{
  g_autoptr(AcrStore) store = open_store (FALSE);
  g_autofree char *drafts = draft_document ();
  g_autofree char *changed = NULL;
  g_autofree char *changed2 = NULL;
  g_autofree char *changed3 = NULL;
  g_autofree char *again = NULL;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_ok (store, drafts);
  int n_modules = count_rows (store, "module");
  int n_outcomes = count_rows (store, "learning_outcome");
  int n_links = count_rows (store, "rubric_criterion_outcome");
  int n_curricula = count_rows (store, "curriculum");
  int n_organisations = count_rows (store, "organisation");

  /* A changed title and a dropped outcome (with the criterion link to it) in module 1, a
   * changed curriculum title: updated in place, not added again. */
  changed = replace_in_module (drafts, 1, "<title xml:lang=\"de\">", "<title xml:lang=\"de\">Neu: ");
  changed2 = replace (changed, "IT-Sicherheit Grundlagen</title>", "IT-Sicherheit kompakt</title>", 1);
  {
    const char *start = strstr (changed2, "<outcome id=\"M1-O3\"");
    const char *end = start ? strstr (start, "</outcome>") : NULL;
    g_autofree char *head = NULL;

    g_assert_nonnull (end);
    head = g_strndup (changed2, start - changed2);
    changed3 = g_strconcat (head, end + strlen ("</outcome>"), NULL);
  }
  g_free (changed);
  changed = replace (changed3, "<assesses outcome=\"M1-O3\"/>", "", 0);

  g_assert_cmpint (import_ok (store, changed), ==, id);
  g_assert_cmpint (count_rows (store, "module"), ==, n_modules);
  g_assert_cmpint (count_rows (store, "curriculum"), ==, n_curricula);
  g_assert_cmpint (count_rows (store, "organisation"), ==, n_organisations);
  g_assert_cmpint (count_rows (store, "learning_outcome"), ==, n_outcomes - 1);
  g_assert_cmpint (count_rows (store, "rubric_criterion_outcome"), <, n_links);

  curriculum = acr_curriculum_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_curriculum_get_title (curriculum), ==, "IT-Sicherheit kompakt");

  /* What is stored is what the document says: the same as importing it anywhere else. */
  again = export (store, id);
  g_assert_nonnull (strstr (again, "<title xml:lang=\"de\">Neu: "));
  g_assert_null (strstr (again, "M1-O5"));
  {
    g_autoptr(AcrStore) other = open_store (FALSE);
    g_autofree char *there = export (other, import_ok (other, changed));

    g_assert_cmpstr (again, ==, there);
  }

  /* Approving by import: the same content, the status changes. */
  g_free (changed);
  changed = replace (again, "status=\"draft\"", "status=\"approved\"", 4);
  g_assert_cmpint (import_ok (store, changed), ==, id);
  g_free (again);
  again = export (store, id);
  g_assert_cmpstr (again, ==, changed);
}

static void
test_draft_with_assessments (void)
{
  g_autoptr(AcrStore) store = open_store (FALSE);
  g_autofree char *drafts = draft_document ();
  g_autofree char *changed = NULL;
  g_autofree char *message = NULL;
  g_autoptr(AcrLearner) learner = acr_learner_new ();
  g_autoptr(AcrAssessment) assessment = acr_assessment_new ();
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autoptr(AcrCurriculumEntry) entry = NULL;
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = import_ok (store, drafts);
  gint64 module_id;
  GListModel *levels;
  guint n_criteria;

  curriculum = acr_curriculum_load (store, id, &error);
  g_assert_no_error (error);
  entry = g_list_model_get_item (acr_curriculum_get_entries (curriculum), 0);
  module_id = acr_curriculum_entry_get_module_id (entry);

  acr_learner_set_given_name (learner, "Ada");
  acr_learner_set_family_name (learner, "Lovelace");
  g_assert_true (acr_learner_save (learner, store, &error));
  g_assert_no_error (error);

  rubric = acr_rubric_load_for_module (store, module_id, &error);
  g_assert_no_error (error);
  levels = acr_rubric_get_levels (rubric);
  n_criteria = g_list_model_get_n_items (acr_rubric_get_criteria (rubric));
  acr_assessment_set_learner_id (assessment, acr_learner_get_id (learner));
  acr_assessment_set_module_id (assessment, module_id);
  acr_assessment_set_assessed_on (assessment, "2026-01-15");
  acr_assessment_set_assessor (assessment, "Grace Hopper");
  for (guint c = 0; c < n_criteria; c++)
    {
      g_autoptr(AcrRubricLevel) best =
        g_list_model_get_item (levels, g_list_model_get_n_items (levels) - 1);

      g_assert_true (acr_assessment_set_result_by_name (assessment, store, c + 1,
                                                        acr_rubric_level_get_name (best),
                                                        &error));
      g_assert_no_error (error);
    }
  g_assert_true (acr_assessment_save (assessment, store, &error));
  g_assert_no_error (error);

  /* Replacing the outcomes and rubric would pull them from under the assessment. */
  changed = replace_in_module (drafts, 1, "<title xml:lang=\"de\">", "<title xml:lang=\"de\">Neu: ");
  message = import_fails (store, changed, strlen (changed), ACR_STORE_ERROR,
                          ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (message, "assessment"));
  g_assert_nonnull (strstr (message, "new version"));

  /* The same module unchanged is fine: nothing to replace. */
  g_assert_cmpint (import_ok (store, drafts), ==, id);
}

static void
test_refuse_changed_approved (void)
{
  g_autoptr(AcrStore) store = open_store (TRUE);
  g_autofree char *xml = export (store, demo_curriculum_id (store));
  g_autofree char *changed = replace_in_module (xml, 2, "<workload hours=\"", "<workload hours=\"1");
  g_autofree char *message = import_fails (store, changed, strlen (changed), ACR_STORE_ERROR,
                                           ACR_STORE_ERROR_READ_ONLY);
  g_autofree char *reverted = NULL;
  g_autofree char *retired = NULL;
  g_autofree char *curriculum_changed = NULL;

  g_assert_nonnull (strstr (message, "is approved and differs from the document. Give the "
                                     "changed module a new version number."));
  g_assert_nonnull (strstr (message, "test.xml"));
  g_assert_nonnull (strstr (message, "“module”"));

  /* Nor back to draft. */
  reverted = replace_in_module (xml, 1, "status=\"approved\"", "status=\"draft\"");
  g_free (message);
  message = import_fails (store, reverted, strlen (reverted), ACR_STORE_ERROR,
                          ACR_STORE_ERROR_READ_ONLY);

  /* An approved curriculum that differs is refused too. */
  curriculum_changed = replace (xml, "<stacking rule=\"all-required\"/>",
                                "<stacking rule=\"min-credits\" minimum=\"5\"/>", 1);
  g_free (message);
  message = import_fails (store, curriculum_changed, strlen (curriculum_changed),
                          ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (message, "curriculum"));

  /* Retiring an approved module by import is the one change allowed. */
  retired = replace_in_module (xml, 3, "status=\"approved\"", "status=\"retired\"");
  g_assert_cmpint (import_ok (store, retired), ==, demo_curriculum_id (store));
  g_assert_cmpint (count_rows (store, "module"), ==, 3);
  {
    g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, "SELECT count(*) FROM module "
                                                              "WHERE status = 'retired'", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
}

static void
test_refuse_semantics (void)
{
  g_autoptr(AcrStore) store = open_store (FALSE);
  g_autofree char *xml = draft_document ();
  g_autofree char *doc = NULL;
  g_autofree char *message = NULL;

  /* An unknown framework. */
  doc = replace_in_module (xml, 1, "framework=\"DQR\"", "framework=\"XYZ\"");
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "There is no framework “XYZ”"));
  g_assert_nonnull (strstr (message, "“level”"));
  g_assert_nonnull (strstr (message, "line "));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* A level the framework does not have. */
  {
    const char *at = strstr (xml, "<level framework=\"DQR\" level=\"");
    g_autofree char *from = NULL;

    g_assert_nonnull (at);
    from = g_strndup (at, strlen ("<level framework=\"DQR\" level=\"4\""));
    doc = replace (xml, from, "<level framework=\"DQR\" level=\"9\"", 0);
  }
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "The framework “DQR” has no level 9."));
  g_assert_nonnull (strstr (message, "test.xml”, line "));
  g_assert_nonnull (strstr (message, "element “level”"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* A dangling IDREF. */
  doc = replace_in_module (xml, 1, "<assesses outcome=\"M1-O1\"", "<assesses outcome=\"M1-O99\"");
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "M1-O99"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* An IDREF into another module: valid for the schema, wrong for a rubric. */
  doc = replace_in_module (xml, 2, "<assesses outcome=\"M2-O1\"", "<assesses outcome=\"M1-O1\"");
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "only assess the learning outcomes of its own module"));
  g_assert_nonnull (strstr (message, "“assesses”"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  doc = replace_in_module (xml, 2, "<cell level=\"M2-L1\"", "<cell level=\"M1-L1\"");
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "“cell”"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* Two modules with one code: the second takes the code of the first. */
  {
    const char *first = strstr (xml, "<module code=\"") + strlen ("<module code=\"");
    const char *second = strstr (first, "<module code=\"") + strlen ("<module code=\"");
    g_autofree char *code1 = g_strndup (first, strchr (first, '"') - first);
    g_autofree char *code2 = g_strndup (second, strchr (second, '"') - second);
    g_autofree char *from = g_strdup_printf ("<module code=\"%s\"", code2);
    g_autofree char *to = g_strdup_printf ("<module code=\"%s\"", code1);

    doc = replace (xml, from, to, 1);
  }
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "line "));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* A provider in no country; a text in a language Accredit does not keep. */
  doc = replace (xml, "<country>DE</country>", "<country>Germany</country>", 1);
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "“country”"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  doc = replace (xml, "<title xml:lang=\"en\">", "<title xml:lang=\"fr\">", 0);
  message = import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "“fr”"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* A value the domain type refuses although the schema allows it: an ISCED-F code that
   * does not exist. */
  {
    const char *at = strstr (xml, "<iscedF>");
    g_autofree char *from = g_strndup (at, strlen ("<iscedF>0000</iscedF>"));

    doc = replace (xml, from, "<iscedF>0999</iscedF>", 0);
  }
  message = import_fails (store, doc, strlen (doc), ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "0999"));
  g_assert_nonnull (strstr (message, "“module”"));
  g_clear_pointer (&doc, g_free);
  g_clear_pointer (&message, g_free);

  /* A failure late in the import (the third module) still leaves nothing behind. */
  doc = replace_in_module (xml, 3, "<passRule minimumTotal=\"", "<passRule minimumTotal=\"1000");
  message = import_fails (store, doc, strlen (doc), ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (message, "“rubric”"));
  g_assert_cmpint (count_rows (store, "module"), ==, 0);

  /* And the document itself is fine. */
  import_ok (store, xml);
}

static void
test_refuse_hostile (void)
{
  static const struct {
    const char *name;
    int         code;
  } fixtures[] = {
    { "xxe-file.xml", ACR_XML_ERROR_DOCTYPE },
    { "xxe-url.xml", ACR_XML_ERROR_DOCTYPE },
    { "billion-laughs.xml", ACR_XML_ERROR_DOCTYPE },
    { "not-well-formed.xml", ACR_XML_ERROR_MALFORMED },
    { "invalid-utf8.xml", ACR_XML_ERROR_MALFORMED },
    { "wrong-namespace.xml", ACR_XML_ERROR_WRONG_DOCUMENT },
    { "framework-valid.xml", ACR_XML_ERROR_WRONG_DOCUMENT },
  };
  g_autoptr(AcrStore) store = open_store (TRUE);
  g_autofree char *xml = export (store, demo_curriculum_id (store));
  g_autofree char *doc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "xml",
                                                     fixtures[i].name, NULL);
      g_autofree char *before = fingerprint (store);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (acr_curriculum_import_file (store, path, &error), ==, 0);
      g_assert_error (error, ACR_XML_ERROR, fixtures[i].code);
      g_assert_nonnull (strstr (error->message, fixtures[i].name));
      after = fingerprint (store);
      g_assert_cmpstr (after, ==, before);
    }

  /* Our own document with a DOCTYPE and an entity slipped in. */
  doc = replace (xml, "<curriculum xmlns",
                 "<!DOCTYPE curriculum [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                 "<curriculum xmlns", 1);
  g_free (import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_DOCTYPE));
  g_clear_pointer (&doc, g_free);

  /* A schema violation: an element out of order. */
  doc = replace (xml, "<stacking rule=\"all-required\"/>", "", 1);
  g_free (import_fails (store, doc, strlen (doc), ACR_XML_ERROR, ACR_XML_ERROR_INVALID));

  /* Truncated and empty. */
  g_free (import_fails (store, xml, strlen (xml) / 2, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED));
  g_free (import_fails (store, "", 0, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED));

  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (acr_curriculum_import_file (store, "/nonexistent/c.xml", &error), ==, 0);
    g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED);
  }
}

static void
test_contradiction (void)
{
  g_autoptr(AcrStore) store = open_store (FALSE);
  g_autofree char *xml = draft_document ();
  g_autofree char *doc = NULL;
  g_autofree char *code = NULL;
  const char *at = strstr (xml, "<level framework=\"DQR\" level=\"");
  const char *c = strstr (xml, "<module code=\"") + strlen ("<module code=\"");
  g_autofree char *from = NULL;
  gboolean contradiction = FALSE;

  /* DQR 6 is EQF 6, while the module says EQF 4: the contradiction shows after import. */
  g_assert_nonnull (at);
  from = g_strndup (at, strlen ("<level framework=\"DQR\" level=\"4\""));
  doc = replace (xml, from, "<level framework=\"DQR\" level=\"6\"", 0);
  code = g_strndup (c, strchr (c, '"') - c);

  import_ok (store, doc);
  g_assert_cmpint (eqf_level (store, code, &contradiction), >, 0);
  g_assert_true (contradiction);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curriculum-xml/export/seed", test_export_seed);
  g_test_add_func ("/curriculum-xml/export/errors", test_export_errors);
  g_test_add_func ("/curriculum-xml/import/round-trip", test_round_trip);
  g_test_add_func ("/curriculum-xml/import/same-store", test_reimport_same_store);
  g_test_add_func ("/curriculum-xml/import/update-drafts", test_reimport_updates_drafts);
  g_test_add_func ("/curriculum-xml/import/draft-with-assessments", test_draft_with_assessments);
  g_test_add_func ("/curriculum-xml/import/changed-approved", test_refuse_changed_approved);
  g_test_add_func ("/curriculum-xml/import/semantics", test_refuse_semantics);
  g_test_add_func ("/curriculum-xml/import/hostile", test_refuse_hostile);
  g_test_add_func ("/curriculum-xml/import/contradiction", test_contradiction);

  return g_test_run ();
}
