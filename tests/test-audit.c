/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "acr-core.h"
#include "acr-store-private.h"

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  acr_store_set_actor (store, "Tess Tester");
  return store;
}

static gint64
count_rows (AcrStore   *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
exec_ok (AcrStore   *store,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
append_ok (AcrStore   *store,
           const char *action,
           const char *object_type,
           gint64      object_id,
           const char *summary,
           JsonNode   *detail)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (acr_audit_append (store, action, object_type, object_id, summary, detail,
                                   &error));
  g_assert_true (acr_store_commit (store, &error));
  g_assert_no_error (error);
}

/* Five entries, the third with a detail. */
static void
fill (AcrStore *store)
{
  g_autoptr(JsonNode) detail = json_from_string ("{\"code\":\"IT-SEC-01\",\"version\":2}", NULL);

  append_ok (store, "create", "module", 1, "Created version 1 of module “A”.", NULL);
  append_ok (store, "edit", "module", 1, "Edited version 1 of module “A”.", NULL);
  append_ok (store, "new-version", "module", 2, "Made version 2 of module “A”.", detail);
  append_ok (store, "create", "learner", 7, "Added the learner Ada Lovelace.", NULL);
  append_ok (store, "seed", "database", 0, "Added the demo data.", NULL);
}

static AcrAuditEntry *
get_entry (GListModel *list,
           guint       position)
{
  AcrAuditEntry *entry = g_list_model_get_item (list, position);

  g_assert_nonnull (entry);
  return entry;
}

static void
test_audit_append_chain (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *prev = g_strdup (ACR_AUDIT_GENESIS_HASH);
  guint n;

  fill (store);
  list = acr_audit_list (store, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 5);

  /* Newest first: walk from the oldest. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(AcrAuditEntry) entry = get_entry (G_LIST_MODEL (list), i - 1);
      g_autofree char *hash = NULL;

      g_assert_cmpint (acr_audit_entry_get_id (entry), ==, n - i + 1);
      g_assert_cmpstr (acr_audit_entry_get_actor (entry), ==, "Tess Tester");
      g_assert_cmpstr (acr_audit_entry_get_prev_hash (entry), ==, prev);
      g_assert_cmpuint (strlen (acr_audit_entry_get_hash (entry)), ==, 64);
      g_assert_true (g_str_has_suffix (acr_audit_entry_get_at (entry), "Z"));

      hash = acr_audit_compute_hash (prev, acr_audit_entry_get_at (entry),
                                     acr_audit_entry_get_actor (entry),
                                     acr_audit_entry_get_action (entry),
                                     acr_audit_entry_get_object_type (entry),
                                     acr_audit_entry_get_object_id (entry),
                                     acr_audit_entry_get_summary (entry),
                                     acr_audit_entry_get_detail (entry));
      g_assert_cmpstr (hash, ==, acr_audit_entry_get_hash (entry));

      g_free (prev);
      prev = g_strdup (acr_audit_entry_get_hash (entry));
    }

  {
    g_autoptr(AcrAuditEntry) third = get_entry (G_LIST_MODEL (list), 2);
    g_autoptr(AcrAuditEntry) seed = get_entry (G_LIST_MODEL (list), 0);
    g_autofree char *object_type = NULL;
    gint64 object_id = -1;

    g_assert_cmpstr (acr_audit_entry_get_action (third), ==, "new-version");
    g_assert_cmpstr (acr_audit_entry_get_detail (third), ==,
                     "{\"code\":\"IT-SEC-01\",\"version\":2}");
    g_assert_cmpstr (acr_audit_entry_get_summary (third), ==, "Made version 2 of module “A”.");
    g_object_get (third, "object-type", &object_type, "object-id", &object_id, NULL);
    g_assert_cmpstr (object_type, ==, "module");
    g_assert_cmpint (object_id, ==, 2);

    /* No object: stored NULL, read 0. */
    g_assert_cmpint (acr_audit_entry_get_object_id (seed), ==, 0);
    g_assert_null (acr_audit_entry_get_detail (seed));
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE object_id IS NULL"),
                     ==, 1);
  }

  /* The canonical form separates fields unambiguously. */
  {
    g_autofree char *a = acr_audit_compute_hash (ACR_AUDIT_GENESIS_HASH, "t", "ab", "c", "o", 1,
                                                 "s", NULL);
    g_autofree char *b = acr_audit_compute_hash (ACR_AUDIT_GENESIS_HASH, "t", "a", "bc", "o", 1,
                                                 "s", NULL);
    g_autofree char *c = acr_audit_compute_hash (ACR_AUDIT_GENESIS_HASH, "t", "ab", "c", "o", 1,
                                                 "s", "");
    g_autofree char *d = acr_audit_compute_hash (ACR_AUDIT_GENESIS_HASH, "t", "ab", "c", "o", 0,
                                                 "s", NULL);

    g_assert_cmpstr (a, !=, b);
    g_assert_cmpstr (a, !=, c);
    g_assert_cmpstr (a, !=, d);
  }
}

static void
test_audit_verify_ok (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 n = -1, bad = -1;

  /* An empty log is intact. */
  g_assert_true (acr_audit_verify (store, &n, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (bad, ==, 0);

  fill (store);
  g_assert_true (acr_audit_verify (store, &n, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 5);
  g_assert_cmpint (bad, ==, 0);

  /* NULL out-arguments are fine. */
  g_assert_true (acr_audit_verify (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_audit_triggers (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;

  fill (store);

  g_assert_false (_acr_store_exec (store, "UPDATE audit_log SET summary = 'forged' WHERE id = 2",
                                   &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);

  g_assert_false (_acr_store_exec (store, "DELETE FROM audit_log WHERE id = 5", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (_acr_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Unchanged. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, 5);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE summary = 'forged'"),
                   ==, 0);
  g_assert_true (acr_audit_verify (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_audit_detect_edit (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 n = -1, bad = -1;

  fill (store);
  exec_ok (store, "DROP TRIGGER audit_log_no_update");

  /* Any field: the actor of entry 3 is changed. */
  exec_ok (store, "UPDATE audit_log SET actor = 'Mallory' WHERE id = 3");
  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_EDITED);
  g_assert_nonnull (strstr (error->message, "Entry 3 "));
  g_assert_cmpint (n, ==, 2);
  g_assert_cmpint (bad, ==, 3);
  g_clear_error (&error);

  /* Changing the detail of an earlier entry is found first. */
  exec_ok (store, "UPDATE audit_log SET detail = '{}' WHERE id = 1");
  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_EDITED);
  g_assert_nonnull (strstr (error->message, "Entry 1 "));
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (bad, ==, 1);
  g_clear_error (&error);
}

static void
test_audit_detect_edit_rehashed (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *hash = NULL;
  gint64 bad = -1;

  fill (store);
  exec_ok (store, "DROP TRIGGER audit_log_no_update");

  /* A forger who also recomputes the edited entry's hash breaks the next link. */
  stmt = _acr_store_prepare (store, "SELECT prev_hash, at, actor, action, object_type, object_id, "
                                    "detail FROM audit_log WHERE id = 2", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  hash = acr_audit_compute_hash ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4),
                                 sqlite3_column_int64 (stmt, 5), "Nothing happened.",
                                 (const char *) sqlite3_column_text (stmt, 6));
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _acr_store_prepare (store, "UPDATE audit_log SET summary = 'Nothing happened.', "
                                    "hash = ?1 WHERE id = 2", NULL);
  _acr_bind_text (stmt, 1, hash);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  g_assert_false (acr_audit_verify (store, NULL, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED);
  g_assert_nonnull (strstr (error->message, "entry 3 "));
  g_assert_cmpint (bad, ==, 3);
}

static void
test_audit_detect_delete (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 n = -1, bad = -1;

  fill (store);
  exec_ok (store, "DROP TRIGGER audit_log_no_delete");

  /* In the middle. */
  exec_ok (store, "DELETE FROM audit_log WHERE id = 2");
  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED);
  g_assert_nonnull (strstr (error->message, "Entry 2 "));
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (bad, ==, 2);
  g_clear_error (&error);

  /* Two in a row, from the start. */
  exec_ok (store, "DELETE FROM audit_log WHERE id = 1");
  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED);
  g_assert_nonnull (strstr (error->message, "Entries 1 to 2 "));
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (bad, ==, 1);
  g_clear_error (&error);
}

static void
test_audit_detect_delete_newest (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 n = -1, bad = -1;

  fill (store);
  exec_ok (store, "DROP TRIGGER audit_log_no_delete");
  exec_ok (store, "DELETE FROM audit_log WHERE id >= 4");

  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED);
  g_assert_nonnull (strstr (error->message, "after entry 3 "));
  g_assert_cmpint (n, ==, 3);
  g_assert_cmpint (bad, ==, 4);
  g_clear_error (&error);

  exec_ok (store, "DELETE FROM audit_log");
  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED);
  g_assert_cmpint (n, ==, 0);
  g_assert_cmpint (bad, ==, 1);
}

static void
test_audit_detect_reorder (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GError) error = NULL;
  gint64 n = -1, bad = -1;

  fill (store);
  exec_ok (store, "DROP TRIGGER audit_log_no_update");

  /* Entries 2 and 3 change places. */
  exec_ok (store, "UPDATE audit_log SET id = 100 WHERE id = 2;"
                  "UPDATE audit_log SET id = 2 WHERE id = 3;"
                  "UPDATE audit_log SET id = 3 WHERE id = 100;");

  g_assert_false (acr_audit_verify (store, &n, &bad, &error));
  g_assert_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REORDERED);
  g_assert_nonnull (strstr (error->message, "Entry 2 "));
  g_assert_cmpint (n, ==, 1);
  g_assert_cmpint (bad, ==, 2);
}

static void
test_audit_transaction (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrLearner) learner = acr_learner_new ();
  g_autoptr(AcrLearner) twin = acr_learner_new ();
  g_autoptr(GError) error = NULL;

  /* Rolled back with the caller's transaction. */
  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (acr_audit_append (store, "edit", "module", 1, "Edited.", NULL, &error));
  acr_store_rollback (store);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, 0);

  /* A failed save writes no entry. */
  acr_learner_set_given_name (learner, "Ada");
  acr_learner_set_family_name (learner, "Lovelace");
  acr_learner_set_external_id (learner, "M-1");
  g_assert_true (acr_learner_save (learner, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, 1);

  acr_learner_set_given_name (twin, "Charles");
  acr_learner_set_family_name (twin, "Babbage");
  acr_learner_set_external_id (twin, "M-1");
  g_assert_false (acr_learner_save (twin, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM learner"), ==, 1);
}

static guint
n_listed (AcrStore             *store,
          const AcrAuditFilter *filter)
{
  g_autoptr(AcrPagedList) list = acr_audit_list (store, filter);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_audit_list_filters (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AcrAuditFilter filter = { NULL, };

  fill (store);
  acr_store_set_actor (store, "Other Person");
  append_ok (store, "edit", "module", 2, "Edited version 2 of module “A”.", NULL);

  g_assert_cmpuint (n_listed (store, NULL), ==, 6);
  g_assert_cmpuint (n_listed (store, &filter), ==, 6);

  filter.object_type = "module";
  g_assert_cmpuint (n_listed (store, &filter), ==, 4);
  filter.object_id = 2;
  g_assert_cmpuint (n_listed (store, &filter), ==, 2);
  filter.action = "edit";
  g_assert_cmpuint (n_listed (store, &filter), ==, 1);
  filter.actor = "Tess Tester";
  g_assert_cmpuint (n_listed (store, &filter), ==, 0);

  memset (&filter, 0, sizeof filter);
  filter.actor = "Tess Tester";
  g_assert_cmpuint (n_listed (store, &filter), ==, 5);
  filter.action = "create";
  g_assert_cmpuint (n_listed (store, &filter), ==, 2);

  /* Dates: an until date includes its whole day. */
  memset (&filter, 0, sizeof filter);
  filter.since = today;
  filter.until = today;
  g_assert_cmpuint (n_listed (store, &filter), ==, 6);
  filter.since = "2999-01-01";
  g_assert_cmpuint (n_listed (store, &filter), ==, 0);
  filter.since = NULL;
  filter.until = "2000-01-01";
  g_assert_cmpuint (n_listed (store, &filter), ==, 0);
  filter.until = "2999-01-01T00:00:00Z";
  g_assert_cmpuint (n_listed (store, &filter), ==, 6);

  /* Newest first. */
  {
    g_autoptr(AcrPagedList) list = acr_audit_list (store, NULL);
    g_autoptr(AcrAuditEntry) first = get_entry (G_LIST_MODEL (list), 0);

    g_assert_cmpint (acr_audit_entry_get_id (first), ==, 6);
    g_assert_cmpstr (acr_audit_entry_get_actor (first), ==, "Other Person");
  }
}

/* The actions recorded for @object_type @object_id, oldest first, joined by ",". */
static char *
actions_of (AcrStore   *store,
            const char *object_type,
            gint64      object_id)
{
  g_autoptr(AcrPagedList) list = NULL;
  g_autoptr(GString) str = g_string_new (NULL);
  AcrAuditFilter filter = { object_type, object_id, };
  guint n;

  list = acr_audit_list (store, &filter);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(AcrAuditEntry) entry = get_entry (G_LIST_MODEL (list), i - 1);

      if (str->len > 0)
        g_string_append_c (str, ',');
      g_string_append (str, acr_audit_entry_get_action (entry));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
test_audit_write_paths (void)
{
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrModule) module = acr_module_new ();
  g_autoptr(AcrModule) copy = NULL;
  g_autoptr(AcrLearner) learner = acr_learner_new ();
  g_autoptr(AcrOrganisation) org = acr_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *actions = NULL;
  gint64 id;

  /* Module: create, edit, approve, retire, new version, delete. */
  acr_module_set_code (module, "AUD-1");
  acr_module_set_title (module, "Audited");
  g_assert_true (acr_module_save (module, store, &error));
  acr_module_set_title (module, "Audited module");
  g_assert_true (acr_module_save (module, store, &error));
  acr_module_set_status (module, ACR_STATUS_APPROVED);
  g_assert_true (acr_module_save (module, store, &error));
  acr_module_set_status (module, ACR_STATUS_RETIRED);
  g_assert_true (acr_module_save (module, store, &error));
  g_assert_no_error (error);
  id = acr_module_get_id (module);
  actions = actions_of (store, "module", id);
  g_assert_cmpstr (actions, ==, "create,edit,approve,retire");
  g_clear_pointer (&actions, g_free);

  copy = acr_module_new_version (store, id, &error);
  g_assert_no_error (error);
  actions = actions_of (store, "module", acr_module_get_id (copy));
  g_assert_cmpstr (actions, ==, "new-version");
  g_clear_pointer (&actions, g_free);

  g_assert_true (acr_module_delete (store, acr_module_get_id (copy), &error));
  g_assert_no_error (error);
  actions = actions_of (store, "module", acr_module_get_id (copy));
  g_assert_cmpstr (actions, ==, "new-version,delete");
  g_clear_pointer (&actions, g_free);

  /* A refused change writes nothing. */
  acr_module_set_title (module, "Changed after retiring");
  g_assert_false (acr_module_save (module, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  actions = actions_of (store, "module", id);
  g_assert_cmpstr (actions, ==, "create,edit,approve,retire");
  g_clear_pointer (&actions, g_free);

  /* Learner. */
  acr_learner_set_given_name (learner, "Ada");
  acr_learner_set_family_name (learner, "Lovelace");
  g_assert_true (acr_learner_save (learner, store, &error));
  acr_learner_set_email (learner, "ada@example.org");
  g_assert_true (acr_learner_save (learner, store, &error));
  g_assert_true (acr_learner_delete (store, acr_learner_get_id (learner), &error));
  g_assert_no_error (error);
  actions = actions_of (store, "learner", acr_learner_get_id (learner));
  g_assert_cmpstr (actions, ==, "create,edit,delete");
  g_clear_pointer (&actions, g_free);

  /* Organisation. */
  acr_organisation_set_name (org, "Kammer");
  acr_organisation_set_country (org, "DE");
  g_assert_true (acr_organisation_save (org, store, &error));
  acr_organisation_set_web (org, "https://example.org");
  g_assert_true (acr_organisation_save (org, store, &error));
  g_assert_true (acr_organisation_delete (store, acr_organisation_get_id (org), &error));
  g_assert_no_error (error);
  actions = actions_of (store, "organisation", acr_organisation_get_id (org));
  g_assert_cmpstr (actions, ==, "create,edit,delete");
  g_clear_pointer (&actions, g_free);

  /* Seed: its parts and one "seed" entry; the chain is intact. */
  g_assert_true (acr_seed_demo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log WHERE action = 'seed' "
                                      "AND object_type = 'database'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log "
                                      "WHERE object_type = 'framework'"), >=, 4);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log "
                                      "WHERE object_type = 'curriculum'"), ==, 1);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM audit_log "
                                      "WHERE object_type = 'assessment'"), ==, 1);
  g_assert_true (acr_audit_verify (store, NULL, NULL, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/audit/append/chain", test_audit_append_chain);
  g_test_add_func ("/audit/append/transaction", test_audit_transaction);
  g_test_add_func ("/audit/verify/ok", test_audit_verify_ok);
  g_test_add_func ("/audit/verify/triggers", test_audit_triggers);
  g_test_add_func ("/audit/verify/edited", test_audit_detect_edit);
  g_test_add_func ("/audit/verify/edited-rehashed", test_audit_detect_edit_rehashed);
  g_test_add_func ("/audit/verify/deleted", test_audit_detect_delete);
  g_test_add_func ("/audit/verify/deleted-newest", test_audit_detect_delete_newest);
  g_test_add_func ("/audit/verify/reordered", test_audit_detect_reorder);
  g_test_add_func ("/audit/list/filters", test_audit_list_filters);
  g_test_add_func ("/audit/write-paths", test_audit_write_paths);

  return g_test_run ();
}
