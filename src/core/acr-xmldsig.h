/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Enveloped XML Signatures in Accredit's one profile (STANDARDS.md §4): exclusive c14n,
 * SHA-256, RSA-SHA256, ECDSA-P256-SHA256 or Ed25519, the whole document (URI=""), and the
 * signer's certificate chain in KeyInfo/X509Data. */

#pragma once

#include <glib-object.h>
#include <gnutls/abstract.h>
#include <gnutls/x509.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define ACR_SIGNATURE_ERROR (acr_signature_error_quark ())

typedef enum
{
  ACR_SIGNATURE_ERROR_FAILED,       /* a cryptographic operation failed */
  ACR_SIGNATURE_ERROR_STRUCTURE,    /* missing, extra, misplaced or malformed elements */
  ACR_SIGNATURE_ERROR_ALGORITHM,    /* an algorithm, key type or key size outside the profile */
  ACR_SIGNATURE_ERROR_DIGEST,       /* the document changed after signing */
  ACR_SIGNATURE_ERROR_SIGNATURE,    /* the signature value does not verify */
  ACR_SIGNATURE_ERROR_CERTIFICATE,  /* a certificate is unusable or belongs to another key */
} AcrSignatureError;

GQuark acr_signature_error_quark (void);

typedef enum
{
  ACR_SIGNATURE_ALGORITHM_UNKNOWN,
  ACR_SIGNATURE_ALGORITHM_RSA_SHA256,
  ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256,
  ACR_SIGNATURE_ALGORITHM_ED25519,
} AcrSignatureAlgorithm;

#define ACR_TYPE_SIGNATURE_ALGORITHM (acr_signature_algorithm_get_type ())
GType        acr_signature_algorithm_get_type     (void) G_GNUC_CONST;
/* The algorithm's XMLDSig URI, or NULL for UNKNOWN. */
const char  *acr_signature_algorithm_get_uri      (AcrSignatureAlgorithm algorithm);
/* A short name for people: "RSA-SHA256", "ECDSA-P256-SHA256", "Ed25519". */
const char  *acr_signature_algorithm_get_name     (AcrSignatureAlgorithm algorithm);

/* The stable ids of the checks acr_xmldsig_verify() makes, in this order. */
#define ACR_XMLDSIG_CHECK_STRUCTURE  "structure"
#define ACR_XMLDSIG_CHECK_ALGORITHMS "algorithms"
#define ACR_XMLDSIG_CHECK_DIGEST     "digest"
#define ACR_XMLDSIG_CHECK_SIGNATURE  "signature"

#define ACR_TYPE_XMLDSIG_RESULT (acr_xmldsig_result_get_type ())
G_DECLARE_FINAL_TYPE (AcrXmldsigResult, acr_xmldsig_result, ACR, XMLDSIG_RESULT, GObject)

/* TRUE when every check passed (those of acr_xmldsig_verify() and any added by the caller). */
gboolean               acr_xmldsig_result_get_valid         (AcrXmldsigResult      *self);
/* The algorithm the signature claims; UNKNOWN when the structure or algorithms check failed. */
AcrSignatureAlgorithm  acr_xmldsig_result_get_algorithm     (AcrXmldsigResult      *self);
/* The checks in the order they were made. Verification stops at the first failed check, so
 * a failed check is always the last one of acr_xmldsig_verify(). */
guint                  acr_xmldsig_result_get_n_checks      (AcrXmldsigResult      *self);
const char            *acr_xmldsig_result_get_check_id      (AcrXmldsigResult      *self,
                                                             guint                  index);
gboolean               acr_xmldsig_result_get_check_passed  (AcrXmldsigResult      *self,
                                                             guint                  index);
/* A translated sentence saying what was found. */
const char            *acr_xmldsig_result_get_check_reason  (AcrXmldsigResult      *self,
                                                             guint                  index);
/* Finds the check @id; FALSE when it was not made. @passed and @reason may be NULL. */
gboolean               acr_xmldsig_result_lookup_check      (AcrXmldsigResult      *self,
                                                             const char            *id,
                                                             gboolean              *passed,
                                                             const char           **reason);
/* Appends a check the caller made (chain, trust, validity period, revocation); a failed
 * one makes the result invalid. */
void                   acr_xmldsig_result_add_check         (AcrXmldsigResult      *self,
                                                             const char            *id,
                                                             gboolean               passed,
                                                             const char            *reason);
/* The certificates of KeyInfo, the signer first, owned by @self. Only set (else NULL and
 * *n_chain = 0) once the signature check passed, i.e. the first certificate's key made the
 * signature; whether the chain is trusted and valid is for the caller to check. */
gnutls_x509_crt_t     *acr_xmldsig_result_get_chain         (AcrXmldsigResult      *self,
                                                             guint                 *n_chain);
/* TRUE when valid; else sets @error to the first failed check: its reason as the message,
 * the code from its id (STRUCTURE, ALGORITHM, DIGEST, SIGNATURE; FAILED for the caller's). */
gboolean               acr_xmldsig_result_to_error          (AcrXmldsigResult      *self,
                                                             GError               **error);

/* Appends an enveloped ds:Signature as the last child of the root element. @chain[0] is the
 * certificate of @key; the whole chain goes into KeyInfo. @doc must not be signed yet. On
 * failure @doc is unchanged. Safe to call from several threads on different documents. */
gboolean               acr_xmldsig_sign                     (xmlDoc                *doc,
                                                             gnutls_privkey_t       key,
                                                             gnutls_x509_crt_t     *chain,
                                                             guint                  n_chain,
                                                             GError               **error);
/* Strict verification of the profile. Returns a result even when the signature is invalid,
 * NULL only on misuse. Does not modify @doc. Free with g_object_unref(). */
AcrXmldsigResult      *acr_xmldsig_verify                   (xmlDoc                *doc);

/* The SHA-256 fingerprint of @crt's DER encoding as 64 lower-case hex digits (free with
 * g_free()). FALSE (and *hex_sha256 = NULL) if the certificate cannot be encoded. */
gboolean               acr_xmldsig_certificate_fingerprint  (gnutls_x509_crt_t      crt,
                                                             char                 **hex_sha256);

G_END_DECLS
