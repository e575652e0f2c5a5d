/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Crash consistency of issuing: a batch of 5,000 credentials runs in a child process that
 * is killed with SIGKILL at 20 random moments. After each kill the database must be
 * intact (PRAGMA integrity_check), every stored credential must verify and have exactly one
 * "issue" entry in the audit log, no assessment may be certified twice, and the audit
 * chain must verify. A last run in this process completes the batch.
 *
 * The child is this program run again with "--child DATABASE KEYDIR IDENTITY MODULE". */

#include "config.h"

#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "acr-core.h"
#include "acr-store-private.h"

#define N_LEARNERS 5000
#define N_KILLS    20
#define PASSPHRASE "crash test passphrase"

static char *self_path;

static int
run_child (const char *db_path,
           const char *key_dir,
           gint64      identity_id,
           gint64      module_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;

  store = acr_store_open (db_path, &error);
  if (store == NULL)
    goto fail;
  acr_identity_store_set_key_dir (store, key_dir);
  identity = acr_identity_store_open (store, identity_id, PASSPHRASE, NULL, NULL, &error);
  if (identity == NULL)
    goto fail;
  batch = acr_issuance_batch_new_for_module (store, identity, module_id);
  if (!acr_issuance_batch_run (batch, NULL, &error))
    goto fail;
  return 0;

fail:
  g_printerr ("child: %s\n", error->message);
  return 1;
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

static void
assert_integrity (AcrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, "PRAGMA integrity_check", &error);

  g_assert_no_error (error);
  g_assert_cmpint (_acr_store_step (store, stmt, &error), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
}

/* Checks the credentials with an id above @after: each verifies, its SHA-256 is its
 * document's, and it has exactly one "issue" entry. Returns the highest id seen. */
static gint64
check_credentials_after (AcrStore *store,
                         gint64    after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last = after;

  stmt = _acr_store_prepare (store,
                             "SELECT c.id, c.document, c.sha256, "
                             "  (SELECT count(*) FROM audit_log a WHERE a.action = 'issue' AND "
                             "   a.object_type = 'credential' AND a.object_id = c.id) "
                             "FROM credential c WHERE c.id > ?1 ORDER BY c.id", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, after);

  while (_acr_store_step (store, stmt, &error) == SQLITE_ROW)
    {
      const char *data = sqlite3_column_blob (stmt, 1);
      int size = sqlite3_column_bytes (stmt, 1);
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) data, size);
      g_autoptr(xmlDoc) doc = NULL;
      g_autoptr(AcrXmldsigResult) result = NULL;
      g_autoptr(GError) parse_error = NULL;

      g_assert_cmpstr (sha, ==, (const char *) sqlite3_column_text (stmt, 2));
      g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 1);
      doc = acr_xml_parse_untrusted (data, size, "credential", &parse_error);
      g_assert_no_error (parse_error);
      result = acr_xmldsig_verify (doc);
      g_assert_true (acr_xmldsig_result_get_valid (result));
      last = sqlite3_column_int64 (stmt, 0);
    }
  g_assert_no_error (error);

  return last;
}

static void
assert_consistent (AcrStore *store)
{
  g_autoptr(GError) error = NULL;

  assert_integrity (store);
  /* No assessment certified twice, no "issue" entry without its credential. */
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM (SELECT assessment_id FROM credential "
                              "GROUP BY assessment_id HAVING count(*) > 1)"), ==, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count(*) FROM audit_log a WHERE a.action = 'issue' AND "
                              "a.object_type = 'credential' AND NOT EXISTS "
                              "(SELECT 1 FROM credential c WHERE c.id = a.object_id)"), ==, 0);
  g_assert_true (acr_audit_verify (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
make_learners (AcrStore *store,
               gint64    module_id)
{
  g_autoptr(GError) error = NULL;

  acr_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_LEARNERS; i++)
    {
      g_autoptr(AcrLearner) learner = acr_learner_new ();
      g_autoptr(AcrAssessment) assessment = acr_assessment_new ();
      g_autofree char *given = g_strdup_printf ("Given%u", i);
      g_autofree char *external = g_strdup_printf ("CRASH-%05u", i);

      acr_learner_set_given_name (learner, given);
      acr_learner_set_family_name (learner, "Crash");
      acr_learner_set_external_id (learner, external);
      acr_learner_save (learner, store, &error);
      g_assert_no_error (error);

      acr_assessment_set_learner_id (assessment, acr_learner_get_id (learner));
      acr_assessment_set_module_id (assessment, module_id);
      acr_assessment_set_assessed_on (assessment, "2026-06-01");
      acr_assessment_set_assessor (assessment, "Test Assessor");
      for (guint c = 1; c <= 3; c++)
        {
          acr_assessment_set_result_by_name (assessment, store, c, "erfüllt", &error);
          g_assert_no_error (error);
        }
      acr_assessment_save (assessment, store, &error);
      g_assert_no_error (error);
    }
  acr_store_commit (store, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
test_kill_during_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acr-test-crash-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "accredit.db", NULL);
  g_autofree char *key_dir = g_build_filename (dir, "keys", NULL);
  g_autoptr(AcrStore) store = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autofree char *identity_arg = NULL;
  g_autofree char *module_arg = NULL;
  gint64 module_id;
  gint64 expected;
  gint64 checked = 0;
  guint n_interrupted = 0;

  g_assert_no_error (error);
  store = acr_store_open (db_path, &error);
  g_assert_no_error (error);
  acr_seed_demo (store, &error);
  g_assert_no_error (error);
  acr_identity_store_set_key_dir (store, key_dir);
  record = acr_identity_store_create (store,
                                      query_int (store, "SELECT id FROM organisation LIMIT 1"),
                                      ACR_KEY_TYPE_ED25519, "Crash test", NULL, 365, PASSPHRASE,
                                      &error);
  g_assert_no_error (error);

  module_id = query_int (store, "SELECT id FROM module WHERE code = 'DEMO-ITSEC-01'");
  make_learners (store, module_id);
  expected = query_int (store, "SELECT count(*) FROM assessment WHERE passed = 1 AND "
                               "module_id = (SELECT id FROM module WHERE code = 'DEMO-ITSEC-01')");
  g_assert_cmpint (expected, >=, N_LEARNERS);

  identity_arg = g_strdup_printf ("%" G_GINT64_FORMAT, acr_identity_record_get_id (record));
  module_arg = g_strdup_printf ("%" G_GINT64_FORMAT, module_id);

  for (guint i = 0; i < N_KILLS; i++)
    {
      const char *argv[] = { self_path, "--child", db_path, key_dir, identity_arg, module_arg,
                             NULL };
      GPid pid;
      int wait_status = 0;
      /* Long enough to open the store and unlock the key (~50 ms), short enough that the
       * batch is cut in the middle; later rounds find fewer credentials left to issue. */
      guint delay_ms = g_test_rand_int_range (30, 400);

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                     &pid, &error);
      g_assert_no_error (error);
      g_usleep (delay_ms * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (WIFSIGNALED (wait_status))
        n_interrupted++;
      else
        g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);

      /* The parent's connection sees the database as the killed child left it. */
      assert_consistent (store);
      checked = check_credentials_after (store, checked);
      g_test_message ("kill %u after %u ms: %" G_GINT64_FORMAT " credentials", i + 1, delay_ms,
                      query_int (store, "SELECT count(*) FROM credential"));
    }

  /* Most kills must have hit a running batch, or the test would prove nothing. */
  g_assert_cmpuint (n_interrupted, >=, N_KILLS / 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM credential"), <, expected);

  /* Running the batch again completes it: every passed assessment certified once. */
  identity = acr_identity_store_open (store, acr_identity_record_get_id (record), PASSPHRASE,
                                      NULL, NULL, &error);
  g_assert_no_error (error);
  batch = acr_issuance_batch_new_for_module (store, identity, module_id);
  acr_issuance_batch_run (batch, NULL, &error);
  g_assert_no_error (error);
  assert_consistent (store);
  check_credentials_after (store, checked);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM credential WHERE module_id = "
                                     "(SELECT id FROM module WHERE code = 'DEMO-ITSEC-01')"),
                   ==, expected);

  g_clear_object (&batch);
  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  self_path = g_canonicalize_filename (argv[0], NULL);

  if (argc == 6 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], g_ascii_strtoll (argv[4], NULL, 10),
                      g_ascii_strtoll (argv[5], NULL, 10));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-during-batch", test_kill_during_batch);

  return g_test_run ();
}
