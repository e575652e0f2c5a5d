/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Signed revocation lists (data/schemas/revocation-list.xsd): made from the store's revoked
 * credentials for publishing, and read from untrusted files for verification. */

#pragma once

#include <gio/gio.h>
#include <gnutls/x509.h>

#include "acr-signing-identity.h"
#include "acr-types.h"

G_BEGIN_DECLS

/* The namespace of revocation lists. */
#define ACR_REVOCATION_LIST_NS "urn:accredit:revocation-list:1"

#define ACR_TYPE_REVOCATION_LIST (acr_revocation_list_get_type ())

G_DECLARE_FINAL_TYPE (AcrRevocationList, acr_revocation_list, ACR, REVOCATION_LIST, GObject)

/* The signed revocation list of the organisation of @identity (an identity of @store; see
 * acr_identity_store_open): every revoked credential signed by any issuer key of that
 * organisation, oldest revocation first, with the next sequence number. Records "export"
 * (object type "revocation_list", object id the organisation's) in the audit log. Returns
 * the XML as written, to publish as it is. Free with g_bytes_unref(). */
GBytes            *acr_revocation_list_export            (AcrStore            *store,
                                                          AcrSigningIdentity  *identity,
                                                          GError             **error);

/* Reads an untrusted revocation list: well-formed, valid against its schema, signed in our
 * profile by a certificate that leads to one trusted in @store and was valid when the list
 * was issued. Otherwise NULL with an ACR_XML_ERROR (form, schema) or ACR_SIGNATURE_ERROR
 * (signature; CERTIFICATE for an untrusted or expired signer). @display_name names the
 * document in errors. */
AcrRevocationList *acr_revocation_list_load              (AcrStore            *store,
                                                          const char          *data,
                                                          gsize                len,
                                                          const char          *display_name,
                                                          GError             **error);

const char        *acr_revocation_list_get_issuer_name   (AcrRevocationList   *self);
const char        *acr_revocation_list_get_issuer_country (AcrRevocationList  *self);
/* ISO 8601 UTC. */
const char        *acr_revocation_list_get_issued        (AcrRevocationList   *self);
gint64             acr_revocation_list_get_sequence      (AcrRevocationList   *self);
/* The SHA-256 fingerprint of the certificate that signed the list. */
const char        *acr_revocation_list_get_signer_fingerprint (AcrRevocationList *self);
guint              acr_revocation_list_get_n_entries     (AcrRevocationList   *self);
/* The entry @index, in the list's order; the out arguments may be NULL (transfer none). */
void               acr_revocation_list_get_entry         (AcrRevocationList   *self,
                                                          guint                index,
                                                          const char         **credential_id,
                                                          const char         **revoked_at,
                                                          const char         **reason);
/* TRUE when the credential @credential_id ("urn:uuid:…") is on the list; then
 * @revoked_at and @reason (may be NULL) are set (transfer none). */
gboolean           acr_revocation_list_lookup            (AcrRevocationList   *self,
                                                          const char          *credential_id,
                                                          const char         **revoked_at,
                                                          const char         **reason);
/* TRUE when the list speaks for the issuer of a credential signed with @signer: the same
 * certificate signed both, or the certificates name the same organisation (O) in the same
 * country (C), as when an issuer changes its key. */
gboolean           acr_revocation_list_covers            (AcrRevocationList   *self,
                                                          gnutls_x509_crt_t    signer);

G_END_DECLS
