/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issuer identities kept by the store (table signing_identity, keys in the key folder),
 * certificate requests waiting for a CA, and the issuer certificates verification trusts
 * (table trusted_certificate). */

#pragma once

#include <gio/gio.h>

#include "acr-paged-list.h"
#include "acr-signing-identity.h"
#include "acr-types.h"

G_BEGIN_DECLS

/* An issuer identity as stored: read-only properties named like the columns (id,
 * organisation-id, label, key-type, certificate-pem, fingerprint, subject, not-before,
 * not-after, key-location, created-at, retired-at) and "is-pkcs11". */
#define ACR_TYPE_IDENTITY_RECORD (acr_identity_record_get_type ())
G_DECLARE_FINAL_TYPE (AcrIdentityRecord, acr_identity_record, ACR, IDENTITY_RECORD, GObject)

gint64       acr_identity_record_get_id               (AcrIdentityRecord   *self);
/* 0 when the identity belongs to no organisation. */
gint64       acr_identity_record_get_organisation_id  (AcrIdentityRecord   *self);
const char  *acr_identity_record_get_label            (AcrIdentityRecord   *self);
AcrKeyType   acr_identity_record_get_key_type         (AcrIdentityRecord   *self);
/* The certificate chain, PEM, signer first. */
const char  *acr_identity_record_get_certificate_pem  (AcrIdentityRecord   *self);
const char  *acr_identity_record_get_fingerprint      (AcrIdentityRecord   *self);
const char  *acr_identity_record_get_subject          (AcrIdentityRecord   *self);
/* ISO 8601 UTC. */
const char  *acr_identity_record_get_not_before       (AcrIdentityRecord   *self);
const char  *acr_identity_record_get_not_after        (AcrIdentityRecord   *self);
/* The key file's path or the key's pkcs11: URI. */
const char  *acr_identity_record_get_key_location     (AcrIdentityRecord   *self);
const char  *acr_identity_record_get_created_at       (AcrIdentityRecord   *self);
/* NULL while the identity is in use. */
const char  *acr_identity_record_get_retired_at       (AcrIdentityRecord   *self);
gboolean     acr_identity_record_get_is_pkcs11        (AcrIdentityRecord   *self);

/* A certificate request waiting for the CA's certificate: read-only properties request-id,
 * organisation-id, label, key-type, subject, created-at, request-pem. */
#define ACR_TYPE_CERTIFICATE_REQUEST (acr_certificate_request_get_type ())
G_DECLARE_FINAL_TYPE (AcrCertificateRequest, acr_certificate_request, ACR, CERTIFICATE_REQUEST,
                      GObject)

/* 16 lowercase hex digits, from the SHA-256 of the request's public key. */
const char  *acr_certificate_request_get_request_id      (AcrCertificateRequest *self);
gint64       acr_certificate_request_get_organisation_id (AcrCertificateRequest *self);
const char  *acr_certificate_request_get_label           (AcrCertificateRequest *self);
AcrKeyType   acr_certificate_request_get_key_type        (AcrCertificateRequest *self);
const char  *acr_certificate_request_get_subject         (AcrCertificateRequest *self);
const char  *acr_certificate_request_get_created_at      (AcrCertificateRequest *self);
/* The PKCS #10 request, PEM, to send to the CA. */
const char  *acr_certificate_request_get_request_pem     (AcrCertificateRequest *self);

/* A trusted issuer certificate: read-only properties id, fingerprint, certificate-pem,
 * subject, not-after, added-at. */
#define ACR_TYPE_TRUSTED_CERTIFICATE (acr_trusted_certificate_get_type ())
G_DECLARE_FINAL_TYPE (AcrTrustedCertificate, acr_trusted_certificate, ACR, TRUSTED_CERTIFICATE,
                      GObject)

gint64       acr_trusted_certificate_get_id              (AcrTrustedCertificate *self);
const char  *acr_trusted_certificate_get_fingerprint     (AcrTrustedCertificate *self);
const char  *acr_trusted_certificate_get_certificate_pem (AcrTrustedCertificate *self);
const char  *acr_trusted_certificate_get_subject         (AcrTrustedCertificate *self);
const char  *acr_trusted_certificate_get_not_after       (AcrTrustedCertificate *self);
const char  *acr_trusted_certificate_get_added_at        (AcrTrustedCertificate *self);

/* The folder of the key files of @store's identities: the one set with
 * acr_identity_store_set_key_dir(), else acr_signing_identity_get_default_key_dir().
 * Free with g_free(). */
char                  *acr_identity_store_get_key_dir        (AcrStore            *store);
/* Keeps the key files of @store in @key_dir (NULL: the default) from now on. */
void                   acr_identity_store_set_key_dir        (AcrStore            *store,
                                                              const char          *key_dir);

/* Generates a key of @type with a self-signed issuer certificate for the organisation
 * @organisation_id (its name and country; @common_name NULL: the organisation's name) valid
 * for @validity_days, saves the key encrypted with @passphrase as KEYDIR/FINGERPRINT.key,
 * stores the identity (@label NULL: the common name), trusts its certificate and records
 * "key-create" in the audit log. All or nothing: on failure no row and no key file remain. */
AcrIdentityRecord     *acr_identity_store_create             (AcrStore            *store,
                                                              gint64               organisation_id,
                                                              AcrKeyType           type,
                                                              const char          *label,
                                                              const char          *common_name,
                                                              guint                validity_days,
                                                              const char          *passphrase,
                                                              GError             **error);
/* Generates a key of @type and a PKCS #10 request for a CA, kept (key encrypted with
 * @passphrase) in KEYDIR/requests until acr_identity_store_import_certificate() attaches the
 * CA's certificate. Records "key-request" in the audit log. */
AcrCertificateRequest *acr_identity_store_create_request     (AcrStore            *store,
                                                              gint64               organisation_id,
                                                              AcrKeyType           type,
                                                              const char          *label,
                                                              const char          *common_name,
                                                              const char          *passphrase,
                                                              GError             **error);
/* The requests waiting for a certificate, oldest first (a GListModel of
 * AcrCertificateRequest). */
GListModel            *acr_identity_store_list_requests      (AcrStore            *store,
                                                              GError             **error);
/* Attaches the CA's certificate chain @pem (signer first, each issued by the next) to the
 * waiting request @request_id (whose key @passphrase opens), stores the identity, trusts its
 * certificate and records "key-import". NOT_FOUND for an unknown request; ACR_KEY_ERROR
 * INVALID when the certificate is not for the request's key. */
AcrIdentityRecord     *acr_identity_store_import_certificate (AcrStore            *store,
                                                              const char          *request_id,
                                                              const char          *pem,
                                                              gsize                len,
                                                              const char          *passphrase,
                                                              GError             **error);
/* Imports the key and chain of the PKCS #12 file @path (opened with @p12_password) for the
 * organisation @organisation_id, keeping the key encrypted with @new_passphrase. */
AcrIdentityRecord     *acr_identity_store_import_pkcs12      (AcrStore            *store,
                                                              gint64               organisation_id,
                                                              const char          *path,
                                                              const char          *p12_password,
                                                              const char          *new_passphrase,
                                                              const char          *label,
                                                              GError             **error);
/* Adds the key on a token at @uri, with the certificate stored beside it on the token or,
 * if @certificate_pem is not NULL, that chain. @pin_func asks for the PIN (see
 * acr_signing_identity_open_pkcs11()); the token is only opened here, the PIN not kept. */
AcrIdentityRecord     *acr_identity_store_add_pkcs11         (AcrStore            *store,
                                                              gint64               organisation_id,
                                                              const char          *uri,
                                                              const char          *label,
                                                              const char          *certificate_pem,
                                                              AcrPinFunc           pin_func,
                                                              gpointer             user_data,
                                                              GError             **error);
/* A lazy list of AcrIdentityRecord, of one organisation (0: all), by id. */
AcrPagedList          *acr_identity_store_list               (AcrStore            *store,
                                                              gint64               organisation_id);
/* NOT_FOUND when there is none. */
AcrIdentityRecord     *acr_identity_store_load               (AcrStore            *store,
                                                              gint64               id,
                                                              GError             **error);
AcrIdentityRecord     *acr_identity_store_load_by_fingerprint (AcrStore           *store,
                                                               const char         *fingerprint,
                                                               GError            **error);
/* The usable identity @id: its key file decrypted with @passphrase (ACR_KEY_ERROR
 * BAD_PASSPHRASE when wrong), or its token opened with @pin_func, with the stored chain. */
AcrSigningIdentity    *acr_identity_store_open               (AcrStore            *store,
                                                              gint64               id,
                                                              const char          *passphrase,
                                                              AcrPinFunc           pin_func,
                                                              gpointer             user_data,
                                                              GError             **error);
/* Marks @id retired (no more issuing with it; what it signed stays valid) and records
 * "key-retire". INVALID when it is retired already. */
gboolean               acr_identity_store_retire             (AcrStore            *store,
                                                              gint64               id,
                                                              GError             **error);

/* Trusts the one certificate in @pem (PEM or DER) for verification; records "trust".
 * DUPLICATE when it is trusted already. */
AcrTrustedCertificate *acr_trust_add                         (AcrStore            *store,
                                                              const char          *pem,
                                                              gsize                len,
                                                              GError             **error);
/* Stops trusting the certificate with @fingerprint (64 hex digits; case and colons are
 * ignored); records "untrust". NOT_FOUND when it was not trusted. */
gboolean               acr_trust_remove                      (AcrStore            *store,
                                                              const char          *fingerprint,
                                                              GError             **error);
/* A lazy list of AcrTrustedCertificate, by subject. */
AcrPagedList          *acr_trust_list                        (AcrStore            *store);
/* TRUE when the certificate with @fingerprint is trusted. */
gboolean               acr_trust_contains                    (AcrStore            *store,
                                                              const char          *fingerprint,
                                                              GError             **error);

G_END_DECLS
