/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issuance: one credential for the demo's passed assessment, refusals that store nothing,
 * batches from the database and from CSV files, idempotent re-runs, cancellation that leaves
 * a consistent database, and progress on the caller's main context. */

#include "config.h"

#include <string.h>
#include <time.h>
#include <glib/gstdio.h>
#include <gnutls/x509.h>

#include "acr-core.h"
#include "acr-store-private.h"
#include "acr-xml.h"

#define N_BATCH 300

typedef struct
{
  char     *dir;
  AcrStore *store;
} Fixture;

static AcrSigningIdentity *
get_identity (void)
{
  static AcrSigningIdentity *identity;

  if (identity == NULL)
    {
      g_autoptr(GError) error = NULL;

      identity = acr_signing_identity_generate (ACR_KEY_TYPE_ECDSA, "Demo-Kammer", "Demo-Kammer",
                                                "DE", 365, &error);
      g_assert_no_error (error);
    }

  return identity;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("acr-test-issuance-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "accredit.db", NULL);
  f->store = acr_store_open (path, &error);
  g_assert_no_error (error);
  acr_seed_demo (f->store, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static gint64
query_int (AcrStore   *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_acr_store_step (store, stmt, &error), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
n_credentials (AcrStore *store)
{
  return query_int (store, "SELECT count(*) FROM credential");
}

static gint64
n_issue_entries (AcrStore *store)
{
  return query_int (store, "SELECT count(*) FROM audit_log WHERE action = 'issue' AND "
                           "object_type = 'credential'");
}

/* The demo's passed assessment. */
static gint64
demo_assessment (AcrStore *store)
{
  return query_int (store, "SELECT id FROM assessment WHERE passed = 1 ORDER BY id LIMIT 1");
}

static gint64
demo_module (AcrStore *store)
{
  return query_int (store, "SELECT module_id FROM assessment WHERE passed = 1 "
                           "ORDER BY id LIMIT 1");
}

/* Every stored credential verifies, its SHA-256 is that of its document, and it has exactly
 * one "issue" entry in the audit log. Returns how many there are. */
static guint
check_all_credentials (AcrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;

  stmt = _acr_store_prepare (store,
                             "SELECT c.id, c.document, c.sha256, c.signer_fingerprint, "
                             "  (SELECT count(*) FROM audit_log a WHERE a.action = 'issue' AND "
                             "   a.object_type = 'credential' AND a.object_id = c.id) "
                             "FROM credential c ORDER BY c.id", &error);
  g_assert_no_error (error);

  while (_acr_store_step (store, stmt, &error) == SQLITE_ROW)
    {
      const char *data = sqlite3_column_blob (stmt, 1);
      int size = sqlite3_column_bytes (stmt, 1);
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) data, size);
      g_autoptr(xmlDoc) doc = NULL;
      g_autoptr(AcrXmldsigResult) result = NULL;
      g_autoptr(GError) verify_error = NULL;

      g_assert_cmpstr (sha, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==,
                       acr_signing_identity_get_fingerprint (get_identity ()));
      g_assert_cmpint (sqlite3_column_int (stmt, 4), ==, 1);

      doc = acr_xml_parse_untrusted (data, size, "credential", &error);
      g_assert_no_error (error);
      result = acr_xmldsig_verify (doc);
      acr_xmldsig_result_to_error (result, &verify_error);
      g_assert_no_error (verify_error);
      n++;
    }
  g_assert_no_error (error);

  return n;
}

static void
test_single (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autoptr(AcrCredential) again = NULL;
  g_autoptr(AcrCredential) loaded = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(AcrXmldsigResult) result = NULL;
  g_autofree char *sha = NULL;
  gint64 assessment_id = demo_assessment (f->store);
  gint64 learner_id;
  gboolean already = TRUE;
  GBytes *document;

  credential = acr_issue_credential_full (f->store, get_identity (), assessment_id,
                                          "https://example.org/revoked.xml", &already, &error);
  g_assert_no_error (error);
  g_assert_nonnull (credential);
  g_assert_false (already);
  g_assert_cmpint (acr_credential_get_assessment_id (credential), ==, assessment_id);
  g_assert_cmpint (acr_credential_get_module_id (credential), ==, demo_module (f->store));
  g_assert_cmpint (acr_credential_get_status (credential), ==, ACR_CREDENTIAL_STATUS_VALID);
  g_assert_cmpstr (acr_credential_get_signer_fingerprint (credential), ==,
                   acr_signing_identity_get_fingerprint (get_identity ()));
  g_assert_true (g_str_has_prefix (acr_credential_get_uuid (credential), "urn:uuid:"));

  /* The stored document is the signed one, and its SHA-256 matches. */
  loaded = acr_credential_load (f->store, acr_credential_get_id (credential), &error);
  g_assert_no_error (error);
  document = acr_credential_get_document (loaded);
  g_assert_nonnull (document);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
  g_assert_cmpstr (sha, ==, acr_credential_get_sha256 (credential));
  doc = acr_xml_parse_untrusted (g_bytes_get_data (document, NULL), g_bytes_get_size (document),
                                 "credential.xml", &error);
  g_assert_no_error (error);
  result = acr_xmldsig_verify (doc);
  g_assert_true (acr_xmldsig_result_get_valid (result));
  g_assert_nonnull (strstr (g_bytes_get_data (document, NULL), acr_credential_get_uuid (credential)));
  g_assert_nonnull (strstr (g_bytes_get_data (document, NULL), "https://example.org/revoked.xml"));
  g_assert_cmpint (n_credentials (f->store), ==, 1);
  g_assert_cmpint (n_issue_entries (f->store), ==, 1);
  g_assert_cmpuint (check_all_credentials (f->store), ==, 1);

  /* Again: the same credential, nothing new. */
  again = acr_issue_credential_full (f->store, get_identity (), assessment_id, NULL, &already,
                                     &error);
  g_assert_no_error (error);
  g_assert_true (already);
  g_assert_cmpint (acr_credential_get_id (again), ==, acr_credential_get_id (credential));
  g_assert_cmpint (n_credentials (f->store), ==, 1);
  g_assert_cmpint (n_issue_entries (f->store), ==, 1);

  /* find_assessment finds the demo's assessment; a learner without one gets a sentence. */
  learner_id = acr_credential_get_learner_id (credential);
  g_assert_cmpint (acr_issuance_find_assessment (f->store, demo_module (f->store), learner_id,
                                                 &error), ==, assessment_id);
  g_assert_no_error (error);
  g_assert_cmpint (acr_issuance_find_assessment (f->store, demo_module (f->store),
                                                 learner_id + 1, &error), ==, 0);
  g_assert_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no passed assessment"));
}

/* Records a learner's assessment in @module_id with @level in every criterion. */
static gint64
record_assessment (AcrStore   *store,
                   gint64      learner_id,
                   gint64      module_id,
                   const char *level)
{
  g_autoptr(AcrAssessment) assessment = acr_assessment_new ();
  g_autoptr(GError) error = NULL;

  acr_assessment_set_learner_id (assessment, learner_id);
  acr_assessment_set_module_id (assessment, module_id);
  acr_assessment_set_assessed_on (assessment, "2025-07-01");
  acr_assessment_set_assessor (assessment, "Test Assessor");
  for (guint c = 1; c <= 3; c++)
    {
      acr_assessment_set_result_by_name (assessment, store, c, level, &error);
      g_assert_no_error (error);
    }
  acr_assessment_save (assessment, store, &error);
  g_assert_no_error (error);
  return acr_assessment_get_id (assessment);
}

static gint64
other_demo_learner (AcrStore *store)
{
  return query_int (store, "SELECT id FROM learner WHERE external_id = 'DEMO-TN-0002'");
}

/* A certificate that expired yesterday, for a new key. */
static AcrSigningIdentity *
make_expired_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrSigningIdentity) id = NULL;
  g_autofree char *request = NULL;
  g_autofree char *pem = NULL;
  gnutls_x509_crq_t crq;
  gnutls_x509_crt_t crt;
  gnutls_datum_t datum;
  gnutls_datum_t out = { NULL, 0 };
  guint8 serial[4] = { 1, 2, 3, 4 };
  time_t now = time (NULL);

  id = acr_signing_identity_create_request (ACR_KEY_TYPE_ECDSA, "Demo-Kammer", "Old key", "DE",
                                            &error);
  g_assert_no_error (error);
  acr_signing_identity_export_request (id, &request, &error);
  g_assert_no_error (error);

  datum.data = (unsigned char *) request;
  datum.size = strlen (request);
  g_assert_cmpint (gnutls_x509_crq_init (&crq), ==, 0);
  g_assert_cmpint (gnutls_x509_crq_import (crq, &datum, GNUTLS_X509_FMT_PEM), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_init (&crt), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_crq (crt, crq), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_version (crt, 3), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_serial (crt, serial, sizeof serial), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_activation_time (crt, now - 10 * 86400), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_expiration_time (crt, now - 86400), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_privkey_sign (crt, crt, acr_signing_identity_get_privkey (id),
                                                 GNUTLS_DIG_SHA256, 0), ==, 0);
  g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &out), ==, 0);
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  gnutls_x509_crt_deinit (crt);
  gnutls_x509_crq_deinit (crq);

  acr_signing_identity_set_certificate_chain (id, pem, strlen (pem), &error);
  g_assert_no_error (error);
  return g_steal_pointer (&id);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrModule) draft = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autoptr(AcrSigningIdentity) expired = make_expired_identity ();
  g_autoptr(AcrSigningIdentity) no_cert = NULL;
  gint64 module_id = demo_module (f->store);
  gint64 learner_id = other_demo_learner (f->store);
  gint64 failed_id;
  gint64 draft_assessment;
  gint64 audit_before = query_int (f->store, "SELECT count(*) FROM audit_log");

  /* A failed assessment. */
  failed_id = record_assessment (f->store, learner_id, module_id, "nicht erfüllt");
  audit_before = query_int (f->store, "SELECT count(*) FROM audit_log");
  credential = acr_issue_credential (f->store, get_identity (), failed_id, NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_NOT_PASSED);
  g_assert_nonnull (strstr (error->message, "did not pass"));
  g_clear_error (&error);

  /* A passed assessment of a draft version. */
  draft = acr_module_new_version (f->store, module_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acr_module_get_status (draft), ==, ACR_STATUS_DRAFT);
  draft_assessment = record_assessment (f->store, learner_id, acr_module_get_id (draft),
                                        "erfüllt");
  audit_before = query_int (f->store, "SELECT count(*) FROM audit_log");
  credential = acr_issue_credential (f->store, get_identity (), draft_assessment, NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_NOT_APPROVED);
  g_assert_nonnull (strstr (error->message, "not approved"));
  g_clear_error (&error);

  /* An unknown assessment. */
  credential = acr_issue_credential (f->store, get_identity (), 999999, NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An expired certificate, and a key without certificate. */
  credential = acr_issue_credential (f->store, expired, demo_assessment (f->store), NULL, &error);
  g_assert_null (credential);
  g_assert_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "expired"));
  g_clear_error (&error);

  no_cert = acr_signing_identity_create_request (ACR_KEY_TYPE_ED25519, "Demo-Kammer", "New",
                                                 "DE", &error);
  g_assert_no_error (error);
  credential = acr_issue_credential (f->store, no_cert, demo_assessment (f->store), NULL,
                                     &error);
  g_assert_null (credential);
  g_assert_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CERTIFICATE);
  g_assert_nonnull (strstr (error->message, "no certificate"));
  g_clear_error (&error);

  /* Nothing was stored by any of these. */
  g_assert_cmpint (n_credentials (f->store), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

/* @n learners, each with a passed assessment in @module_id, in one transaction. */
static void
make_learners (AcrStore *store,
               gint64    module_id,
               guint     n,
               guint     first)
{
  g_autoptr(GError) error = NULL;

  acr_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrLearner) learner = acr_learner_new ();
      g_autofree char *given = g_strdup_printf ("Given%u", first + i);
      g_autofree char *external = g_strdup_printf ("BATCH-%05u", first + i);

      acr_learner_set_given_name (learner, given);
      acr_learner_set_family_name (learner, "Batch");
      acr_learner_set_external_id (learner, external);
      acr_learner_save (learner, store, &error);
      g_assert_no_error (error);
      record_assessment (store, acr_learner_get_id (learner), module_id, "erfüllt");
    }
  acr_store_commit (store, &error);
  g_assert_no_error (error);
}

typedef struct
{
  guint    n_signals;
  guint    last_done;
  guint    last_total;
  GThread *thread;
} ProgressLog;

static void
on_progress_cb (AcrIssuanceBatch *batch,
                guint             done,
                guint             total,
                gpointer          user_data)
{
  ProgressLog *log = user_data;

  g_assert_true (log->thread == g_thread_self ());
  g_assert_cmpuint (done, >=, log->last_done);
  g_assert_cmpuint (done, <=, total);
  log->n_signals++;
  log->last_done = done;
  log->last_total = total;
}

static gint64
batch_row_int (AcrStore   *store,
               gint64      batch_id,
               const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM issuance_batch WHERE id = %lld",
                                          column, (long long) batch_id);

  return query_int (store, sql);
}

static void
test_batch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autoptr(AcrIssuanceBatch) again = NULL;
  gint64 module_id = demo_module (f->store);
  ProgressLog log = { 0, 0, 0, g_thread_self () };

  make_learners (f->store, module_id, N_BATCH, 0);

  /* The demo's learner and the N_BATCH new ones. */
  batch = acr_issuance_batch_new_for_module (f->store, get_identity (), module_id);
  g_signal_connect (batch, "progress", G_CALLBACK (on_progress_cb), &log);
  g_assert_true (acr_issuance_batch_run (batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (acr_issuance_batch_get_total (batch), ==, N_BATCH + 1);
  g_assert_cmpuint (acr_issuance_batch_get_issued (batch), ==, N_BATCH + 1);
  g_assert_cmpuint (acr_issuance_batch_get_skipped (batch), ==, 0);
  g_assert_cmpuint (acr_issuance_batch_get_failed (batch), ==, 0);
  g_assert_false (acr_issuance_batch_get_cancelled (batch));
  g_assert_cmpuint (log.last_done, ==, N_BATCH + 1);
  g_assert_cmpuint (log.last_total, ==, N_BATCH + 1);
  g_assert_cmpuint (log.n_signals, >=, 3);

  g_assert_cmpint (n_credentials (f->store), ==, N_BATCH + 1);
  g_assert_cmpint (n_issue_entries (f->store), ==, N_BATCH + 1);
  g_assert_cmpuint (check_all_credentials (f->store), ==, N_BATCH + 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(DISTINCT learner_id) FROM credential"),
                   ==, N_BATCH + 1);

  /* Its record. */
  g_assert_cmpint (acr_issuance_batch_get_id (batch), >, 0);
  g_assert_cmpint (batch_row_int (f->store, acr_issuance_batch_get_id (batch), "issued"), ==,
                   N_BATCH + 1);
  g_assert_cmpint (batch_row_int (f->store, acr_issuance_batch_get_id (batch), "total"), ==,
                   N_BATCH + 1);
  g_assert_cmpint (batch_row_int (f->store, acr_issuance_batch_get_id (batch),
                                  "finished_at IS NOT NULL"), ==, 1);

  /* A batch runs once. */
  g_assert_false (acr_issuance_batch_run (batch, NULL, &error));
  g_assert_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_RUN);
  g_clear_error (&error);

  /* Again: nothing new, everything skipped. */
  again = acr_issuance_batch_new_for_module (f->store, get_identity (), module_id);
  g_assert_true (acr_issuance_batch_run (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (acr_issuance_batch_get_issued (again), ==, 0);
  g_assert_cmpuint (acr_issuance_batch_get_skipped (again), ==, N_BATCH + 1);
  g_assert_cmpint (n_credentials (f->store), ==, N_BATCH + 1);
  g_assert_cmpint (n_issue_entries (f->store), ==, N_BATCH + 1);
}

static void
cancel_at_100_cb (AcrIssuanceBatch *batch,
                  guint             done,
                  guint             total,
                  gpointer          user_data)
{
  if (done >= 100)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autoptr(AcrIssuanceBatch) rest = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 module_id = demo_module (f->store);
  guint issued;

  make_learners (f->store, module_id, N_BATCH, 0);

  batch = acr_issuance_batch_new_for_module (f->store, get_identity (), module_id);
  acr_issuance_batch_set_chunk_size (batch, 25);
  acr_issuance_batch_set_progress_func (batch, cancel_at_100_cb, g_object_ref (cancellable),
                                        g_object_unref);
  g_assert_false (acr_issuance_batch_run (batch, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "run the batch again"));
  g_clear_error (&error);
  g_assert_true (acr_issuance_batch_get_cancelled (batch));

  /* Stopped soon, and consistently: what is stored is whole and verifies. */
  issued = acr_issuance_batch_get_issued (batch);
  g_test_message ("cancelled after %u issued", issued);
  g_assert_cmpuint (issued, >=, 100);
  g_assert_cmpuint (issued, <, N_BATCH + 1);
  g_assert_cmpint (n_credentials (f->store), ==, issued);
  g_assert_cmpint (n_issue_entries (f->store), ==, issued);
  g_assert_cmpuint (check_all_credentials (f->store), ==, issued);
  g_assert_cmpint (batch_row_int (f->store, acr_issuance_batch_get_id (batch), "cancelled"), ==,
                   1);
  g_assert_cmpint (batch_row_int (f->store, acr_issuance_batch_get_id (batch), "issued"), ==,
                   issued);

  /* A new run issues the rest. */
  rest = acr_issuance_batch_new_for_module (f->store, get_identity (), module_id);
  g_assert_true (acr_issuance_batch_run (rest, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (acr_issuance_batch_get_skipped (rest), ==, issued);
  g_assert_cmpuint (acr_issuance_batch_get_issued (rest), ==, N_BATCH + 1 - issued);
  g_assert_cmpuint (check_all_credentials (f->store), ==, N_BATCH + 1);
  g_assert_cmpint (n_issue_entries (f->store), ==, N_BATCH + 1);
}

typedef struct
{
  GMainLoop    *loop;
  gboolean      ok;
  GError       *error;
  ProgressLog  *log;
} AsyncData;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncData *d = user_data;

  /* The last progress came before the end. */
  g_assert_cmpuint (d->log->last_done, ==,
                    acr_issuance_batch_get_total (ACR_ISSUANCE_BATCH (source)));
  d->ok = acr_issuance_batch_run_finish (ACR_ISSUANCE_BATCH (source), result, &d->error);
  g_main_loop_quit (d->loop);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  gint64 module_id = demo_module (f->store);
  ProgressLog log = { 0, 0, 0, g_thread_self () };
  AsyncData d = { loop, FALSE, NULL, &log };

  make_learners (f->store, module_id, 50, 0);

  batch = acr_issuance_batch_new_for_module (f->store, get_identity (), module_id);
  acr_issuance_batch_set_chunk_size (batch, 10);
  g_signal_connect (batch, "progress", G_CALLBACK (on_progress_cb), &log);
  acr_issuance_batch_run_async (batch, NULL, run_done_cb, &d);
  g_main_loop_run (loop);

  g_assert_no_error (d.error);
  g_assert_true (d.ok);
  g_assert_cmpuint (acr_issuance_batch_get_issued (batch), ==, 51);
  g_assert_cmpuint (log.last_done, ==, 51);
  g_assert_cmpuint (check_all_credentials (f->store), ==, 51);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autoptr(AcrIssuanceBatch) again = NULL;
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *path = NULL;
  gint64 module_id = demo_module (f->store);
  gint64 n_assessments;
  guint row = 0;
  gint64 learner_id = 0;

  /* Row 1 is the header; rows 2–21 are learners; rows 5 and 9 are bad. Row 3 is an existing
   * demo learner (matched by external id, the names left as they are), row 4 a quoted
   * assessor with a comma and a line break. */
  g_string_append (csv, "\xef\xbb\xbf" "External-ID,Given_Name,family_name,email,birth_date,"
                   "assessed_on,assessor,crit1,crit2,crit3\r\n");
  for (guint i = 2; i <= 21; i++)
    {
      if (i == 3)
        g_string_append (csv, "DEMO-TN-0002,,,,,2025-07-02,Dr. Huber,erfüllt,erfüllt,"
                              "übertroffen\r\n");
      else if (i == 4)
        g_string_append (csv, "CSV-004,Anna,\"Berger\",anna@example.org,1999-04-02,"
                              "2025-07-02,\"Huber, Dr.\nPrüfungsausschuss\",erfüllt,erfüllt,"
                              "erfüllt\r\n");
      else if (i == 5)
        g_string_append (csv, "CSV-005,Bad,Level,,,2025-07-02,Dr. Huber,erfüllt,prima,"
                              "erfüllt\r\n");
      else if (i == 9)
        g_string_append (csv, "CSV-009,No,Assessor,,,2025-07-02,,erfüllt,erfüllt,erfüllt\r\n");
      else
        g_string_append_printf (csv, "CSV-%03u,Given%u,Family%u,,,2025-07-02,Dr. Huber,"
                                "erfüllt,erfüllt,erfüllt\r\n", i, i, i);
    }
  path = write_file (f, "results.csv", csv->str);

  batch = acr_issuance_batch_new_from_csv (f->store, get_identity (), module_id, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acr_issuance_batch_get_total (batch), ==, 20);
  g_assert_true (acr_issuance_batch_run (batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (acr_issuance_batch_get_issued (batch), ==, 18);
  g_assert_cmpuint (acr_issuance_batch_get_failed (batch), ==, 2);
  g_assert_cmpuint (acr_issuance_batch_get_skipped (batch), ==, 0);
  g_assert_cmpuint (acr_issuance_batch_get_n_failures (batch), ==, 2);

  /* The failures name their rows as a spreadsheet counts them (row 4 spans two lines). */
  g_assert_true (g_str_has_prefix (acr_issuance_batch_get_failure (batch, 0, &row, &learner_id,
                                                                   NULL), "Row 5: "));
  g_assert_cmpuint (row, ==, 5);
  g_assert_nonnull (strstr (acr_issuance_batch_get_failure (batch, 0, NULL, NULL, NULL),
                            "“prima”"));
  g_assert_true (g_str_has_prefix (acr_issuance_batch_get_failure (batch, 1, &row, NULL, NULL),
                                   "Row 9: "));
  g_assert_cmpuint (row, ==, 9);
  g_assert_cmpuint (check_all_credentials (f->store), ==, 18);

  /* The new learner of row 4, with the quoted assessor, and the existing demo learner. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM learner WHERE external_id = "
                                        "'CSV-004' AND family_name = 'Berger' AND "
                                        "birth_date = '1999-04-02'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM assessment WHERE assessor = "
                                        "'Huber, Dr.\nPrüfungsausschuss'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM learner WHERE external_id = "
                                        "'DEMO-TN-0002' AND given_name = 'Max'"), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM learner WHERE external_id IN "
                                        "('CSV-005', 'CSV-009')"), ==, 0);

  /* The same file again: nothing new, nothing recorded twice. */
  n_assessments = query_int (f->store, "SELECT count(*) FROM assessment");
  again = acr_issuance_batch_new_from_csv (f->store, get_identity (), module_id, path, &error);
  g_assert_no_error (error);
  g_assert_true (acr_issuance_batch_run (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (acr_issuance_batch_get_issued (again), ==, 0);
  g_assert_cmpuint (acr_issuance_batch_get_skipped (again), ==, 18);
  g_assert_cmpuint (acr_issuance_batch_get_failed (again), ==, 2);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM assessment"), ==, n_assessments);
  g_assert_cmpint (n_credentials (f->store), ==, 18);
}

static void
test_csv_header (Fixture       *f,
                 gconstpointer  data)
{
  static const struct
  {
    const char *contents;
    const char *message;
  } cases[] = {
    { "", "is empty" },
    { "external_id,given_name,family_name,assessed_on,assessor,crit1,crit2,crit3,shoe_size\n",
      "“shoe_size”" },
    { "external_id,given_name,family_name,assessed_on,assessor,crit1,crit2\n", "crit3" },
    { "external_id,given_name,family_name,assessed_on,assessor,crit1,crit2,crit3,crit4\n",
      "criteria 1 to 3" },
    { "external_id,given_name,family_name,assessor,crit1,crit2,crit3\n", "“assessed_on”" },
    { "external_id,given_name,family_name,assessed_on,assessor,crit1,crit2,crit3,passed\n",
      "has a rubric" },
    { "external_id,given_name,given_name,assessed_on,assessor,crit1,crit2,crit3\n",
      "appears twice" },
    { "external_id,given_name,family_name,assessed_on,assessor,crit1,crit2,crit3\n"
      "X-1,A,B,2025-01-01,\"unclosed,erfüllt,erfüllt,erfüllt\n", "never closed" },
  };
  gint64 module_id = demo_module (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AcrIssuanceBatch) batch = NULL;
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", i);
      g_autofree char *path = write_file (f, name, cases[i].contents);

      batch = acr_issuance_batch_new_from_csv (f->store, get_identity (), module_id, path,
                                               &error);
      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (batch);
      g_assert_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AcrIssuanceBatch) batch = NULL;
    g_autofree char *missing = g_build_filename (f->dir, "missing.csv", NULL);

    batch = acr_issuance_batch_new_from_csv (f->store, get_identity (), module_id, missing,
                                             &error);
    g_assert_null (batch);
    g_assert_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV);
    g_clear_error (&error);

    batch = acr_issuance_batch_new_from_csv (f->store, get_identity (), 999999, missing,
                                             &error);
    g_assert_null (batch);
    g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  }

  /* Semicolons, as some spreadsheets write CSV. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AcrIssuanceBatch) batch = NULL;
    g_autofree char *path = write_file (f, "semi.csv",
                                        "external_id;given_name;family_name;assessed_on;"
                                        "assessor;crit1;crit2;crit3\n"
                                        "S-1;Sofia;Semikolon;2025-07-03;Dr. Huber;erfüllt;"
                                        "erfüllt;erfüllt\n\n");

    batch = acr_issuance_batch_new_from_csv (f->store, get_identity (), module_id, path,
                                             &error);
    g_assert_no_error (error);
    g_assert_cmpuint (acr_issuance_batch_get_total (batch), ==, 1);
    g_assert_true (acr_issuance_batch_run (batch, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (acr_issuance_batch_get_issued (batch), ==, 1);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/issuance/single", test_single);
  ADD ("/issuance/refused", test_refused);
  ADD ("/issuance/batch", test_batch);
  ADD ("/issuance/cancel", test_cancel);
  ADD ("/issuance/async", test_async);
  ADD ("/issuance/csv", test_csv);
  ADD ("/issuance/csv-header", test_csv_header);

#undef ADD

  return g_test_run ();
}
