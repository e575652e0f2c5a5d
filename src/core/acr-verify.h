/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Verification of credential documents: the verdict and every check made, with reasons. */

#pragma once

#include <gio/gio.h>

#include "acr-credential-document.h"
#include "acr-revocation-list.h"
#include "acr-types.h"
#include "acr-xmldsig.h"

G_BEGIN_DECLS

/* The verdict. Nicks: "valid", "invalid", "revoked", "expired", "untrusted". */
typedef enum
{
  ACR_VERIFICATION_STATUS_VALID,      /* every check passed */
  ACR_VERIFICATION_STATUS_INVALID,    /* damaged, forged, or signed outside our profile */
  ACR_VERIFICATION_STATUS_REVOKED,    /* authentic, but the issuer revoked it */
  ACR_VERIFICATION_STATUS_EXPIRED,    /* authentic, but past its valid-until */
  ACR_VERIFICATION_STATUS_UNTRUSTED,  /* intact, but its signer is not a trusted issuer */
} AcrVerificationStatus;

#define ACR_TYPE_VERIFICATION_STATUS (acr_verification_status_get_type ())
GType        acr_verification_status_get_type  (void) G_GNUC_CONST;

/* The ids of the checks, in the order they are made (after those of acr-xmldsig.h:
 * "structure", "algorithms", "digest", "signature"). */
#define ACR_VERIFY_CHECK_TRUST      "trust"
#define ACR_VERIFY_CHECK_VALIDITY   "validity"
#define ACR_VERIFY_CHECK_EXPIRY     "expiry"
#define ACR_VERIFY_CHECK_REVOCATION "revocation"

#define ACR_TYPE_VERIFICATION (acr_verification_get_type ())
G_DECLARE_FINAL_TYPE (AcrVerification, acr_verification, ACR, VERIFICATION, GObject)

/* Verifies the credential document @data of @len bytes, strictly (DESIGN.md, "Signing and
 * verification"): parsed as untrusted XML and checked against credential.xsd
 * ("structure"), its signature ("algorithms", "digest", "signature"), then whether the
 * signer leads to a certificate trusted in @store ("trust"), was valid at the issue date
 * ("validity"), the credential's valid-until against @now ("expiry"; @now NULL: the current
 * time) and revocation ("revocation": on @list, if given and of the same issuer, or revoked
 * in @store when @store issued it). The signature checks stop at the first failure; the
 * others are all made once the signature verified. @display_name names the document in
 * reasons (a file name). Never NULL. */
AcrVerification        *acr_verify_document                (AcrStore           *store,
                                                            const char         *data,
                                                            gsize               len,
                                                            const char         *display_name,
                                                            AcrRevocationList  *list,
                                                            GDateTime          *now);

AcrVerificationStatus   acr_verification_get_status        (AcrVerification    *self);
/* TRUE when the status is VALID. */
gboolean                acr_verification_is_valid          (AcrVerification    *self);
const char             *acr_verification_get_display_name  (AcrVerification    *self);
/* A translated sentence for the verdict ("The credential is valid."). */
const char             *acr_verification_get_summary       (AcrVerification    *self);
guint                   acr_verification_get_n_checks      (AcrVerification    *self);
const char             *acr_verification_get_check_id      (AcrVerification    *self,
                                                            guint               index);
gboolean                acr_verification_get_check_passed  (AcrVerification    *self,
                                                            guint               index);
/* A translated sentence saying what was found. */
const char             *acr_verification_get_check_reason  (AcrVerification    *self,
                                                            guint               index);
/* Finds the check @id; FALSE when it was not made. @passed and @reason may be NULL. */
gboolean                acr_verification_lookup_check      (AcrVerification    *self,
                                                            const char         *id,
                                                            gboolean           *passed,
                                                            const char        **reason);
/* The id of the first failed check, NULL when none failed. */
const char             *acr_verification_get_failed_check  (AcrVerification    *self);
/* What the credential says, read from the verified document: NULL unless the signature
 * checks passed (so never data from a forged or damaged document). Transfer none. */
const AcrCredentialInfo *acr_verification_get_info         (AcrVerification    *self);
/* The signer certificate's fingerprint and name (common name); NULL unless the signature
 * verified. */
const char             *acr_verification_get_signer_fingerprint (AcrVerification *self);
const char             *acr_verification_get_signer_name   (AcrVerification    *self);
/* The algorithm the signature uses; UNKNOWN when that was not established. */
AcrSignatureAlgorithm   acr_verification_get_algorithm     (AcrVerification    *self);

G_END_DECLS
