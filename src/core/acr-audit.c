/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The audit log: an append-only, hash-chained record of every change (table audit_log).
 *
 * Rules kept here:
 * - an entry is appended inside the transaction of the change it records (a nested
 *   savepoint), so a change and its entry are written together or not at all;
 * - each entry's hash is the SHA-256 over a canonical form of its fields and the previous
 *   entry's hash (64 zeros for the first): "accredit-audit-1\n", then for each of prev_hash,
 *   at, actor, action, object_type, object_id, summary and detail either "-\n" for NULL or
 *   the length in bytes, ':', the bytes and "\n". Lengths make the form unambiguous; the id
 *   is not hashed, the chain orders the entries;
 * - the table refuses UPDATE and DELETE by triggers; whoever drops them and changes, removes,
 *   inserts or reorders entries is caught by acr_audit_verify(), except at the very end of
 *   the log where only sqlite_sequence (AUTOINCREMENT) remembers the highest id given;
 * - the detail is stored as the JSON text that was hashed, never re-serialised. */

#define G_LOG_DOMAIN "acr-audit"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "acr-audit-private.h"
#include "acr-paged-list-private.h"
#include "acr-store-private.h"

struct _AcrAuditEntry
{
  GObject  parent_instance;

  gint64   id;
  char    *at;
  char    *actor;
  char    *action;
  char    *object_type;
  gint64   object_id;
  char    *summary;
  char    *detail;
  char    *prev_hash;
  char    *hash;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_ACTOR,
  PROP_ACTION,
  PROP_OBJECT_TYPE,
  PROP_OBJECT_ID,
  PROP_SUMMARY,
  PROP_DETAIL,
  PROP_PREV_HASH,
  PROP_HASH,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrAuditEntry, acr_audit_entry, G_TYPE_OBJECT)

G_DEFINE_QUARK (acr-audit-error-quark, acr_audit_error)

#define ENTRY_COLUMNS \
  "id, at, actor, action, object_type, object_id, summary, detail, prev_hash, hash"

static void
append_field (GString    *str,
              const char *value)
{
  if (value == NULL)
    {
      g_string_append (str, "-\n");
      return;
    }

  g_string_append_printf (str, "%" G_GSIZE_FORMAT ":", strlen (value));
  g_string_append (str, value);
  g_string_append_c (str, '\n');
}

static gpointer
entry_from_row (AcrStore     *store,
                sqlite3_stmt *stmt)
{
  AcrAuditEntry *self = g_object_new (ACR_TYPE_AUDIT_ENTRY, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->at = _acr_column_dup (stmt, 1);
  self->actor = _acr_column_dup (stmt, 2);
  self->action = _acr_column_dup (stmt, 3);
  self->object_type = _acr_column_dup (stmt, 4);
  self->object_id = sqlite3_column_int64 (stmt, 5);
  self->summary = _acr_column_dup (stmt, 6);
  self->detail = _acr_column_dup (stmt, 7);
  self->prev_hash = _acr_column_dup (stmt, 8);
  self->hash = _acr_column_dup (stmt, 9);

  return self;
}

static void
acr_audit_entry_finalize (GObject *object)
{
  AcrAuditEntry *self = (AcrAuditEntry *) object;

  g_free (self->at);
  g_free (self->actor);
  g_free (self->action);
  g_free (self->object_type);
  g_free (self->summary);
  g_free (self->detail);
  g_free (self->prev_hash);
  g_free (self->hash);

  G_OBJECT_CLASS (acr_audit_entry_parent_class)->finalize (object);
}

static void
acr_audit_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AcrAuditEntry *self = ACR_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_OBJECT_TYPE:
      g_value_set_string (value, self->object_type);
      break;
    case PROP_OBJECT_ID:
      g_value_set_int64 (value, self->object_id);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_PREV_HASH:
      g_value_set_string (value, self->prev_hash);
      break;
    case PROP_HASH:
      g_value_set_string (value, self->hash);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_audit_entry_class_init (AcrAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_audit_entry_finalize;
  object_class->get_property = acr_audit_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AT] = g_param_spec_string ("at", NULL, NULL, NULL, flags);
  properties[PROP_ACTOR] = g_param_spec_string ("actor", NULL, NULL, NULL, flags);
  properties[PROP_ACTION] = g_param_spec_string ("action", NULL, NULL, NULL, flags);
  properties[PROP_OBJECT_TYPE] = g_param_spec_string ("object-type", NULL, NULL, NULL, flags);
  properties[PROP_OBJECT_ID] = g_param_spec_int64 ("object-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   flags);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, flags);
  properties[PROP_PREV_HASH] = g_param_spec_string ("prev-hash", NULL, NULL, NULL, flags);
  properties[PROP_HASH] = g_param_spec_string ("hash", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_audit_entry_init (AcrAuditEntry *self)
{
}

gint64
acr_audit_entry_get_id (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

const char *
acr_audit_entry_get_at (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

const char *
acr_audit_entry_get_actor (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

const char *
acr_audit_entry_get_action (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const char *
acr_audit_entry_get_object_type (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->object_type;
}

gint64
acr_audit_entry_get_object_id (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), 0);
  return self->object_id;
}

const char *
acr_audit_entry_get_summary (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->summary;
}

const char *
acr_audit_entry_get_detail (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->detail;
}

const char *
acr_audit_entry_get_prev_hash (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->prev_hash;
}

const char *
acr_audit_entry_get_hash (AcrAuditEntry *self)
{
  g_return_val_if_fail (ACR_IS_AUDIT_ENTRY (self), NULL);
  return self->hash;
}

char *
acr_audit_compute_hash (const char *prev_hash,
                        const char *at,
                        const char *actor,
                        const char *action,
                        const char *object_type,
                        gint64      object_id,
                        const char *summary,
                        const char *detail)
{
  g_autoptr(GString) str = g_string_new ("accredit-audit-1\n");
  g_autofree char *id = object_id > 0 ? g_strdup_printf ("%lld", (long long) object_id) : NULL;

  append_field (str, prev_hash);
  append_field (str, at);
  append_field (str, actor);
  append_field (str, action);
  append_field (str, object_type);
  append_field (str, id);
  append_field (str, summary);
  append_field (str, detail);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) str->str, str->len);
}

gboolean
acr_audit_append (AcrStore    *store,
                  const char  *action,
                  const char  *object_type,
                  gint64       object_id,
                  const char  *summary,
                  JsonNode    *detail,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *detail_text = NULL;
  g_autofree char *hash = NULL;
  const char *actor;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL && action[0] != '\0', FALSE);
  g_return_val_if_fail (object_type != NULL && object_type[0] != '\0', FALSE);
  g_return_val_if_fail (object_id >= 0, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  last = _acr_store_prepare (store, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
                             error);
  if (last == NULL)
    goto fail;

  rc = _acr_store_step (store, last, error);
  if (rc < 0)
    goto fail;
  prev_hash = rc == SQLITE_ROW ? _acr_column_dup (last, 0) : g_strdup (ACR_AUDIT_GENESIS_HASH);

  at = _acr_now_iso8601 ();
  actor = acr_store_get_actor (store);
  if (detail != NULL)
    detail_text = json_to_string (detail, FALSE);
  hash = acr_audit_compute_hash (prev_hash, at, actor, action, object_type, object_id, summary,
                                 detail_text);

  insert = _acr_store_prepare (store,
                               "INSERT INTO audit_log (at, actor, action, object_type, "
                               "object_id, summary, detail, prev_hash, hash) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (insert == NULL)
    goto fail;

  _acr_bind_text (insert, 1, at);
  _acr_bind_text (insert, 2, actor);
  _acr_bind_text (insert, 3, action);
  _acr_bind_text (insert, 4, object_type);
  _acr_bind_id (insert, 5, object_id);
  _acr_bind_text (insert, 6, summary);
  _acr_bind_text (insert, 7, detail_text);
  _acr_bind_text (insert, 8, prev_hash);
  _acr_bind_text (insert, 9, hash);

  if (!_acr_store_run (store, insert, error))
    {
      g_prefix_error (error, _("Could not write the audit log entry: "));
      goto fail;
    }

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

gboolean
_acr_audit_appendf (AcrStore    *store,
                    const char  *action,
                    const char  *object_type,
                    gint64       object_id,
                    GError     **error,
                    const char  *format,
                    ...)
{
  g_autofree char *summary = NULL;
  va_list args;

  va_start (args, format);
  summary = g_strdup_vprintf (format, args);
  va_end (args);

  return acr_audit_append (store, action, object_type, object_id, summary, NULL, error);
}

/* Where the entry @hash sits in the log: its id, or 0 when no entry has it. */
static gboolean
find_hash (AcrStore    *store,
           const char  *hash,
           gint64      *id,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store,
                                                     "SELECT id FROM audit_log WHERE hash = ?1",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _acr_bind_text (stmt, 1, hash);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The highest id the log ever gave (sqlite_sequence), 0 when none. */
static gboolean
query_sequence (AcrStore  *store,
                gint64    *seq,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store,
                                                     "SELECT seq FROM sqlite_sequence "
                                                     "WHERE name = 'audit_log'", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  *seq = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Checks one entry against the one before (@prev_id, @prev_hash); FALSE with an
 * ACR_AUDIT_ERROR or ACR_STORE_ERROR. */
static gboolean
check_entry (AcrStore      *store,
             sqlite3_stmt  *stmt,
             gint64         prev_id,
             const char    *prev_hash,
             gint64        *bad,
             GError       **error)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  const char *stored_prev = (const char *) sqlite3_column_text (stmt, 8);
  const char *stored_hash = (const char *) sqlite3_column_text (stmt, 9);
  g_autofree char *hash = NULL;
  gint64 linked_id = 0;

  hash = acr_audit_compute_hash (stored_prev,
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4),
                                 sqlite3_column_int64 (stmt, 5),
                                 (const char *) sqlite3_column_text (stmt, 6),
                                 (const char *) sqlite3_column_text (stmt, 7));

  *bad = id;
  if (g_strcmp0 (hash, stored_hash) != 0)
    {
      g_set_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_EDITED,
                   _("Entry %lld of the audit log was changed after it was written: its "
                     "content no longer matches its hash."), (long long) id);
      return FALSE;
    }

  if (id != prev_id + 1)
    {
      *bad = prev_id + 1;
      if (id == prev_id + 2)
        g_set_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED,
                     _("Entry %lld of the audit log is missing: it was removed."),
                     (long long) (prev_id + 1));
      else
        g_set_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED,
                     _("Entries %lld to %lld of the audit log are missing: they were "
                       "removed."), (long long) (prev_id + 1), (long long) (id - 1));
      return FALSE;
    }

  if (g_strcmp0 (stored_prev, prev_hash) == 0)
    {
      *bad = 0;
      return TRUE;
    }

  if (!find_hash (store, stored_prev, &linked_id, error))
    return FALSE;

  if (linked_id > id)
    g_set_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REORDERED,
                 _("Entry %lld of the audit log is out of order: it was written after "
                   "entry %lld, which now comes later."), (long long) id,
                 (long long) linked_id);
  else if (linked_id > 0)
    g_set_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REORDERED,
                 _("Entry %lld of the audit log does not follow the entry before it: it was "
                   "written after entry %lld, so the entries between were inserted or "
                   "moved."), (long long) id, (long long) linked_id);
  else
    g_set_error (error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED,
                 _("The entry written before entry %lld of the audit log is missing: it was "
                   "removed or replaced."), (long long) id);
  return FALSE;
}

gboolean
acr_audit_verify (AcrStore  *store,
                  gint64    *n_checked,
                  gint64    *first_bad_id,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev_hash = g_strdup (ACR_AUDIT_GENESIS_HASH);
  gint64 prev_id = 0;
  gint64 n = 0;
  gint64 bad = 0;
  gint64 seq = 0;
  gboolean ok = FALSE;
  GError *local_error = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_checked != NULL)
    *n_checked = 0;
  if (first_bad_id != NULL)
    *first_bad_id = 0;

  /* One read transaction: the log does not change under the check. */
  if (!acr_store_begin (store, error))
    return FALSE;

  stmt = _acr_store_prepare (store, "SELECT " ENTRY_COLUMNS " FROM audit_log ORDER BY id",
                             &local_error);
  if (stmt == NULL)
    goto out;

  while ((rc = _acr_store_step (store, stmt, &local_error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (!check_entry (store, stmt, prev_id, prev_hash, &bad, &local_error))
        goto out;

      g_free (prev_hash);
      prev_hash = _acr_column_dup (stmt, 9);
      prev_id = id;
      n++;
    }

  if (rc < 0 || !query_sequence (store, &seq, &local_error))
    goto out;

  if (seq > prev_id)
    {
      bad = prev_id + 1;
      if (prev_id == 0)
        g_set_error (&local_error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED,
                     _("All %lld entries of the audit log are missing: they were removed."),
                     (long long) seq);
      else
        g_set_error (&local_error, ACR_AUDIT_ERROR, ACR_AUDIT_ERROR_REMOVED,
                     _("The newest entries of the audit log, after entry %lld (up to entry "
                       "%lld), are missing: they were removed."), (long long) prev_id,
                     (long long) seq);
      goto out;
    }

  ok = TRUE;

out:
  /* Only read: a rollback ends the transaction as well as a commit. */
  acr_store_rollback (store);

  if (n_checked != NULL)
    *n_checked = n;
  if (local_error != NULL && local_error->domain != ACR_AUDIT_ERROR)
    bad = 0;
  if (first_bad_id != NULL)
    *first_bad_id = bad;
  if (local_error != NULL)
    g_propagate_error (error, local_error);

  return ok;
}

AcrPagedList *
acr_audit_list (AcrStore             *store,
                const AcrAuditFilter *filter)
{
  g_autoptr(GString) sql = g_string_new ("SELECT " ENTRY_COLUMNS " FROM audit_log");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  const char *glue = " WHERE ";

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

#define ADD_CONDITION(cond, value)                                        \
  G_STMT_START {                                                          \
    g_ptr_array_add (params, (value));                                    \
    g_string_append (sql, glue);                                          \
    g_string_append_printf (sql, (cond), params->len);                    \
    glue = " AND ";                                                       \
  } G_STMT_END

  if (filter != NULL)
    {
      if (filter->object_type != NULL)
        ADD_CONDITION ("object_type = ?%u", g_strdup (filter->object_type));
      if (filter->object_id > 0)
        ADD_CONDITION ("object_id = CAST (?%u AS INTEGER)",
                       g_strdup_printf ("%lld", (long long) filter->object_id));
      if (filter->actor != NULL)
        ADD_CONDITION ("actor = ?%u", g_strdup (filter->actor));
      if (filter->action != NULL)
        ADD_CONDITION ("action = ?%u", g_strdup (filter->action));
      if (filter->since != NULL)
        ADD_CONDITION ("at >= ?%u", g_strdup (filter->since));
      if (filter->until != NULL)
        {
          /* Compares as many characters as given: a date includes its whole day. */
          g_ptr_array_add (params, g_strdup (filter->until));
          g_string_append_printf (sql, "%ssubstr (at, 1, length (?%u)) <= ?%u", glue,
                                  params->len, params->len);
        }
    }

#undef ADD_CONDITION

  g_string_append (sql, " ORDER BY id DESC");
  g_ptr_array_add (params, NULL);

  return _acr_paged_list_new (store, ACR_TYPE_AUDIT_ENTRY, sql->str,
                              (const char * const *) params->pdata, entry_from_row);
}
