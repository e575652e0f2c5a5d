/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The domain enumerations as GEnum types.
 *
 * Each type keeps two tables in step: the GEnumValue table (C name and the stable nick that
 * the database, the XML formats and the CLI use) and a table of translatable labels for
 * people. "None" values (0) have no nick: they are stored as NULL. */

#define G_LOG_DOMAIN "acr-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acr-enums.h"

#define DEFINE_ENUM(TypeName, type_name, ...)                                   \
  static const GEnumValue type_name##_values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
  GType                                                                         \
  type_name##_get_type (void)                                                   \
  {                                                                             \
    static gsize type_id = 0;                                                   \
    if (g_once_init_enter (&type_id))                                           \
      {                                                                         \
        GType id = g_enum_register_static (g_intern_static_string (#TypeName), \
                                           type_name##_values);                 \
        g_once_init_leave (&type_id, id);                                       \
      }                                                                         \
    return type_id;                                                             \
  }

DEFINE_ENUM (AcrStatus, acr_status,
  { ACR_STATUS_DRAFT, N_("Draft"), "draft" },
  { ACR_STATUS_IN_REVIEW, N_("In review"), "in-review" },
  { ACR_STATUS_APPROVED, N_("Approved"), "approved" },
  { ACR_STATUS_RETIRED, N_("Retired"), "retired" })

DEFINE_ENUM (AcrAssessmentType, acr_assessment_type,
  { ACR_ASSESSMENT_TYPE_NONE, N_("Not set"), "" },
  { ACR_ASSESSMENT_TYPE_TEST, N_("Test"), "test" },
  { ACR_ASSESSMENT_TYPE_WORK_SAMPLE, N_("Work sample"), "work-sample" },
  { ACR_ASSESSMENT_TYPE_PORTFOLIO, N_("Portfolio"), "portfolio" },
  { ACR_ASSESSMENT_TYPE_ORAL, N_("Oral examination"), "oral" },
  { ACR_ASSESSMENT_TYPE_PRACTICAL, N_("Practical examination"), "practical" },
  { ACR_ASSESSMENT_TYPE_PROJECT, N_("Project"), "project" })

DEFINE_ENUM (AcrAssessmentMode, acr_assessment_mode,
  { ACR_ASSESSMENT_MODE_NONE, N_("Not set"), "" },
  { ACR_ASSESSMENT_MODE_FORMATIVE, N_("Formative"), "formative" },
  { ACR_ASSESSMENT_MODE_SUMMATIVE, N_("Summative"), "summative" })

DEFINE_ENUM (AcrParticipation, acr_participation,
  { ACR_PARTICIPATION_NONE, N_("Not set"), "" },
  { ACR_PARTICIPATION_ONLINE, N_("Online"), "online" },
  { ACR_PARTICIPATION_ONSITE, N_("On site"), "onsite" },
  { ACR_PARTICIPATION_BLENDED, N_("Blended"), "blended" })

DEFINE_ENUM (AcrSupervision, acr_supervision,
  { ACR_SUPERVISION_NONE, N_("Not set"), "" },
  { ACR_SUPERVISION_UNSUPERVISED_NO_ID, N_("Unsupervised, no identity check"),
    "unsupervised-no-id" },
  { ACR_SUPERVISION_SUPERVISED_NO_ID, N_("Supervised, no identity check"), "supervised-no-id" },
  { ACR_SUPERVISION_SUPERVISED_ONLINE_ID, N_("Supervised online with identity check"),
    "supervised-online-id" },
  { ACR_SUPERVISION_SUPERVISED_ONSITE_ID, N_("Supervised on site with identity check"),
    "supervised-onsite-id" })

DEFINE_ENUM (AcrQaType, acr_qa_type,
  { ACR_QA_TYPE_NONE, N_("Not set"), "" },
  { ACR_QA_TYPE_INTERNAL, N_("Internal quality assurance"), "internal" },
  { ACR_QA_TYPE_EXTERNAL, N_("External quality assurance"), "external" },
  { ACR_QA_TYPE_INTERNAL_EXTERNAL, N_("Internal and external quality assurance"),
    "internal-external" })

DEFINE_ENUM (AcrStackability, acr_stackability,
  { ACR_STACKABILITY_NONE, N_("Not set"), "" },
  { ACR_STACKABILITY_STAND_ALONE, N_("Stand-alone"), "stand-alone" },
  { ACR_STACKABILITY_STACKABLE, N_("Stackable towards a larger qualification"), "stackable" })

DEFINE_ENUM (AcrOutcomeKind, acr_outcome_kind,
  { ACR_OUTCOME_KIND_KNOWLEDGE, N_("Knowledge"), "knowledge" },
  { ACR_OUTCOME_KIND_SKILL, N_("Skill"), "skill" },
  { ACR_OUTCOME_KIND_AUTONOMY, N_("Responsibility and autonomy"), "autonomy" })

DEFINE_ENUM (AcrStackingRule, acr_stacking_rule,
  { ACR_STACKING_RULE_ALL_REQUIRED, N_("All required modules"), "all-required" },
  { ACR_STACKING_RULE_MIN_CREDITS, N_("At least a number of ECTS credits"), "min-credits" },
  { ACR_STACKING_RULE_MIN_HOURS, N_("At least a number of hours"), "min-hours" })

DEFINE_ENUM (AcrCredentialStatus, acr_credential_status,
  { ACR_CREDENTIAL_STATUS_VALID, N_("Valid"), "valid" },
  { ACR_CREDENTIAL_STATUS_REVOKED, N_("Revoked"), "revoked" })

/* The GEnumValue's value_name holds the untranslated label: the nick is the stable
 * identifier, the C name is not needed at run time. */

const char *
acr_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  if (ev == NULL || ev->value_nick == NULL || ev->value_nick[0] == '\0')
    return NULL;

  return ev->value_nick;
}

gboolean
acr_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL || nick[0] == '\0')
    {
      *value = 0;
      return TRUE;
    }

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
acr_enum_to_label (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  if (ev == NULL)
    return "";

  return g_dgettext (GETTEXT_PACKAGE, ev->value_name);
}

char *
acr_enum_list_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *nick = klass->values[i].value_nick;

      if (nick == NULL || nick[0] == '\0')
        continue;
      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, nick);
    }

  return g_string_free (str, FALSE);
}
