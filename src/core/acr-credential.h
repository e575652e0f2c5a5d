/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-enums.h"
#include "acr-types.h"
#include "acr-paged-list.h"

G_BEGIN_DECLS

#define ACR_TYPE_CREDENTIAL (acr_credential_get_type ())

G_DECLARE_FINAL_TYPE (AcrCredential, acr_credential, ACR, CREDENTIAL, GObject)

/* An issued credential as stored (table credential). Credentials are written only by
 * issuance and changed only by acr_credential_revoke(), so every property is read-only. */
gint64               acr_credential_get_id                 (AcrCredential  *self);
/* "urn:uuid:…" */
const char          *acr_credential_get_uuid               (AcrCredential  *self);
gint64               acr_credential_get_learner_id         (AcrCredential  *self);
/* The module version certified; 0 for a curriculum credential. */
gint64               acr_credential_get_module_id          (AcrCredential  *self);
/* The assessment certified; 0 = none. */
gint64               acr_credential_get_assessment_id      (AcrCredential  *self);
/* The curriculum certified; 0 for a module credential. */
gint64               acr_credential_get_curriculum_id      (AcrCredential  *self);
/* ISO 8601 UTC ("2026-11-25T10:00:00Z"). */
const char          *acr_credential_get_issued_at          (AcrCredential  *self);
/* NULL = without limit. */
const char          *acr_credential_get_valid_until        (AcrCredential  *self);
AcrCredentialStatus  acr_credential_get_status             (AcrCredential  *self);
/* NULL while valid. */
const char          *acr_credential_get_revoked_at         (AcrCredential  *self);
const char          *acr_credential_get_revocation_reason  (AcrCredential  *self);
/* SHA-256 of the document, 64 lowercase hex digits. */
const char          *acr_credential_get_sha256             (AcrCredential  *self);
/* SHA-256 of the signer certificate's DER, 64 lowercase hex digits. */
const char          *acr_credential_get_signer_fingerprint (AcrCredential  *self);
const char          *acr_credential_get_created_at         (AcrCredential  *self);
/* Read with the credential for display: "Given Family", the module's code, version and
 * title (NULL and 0 for a curriculum credential). */
const char          *acr_credential_get_learner_name       (AcrCredential  *self);
const char          *acr_credential_get_module_code        (AcrCredential  *self);
int                  acr_credential_get_module_version     (AcrCredential  *self);
const char          *acr_credential_get_module_title       (AcrCredential  *self);
/* The signed XML exactly as issued (transfer none): set by acr_credential_load() and
 * acr_credential_load_by_uuid(), NULL for items of lists (see
 * acr_credential_load_document()). */
GBytes              *acr_credential_get_document           (AcrCredential  *self);

/* NOT_FOUND with a sentence when there is none. */
AcrCredential       *acr_credential_load                   (AcrStore       *store,
                                                            gint64          id,
                                                            GError        **error);
/* @uuid with or without "urn:uuid:"; case is ignored. */
AcrCredential       *acr_credential_load_by_uuid           (AcrStore       *store,
                                                            const char     *uuid,
                                                            GError        **error);
/* The stored document of credential @id. Free with g_bytes_unref(). */
GBytes              *acr_credential_load_document          (AcrStore       *store,
                                                            gint64          id,
                                                            GError        **error);

/* Filters of acr_credential_list_filtered(); zero-initialise, then set what you need. */
typedef struct
{
  const char *search;      /* substring of the id, the learner's names, module code or title */
  const char *status;      /* "valid", "revoked", NULL = any */
  gint64      module_id;   /* 0 = any */
  gint64      learner_id;  /* 0 = any */
} AcrCredentialFilter;

/* Lazy lists, newest first (issued-at, then id, descending), without documents. */
AcrPagedList        *acr_credential_list                   (AcrStore       *store,
                                                            const char     *search);
AcrPagedList        *acr_credential_list_filtered          (AcrStore       *store,
                                                            const AcrCredentialFilter *filter);

/* Revokes the credential @id for @reason (not blank; it is published in the revocation
 * list): status revoked, revoked-at now, and an audit entry, in one transaction. INVALID
 * when it is revoked already; NOT_FOUND. */
gboolean             acr_credential_revoke                 (AcrStore       *store,
                                                            gint64          id,
                                                            const char     *reason,
                                                            GError        **error);

G_END_DECLS
