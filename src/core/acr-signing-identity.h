/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>

G_BEGIN_DECLS

#define ACR_KEY_ERROR (acr_key_error_quark ())

typedef enum
{
  ACR_KEY_ERROR_FAILED,
  ACR_KEY_ERROR_BAD_PASSPHRASE,  /* wrong or missing passphrase of a key file or PKCS #12 */
  ACR_KEY_ERROR_BAD_PIN,         /* the token refused the PIN, or it is locked */
  ACR_KEY_ERROR_NOT_FOUND,       /* no such file, token object, certificate or request */
  ACR_KEY_ERROR_INVALID,         /* damaged file, bad value, certificate not of this key */
  ACR_KEY_ERROR_PERMISSIONS,     /* a key file other users can read */
  ACR_KEY_ERROR_UNSUPPORTED,     /* key algorithm or size outside our profile, or operation */
  ACR_KEY_ERROR_CANCELLED,       /* the PIN function returned NULL before any wrong PIN */
} AcrKeyError;

GQuark acr_key_error_quark (void);

/* The key algorithms of our signature profile. Nicks: "rsa", "ecdsa", "ed25519". */
typedef enum
{
  ACR_KEY_TYPE_RSA,      /* RSA, 3072 bit when generated; RSA-SHA256 (PKCS #1 v1.5) */
  ACR_KEY_TYPE_ECDSA,    /* ECDSA on NIST P-256; ECDSA-SHA256 */
  ACR_KEY_TYPE_ED25519,  /* Ed25519 (pure EdDSA) */
} AcrKeyType;

#define ACR_TYPE_KEY_TYPE (acr_key_type_get_type ())
GType acr_key_type_get_type (void) G_GNUC_CONST;

/* Asks for the PIN of the token labelled @token_label. @attempt counts from 0; a value above
 * 0 means the previous PIN was wrong. Returns a newly allocated PIN (it is wiped and freed
 * with g_free() after use), or NULL to cancel. */
typedef char *(*AcrPinFunc) (const char *token_label,
                             guint       attempt,
                             gpointer    user_data);

/* At most this many PINs are tried for one login before BAD_PIN is reported. */
#define ACR_PIN_MAX_ATTEMPTS 3

#define ACR_TYPE_SIGNING_IDENTITY (acr_signing_identity_get_type ())

G_DECLARE_FINAL_TYPE (AcrSigningIdentity, acr_signing_identity, ACR, SIGNING_IDENTITY, GObject)

/* A new key of @type with a self-signed issuer certificate (subject C, O, CN; @country is
 * an ISO 3166 alpha-2 code) valid for @validity_days from now. */
AcrSigningIdentity *acr_signing_identity_generate             (AcrKeyType           type,
                                                               const char          *organisation,
                                                               const char          *common_name,
                                                               const char          *country,
                                                               guint                validity_days,
                                                               GError             **error);
/* A new key of @type without certificate, with a certificate request for a CA (see
 * acr_signing_identity_export_request and acr_signing_identity_set_certificate_chain). */
AcrSigningIdentity *acr_signing_identity_create_request       (AcrKeyType           type,
                                                               const char          *organisation,
                                                               const char          *common_name,
                                                               const char          *country,
                                                               GError             **error);
/* Loads an encrypted PKCS #8 key file (refused when other users can read it) and, unless
 * @cert_pem_path is NULL, its certificate chain (PEM, signer first). */
AcrSigningIdentity *acr_signing_identity_load                 (const char          *cert_pem_path,
                                                               const char          *key_path,
                                                               const char          *passphrase,
                                                               GError             **error);
/* The key and its certificate chain from a PKCS #12 (.p12, .pfx) file's contents. */
AcrSigningIdentity *acr_signing_identity_import_pkcs12        (const guint8        *data,
                                                               gsize                len,
                                                               const char          *passphrase,
                                                               GError             **error);
/* A key on a smart card or HSM, given by a "pkcs11:" URI of its private key, with the
 * certificate stored beside it on the token (same URI with type=cert), if there is one.
 * @pin_func is asked for the PIN whenever the token wants a login, also later (for keys
 * that need the PIN for every signature): it and @user_data must stay valid as long as
 * the identity lives. */
AcrSigningIdentity *acr_signing_identity_open_pkcs11          (const char          *uri,
                                                               AcrPinFunc           pin_func,
                                                               gpointer             user_data,
                                                               GError             **error);

/* $XDG_DATA_HOME/accredit/keys. Free with g_free(). */
char               *acr_signing_identity_get_default_key_dir  (void);

/* Writes the key as an encrypted PKCS #8 PEM file (PBES2, AES-256) with mode 0600,
 * atomically, creating the folder (mode 0700) if needed. An empty passphrase is refused. */
gboolean            acr_signing_identity_save_key             (AcrSigningIdentity  *self,
                                                               const char          *path,
                                                               const char          *passphrase,
                                                               GError             **error);
/* The certificate chain as PEM, signer first. NOT_FOUND without certificate.
 * Free *@pem with g_free(). */
gboolean            acr_signing_identity_export_certificate   (AcrSigningIdentity  *self,
                                                               char               **pem,
                                                               GError             **error);
/* The PKCS #10 request (PEM) made by acr_signing_identity_create_request. NOT_FOUND for other
 * identities. Free *@pem with g_free(). */
gboolean            acr_signing_identity_export_request       (AcrSigningIdentity  *self,
                                                               char               **pem,
                                                               GError             **error);
/* Attaches a certificate chain (PEM, signer first, each certificate issued by the next),
 * replacing any before. INVALID when the first certificate is not for this key. */
gboolean            acr_signing_identity_set_certificate_chain (AcrSigningIdentity *self,
                                                                const char         *pem_data,
                                                                gsize               len,
                                                                GError            **error);

AcrKeyType          acr_signing_identity_get_key_type         (AcrSigningIdentity  *self);
/* The signature algorithm for this key: RSA-SHA256, ECDSA-SHA256 or Ed25519. */
gnutls_sign_algorithm_t acr_signing_identity_get_sign_algorithm (AcrSigningIdentity *self);
/* The private key (transfer none; valid while @self lives). Safe to sign with from several
 * threads at once, see the note at the top of acr-signing-identity.c. */
gnutls_privkey_t    acr_signing_identity_get_privkey          (AcrSigningIdentity  *self);
/* The certificate chain, signer first (transfer none); NULL and *@n = 0 without certificate. */
gnutls_x509_crt_t  *acr_signing_identity_get_chain            (AcrSigningIdentity  *self,
                                                               guint               *n);
gboolean            acr_signing_identity_has_certificate      (AcrSigningIdentity  *self);
/* TRUE for a key on a smart card or HSM. */
gboolean            acr_signing_identity_is_pkcs11            (AcrSigningIdentity  *self);
/* The subject's distinguished name (RFC 4514, "CN=…,O=…,C=…"), or NULL if unknown. */
const char         *acr_signing_identity_get_subject_dn       (AcrSigningIdentity  *self);
const char         *acr_signing_identity_get_organisation     (AcrSigningIdentity  *self);
const char         *acr_signing_identity_get_common_name      (AcrSigningIdentity  *self);
const char         *acr_signing_identity_get_country          (AcrSigningIdentity  *self);
/* The certificate's validity (transfer none), NULL without certificate. */
GDateTime          *acr_signing_identity_get_not_before       (AcrSigningIdentity  *self);
GDateTime          *acr_signing_identity_get_not_after        (AcrSigningIdentity  *self);
/* SHA-256 of the certificate's DER, 64 lowercase hex digits; NULL without certificate. */
const char         *acr_signing_identity_get_fingerprint      (AcrSigningIdentity  *self);

/* Signs @data with SHA-256 and the key's algorithm (ECDSA signatures are DER-encoded
 * Ecdsa-Sig-Value). Free *@sig with g_free(). Thread-safe. */
gboolean            acr_signing_identity_sign_data            (AcrSigningIdentity  *self,
                                                               const guint8        *data,
                                                               gsize                len,
                                                               guint8             **sig,
                                                               gsize               *sig_len,
                                                               GError             **error);

G_END_DECLS
