/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "acr-core.h"
#include "acr-credential-private.h"
#include "acr-store-private.h"

#define FINGERPRINT "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

typedef struct
{
  AcrStore *store;
  gint64    assessment_id;
  gint64    learner_id;
  gint64    module_id;
  GBytes   *document;
} Fixture;

static gint64
query_int (AcrStore   *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static GBytes *
build_document (AcrStore   *store,
                gint64      assessment_id,
                const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(xmlDoc) doc = acr_credential_document_build (store, assessment_id, uuid, now, NULL,
                                                         &error);
  xmlChar *mem = NULL;
  int size = 0;
  GBytes *bytes;

  g_assert_no_error (error);
  xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");
  bytes = g_bytes_new (mem, size);
  xmlFree (mem);
  return bytes;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrAssessment) assessment = NULL;

  f->store = acr_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (acr_seed_demo (f->store, &error));
  g_assert_no_error (error);

  f->assessment_id = query_int (f->store, "SELECT id FROM assessment WHERE passed = 1 LIMIT 1");
  assessment = acr_assessment_load (f->store, f->assessment_id, &error);
  g_assert_no_error (error);
  f->learner_id = acr_assessment_get_learner_id (assessment);
  f->module_id = acr_assessment_get_module_id (assessment);
  f->document = build_document (f->store, f->assessment_id,
                                "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->document, g_bytes_unref);
}

static gboolean
insert (Fixture     *f,
        const char  *uuid,
        gint64       learner_id,
        gint64       module_id,
        gint64       assessment_id,
        const char  *issued_at,
        gint64      *id,
        GError     **error)
{
  gboolean ok;

  g_assert_true (acr_store_begin (f->store, NULL));
  ok = _acr_credential_insert (f->store, uuid, learner_id, module_id, assessment_id, 0,
                               issued_at, "2029-03-01T09:00:00Z", f->document, FINGERPRINT, id,
                               error);
  if (ok)
    g_assert_true (acr_store_commit (f->store, NULL));
  else
    acr_store_rollback (f->store);
  return ok;
}

/* Records a passed assessment of @learner_id in @module_id (highest level everywhere). */
static gint64
assess (AcrStore *store,
        gint64    learner_id,
        gint64    module_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrRubric) rubric = acr_rubric_load_for_module (store, module_id, &error);
  g_autoptr(AcrAssessment) assessment = acr_assessment_new ();
  g_autoptr(AcrRubricLevel) level = NULL;
  GListModel *levels;
  GListModel *criteria;

  g_assert_no_error (error);
  levels = acr_rubric_get_levels (rubric);
  criteria = acr_rubric_get_criteria (rubric);
  level = g_list_model_get_item (levels, g_list_model_get_n_items (levels) - 1);

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
  return acr_assessment_get_id (assessment);
}

static void
test_credential_insert_load (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autoptr(AcrCredential) by_uuid = NULL;
  g_autoptr(AcrCredential) by_bare = NULL;
  g_autoptr(GBytes) document = NULL;
  g_autoptr(AcrLearner) learner = NULL;
  g_autoptr(AcrModule) module = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->document);
  g_autofree char *name = NULL;
  g_autofree char *status_nick = NULL;
  AcrCredentialStatus status = ACR_CREDENTIAL_STATUS_REVOKED;
  gint64 id = 0;
  gint64 audit_before = query_int (f->store, "SELECT count(*) FROM audit_log");

  g_assert_true (insert (f, "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427", f->learner_id,
                         f->module_id, f->assessment_id, "2026-03-01T09:00:00Z", &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  credential = acr_credential_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_credential_get_id (credential), ==, id);
  g_assert_cmpstr (acr_credential_get_uuid (credential), ==,
                   "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427");
  g_assert_cmpint (acr_credential_get_learner_id (credential), ==, f->learner_id);
  g_assert_cmpint (acr_credential_get_module_id (credential), ==, f->module_id);
  g_assert_cmpint (acr_credential_get_assessment_id (credential), ==, f->assessment_id);
  g_assert_cmpint (acr_credential_get_curriculum_id (credential), ==, 0);
  g_assert_cmpstr (acr_credential_get_issued_at (credential), ==, "2026-03-01T09:00:00Z");
  g_assert_cmpstr (acr_credential_get_valid_until (credential), ==, "2029-03-01T09:00:00Z");
  g_assert_cmpint (acr_credential_get_status (credential), ==, ACR_CREDENTIAL_STATUS_VALID);
  g_assert_null (acr_credential_get_revoked_at (credential));
  g_assert_null (acr_credential_get_revocation_reason (credential));
  g_assert_cmpstr (acr_credential_get_sha256 (credential), ==, sha256);
  g_assert_cmpstr (acr_credential_get_signer_fingerprint (credential), ==, FINGERPRINT);
  g_assert_nonnull (acr_credential_get_created_at (credential));
  g_assert_true (g_bytes_equal (acr_credential_get_document (credential), f->document));

  learner = acr_learner_load (f->store, f->learner_id, &error);
  module = acr_module_load (f->store, f->module_id, &error);
  g_assert_no_error (error);
  name = acr_learner_dup_display_name (learner);
  g_assert_cmpstr (acr_credential_get_learner_name (credential), ==, name);
  g_assert_cmpstr (acr_credential_get_module_code (credential), ==, acr_module_get_code (module));
  g_assert_cmpint (acr_credential_get_module_version (credential), ==,
                   acr_module_get_version (module));
  g_assert_cmpstr (acr_credential_get_module_title (credential), ==,
                   acr_module_get_title (module));

  /* Properties. */
  g_object_get (credential, "status", &status, NULL);
  g_assert_cmpint (status, ==, ACR_CREDENTIAL_STATUS_VALID);
  status_nick = g_strdup (acr_enum_to_nick (ACR_TYPE_CREDENTIAL_STATUS, status));
  g_assert_cmpstr (status_nick, ==, "valid");
  g_assert_cmpstr (acr_enum_to_nick (ACR_TYPE_CREDENTIAL_STATUS, ACR_CREDENTIAL_STATUS_REVOKED),
                   ==, "revoked");

  /* By uuid: with or without the prefix, in any case. */
  by_uuid = acr_credential_load_by_uuid (f->store,
                                         "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427", &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_credential_get_id (by_uuid), ==, id);
  by_bare = acr_credential_load_by_uuid (f->store, " 1B4E28BA-2FA1-41D2-883F-0016D3CCA427 ",
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_credential_get_id (by_bare), ==, id);

  document = acr_credential_load_document (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (document, f->document));

  /* The audit entry "issue". */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, audit_before + 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'issue' "
                                        "AND object_type = 'credential' AND object_id = 1 "
                                        "AND summary LIKE 'Issued the credential urn:uuid:%' "
                                        "AND json_extract (detail, '$.sha256') IS NOT NULL"),
                   ==, 1);
  g_assert_true (acr_audit_verify (f->store, NULL, NULL, &error));
  g_assert_no_error (error);

  /* Not found. */
  g_assert_null (acr_credential_load (f->store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);
  g_assert_null (acr_credential_load_by_uuid (f->store, "urn:uuid:00000000-0000-4000-8000-"
                                              "000000000000", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (acr_credential_load_document (f->store, 999, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static void
assert_insert_fails (Fixture    *f,
                     int         code,
                     const char *uuid,
                     gint64      learner_id,
                     gint64      module_id,
                     gint64      assessment_id,
                     gint64      curriculum_id,
                     const char *issued_at,
                     const char *valid_until,
                     GBytes     *document,
                     const char *fingerprint)
{
  g_autoptr(GError) error = NULL;
  gint64 credentials = query_int (f->store, "SELECT count(*) FROM credential");
  gint64 entries = query_int (f->store, "SELECT count(*) FROM audit_log");
  gint64 id = -5;

  g_assert_true (acr_store_begin (f->store, NULL));
  g_assert_false (_acr_credential_insert (f->store, uuid, learner_id, module_id, assessment_id,
                                          curriculum_id, issued_at, valid_until, document,
                                          fingerprint, &id, &error));
  acr_store_rollback (f->store);
  g_assert_error (error, ACR_STORE_ERROR, code);
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_assert_cmpint (id, ==, -5);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM credential"), ==, credentials);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, entries);
}

static void
test_credential_insert_invalid (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  const char *uuid = "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427";
  const char *at = "2026-03-01T09:00:00Z";
  gint64 other_learner = query_int (f->store, "SELECT max(id) FROM learner");
  gint64 curriculum = query_int (f->store, "SELECT id FROM curriculum LIMIT 1");

  g_assert_cmpint (other_learner, !=, f->learner_id);

  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
                       f->learner_id, f->module_id, 0, 0, at, NULL, f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, 0, f->module_id, 0, 0, at, NULL,
                       f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, 0, 0, 0, at, NULL,
                       f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, f->module_id, 0,
                       curriculum, at, NULL, f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, f->module_id, 0, 0,
                       "yesterday", NULL, f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, f->module_id, 0, 0, at,
                       "2020-01-01T00:00:00Z", f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, f->module_id, 0, 0, at,
                       NULL, empty, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, f->module_id, 0, 0, at,
                       NULL, f->document, "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"
                                          "0123456789ABCDEF");
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, f->learner_id, f->module_id, 0, 0, at,
                       NULL, f->document, "abc");
  /* Unknown references. */
  assert_insert_fails (f, ACR_STORE_ERROR_NOT_FOUND, uuid, 999, f->module_id, 0, 0, at, NULL,
                       f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_NOT_FOUND, uuid, f->learner_id, 999, 0, 0, at, NULL,
                       f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_NOT_FOUND, uuid, f->learner_id, f->module_id, 999, 0,
                       at, NULL, f->document, FINGERPRINT);
  assert_insert_fails (f, ACR_STORE_ERROR_NOT_FOUND, uuid, f->learner_id, 0, 0, 999, at, NULL,
                       f->document, FINGERPRINT);
  /* Someone else's assessment. */
  assert_insert_fails (f, ACR_STORE_ERROR_INVALID, uuid, other_learner, f->module_id,
                       f->assessment_id, 0, at, NULL, f->document, FINGERPRINT);
}

static void
test_credential_idempotent (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first = 0, second = 0, third = 0;

  g_assert_true (insert (f, "urn:uuid:11111111-1111-4111-8111-111111111111", f->learner_id,
                         f->module_id, f->assessment_id, "2026-03-01T09:00:00Z", &first,
                         &error));
  g_assert_no_error (error);

  /* A second valid credential for the same learner and module version is refused. */
  assert_insert_fails (f, ACR_STORE_ERROR_DUPLICATE,
                       "urn:uuid:22222222-2222-4222-8222-222222222222", f->learner_id,
                       f->module_id, f->assessment_id, 0, "2026-03-02T09:00:00Z", NULL,
                       f->document, FINGERPRINT);
  g_assert_false (insert (f, "urn:uuid:22222222-2222-4222-8222-222222222222", f->learner_id,
                          f->module_id, 0, "2026-03-02T09:00:00Z", &second, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "urn:uuid:11111111-1111-4111-8111-111111111111"));
  g_assert_nonnull (strstr (error->message, "already holds"));
  g_clear_error (&error);

  /* The index refuses it even past the C check. */
  g_assert_false (_acr_store_exec (f->store,
                                   "INSERT INTO credential (uuid, learner_id, module_id, "
                                   "issued_at, status, document, sha256, signer_fingerprint, "
                                   "created_at) SELECT 'urn:uuid:x', learner_id, module_id, "
                                   "issued_at, 'valid', document, sha256, signer_fingerprint, "
                                   "created_at FROM credential", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM credential"), ==, 1);

  /* The same uuid twice. */
  {
    gint64 other_learner = query_int (f->store, "SELECT max(id) FROM learner");

    assert_insert_fails (f, ACR_STORE_ERROR_DUPLICATE,
                         "urn:uuid:11111111-1111-4111-8111-111111111111", other_learner,
                         f->module_id, 0, 0, "2026-03-02T09:00:00Z", NULL, f->document,
                         FINGERPRINT);
  }

  /* Once revoked, a new one may be issued. */
  g_assert_true (acr_credential_revoke (f->store, first, "Issued with a wrong date.", &error));
  g_assert_no_error (error);
  g_assert_true (insert (f, "urn:uuid:33333333-3333-4333-8333-333333333333", f->learner_id,
                         f->module_id, f->assessment_id, "2026-03-03T09:00:00Z", &third,
                         &error));
  g_assert_no_error (error);
  g_assert_cmpint (third, >, first);
}

static void
test_credential_revoke (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCredential) revoked = NULL;
  gint64 id = 0;
  gint64 entries;

  g_assert_true (insert (f, "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427", f->learner_id,
                         f->module_id, f->assessment_id, "2026-03-01T09:00:00Z", &id, &error));
  g_assert_no_error (error);
  entries = query_int (f->store, "SELECT count(*) FROM audit_log");

  /* A reason is needed. */
  g_assert_false (acr_credential_revoke (f->store, id, "", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_credential_revoke (f->store, id, "  \n", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_credential_revoke (f->store, id, NULL, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_credential_revoke (f->store, 999, "Fraud.", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM credential WHERE status = 'valid'"),
                   ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, entries);

  g_assert_true (acr_credential_revoke (f->store, id, "  Assessment found to be fraudulent. ",
                                        &error));
  g_assert_no_error (error);
  revoked = acr_credential_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_credential_get_status (revoked), ==, ACR_CREDENTIAL_STATUS_REVOKED);
  g_assert_cmpstr (acr_credential_get_revocation_reason (revoked), ==,
                   "Assessment found to be fraudulent.");
  g_assert_nonnull (acr_credential_get_revoked_at (revoked));
  g_assert_true (g_str_has_suffix (acr_credential_get_revoked_at (revoked), "Z"));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, entries + 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log WHERE action = 'revoke' "
                                        "AND object_type = 'credential' AND object_id = 1 "
                                        "AND json_extract (detail, '$.reason') = "
                                        "'Assessment found to be fraudulent.'"), ==, 1);

  /* Twice: refused, nothing changes. */
  g_assert_false (acr_credential_revoke (f->store, id, "Again.", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "revoked already"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, entries + 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM credential "
                                        "WHERE revocation_reason = 'Again.'"), ==, 0);

  g_assert_true (acr_audit_verify (f->store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_credential_immutable (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  gint64 id = 0;

  g_assert_true (insert (f, "urn:uuid:1b4e28ba-2fa1-41d2-883f-0016d3cca427", f->learner_id,
                         f->module_id, f->assessment_id, "2026-03-01T09:00:00Z", &id, &error));
  g_assert_no_error (error);

  g_assert_false (_acr_store_exec (f->store, "UPDATE credential SET document = x'00'", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (_acr_store_exec (f->store, "UPDATE credential SET valid_until = NULL", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (_acr_store_exec (f->store, "DELETE FROM credential", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Revocation is final. */
  g_assert_true (acr_credential_revoke (f->store, id, "Fraud.", &error));
  g_assert_false (_acr_store_exec (f->store, "UPDATE credential SET status = 'valid', "
                                             "revoked_at = NULL, revocation_reason = NULL",
                                   &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The learner, module and assessment cannot go while the credential refers to them. */
  g_assert_false (acr_assessment_delete (f->store, f->assessment_id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  credential = acr_credential_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (acr_credential_get_document (credential), f->document));
  g_assert_cmpint (acr_credential_get_status (credential), ==, ACR_CREDENTIAL_STATUS_REVOKED);
}

static guint
n_listed (AcrStore                  *store,
          const AcrCredentialFilter *filter)
{
  g_autoptr(AcrPagedList) list = acr_credential_list_filtered (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_credential_list (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) learners = NULL;
  g_autoptr(AcrPagedList) all = NULL;
  g_autoptr(AcrPagedList) search = NULL;
  g_autoptr(AcrModule) module = acr_module_load (f->store, f->module_id, &error);
  gint64 ids[3] = { 0, };
  gint64 learner_ids[3] = { 0, };
  AcrCredentialFilter filter = { NULL, };
  guint n = 0;

  g_assert_no_error (error);

  /* One credential for each of the three demo learners, issued on different days. */
  learners = _acr_store_prepare (f->store, "SELECT id FROM learner ORDER BY id", NULL);
  while (sqlite3_step (learners) == SQLITE_ROW && n < 3)
    learner_ids[n++] = sqlite3_column_int64 (learners, 0);
  g_assert_cmpuint (n, ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("urn:uuid:%u%u%u%u%u%u%u%u-0000-4000-8000-"
                                               "000000000000", i, i, i, i, i, i, i, i);
      g_autofree char *issued = g_strdup_printf ("2026-03-0%uT09:00:00Z", i + 1);
      gint64 assessment = learner_ids[i] == f->learner_id
                          ? f->assessment_id : assess (f->store, learner_ids[i], f->module_id);

      g_assert_true (insert (f, uuid, learner_ids[i], f->module_id, assessment, issued, &ids[i],
                             &error));
      g_assert_no_error (error);
    }
  g_assert_true (acr_credential_revoke (f->store, ids[1], "Fraud.", &error));
  g_assert_no_error (error);

  /* Everything, newest first, without documents. */
  all = acr_credential_list (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AcrCredential) item = g_list_model_get_item (G_LIST_MODEL (all), i);

      g_assert_cmpint (acr_credential_get_id (item), ==, ids[2 - i]);
      g_assert_null (acr_credential_get_document (item));
      g_assert_cmpstr (acr_credential_get_module_code (item), ==, acr_module_get_code (module));
      g_assert_nonnull (acr_credential_get_learner_name (item));
    }
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 3);
  g_assert_cmpuint (n_listed (f->store, NULL), ==, 3);

  /* Search: learner's name, full name, module code and title, uuid; case-insensitive. */
  {
    g_autoptr(AcrLearner) learner = acr_learner_load (f->store, learner_ids[0], &error);
    g_autofree char *full = acr_learner_dup_display_name (learner);
    g_autofree char *upper = g_ascii_strup (acr_learner_get_given_name (learner), -1);

    filter.search = upper;
    g_assert_cmpuint (n_listed (f->store, &filter), ==, 1);
    filter.search = full;
    g_assert_cmpuint (n_listed (f->store, &filter), ==, 1);
  }
  filter.search = acr_module_get_code (module);
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 3);
  filter.search = acr_module_get_title (module);
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 3);
  filter.search = "22222222";
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 1);
  filter.search = "no such thing";
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 0);
  filter.search = "%";
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 0);

  search = acr_credential_list (f->store, "11111111");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);

  /* Filters. */
  memset (&filter, 0, sizeof filter);
  filter.status = "revoked";
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 1);
  filter.status = "valid";
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 2);
  filter.module_id = f->module_id;
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 2);
  filter.module_id = 999;
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 0);
  filter.module_id = 0;
  filter.status = NULL;
  filter.learner_id = learner_ids[2];
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 1);
  filter.search = acr_module_get_code (module);
  filter.status = "revoked";
  g_assert_cmpuint (n_listed (f->store, &filter), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ((path), Fixture, NULL, fixture_setup, (func), fixture_teardown)

  ADD ("/credential/insert/load", test_credential_insert_load);
  ADD ("/credential/insert/invalid", test_credential_insert_invalid);
  ADD ("/credential/insert/idempotent", test_credential_idempotent);
  ADD ("/credential/revoke", test_credential_revoke);
  ADD ("/credential/immutable", test_credential_immutable);
  ADD ("/credential/list", test_credential_list);

#undef ADD

  return g_test_run ();
}
