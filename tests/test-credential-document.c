/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "acr-core.h"
#include "acr-store-private.h"
#include "acr-xml.h"

#define UUID "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427"

static AcrStore *
open_seeded_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (acr_seed_demo (store, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
query_id (AcrStore   *store,
          const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
seeded_assessment (AcrStore *store)
{
  return query_id (store, "SELECT id FROM assessment WHERE passed = 1 ORDER BY id LIMIT 1");
}

/* 2026-03-01 10:00 in Berlin: 09:00 UTC. */
static GDateTime *
issue_time (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("+01:00");

  return g_date_time_new (tz, 2026, 3, 1, 10, 0, 0);
}

static xmlDoc *
build_ok (AcrStore   *store,
          gint64      assessment_id,
          const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) issued = issue_time ();
  xmlDoc *doc = acr_credential_document_build (store, assessment_id, uuid, issued,
                                               "https://kammer.example/revoked.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static GBytes *
dump (xmlDoc *doc)
{
  xmlChar *mem = NULL;
  int size = 0;
  GBytes *bytes;

  xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");
  bytes = g_bytes_new (mem, size);
  xmlFree (mem);
  return bytes;
}

/* The string value of @expr (XPath, prefix c: for our namespace) in @doc. */
static char *
xpath_string (xmlDoc     *doc,
              const char *expr)
{
  xmlXPathContext *ctx = xmlXPathNewContext (doc);
  xmlXPathObject *obj;
  char *result;

  xmlXPathRegisterNs (ctx, BAD_CAST "c", BAD_CAST ACR_CREDENTIAL_NS);
  xmlXPathRegisterNs (ctx, BAD_CAST "xml", BAD_CAST "http://www.w3.org/XML/1998/namespace");
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (obj);
  {
    xmlChar *value = xmlXPathCastToString (obj);

    result = g_strdup ((const char *) value);
    xmlFree (value);
  }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return result;
}

static double
xpath_number (xmlDoc     *doc,
              const char *expr)
{
  g_autofree char *text = xpath_string (doc, expr);

  return g_ascii_strtod (text, NULL);
}

#define assert_xpath(doc, expr, expected)                  \
  G_STMT_START {                                           \
    g_autofree char *_v = xpath_string ((doc), (expr));    \
    g_assert_cmpstr (_v, ==, (expected));                  \
  } G_STMT_END

static void
test_document_build_seeded (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(GError) error = NULL;
  gint64 assessment_id = seeded_assessment (store);
  g_autoptr(AcrAssessment) assessment = acr_assessment_load (store, assessment_id, &error);
  g_autoptr(AcrModule) module = acr_module_load (store, acr_assessment_get_module_id (assessment),
                                                 &error);
  g_autoptr(AcrLearner) learner = acr_learner_load (store,
                                                    acr_assessment_get_learner_id (assessment),
                                                    &error);
  g_autoptr(AcrOrganisation) org = acr_organisation_load (store,
                                                          acr_module_get_organisation_id (module),
                                                          &error);
  g_autoptr(GListModel) outcomes = acr_module_list_outcomes (store, acr_module_get_id (module),
                                                             &error);
  g_autoptr(GListModel) levels = acr_module_list_levels (store, acr_module_get_id (module),
                                                         &error);
  g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (store, acr_module_get_id (module),
                                                            &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *version = NULL;
  g_autofree char *eqf = NULL;
  g_autofree char *isced_uri = NULL;
  int eqf_level;

  g_assert_no_error (error);
  eqf_level = acr_module_get_eqf_level (store, acr_module_get_id (module), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (eqf_level, >, 0);

  doc = build_ok (store, assessment_id, UUID);

  /* Valid against the published schema. */
  g_assert_true (acr_xml_validate (doc, "credential", "test", &error));
  g_assert_no_error (error);
  g_assert_true (acr_xml_check_root (doc, ACR_CREDENTIAL_NS, "credential", "test", &error));
  g_assert_no_error (error);

  assert_xpath (doc, "string(/c:credential/@id)", UUID);

  /* Annex I 1: learner. */
  assert_xpath (doc, "string(/c:credential/c:learner/c:givenName)",
                acr_learner_get_given_name (learner));
  assert_xpath (doc, "string(/c:credential/c:learner/c:familyName)",
                acr_learner_get_family_name (learner));
  /* 2: title, in German and English. */
  assert_xpath (doc, "string(/c:credential/c:achievement/c:title[@xml:lang='de'])",
                acr_module_get_title (module));
  assert_xpath (doc, "string(/c:credential/c:achievement/c:title[@xml:lang='en'])",
                acr_module_get_title_en (module));
  /* 3 and 4: issuer and its country. */
  assert_xpath (doc, "string(/c:credential/c:issuer/c:name)", acr_organisation_get_name (org));
  assert_xpath (doc, "string(/c:credential/c:issuer/c:country)",
                acr_organisation_get_country (org));
  /* 5: issued, in UTC; valid until = issued + validity months. */
  assert_xpath (doc, "string(/c:credential/c:issued)", "2026-03-01T09:00:00Z");
  g_assert_cmpint (acr_module_get_validity_months (module), ==, 36);
  assert_xpath (doc, "string(/c:credential/c:validUntil)", "2029-03-01T09:00:00Z");
  /* 6: outcomes, all of them, in both languages. */
  g_assert_cmpuint (g_list_model_get_n_items (outcomes), >, 0);
  g_assert_cmpfloat (xpath_number (doc, "count(/c:credential/c:achievement/c:outcomes/c:outcome)"),
                     ==, g_list_model_get_n_items (outcomes));
  {
    g_autoptr(AcrLearningOutcome) first = g_list_model_get_item (outcomes, 0);

    assert_xpath (doc, "string(//c:outcome[1]/c:statement[@xml:lang='de'])",
                  acr_learning_outcome_get_statement (first));
    assert_xpath (doc, "string(//c:outcome[1]/@kind)",
                  acr_enum_to_nick (ACR_TYPE_OUTCOME_KIND, acr_learning_outcome_get_kind (first)));
  }
  /* 7: workload. */
  g_assert_cmpfloat (xpath_number (doc, "string(//c:workload/@hours)"), ==,
                     acr_module_get_workload_hours (module));
  g_assert_cmpfloat (xpath_number (doc, "string(//c:workload/@ects)"), ==,
                     acr_module_get_ects (module));
  /* 8: levels, EQF first, each with its EQF URI and framework title. */
  g_assert_cmpfloat (xpath_number (doc, "count(//c:levels/c:level)"), ==,
                     g_list_model_get_n_items (levels));
  assert_xpath (doc, "string(//c:levels/c:level[1]/@framework)", "EQF");
  eqf = g_strdup_printf ("http://data.europa.eu/snb/eqf/%d", eqf_level);
  assert_xpath (doc, "string(//c:levels/c:level[1]/@eqfLevel)", eqf);
  g_assert_cmpfloat (xpath_number (doc, "count(//c:levels/c:level[not(@eqfLevel)])"), ==, 0);
  g_assert_cmpfloat (xpath_number (doc, "count(//c:levels/c:level[not(c:frameworkTitle)])"), ==,
                     0);
  /* 9, 10, 11: assessment type, participation, quality assurance. */
  assert_xpath (doc, "string(//c:achievement/c:assessment/@type)",
                acr_enum_to_nick (ACR_TYPE_ASSESSMENT_TYPE,
                                  acr_module_get_assessment_type (module)));
  assert_xpath (doc, "string(//c:achievement/c:participation)",
                acr_enum_to_nick (ACR_TYPE_PARTICIPATION, acr_module_get_participation (module)));
  assert_xpath (doc, "string(//c:qualityAssurance/@type)",
                acr_enum_to_nick (ACR_TYPE_QA_TYPE, acr_module_get_qa_type (module)));
  assert_xpath (doc, "string(//c:qualityAssurance)", acr_module_get_qa_body (module));

  /* The module version, and optional elements. */
  assert_xpath (doc, "string(//c:achievement/@code)", acr_module_get_code (module));
  version = g_strdup_printf ("%d", acr_module_get_version (module));
  assert_xpath (doc, "string(//c:achievement/@version)", version);
  isced_uri = g_strconcat ("http://data.europa.eu/snb/isced-f/", acr_module_get_isced_f (module),
                           NULL);
  assert_xpath (doc, "string(//c:iscedF/@uri)", isced_uri);
  assert_xpath (doc, "string(//c:stackability/@option)", "stackable");
  assert_xpath (doc, "string(//c:achievement/c:assessment/@supervision)",
                acr_enum_to_nick (ACR_TYPE_SUPERVISION, acr_module_get_supervision (module)));

  /* The result: every criterion, totals, passed. */
  g_assert_cmpfloat (xpath_number (doc, "count(//c:result/c:criteria/c:criterion)"), ==,
                     g_list_model_get_n_items (acr_rubric_get_criteria (rubric)));
  assert_xpath (doc, "string(//c:result/c:assessed)", acr_assessment_get_assessed_on (assessment));
  assert_xpath (doc, "string(//c:result/c:assessor)", acr_assessment_get_assessor (assessment));
  g_assert_cmpfloat (xpath_number (doc, "string(//c:result/c:total)"), ==,
                     acr_assessment_get_total (assessment));
  g_assert_cmpfloat (xpath_number (doc, "string(//c:result/c:maxTotal)"), ==,
                     acr_rubric_get_max_total (rubric));
  assert_xpath (doc, "string(//c:result/c:passed)", "true");
  assert_xpath (doc, "string(//c:result/c:criteria/c:criterion[1]/c:level)", "übertroffen");
  assert_xpath (doc, "string(/c:credential/c:revocationList)",
                "https://kammer.example/revoked.xml");
}

static void
test_document_deterministic (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  gint64 assessment_id = seeded_assessment (store);
  g_autoptr(xmlDoc) a = build_ok (store, assessment_id, UUID);
  g_autoptr(xmlDoc) b = build_ok (store, assessment_id, UUID);
  g_autoptr(xmlDoc) c = build_ok (store, assessment_id,
                                  "urn:uuid:00000000-0000-4000-8000-000000000000");
  g_autoptr(GBytes) bytes_a = dump (a);
  g_autoptr(GBytes) bytes_b = dump (b);
  g_autoptr(GBytes) bytes_c = dump (c);
  g_autoptr(xmlDoc) reparsed = NULL;
  g_autoptr(GBytes) bytes_reparsed = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
  g_assert_false (g_bytes_equal (bytes_a, bytes_c));

  /* Indented by its own text nodes: what is serialised parses back to the same bytes. */
  text = g_bytes_get_data (bytes_a, NULL);
  g_assert_nonnull (strstr (text, "\n  <issuer>\n    <name>"));
  reparsed = acr_xml_parse_untrusted (text, g_bytes_get_size (bytes_a), "credential.xml",
                                      &error);
  g_assert_no_error (error);
  bytes_reparsed = dump (reparsed);
  g_assert_true (g_bytes_equal (bytes_a, bytes_reparsed));
}

static void
test_document_signature_slot (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(xmlDoc) doc = build_ok (store, seeded_assessment (store), UUID);
  g_autoptr(GError) error = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *signature;
  xmlNs *ds;

  /* A ds:Signature as the last child validates (the schema skips its content). */
  signature = xmlNewChild (root, NULL, BAD_CAST "Signature", NULL);
  ds = xmlNewNs (signature, BAD_CAST "http://www.w3.org/2000/09/xmldsig#", BAD_CAST "ds");
  xmlSetNs (signature, ds);
  xmlNewChild (signature, ds, BAD_CAST "Anything", BAD_CAST "goes");
  g_assert_true (acr_xml_validate (doc, "credential", "signed", &error));
  g_assert_no_error (error);

  /* A second one does not, nor an element of another namespace. */
  signature = xmlNewChild (root, NULL, BAD_CAST "Signature", NULL);
  xmlSetNs (signature, ds);
  g_assert_false (acr_xml_validate (doc, "credential", "signed", &error));
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_clear_error (&error);
  xmlUnlinkNode (signature);
  xmlFreeNode (signature);

  xmlNewChild (root, root->ns, BAD_CAST "extra", BAD_CAST "x");
  g_assert_false (acr_xml_validate (doc, "credential", "signed", &error));
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
}

/* Records an assessment of @learner_id in @module_id with every criterion at the highest
 * (@pass) or lowest level of the module's rubric. */
static gint64
assess (AcrStore *store,
        gint64    learner_id,
        gint64    module_id,
        gboolean  pass)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (store, module_id, &error);
  g_autoptr(AcrAssessment) assessment = acr_assessment_new ();
  GListModel *levels;
  GListModel *criteria;
  g_autoptr(AcrRubricLevel) level = NULL;

  g_assert_no_error (error);
  levels = acr_rubric_get_levels (rubric);
  criteria = acr_rubric_get_criteria (rubric);
  level = g_list_model_get_item (levels, pass ? g_list_model_get_n_items (levels) - 1 : 0);

  acr_assessment_set_learner_id (assessment, learner_id);
  acr_assessment_set_module_id (assessment, module_id);
  acr_assessment_set_assessed_on (assessment, "2025-07-01");
  acr_assessment_set_assessor (assessment, "Prüferin");
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, i);

      acr_assessment_set_result (assessment, acr_rubric_criterion_get_id (criterion),
                                 acr_rubric_level_get_id (level));
    }

  g_assert_true (acr_assessment_save (assessment, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_assessment_get_passed (assessment), ==, pass);
  return acr_assessment_get_id (assessment);
}

static void
assert_refused (AcrStore   *store,
                gint64      assessment_id,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(GDateTime) issued = issue_time ();
  g_autoptr(xmlDoc) doc = acr_credential_document_build (store, assessment_id, UUID, issued,
                                                         NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, ACR_CREDENTIAL_ERROR, code);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_nonnull (strstr (error->message, fragment));

  g_assert_false (acr_credential_check_eligible (store, assessment_id, &error2));
  g_assert_error (error2, ACR_CREDENTIAL_ERROR, code);
}

static void
test_document_ineligible (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(GError) error = NULL;
  gint64 assessment_id = seeded_assessment (store);
  g_autoptr(AcrAssessment) seeded = acr_assessment_load (store, assessment_id, &error);
  gint64 module_id = acr_assessment_get_module_id (seeded);
  gint64 other_learner = query_id (store, "SELECT max(id) FROM learner");
  g_autoptr(AcrModule) module = acr_module_load (store, module_id, &error);
  g_autoptr(AcrModule) draft = NULL;
  g_autoptr(GDateTime) issued = issue_time ();
  const char *code = acr_module_get_code (module);
  gint64 failed_id, draft_assessment;

  g_assert_no_error (error);
  g_assert_true (acr_credential_check_eligible (store, assessment_id, &error));
  g_assert_no_error (error);

  /* Not passed. */
  failed_id = assess (store, other_learner, module_id, FALSE);
  assert_refused (store, failed_id, ACR_CREDENTIAL_ERROR_NOT_PASSED, code);

  /* A draft version. */
  draft = acr_module_new_version (store, module_id, &error);
  g_assert_no_error (error);
  draft_assessment = assess (store, other_learner, acr_module_get_id (draft), TRUE);
  assert_refused (store, draft_assessment, ACR_CREDENTIAL_ERROR_NOT_APPROVED, "not approved");

  /* Approved but incomplete: no form of participation and no workload. */
  acr_module_set_participation (draft, ACR_PARTICIPATION_NONE);
  acr_module_set_workload_hours (draft, 0);
  acr_module_set_ects (draft, 0);
  acr_module_set_status (draft, ACR_STATUS_APPROVED);
  g_assert_true (acr_module_save (draft, store, &error));
  g_assert_no_error (error);
  assert_refused (store, draft_assessment, ACR_CREDENTIAL_ERROR_MODULE_INCOMPLETE,
                  "Form of participation");
  assert_refused (store, draft_assessment, ACR_CREDENTIAL_ERROR_MODULE_INCOMPLETE,
                  "Notional workload");

  /* A learner without a name (only possible by going round the schema's checks). */
  g_assert_true (_acr_store_exec (store, "PRAGMA ignore_check_constraints = ON", NULL));
  {
    g_autoptr(sqlite3_stmt) stmt =
      _acr_store_prepare (store, "UPDATE learner SET given_name = '  ' WHERE id = ?1", NULL);

    sqlite3_bind_int64 (stmt, 1, acr_assessment_get_learner_id (seeded));
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  }
  g_assert_true (_acr_store_exec (store, "PRAGMA ignore_check_constraints = OFF", NULL));
  assert_refused (store, assessment_id, ACR_CREDENTIAL_ERROR_LEARNER_INCOMPLETE, "name");
  g_assert_true (_acr_store_exec (store, "UPDATE learner SET given_name = 'Lea' "
                                         "WHERE given_name = '  '", NULL));
  g_assert_true (acr_credential_check_eligible (store, assessment_id, &error));
  g_assert_no_error (error);

  /* Retired. */
  acr_module_set_status (module, ACR_STATUS_RETIRED);
  g_assert_true (acr_module_save (module, store, &error));
  g_assert_no_error (error);
  assert_refused (store, assessment_id, ACR_CREDENTIAL_ERROR_NOT_APPROVED, "retired");

  /* Unknown assessment. */
  g_assert_null (acr_credential_document_build (store, 9999, UUID, issued, NULL, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A revocation list that is no web address. */
  g_assert_null (acr_credential_document_build (store, assessment_id, UUID, issued, "revoked.xml",
                                                &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
}

static void
test_document_validity (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(GError) error = NULL;
  gint64 assessment_id = seeded_assessment (store);
  g_autoptr(AcrAssessment) seeded = acr_assessment_load (store, assessment_id, &error);
  g_autoptr(AcrModule) draft = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) leap = g_date_time_new (utc, 2024, 2, 29, 12, 30, 15.75);
  g_autoptr(GDateTime) jan = g_date_time_new (utc, 2026, 1, 31, 0, 0, 0);
  g_autoptr(GDateTime) until1 = acr_credential_compute_valid_until (leap, 12);
  g_autoptr(GDateTime) until2 = acr_credential_compute_valid_until (jan, 1);
  g_autofree char *text1 = g_date_time_format_iso8601 (until1);
  g_autofree char *text2 = g_date_time_format_iso8601 (until2);
  gint64 id;

  g_assert_null (acr_credential_compute_valid_until (leap, 0));
  g_assert_cmpstr (text1, ==, "2025-02-28T12:30:15.750000Z");
  g_assert_cmpstr (text2, ==, "2026-02-28T00:00:00Z");

  /* A module without a validity period: no validUntil. */
  draft = acr_module_new_version (store, acr_assessment_get_module_id (seeded), &error);
  g_assert_no_error (error);
  acr_module_set_validity_months (draft, 0);
  acr_module_set_status (draft, ACR_STATUS_APPROVED);
  g_assert_true (acr_module_save (draft, store, &error));
  g_assert_no_error (error);
  id = assess (store, acr_assessment_get_learner_id (seeded), acr_module_get_id (draft), TRUE);

  {
    g_autoptr(GDateTime) issued = g_date_time_new (utc, 2024, 2, 29, 12, 30, 15.75);

    doc = acr_credential_document_build (store, id, UUID, issued, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (acr_xml_validate (doc, "credential", "test", &error));
  g_assert_no_error (error);
  assert_xpath (doc, "string(/c:credential/c:issued)", "2024-02-29T12:30:15Z");
  assert_xpath (doc, "count(/c:credential/c:validUntil)", "0");
  assert_xpath (doc, "count(/c:credential/c:revocationList)", "0");
  assert_xpath (doc, "string(//c:achievement/@version)", "2");
}

static void
test_document_uuid (void)
{
  g_autofree char *a = acr_uuid_urn_new ();
  g_autofree char *b = acr_uuid_urn_new ();

  g_assert_true (acr_uuid_urn_is_valid (a));
  g_assert_true (acr_uuid_urn_is_valid (b));
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpuint (strlen (a), ==, strlen ("urn:uuid:") + 36);
  g_assert_true (acr_uuid_urn_is_valid (UUID));
  g_assert_false (acr_uuid_urn_is_valid ("1b4e28ba-2fa1-41d2-883f-0016d3cca427"));
  g_assert_false (acr_uuid_urn_is_valid ("urn:uuid:1B4E28BA-2FA1-41D2-883F-0016D3CCA427"));
  g_assert_false (acr_uuid_urn_is_valid ("urn:uuid:1b4e28ba"));
  g_assert_false (acr_uuid_urn_is_valid (NULL));
}

static void
test_document_info (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(GError) error = NULL;
  gint64 assessment_id = seeded_assessment (store);
  g_autoptr(AcrAssessment) assessment = acr_assessment_load (store, assessment_id, &error);
  g_autoptr(AcrModule) module = acr_module_load (store, acr_assessment_get_module_id (assessment),
                                                 &error);
  g_autoptr(AcrLearner) learner = acr_learner_load (store,
                                                    acr_assessment_get_learner_id (assessment),
                                                    &error);
  g_autoptr(GListModel) outcomes = acr_module_list_outcomes (store, acr_module_get_id (module),
                                                             &error);
  g_autoptr(xmlDoc) doc = build_ok (store, assessment_id, UUID);
  g_autoptr(AcrCredentialInfo) info = NULL;
  g_autofree char *name = NULL;
  int eqf_level;

  g_assert_no_error (error);
  eqf_level = acr_module_get_eqf_level (store, acr_module_get_id (module), NULL, &error);
  g_assert_no_error (error);

  info = acr_credential_info_new_from_document (doc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info);

  name = acr_learner_dup_display_name (learner);
  g_assert_cmpstr (info->id, ==, UUID);
  g_assert_cmpstr (info->learner_name, ==, name);
  g_assert_cmpstr (info->learner_birth_date, ==, acr_learner_get_birth_date (learner));
  g_assert_cmpstr (info->title, ==, acr_module_get_title (module));
  g_assert_cmpstr (info->title_en, ==, acr_module_get_title_en (module));
  g_assert_cmpstr (info->module_code, ==, acr_module_get_code (module));
  g_assert_cmpint (info->module_version, ==, acr_module_get_version (module));
  g_assert_cmpstr (info->issued, ==, "2026-03-01T09:00:00Z");
  g_assert_cmpstr (info->valid_until, ==, "2029-03-01T09:00:00Z");
  g_assert_cmpint (info->eqf_level, ==, eqf_level);
  g_assert_cmpuint (info->outcomes->len, ==, g_list_model_get_n_items (outcomes));
  {
    g_autofree char *eqf_label = g_strdup_printf ("EQF %d", eqf_level);

    g_assert_cmpstr (g_ptr_array_index (info->levels, 0), ==, eqf_label);
  }
  g_assert_cmpfloat (info->workload_hours, ==, acr_module_get_workload_hours (module));
  g_assert_cmpstr (info->participation, ==,
                   acr_enum_to_nick (ACR_TYPE_PARTICIPATION,
                                     acr_module_get_participation (module)));
  g_assert_true (info->passed);
  g_assert_cmpfloat (info->total, ==, acr_assessment_get_total (assessment));
  g_assert_cmpstr (info->revocation_list, ==, "https://kammer.example/revoked.xml");
  g_assert_nonnull (info->issuer_name);
  g_assert_cmpstr (info->issuer_country, ==, "DE");
  g_assert_false (info->has_signature);

  /* Another kind of document, and a credential missing its learner. */
  {
    static const char framework[] = "<framework xmlns=\"urn:accredit:framework:1\"/>";
    g_autoptr(xmlDoc) other = acr_xml_parse_untrusted (framework, sizeof framework - 1,
                                                       "framework.xml", &error);
    g_autoptr(AcrCredentialInfo) none = NULL;
    xmlNode *learner_node;

    g_assert_no_error (error);
    none = acr_credential_info_new_from_document (other, &error);
    g_assert_null (none);
    g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_WRONG_DOCUMENT);
    g_clear_error (&error);

    learner_node = xmlDocGetRootElement (doc)->children;
    while (learner_node != NULL && !xmlStrEqual (learner_node->name, BAD_CAST "learner"))
      learner_node = learner_node->next;
    g_assert_nonnull (learner_node);
    xmlUnlinkNode (learner_node);
    xmlFreeNode (learner_node);
    none = acr_credential_info_new_from_document (doc, &error);
    g_assert_null (none);
    g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credential-document/build/seeded", test_document_build_seeded);
  g_test_add_func ("/credential-document/build/deterministic", test_document_deterministic);
  g_test_add_func ("/credential-document/build/signature-slot", test_document_signature_slot);
  g_test_add_func ("/credential-document/build/ineligible", test_document_ineligible);
  g_test_add_func ("/credential-document/build/validity", test_document_validity);
  g_test_add_func ("/credential-document/uuid", test_document_uuid);
  g_test_add_func ("/credential-document/info", test_document_info);

  return g_test_run ();
}
