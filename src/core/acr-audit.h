/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <json-glib/json-glib.h>

#include "acr-types.h"
#include "acr-paged-list.h"

G_BEGIN_DECLS

/* What acr_audit_verify() found wrong with the log (the error domain of a failed check; a
 * database that cannot be read gives an ACR_STORE_ERROR instead). */
#define ACR_AUDIT_ERROR (acr_audit_error_quark ())

typedef enum
{
  ACR_AUDIT_ERROR_EDITED,     /* an entry's content no longer matches its hash */
  ACR_AUDIT_ERROR_REMOVED,    /* an entry is missing: a gap in the chain or the numbering */
  ACR_AUDIT_ERROR_REORDERED,  /* an entry is chained to one that is not just before it:
                               * entries were moved, or one was inserted */
} AcrAuditError;

GQuark acr_audit_error_quark (void);

/* The hash of "no previous entry": 64 zeros. */
#define ACR_AUDIT_GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

#define ACR_TYPE_AUDIT_ENTRY (acr_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (AcrAuditEntry, acr_audit_entry, ACR, AUDIT_ENTRY, GObject)

/* One entry of the audit log as read (read-only properties named like the columns: id, at,
 * actor, action, object-type, object-id, summary, detail, prev-hash, hash). */
gint64         acr_audit_entry_get_id           (AcrAuditEntry  *self);
/* ISO 8601 UTC, to the second. */
const char    *acr_audit_entry_get_at           (AcrAuditEntry  *self);
const char    *acr_audit_entry_get_actor        (AcrAuditEntry  *self);
/* "create", "edit", "delete", "approve", "retire", "new-version", "seed", "issue",
 * "revoke", … */
const char    *acr_audit_entry_get_action       (AcrAuditEntry  *self);
/* The table of the object: "module", "learner", "credential", …; "database" for the seed. */
const char    *acr_audit_entry_get_object_type  (AcrAuditEntry  *self);
/* 0 when the entry is about no single row. */
gint64         acr_audit_entry_get_object_id    (AcrAuditEntry  *self);
/* A sentence saying what happened, in the language of the person who did it. */
const char    *acr_audit_entry_get_summary      (AcrAuditEntry  *self);
/* The details as JSON text, or NULL. */
const char    *acr_audit_entry_get_detail       (AcrAuditEntry  *self);
const char    *acr_audit_entry_get_prev_hash    (AcrAuditEntry  *self);
const char    *acr_audit_entry_get_hash         (AcrAuditEntry  *self);

/* Filters of acr_audit_list(); zero-initialise, then set what you need. NULL strings and a
 * 0 id match everything. @since and @until are ISO 8601 dates ("2026-11-25") or times
 * ("2026-11-25T10:00:00Z"), both inclusive (an @until date includes that whole day). */
typedef struct
{
  const char *object_type;
  gint64      object_id;
  const char *actor;
  const char *action;
  const char *since;
  const char *until;
} AcrAuditFilter;

/* Appends an entry by the store's actor, chained to the newest one. Call it inside the
 * transaction of the change it records, so both are written or neither (it opens a nested
 * savepoint of its own). @object_id 0 = none; @detail (may be NULL) is serialised as JSON;
 * it is not taken over. */
gboolean       acr_audit_append                 (AcrStore        *store,
                                                 const char      *action,
                                                 const char      *object_type,
                                                 gint64           object_id,
                                                 const char      *summary,
                                                 JsonNode        *detail,
                                                 GError         **error);
/* Checks the whole chain, oldest first: each entry's hash against its content, each
 * prev-hash against the entry before, the numbering without gaps and nothing missing at the
 * end. TRUE when intact. Otherwise FALSE with an ACR_AUDIT_ERROR naming the first bad entry
 * (its id in @first_bad_id), or an ACR_STORE_ERROR when the log cannot be read.
 * @n_checked (may be NULL) gets the number of entries found intact before the first bad
 * one; @first_bad_id (may be NULL) gets 0 when none is bad. */
gboolean       acr_audit_verify                 (AcrStore        *store,
                                                 gint64          *n_checked,
                                                 gint64          *first_bad_id,
                                                 GError         **error);
/* A lazy list of AcrAuditEntry, newest first; @filter may be NULL (everything). */
AcrPagedList  *acr_audit_list                   (AcrStore        *store,
                                                 const AcrAuditFilter *filter);
/* The SHA-256 (64 lowercase hex digits) over the canonical form of an entry's fields, as
 * acr_audit_append() and acr_audit_verify() compute it. @object_id 0 and @detail NULL stand
 * for SQL NULL. Free with g_free(). */
char          *acr_audit_compute_hash           (const char      *prev_hash,
                                                 const char      *at,
                                                 const char      *actor,
                                                 const char      *action,
                                                 const char      *object_type,
                                                 gint64           object_id,
                                                 const char      *summary,
                                                 const char      *detail);

G_END_DECLS
