/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing credentials: only issuance inserts them. */

#pragma once

#include "acr-credential.h"
#include "acr-store-private.h"

G_BEGIN_DECLS

/* Stores an issued credential and its audit entry ("issue"). Call it inside the issuance's
 * transaction (it opens a nested savepoint). @uuid "urn:uuid:…"; @learner_id and either
 * @module_id or @curriculum_id (the other 0); @assessment_id 0 = none; @issued_at and
 * @valid_until (NULL = no limit) ISO 8601 UTC as in the document; @document the signed XML
 * exactly as issued (its SHA-256 is computed here); @signer_fingerprint 64 hex digits.
 * Sets *@out_id (may be NULL). INVALID for malformed values; NOT_FOUND for an unknown
 * learner, module, assessment or curriculum; DUPLICATE when the learner holds a valid
 * credential for that module version (or curriculum) already, or the uuid is taken. */
gboolean  _acr_credential_insert  (AcrStore    *store,
                                   const char  *uuid,
                                   gint64       learner_id,
                                   gint64       module_id,
                                   gint64       assessment_id,
                                   gint64       curriculum_id,
                                   const char  *issued_at,
                                   const char  *valid_until,
                                   GBytes      *document,
                                   const char  *signer_fingerprint,
                                   gint64      *out_id,
                                   GError     **error);

G_END_DECLS
