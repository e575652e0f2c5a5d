/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The enumerations of the domain model. Each value's GEnum nick is the word stored in the
 * database, written in XML and typed on the command line, so nicks never change. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  ACR_STATUS_DRAFT,
  ACR_STATUS_IN_REVIEW,
  ACR_STATUS_APPROVED,
  ACR_STATUS_RETIRED,
} AcrStatus;

typedef enum
{
  ACR_ASSESSMENT_TYPE_NONE,
  ACR_ASSESSMENT_TYPE_TEST,
  ACR_ASSESSMENT_TYPE_WORK_SAMPLE,
  ACR_ASSESSMENT_TYPE_PORTFOLIO,
  ACR_ASSESSMENT_TYPE_ORAL,
  ACR_ASSESSMENT_TYPE_PRACTICAL,
  ACR_ASSESSMENT_TYPE_PROJECT,
} AcrAssessmentType;

typedef enum
{
  ACR_ASSESSMENT_MODE_NONE,
  ACR_ASSESSMENT_MODE_FORMATIVE,
  ACR_ASSESSMENT_MODE_SUMMATIVE,
} AcrAssessmentMode;

typedef enum
{
  ACR_PARTICIPATION_NONE,
  ACR_PARTICIPATION_ONLINE,
  ACR_PARTICIPATION_ONSITE,
  ACR_PARTICIPATION_BLENDED,
} AcrParticipation;

typedef enum
{
  ACR_SUPERVISION_NONE,
  ACR_SUPERVISION_UNSUPERVISED_NO_ID,
  ACR_SUPERVISION_SUPERVISED_NO_ID,
  ACR_SUPERVISION_SUPERVISED_ONLINE_ID,
  ACR_SUPERVISION_SUPERVISED_ONSITE_ID,
} AcrSupervision;

typedef enum
{
  ACR_QA_TYPE_NONE,
  ACR_QA_TYPE_INTERNAL,
  ACR_QA_TYPE_EXTERNAL,
  ACR_QA_TYPE_INTERNAL_EXTERNAL,
} AcrQaType;

typedef enum
{
  ACR_STACKABILITY_NONE,
  ACR_STACKABILITY_STAND_ALONE,
  ACR_STACKABILITY_STACKABLE,
} AcrStackability;

typedef enum
{
  ACR_OUTCOME_KIND_KNOWLEDGE,
  ACR_OUTCOME_KIND_SKILL,
  ACR_OUTCOME_KIND_AUTONOMY,
} AcrOutcomeKind;

typedef enum
{
  ACR_STACKING_RULE_ALL_REQUIRED,
  ACR_STACKING_RULE_MIN_CREDITS,
  ACR_STACKING_RULE_MIN_HOURS,
} AcrStackingRule;

typedef enum
{
  ACR_CREDENTIAL_STATUS_VALID,
  ACR_CREDENTIAL_STATUS_REVOKED,
} AcrCredentialStatus;

#define ACR_TYPE_STATUS          (acr_status_get_type ())
#define ACR_TYPE_ASSESSMENT_TYPE (acr_assessment_type_get_type ())
#define ACR_TYPE_ASSESSMENT_MODE (acr_assessment_mode_get_type ())
#define ACR_TYPE_PARTICIPATION   (acr_participation_get_type ())
#define ACR_TYPE_SUPERVISION     (acr_supervision_get_type ())
#define ACR_TYPE_QA_TYPE         (acr_qa_type_get_type ())
#define ACR_TYPE_STACKABILITY    (acr_stackability_get_type ())
#define ACR_TYPE_OUTCOME_KIND    (acr_outcome_kind_get_type ())
#define ACR_TYPE_STACKING_RULE   (acr_stacking_rule_get_type ())
#define ACR_TYPE_CREDENTIAL_STATUS (acr_credential_status_get_type ())

GType        acr_status_get_type          (void) G_GNUC_CONST;
GType        acr_assessment_type_get_type (void) G_GNUC_CONST;
GType        acr_assessment_mode_get_type (void) G_GNUC_CONST;
GType        acr_participation_get_type   (void) G_GNUC_CONST;
GType        acr_supervision_get_type     (void) G_GNUC_CONST;
GType        acr_qa_type_get_type         (void) G_GNUC_CONST;
GType        acr_stackability_get_type    (void) G_GNUC_CONST;
GType        acr_outcome_kind_get_type    (void) G_GNUC_CONST;
GType        acr_stacking_rule_get_type   (void) G_GNUC_CONST;
GType        acr_credential_status_get_type (void) G_GNUC_CONST;

/* The nick of @value in @enum_type ("work-sample"), or NULL for a "none" value. */
const char  *acr_enum_to_nick             (GType        enum_type,
                                           int          value);
/* Looks up @nick; NULL or "" gives the "none" value (0). FALSE if @nick is unknown. */
gboolean     acr_enum_from_nick           (GType        enum_type,
                                           const char  *nick,
                                           int         *value);
/* A translated, human-readable label for @value ("Work sample"). */
const char  *acr_enum_to_label            (GType        enum_type,
                                           int          value);
/* The accepted nicks of @enum_type joined by ", ", for error messages. Free with g_free(). */
char        *acr_enum_list_nicks          (GType        enum_type);

G_END_DECLS
