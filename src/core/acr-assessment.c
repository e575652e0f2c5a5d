/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrAssessment: one learner's result in one module version — when, by whom, the level
 * reached per rubric criterion, the total, pass or fail, a grade and a reference to the
 * evidence.
 *
 * Rules it keeps:
 * - When the module has a rubric, total and passed are never taken from the caller: saving
 *   scores the results with the rubric (acr_rubric_score), which needs exactly one level per
 *   criterion. Without a rubric there are no results, and total (optional) and passed are
 *   as set.
 * - Assessments may be recorded for a module in any status except retired; issuing a
 *   credential later requires an approved module, which is the issuer's check, not this one.
 * - The date is a valid ISO date and not in the future (local calendar); the assessor is
 *   named.
 * - The row and its results are written in one transaction; the object takes the computed
 *   values, its id and timestamps only after the commit.
 * Learners and modules are read by SQL on their tables. */

#define G_LOG_DOMAIN "acr-assessment"

#include "config.h"

#include <math.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-assessment.h"
#include "acr-audit-private.h"
#include "acr-paged-list-private.h"
#include "acr-rubric.h"
#include "acr-rubric-private.h"

struct _AcrAssessment
{
  GObject   parent_instance;

  gint64    id;
  gint64    learner_id;
  gint64    module_id;
  char     *assessed_on;
  char     *assessor;
  double    total;
  char     *grade;
  char     *evidence;
  char     *created_at;
  char     *updated_at;
  GArray   *results;   /* of AcrAssessmentResult */
  guint     passed : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_LEARNER_ID,
  PROP_MODULE_ID,
  PROP_ASSESSED_ON,
  PROP_ASSESSOR,
  PROP_TOTAL,
  PROP_PASSED,
  PROP_GRADE,
  PROP_EVIDENCE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrAssessment, acr_assessment, G_TYPE_OBJECT)

#define SELECT_COLUMNS \
  "SELECT a.id, a.learner_id, a.module_id, a.assessed_on, a.assessor, a.total, a.passed, " \
  "a.grade, a.evidence, a.created_at, a.updated_at FROM assessment a "

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;

  return TRUE;
}

static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static void
set_string_prop (AcrAssessment  *self,
                 char          **field,
                 const char     *value,
                 guint           prop)
{
  if (_acr_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [prop]);
}

static void
acr_assessment_finalize (GObject *object)
{
  AcrAssessment *self = (AcrAssessment *) object;

  g_clear_pointer (&self->assessed_on, g_free);
  g_clear_pointer (&self->assessor, g_free);
  g_clear_pointer (&self->grade, g_free);
  g_clear_pointer (&self->evidence, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->results, g_array_unref);

  G_OBJECT_CLASS (acr_assessment_parent_class)->finalize (object);
}

static void
acr_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrAssessment *self = ACR_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_LEARNER_ID:
      g_value_set_int64 (value, self->learner_id);
      break;
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    case PROP_ASSESSED_ON:
      g_value_set_string (value, self->assessed_on);
      break;
    case PROP_ASSESSOR:
      g_value_set_string (value, self->assessor);
      break;
    case PROP_TOTAL:
      g_value_set_double (value, self->total);
      break;
    case PROP_PASSED:
      g_value_set_boolean (value, self->passed);
      break;
    case PROP_GRADE:
      g_value_set_string (value, self->grade);
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, self->evidence);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_assessment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AcrAssessment *self = ACR_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_LEARNER_ID:
      acr_assessment_set_learner_id (self, g_value_get_int64 (value));
      break;
    case PROP_MODULE_ID:
      acr_assessment_set_module_id (self, g_value_get_int64 (value));
      break;
    case PROP_ASSESSED_ON:
      acr_assessment_set_assessed_on (self, g_value_get_string (value));
      break;
    case PROP_ASSESSOR:
      acr_assessment_set_assessor (self, g_value_get_string (value));
      break;
    case PROP_TOTAL:
      acr_assessment_set_total (self, g_value_get_double (value));
      break;
    case PROP_PASSED:
      acr_assessment_set_passed (self, g_value_get_boolean (value));
      break;
    case PROP_GRADE:
      acr_assessment_set_grade (self, g_value_get_string (value));
      break;
    case PROP_EVIDENCE:
      acr_assessment_set_evidence (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_assessment_class_init (AcrAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_assessment_finalize;
  object_class->get_property = acr_assessment_get_property;
  object_class->set_property = acr_assessment_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties [PROP_LEARNER_ID] =
    g_param_spec_int64 ("learner-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties [PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties [PROP_ASSESSED_ON] = g_param_spec_string ("assessed-on", NULL, NULL, NULL, rw);
  properties [PROP_ASSESSOR] = g_param_spec_string ("assessor", NULL, NULL, NULL, rw);
  properties [PROP_TOTAL] =
    g_param_spec_double ("total", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, rw);
  properties [PROP_PASSED] = g_param_spec_boolean ("passed", NULL, NULL, FALSE, rw);
  properties [PROP_GRADE] = g_param_spec_string ("grade", NULL, NULL, NULL, rw);
  properties [PROP_EVIDENCE] = g_param_spec_string ("evidence", NULL, NULL, NULL, rw);
  properties [PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties [PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_assessment_init (AcrAssessment *self)
{
  self->results = g_array_new (FALSE, FALSE, sizeof (AcrAssessmentResult));
}

AcrAssessment *
acr_assessment_new (void)
{
  return g_object_new (ACR_TYPE_ASSESSMENT, NULL);
}

gint64
acr_assessment_get_id (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), 0);

  return self->id;
}

gint64
acr_assessment_get_learner_id (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), 0);

  return self->learner_id;
}

void
acr_assessment_set_learner_id (AcrAssessment *self,
                               gint64         learner_id)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  if (self->learner_id == learner_id)
    return;

  self->learner_id = learner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LEARNER_ID]);
}

gint64
acr_assessment_get_module_id (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), 0);

  return self->module_id;
}

void
acr_assessment_set_module_id (AcrAssessment *self,
                              gint64         module_id)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  if (self->module_id == module_id)
    return;

  self->module_id = module_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE_ID]);
}

const char *
acr_assessment_get_assessed_on (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->assessed_on;
}

void
acr_assessment_set_assessed_on (AcrAssessment *self,
                                const char    *assessed_on)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  set_string_prop (self, &self->assessed_on, assessed_on, PROP_ASSESSED_ON);
}

const char *
acr_assessment_get_assessor (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->assessor;
}

void
acr_assessment_set_assessor (AcrAssessment *self,
                             const char    *assessor)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  set_string_prop (self, &self->assessor, assessor, PROP_ASSESSOR);
}

double
acr_assessment_get_total (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), 0);

  return self->total;
}

void
acr_assessment_set_total (AcrAssessment *self,
                          double         total)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  if (self->total == total)
    return;

  self->total = total;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TOTAL]);
}

gboolean
acr_assessment_get_passed (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), FALSE);

  return self->passed;
}

void
acr_assessment_set_passed (AcrAssessment *self,
                           gboolean       passed)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  passed = !!passed;
  if (self->passed == (guint) passed)
    return;

  self->passed = passed;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PASSED]);
}

const char *
acr_assessment_get_grade (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->grade;
}

void
acr_assessment_set_grade (AcrAssessment *self,
                          const char    *grade)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  set_string_prop (self, &self->grade, grade, PROP_GRADE);
}

const char *
acr_assessment_get_evidence (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->evidence;
}

void
acr_assessment_set_evidence (AcrAssessment *self,
                             const char    *evidence)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  set_string_prop (self, &self->evidence, evidence, PROP_EVIDENCE);
}

const char *
acr_assessment_get_created_at (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->created_at;
}

const char *
acr_assessment_get_updated_at (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->updated_at;
}

GArray *
acr_assessment_get_results (AcrAssessment *self)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), NULL);

  return self->results;
}

void
acr_assessment_set_result (AcrAssessment *self,
                           gint64         criterion_id,
                           gint64         level_id)
{
  AcrAssessmentResult result = { criterion_id, level_id };

  g_return_if_fail (ACR_IS_ASSESSMENT (self));
  g_return_if_fail (criterion_id > 0);

  for (guint i = 0; i < self->results->len; i++)
    {
      AcrAssessmentResult *r = &g_array_index (self->results, AcrAssessmentResult, i);

      if (r->criterion_id != criterion_id)
        continue;

      if (level_id > 0)
        r->level_id = level_id;
      else
        g_array_remove_index (self->results, i);
      return;
    }

  if (level_id > 0)
    g_array_append_val (self->results, result);
}

gint64
acr_assessment_get_result (AcrAssessment *self,
                           gint64         criterion_id)
{
  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), 0);

  for (guint i = 0; i < self->results->len; i++)
    {
      AcrAssessmentResult *r = &g_array_index (self->results, AcrAssessmentResult, i);

      if (r->criterion_id == criterion_id)
        return r->level_id;
    }

  return 0;
}

void
acr_assessment_clear_results (AcrAssessment *self)
{
  g_return_if_fail (ACR_IS_ASSESSMENT (self));

  g_array_set_size (self->results, 0);
}

gboolean
acr_assessment_set_result_by_name (AcrAssessment  *self,
                                   AcrStore       *store,
                                   guint           criterion_position,
                                   const char     *level_name,
                                   GError        **error)
{
  g_autoptr(AcrRubric) rubric = NULL;
  AcrRubricCriterion *criterion;
  AcrRubricLevel *level;
  GListModel *levels;
  guint n_criteria;

  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (level_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->module_id <= 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Choose the module before the levels reached: the levels come from its "
                     "rubric."));
      return FALSE;
    }

  rubric = acr_rubric_load_for_module (store, self->module_id, error);
  if (rubric == NULL)
    return FALSE;

  n_criteria = g_list_model_get_n_items (acr_rubric_get_criteria (rubric));
  criterion = acr_rubric_get_criterion_at (rubric, criterion_position);
  if (criterion == NULL)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The rubric has no criterion %u: its criteria are numbered 1 to %u."),
                   criterion_position, n_criteria);
      return FALSE;
    }

  level = acr_rubric_find_level_by_name (rubric, level_name);
  if (level == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      levels = acr_rubric_get_levels (rubric);
      for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
        {
          g_autoptr(AcrRubricLevel) l = g_list_model_get_item (levels, i);

          if (i > 0)
            g_string_append (names, ", ");
          g_string_append_printf (names, "“%s”", acr_rubric_level_get_name (l));
        }

      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The rubric has no level called “%s”. Its levels are: %s."),
                   level_name, names->str);
      return FALSE;
    }

  acr_assessment_set_result (self, acr_rubric_criterion_get_id (criterion),
                             acr_rubric_level_get_id (level));
  return TRUE;
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
acr_assessment_validate (AcrAssessment  *self,
                         GError        **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->learner_id <= 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Choose the learner who was assessed."));
      return FALSE;
    }

  if (self->module_id <= 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Choose the module that was assessed."));
      return FALSE;
    }

  if (self->assessed_on == NULL || self->assessed_on[0] == '\0')
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Enter the date of the assessment (YYYY-MM-DD)."));
      return FALSE;
    }

  if (!_acr_date_is_valid (self->assessed_on))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a valid date. Write the date of the assessment as "
                     "YYYY-MM-DD, for example 2025-03-31."), self->assessed_on);
      return FALSE;
    }

  now = today ();
  if (strcmp (self->assessed_on, now) > 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The assessment date %s is in the future. Record an assessment once it "
                     "has taken place."), self->assessed_on);
      return FALSE;
    }

  if (is_blank (self->assessor))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Enter who assessed the learner."));
      return FALSE;
    }

  if (!(self->total >= 0) || isinf (self->total))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The total must be zero or a positive number, not %g."), self->total);
      return FALSE;
    }

  return TRUE;
}

static gboolean
learner_exists (AcrStore  *store,
                gint64     learner_id,
                GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store,
                                                     "SELECT 1 FROM learner WHERE id = ?1",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, learner_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no learner with the number %lld."), (long long) learner_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
assessment_exists (AcrStore  *store,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store,
                                                     "SELECT 1 FROM assessment WHERE id = ?1",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with the number %lld. It may have been "
                     "deleted meanwhile."), (long long) id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_with_id (AcrStore    *store,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return _acr_store_run (store, stmt, error);
}

/* Works out total and passed: from the rubric when the module has one. */
static gboolean
compute_outcome (AcrAssessment             *self,
                 AcrStore                  *store,
                 const AcrRubricModuleInfo *module,
                 double                    *total,
                 gboolean                  *passed,
                 GError                   **error)
{
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree gint64 *criteria = NULL;
  g_autofree gint64 *levels = NULL;
  guint n = self->results->len;

  rubric = acr_rubric_load_for_module (store, self->module_id, &local_error);
  if (rubric == NULL)
    {
      if (!g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      if (n > 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The module “%s” (version %d) has no rubric, so no levels per "
                         "criterion can be recorded. Record only the result."),
                       module->code, module->version);
          return FALSE;
        }

      *total = self->total;
      *passed = self->passed;
      return TRUE;
    }

  criteria = g_new0 (gint64, n + 1);
  levels = g_new0 (gint64, n + 1);
  for (guint i = 0; i < n; i++)
    {
      criteria[i] = g_array_index (self->results, AcrAssessmentResult, i).criterion_id;
      levels[i] = g_array_index (self->results, AcrAssessmentResult, i).level_id;
    }

  return acr_rubric_score (rubric, criteria, levels, n, total, passed, error);
}

static gboolean
save_in_transaction (AcrAssessment  *self,
                     AcrStore       *store,
                     const char     *now,
                     gint64         *id_out,
                     double         *total,
                     gboolean       *passed,
                     GError        **error)
{
  g_auto(AcrRubricModuleInfo) module = { 0, };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) result = NULL;
  gint64 id = self->id;

  if (id > 0 && !assessment_exists (store, id, error))
    return FALSE;

  if (!learner_exists (store, self->learner_id, error) ||
      !_acr_rubric_query_module (store, self->module_id, &module, error))
    return FALSE;

  if (module.status == ACR_STATUS_RETIRED)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The module “%s” (version %d) is retired: no more assessments can be "
                     "recorded for it. Assess a current version instead."),
                   module.code, module.version);
      return FALSE;
    }

  if (!compute_outcome (self, store, &module, total, passed, error))
    return FALSE;

  if (id > 0)
    stmt = _acr_store_prepare (store,
                               "UPDATE assessment SET learner_id = ?2, module_id = ?3, "
                               "assessed_on = ?4, assessor = ?5, total = ?6, passed = ?7, "
                               "grade = ?8, evidence = ?9, updated_at = ?10 WHERE id = ?1",
                               error);
  else
    stmt = _acr_store_prepare (store,
                               "INSERT INTO assessment (learner_id, module_id, assessed_on, "
                               "assessor, total, passed, grade, evidence, created_at, "
                               "updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
                               error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, self->learner_id);
  sqlite3_bind_int64 (stmt, 3, self->module_id);
  _acr_bind_text (stmt, 4, self->assessed_on);
  _acr_bind_text (stmt, 5, self->assessor);
  /* A rubric's total (there are results exactly when the module has a rubric) is stored even
   * when 0; a free total of 0 means none. */
  _acr_bind_double (stmt, 6, self->results->len > 0 || *total > 0 ? *total : NAN);
  sqlite3_bind_int (stmt, 7, *passed ? 1 : 0);
  _acr_bind_text (stmt, 8, is_blank (self->grade) ? NULL : self->grade);
  _acr_bind_text (stmt, 9, is_blank (self->evidence) ? NULL : self->evidence);
  _acr_bind_text (stmt, 10, now);
  if (!_acr_store_run (store, stmt, error))
    return FALSE;

  if (id > 0)
    {
      if (!run_with_id (store, "DELETE FROM assessment_result WHERE assessment_id = ?1", id,
                        error))
        return FALSE;
    }
  else
    id = _acr_store_last_insert_id (store);

  result = _acr_store_prepare (store,
                               "INSERT INTO assessment_result (assessment_id, criterion_id, "
                               "level_id) VALUES (?1, ?2, ?3)", error);
  if (result == NULL)
    return FALSE;

  for (guint i = 0; i < self->results->len; i++)
    {
      AcrAssessmentResult *r = &g_array_index (self->results, AcrAssessmentResult, i);

      sqlite3_reset (result);
      sqlite3_bind_int64 (result, 1, id);
      sqlite3_bind_int64 (result, 2, r->criterion_id);
      sqlite3_bind_int64 (result, 3, r->level_id);
      if (!_acr_store_run (store, result, error))
        return FALSE;
    }

  *id_out = id;
  return TRUE;
}

gboolean
acr_assessment_save (AcrAssessment  *self,
                     AcrStore       *store,
                     GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = NULL;
  double total = 0;
  gboolean passed = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (ACR_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_assessment_validate (self, error))
    return FALSE;

  now = _acr_now_iso8601 ();

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!save_in_transaction (self, store, now, &id, &total, &passed, &local_error) ||
      !_acr_audit_appendf (store, self->id == 0 ? "create" : "edit", "assessment", id,
                           &local_error,
                           self->id == 0
                           ? _("Recorded assessment %lld of learner %lld in module %lld (%s).")
                           : _("Edited assessment %lld of learner %lld in module %lld (%s)."),
                           (long long) id, (long long) self->learner_id,
                           (long long) self->module_id, self->assessed_on))
    {
      acr_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!acr_store_commit (store, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  acr_assessment_set_total (self, total);
  acr_assessment_set_passed (self, passed);
  if (self->id == 0)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
      set_string_prop (self, &self->created_at, now, PROP_CREATED_AT);
    }
  set_string_prop (self, &self->updated_at, now, PROP_UPDATED_AT);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

static gboolean
load_results (AcrAssessment  *self,
              AcrStore       *store,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT r.criterion_id, r.level_id FROM assessment_result r "
                             "JOIN rubric_criterion c ON c.id = r.criterion_id "
                             "WHERE r.assessment_id = ?1 ORDER BY c.position, c.id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    acr_assessment_set_result (self, sqlite3_column_int64 (stmt, 0),
                               sqlite3_column_int64 (stmt, 1));

  return rc == SQLITE_DONE;
}

/* Fills a new assessment from a row of SELECT_COLUMNS. */
static AcrAssessment *
from_row (sqlite3_stmt *stmt)
{
  AcrAssessment *self = acr_assessment_new ();
  double total = _acr_column_double (stmt, 5);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->learner_id = sqlite3_column_int64 (stmt, 1);
  self->module_id = sqlite3_column_int64 (stmt, 2);
  self->assessed_on = _acr_column_dup (stmt, 3);
  self->assessor = _acr_column_dup (stmt, 4);
  self->total = isnan (total) ? 0 : total;
  self->passed = sqlite3_column_int (stmt, 6) != 0;
  self->grade = _acr_column_dup (stmt, 7);
  self->evidence = _acr_column_dup (stmt, 8);
  self->created_at = _acr_column_dup (stmt, 9);
  self->updated_at = _acr_column_dup (stmt, 10);

  return self;
}

AcrAssessment *
acr_assessment_load (AcrStore  *store,
                     gint64     id,
                     GError   **error)
{
  g_autoptr(AcrAssessment) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store, SELECT_COLUMNS "WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with the number %lld."), (long long) id);
      return NULL;
    }

  self = from_row (stmt);
  if (!load_results (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
acr_assessment_delete (AcrStore  *store,
                       gint64     id,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  stmt = _acr_store_prepare (store, "DELETE FROM assessment WHERE id = ?1", &local_error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                       _("The assessment %lld cannot be deleted because other entries, such "
                         "as issued credentials, refer to it."), (long long) id);
        }
      goto fail;
    }

  if (_acr_store_changes (store) == 0)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no assessment with the number %lld."), (long long) id);
      goto fail;
    }

  if (!_acr_audit_appendf (store, "delete", "assessment", id, &local_error,
                           _("Deleted assessment %lld."), (long long) id))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gpointer
assessment_from_row (AcrStore     *store,
                     sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;
  AcrAssessment *self = from_row (stmt);

  if (!load_results (self, store, &error))
    g_warning ("Could not read the results of assessment %" PRId64 ": %s",
               self->id, error->message);

  return self;
}

#define ORDER " ORDER BY a.assessed_on DESC, a.id DESC"

AcrPagedList *
acr_assessment_list (AcrStore   *store,
                     const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_ASSESSMENT, SELECT_COLUMNS ORDER, NULL,
                                assessment_from_row);

  pattern = like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_ASSESSMENT,
                              SELECT_COLUMNS
                              "JOIN learner l ON l.id = a.learner_id "
                              "JOIN module m ON m.id = a.module_id "
                              "WHERE a.assessor LIKE ?1 ESCAPE '\\' "
                              "OR a.grade LIKE ?1 ESCAPE '\\' "
                              "OR a.evidence LIKE ?1 ESCAPE '\\' "
                              "OR l.given_name || ' ' || l.family_name LIKE ?1 ESCAPE '\\' "
                              "OR l.family_name || ', ' || l.given_name LIKE ?1 ESCAPE '\\' "
                              "OR m.code LIKE ?1 ESCAPE '\\' "
                              "OR m.title LIKE ?1 ESCAPE '\\'"
                              ORDER,
                              params, assessment_from_row);
}

AcrPagedList *
acr_assessment_list_for_module (AcrStore *store,
                                gint64    module_id,
                                gboolean  passed_only)
{
  g_autofree char *id = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  id = g_strdup_printf ("%" PRId64, module_id);
  params[0] = id;
  return _acr_paged_list_new (store, ACR_TYPE_ASSESSMENT,
                              passed_only
                              ? SELECT_COLUMNS "WHERE a.module_id = CAST (?1 AS INTEGER) "
                                "AND a.passed = 1" ORDER
                              : SELECT_COLUMNS "WHERE a.module_id = CAST (?1 AS INTEGER)" ORDER,
                              params, assessment_from_row);
}

AcrPagedList *
acr_assessment_list_for_learner (AcrStore *store,
                                 gint64    learner_id)
{
  g_autofree char *id = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  id = g_strdup_printf ("%" PRId64, learner_id);
  params[0] = id;
  return _acr_paged_list_new (store, ACR_TYPE_ASSESSMENT,
                              SELECT_COLUMNS "WHERE a.learner_id = CAST (?1 AS INTEGER)" ORDER,
                              params, assessment_from_row);
}
