/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "acr-types.h"
#include "acr-xml.h"

G_BEGIN_DECLS

/* The namespace of credential documents (data/schemas/credential.xsd). */
#define ACR_CREDENTIAL_NS "urn:accredit:credential:1"

/* Why an assessment cannot be certified yet. */
#define ACR_CREDENTIAL_ERROR (acr_credential_error_quark ())

typedef enum
{
  ACR_CREDENTIAL_ERROR_NOT_APPROVED,        /* the module version is a draft, in review or retired */
  ACR_CREDENTIAL_ERROR_NOT_PASSED,          /* the assessment was not passed */
  ACR_CREDENTIAL_ERROR_LEARNER_INCOMPLETE,  /* the learner lacks a given or family name */
  ACR_CREDENTIAL_ERROR_MODULE_INCOMPLETE,   /* the module lacks a mandatory Annex I element */
} AcrCredentialError;

GQuark       acr_credential_error_quark           (void);

/* A new random credential id, "urn:uuid:" and a version 4 UUID. Free with g_free(). */
char        *acr_uuid_urn_new                     (void);

/* TRUE for "urn:uuid:" followed by a UUID in lowercase. */
gboolean     acr_uuid_urn_is_valid                (const char  *urn);

/* The end of validity of a credential issued at @issued_at for a module valid
 * @validity_months (0 = no limit: returns NULL), in UTC. Free with g_date_time_unref(). */
GDateTime   *acr_credential_compute_valid_until   (GDateTime   *issued_at,
                                                   int          validity_months);

/* Checks that the assessment @assessment_id may be certified: its module version approved,
 * the assessment passed, the learner named, the module carrying every mandatory Annex I
 * element. FALSE with an ACR_CREDENTIAL_ERROR saying what to do, or an ACR_STORE_ERROR
 * (NOT_FOUND for an unknown assessment). */
gboolean     acr_credential_check_eligible        (AcrStore    *store,
                                                   gint64       assessment_id,
                                                   GError     **error);

/* Builds the unsigned credential document for the assessment @assessment_id (see
 * credential.xsd) with the id @uuid ("urn:uuid:…"), issued at @issued_at (to the second,
 * written in UTC) and, unless NULL, the address of the issuer's revocation list. Checks
 * eligibility first (acr_credential_check_eligible). The document is indented by
 * white-space nodes of its own, so it can be signed as it is and serialised without
 * formatting; the same database content and arguments give the same bytes. Free with
 * xmlFreeDoc(). */
xmlDoc      *acr_credential_document_build        (AcrStore    *store,
                                                   gint64       assessment_id,
                                                   const char  *uuid,
                                                   GDateTime   *issued_at,
                                                   const char  *revocation_list_url,
                                                   GError     **error);

/* What a credential document says, for display. Read it only from a document whose
 * signature was verified. Strings are NULL when the document does not state them; numbers
 * are 0 (totals NAN) when not stated. Free with acr_credential_info_free(). */
typedef struct
{
  char      *id;                   /* "urn:uuid:…" */
  char      *issuer_name;
  char      *issuer_legal_id;
  char      *issuer_country;
  char      *issuer_address;
  char      *issuer_web;
  char      *issuer_email;
  char      *learner_given_name;
  char      *learner_family_name;
  char      *learner_name;         /* "Given Family" */
  char      *learner_birth_date;
  char      *learner_external_id;
  char      *issued;               /* "2026-11-25T10:00:00Z" */
  char      *valid_until;          /* NULL: without limit */
  char      *module_code;
  int        module_version;
  char      *language;             /* the achievement's language */
  char      *title;                /* the first title (in @language) */
  char      *title_en;             /* the English title, if there is one */
  char      *description;          /* the first description */
  double     workload_hours;
  double     ects;
  char      *assessment_type;      /* nicks of acr-enums.h: "test", … */
  char      *assessment_mode;
  char      *supervision;
  char      *participation;
  char      *qa_type;
  char      *qa_body;
  char      *prerequisites;
  char      *isced_f;
  char      *stackability;
  char      *stackable_towards;
  char      *further_info;
  int        eqf_level;            /* that of the EQF's level entry, else the lowest implied */
  GPtrArray *outcomes;             /* of char *: each outcome's first statement */
  GPtrArray *levels;               /* of char *: "EQF 4", "NQR-AT IV" */
  char      *assessed_on;          /* "2026-11-20" */
  char      *assessor;
  double     total;
  double     max_total;
  gboolean   passed;
  char      *grade;
  char      *revocation_list;
  gboolean   has_signature;        /* a ds:Signature is present (not that it verifies) */
} AcrCredentialInfo;

/* Reads @doc (validated against credential.xsd first). ACR_XML_ERROR when it is not a valid
 * credential document. */
AcrCredentialInfo *acr_credential_info_new_from_document (xmlDoc            *doc,
                                                          GError           **error);
void               acr_credential_info_free              (AcrCredentialInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcrCredentialInfo, acr_credential_info_free)

G_END_DECLS
