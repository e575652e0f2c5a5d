/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCompleteness: which of the 11 mandatory elements of Annex I of the Council
 * Recommendation on micro-credentials (2022/C 243/02) a module carries. A credential that
 * lacks one is not a micro-credential, so the module editor, `accredit-cli module check`
 * and the review show this.
 *
 * How each element is judged for a module:
 * - learner identification and date of issuing are supplied when a credential is issued:
 *   always present here;
 * - title: a title that is not blank;
 * - country: the awarding organisation's country (table organisation); unknown, and so
 *   missing, while there is no awarding body;
 * - awarding body: organisation-id set and the organisation existing;
 * - learning outcomes: at least one stored outcome;
 * - workload: hours or ECTS credits given;
 * - level: an EQF level derivable from the level assignments (acr_module_get_eqf_level);
 * - type of assessment, form of participation: set;
 * - quality assurance: qa-type set (naming the QA body is recommended, not required).
 * The result is a snapshot: check again after a change. */

#define G_LOG_DOMAIN "acr-completeness"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acr-completeness.h"
#include "acr-module-private.h"
#include "acr-validate.h"

typedef enum {
  ELEMENT_LEARNER,
  ELEMENT_TITLE,
  ELEMENT_COUNTRY,
  ELEMENT_AWARDING_BODY,
  ELEMENT_ISSUE_DATE,
  ELEMENT_LEARNING_OUTCOMES,
  ELEMENT_WORKLOAD,
  ELEMENT_LEVEL,
  ELEMENT_ASSESSMENT_TYPE,
  ELEMENT_PARTICIPATION,
  ELEMENT_QUALITY_ASSURANCE,
  N_ELEMENTS
} Element;

/* In Annex I order. */
static const struct
{
  const char *id;
  const char *label;
  const char *message;
  const char *property;
} elements[N_ELEMENTS] = {
  { "learner", N_("Identification of the learner"),
    N_("The learner is identified when the credential is issued."), NULL },
  { "title", N_("Title"),
    N_("Give the module a title."), "title" },
  { "country", N_("Country of the issuer"),
    N_("Choose an awarding body with a recorded country: its country is the issuer’s "
       "country."), "organisation-id" },
  { "awarding-body", N_("Awarding body"),
    N_("Choose the awarding body."), "organisation-id" },
  { "issue-date", N_("Date of issuing"),
    N_("The date of issuing is set when the credential is issued."), NULL },
  { "learning-outcomes", N_("Learning outcomes"),
    N_("Add at least one learning outcome."), "outcomes" },
  { "workload", N_("Notional workload"),
    N_("Enter the notional workload in hours or in ECTS credits."), "workload-hours" },
  { "level", N_("Level"),
    N_("Assign a level of the EQF, or of a national framework referenced to the EQF."),
    "levels" },
  { "assessment-type", N_("Type of assessment"),
    N_("Choose the type of assessment."), "assessment-type" },
  { "participation", N_("Form of participation"),
    N_("Choose the form of participation: online, on site or blended."), "participation" },
  { "quality-assurance", N_("Quality assurance"),
    N_("Choose the type of quality assurance."), "qa-type" },
};

struct _AcrCompleteness
{
  GObject   parent_instance;

  gboolean  missing[N_ELEMENTS];
  guint     n_missing;
};

G_DEFINE_FINAL_TYPE (AcrCompleteness, acr_completeness, G_TYPE_OBJECT)

/* Reads whether organisation @id exists and has a country. */
static gboolean
read_organisation (AcrStore  *store,
                   gint64     id,
                   gboolean  *exists,
                   gboolean  *has_country,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *exists = FALSE;
  *has_country = FALSE;
  if (id <= 0)
    return TRUE;

  stmt = _acr_store_prepare (store, "SELECT country FROM organisation WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *exists = TRUE;
      *has_country = !_acr_is_blank ((const char *) sqlite3_column_text (stmt, 0));
    }

  return TRUE;
}

static gboolean
count_outcomes (AcrStore  *store,
                gint64     module_id,
                int       *count,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *count = 0;
  if (module_id <= 0)
    return TRUE;

  stmt = _acr_store_prepare (store, "SELECT count(*) FROM learning_outcome "
                                    "WHERE module_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, module_id);
  if (_acr_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  *count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static void
acr_completeness_class_init (AcrCompletenessClass *klass)
{
}

static void
acr_completeness_init (AcrCompleteness *self)
{
}

static void
mark_missing (AcrCompleteness *self,
              Element          element)
{
  if (!self->missing[element])
    {
      self->missing[element] = TRUE;
      self->n_missing++;
    }
}

AcrCompleteness *
acr_module_check_completeness (AcrModule  *module,
                               AcrStore   *store,
                               GError    **error)
{
  g_autoptr(AcrCompleteness) self = NULL;
  gboolean org_exists = FALSE;
  gboolean has_country = FALSE;
  gint64 id;
  int n_outcomes = 0;
  int eqf_level = 0;

  g_return_val_if_fail (ACR_IS_MODULE (module), NULL);
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  id = acr_module_get_id (module);
  if (!read_organisation (store, acr_module_get_organisation_id (module),
                          &org_exists, &has_country, error) ||
      !count_outcomes (store, id, &n_outcomes, error))
    return NULL;

  if (id > 0)
    {
      eqf_level = acr_module_get_eqf_level (store, id, NULL, error);
      if (eqf_level < 0)
        return NULL;
    }

  self = g_object_new (ACR_TYPE_COMPLETENESS, NULL);

  if (_acr_is_blank (acr_module_get_title (module)))
    mark_missing (self, ELEMENT_TITLE);
  if (!has_country)
    mark_missing (self, ELEMENT_COUNTRY);
  if (!org_exists)
    mark_missing (self, ELEMENT_AWARDING_BODY);
  if (n_outcomes == 0)
    mark_missing (self, ELEMENT_LEARNING_OUTCOMES);
  if (!(acr_module_get_workload_hours (module) > 0) && !(acr_module_get_ects (module) > 0))
    mark_missing (self, ELEMENT_WORKLOAD);
  if (eqf_level == 0)
    mark_missing (self, ELEMENT_LEVEL);
  if (acr_module_get_assessment_type (module) == ACR_ASSESSMENT_TYPE_NONE)
    mark_missing (self, ELEMENT_ASSESSMENT_TYPE);
  if (acr_module_get_participation (module) == ACR_PARTICIPATION_NONE)
    mark_missing (self, ELEMENT_PARTICIPATION);
  if (acr_module_get_qa_type (module) == ACR_QA_TYPE_NONE)
    mark_missing (self, ELEMENT_QUALITY_ASSURANCE);

  return g_steal_pointer (&self);
}

guint
acr_completeness_get_n_total (AcrCompleteness *self)
{
  g_return_val_if_fail (ACR_IS_COMPLETENESS (self), 0);

  return N_ELEMENTS;
}

guint
acr_completeness_get_n_present (AcrCompleteness *self)
{
  g_return_val_if_fail (ACR_IS_COMPLETENESS (self), 0);

  return N_ELEMENTS - self->n_missing;
}

gboolean
acr_completeness_is_complete (AcrCompleteness *self)
{
  g_return_val_if_fail (ACR_IS_COMPLETENESS (self), FALSE);

  return self->n_missing == 0;
}

guint
acr_completeness_get_n_missing (AcrCompleteness *self)
{
  g_return_val_if_fail (ACR_IS_COMPLETENESS (self), 0);

  return self->n_missing;
}

gboolean
acr_completeness_get_missing (AcrCompleteness  *self,
                              guint             index,
                              const char      **element,
                              const char      **message,
                              const char      **property)
{
  guint seen = 0;

  g_return_val_if_fail (ACR_IS_COMPLETENESS (self), FALSE);

  for (guint i = 0; i < N_ELEMENTS; i++)
    {
      if (!self->missing[i])
        continue;

      if (seen++ == index)
        {
          if (element != NULL)
            *element = elements[i].id;
          if (message != NULL)
            *message = g_dgettext (GETTEXT_PACKAGE, elements[i].message);
          if (property != NULL)
            *property = elements[i].property;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
acr_completeness_is_missing (AcrCompleteness *self,
                             const char      *element)
{
  g_return_val_if_fail (ACR_IS_COMPLETENESS (self), FALSE);
  g_return_val_if_fail (element != NULL, FALSE);

  for (guint i = 0; i < N_ELEMENTS; i++)
    if (g_str_equal (elements[i].id, element))
      return self->missing[i];

  return FALSE;
}

const char *
acr_completeness_get_element (guint index)
{
  if (index >= N_ELEMENTS)
    return NULL;

  return elements[index].id;
}

const char *
acr_completeness_get_element_label (const char *element)
{
  g_return_val_if_fail (element != NULL, NULL);

  for (guint i = 0; i < N_ELEMENTS; i++)
    if (g_str_equal (elements[i].id, element))
      return g_dgettext (GETTEXT_PACKAGE, elements[i].label);

  return NULL;
}
