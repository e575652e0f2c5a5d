/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The credential document (data/schemas/credential.xsd): building the unsigned XML of one
 * micro-credential from the database, and reading a (verified) one for display.
 *
 * Rules kept here:
 * - only an eligible assessment is certified: module version approved, assessment passed,
 *   learner named, module complete in the sense of Annex I (acr_module_check_completeness);
 *   each refusal is an ACR_CREDENTIAL_ERROR with a sentence saying what to do;
 * - the achievement is a full snapshot of the module version, so the credential stands on its
 *   own; levels carry the EQF level as ELM URI, the field of education its ELM URI;
 * - building is deterministic: everything comes from the database in a fixed order (outcomes
 *   and criteria by position, levels EQF first then by framework code), numbers are written
 *   without exponent or trailing zeros, times in UTC to the second, and the indentation is
 *   made of text nodes in the tree, so serialising without formatting gives the same bytes
 *   that were signed;
 * - the reader trusts nothing: it validates against the schema and reads only the children
 *   of the root in our namespace, never from inside the signature. */

#define G_LOG_DOMAIN "acr-credential-document"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "acr-assessment.h"
#include "acr-completeness.h"
#include "acr-credential-document.h"
#include "acr-isced.h"
#include "acr-learner.h"
#include "acr-learning-outcome.h"
#include "acr-module.h"
#include "acr-organisation.h"
#include "acr-rubric.h"
#include "acr-store-private.h"
#include "acr-validate.h"
#include "acr-xml.h"

#define XMLDSIG_NS "http://www.w3.org/2000/09/xmldsig#"
#define EQF_URI    "http://data.europa.eu/snb/eqf/"
#define ISCED_URI  "http://data.europa.eu/snb/isced-f/"

G_DEFINE_QUARK (acr-credential-error-quark, acr_credential_error)

/* Everything the document is built from, loaded and checked by load_sources(). */
typedef struct
{
  AcrAssessment   *assessment;
  AcrModule       *module;
  AcrLearner      *learner;
  AcrOrganisation *organisation;
} Sources;

static void
sources_clear (Sources *s)
{
  g_clear_object (&s->assessment);
  g_clear_object (&s->module);
  g_clear_object (&s->learner);
  g_clear_object (&s->organisation);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sources, sources_clear)

char *
acr_uuid_urn_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("urn:uuid:", uuid, NULL);
}

gboolean
acr_uuid_urn_is_valid (const char *urn)
{
  const char *uuid;

  if (urn == NULL || !g_str_has_prefix (urn, "urn:uuid:"))
    return FALSE;

  uuid = urn + strlen ("urn:uuid:");
  if (!g_uuid_string_is_valid (uuid))
    return FALSE;

  for (const char *p = uuid; *p != '\0'; p++)
    if (g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

GDateTime *
acr_credential_compute_valid_until (GDateTime *issued_at,
                                    int        validity_months)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (issued_at != NULL, NULL);
  g_return_val_if_fail (validity_months >= 0, NULL);

  if (validity_months == 0)
    return NULL;

  utc = g_date_time_to_utc (issued_at);
  return g_date_time_add_months (utc, validity_months);
}

/* ISO 8601 in UTC to the second. */
static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* An xs:decimal without exponent or needless zeros ("40", "2.5"). */
static char *
format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");

  return g_strdup (buf);
}

static gboolean
is_english (const char *lang)
{
  return lang != NULL && (g_ascii_strcasecmp (lang, "en") == 0 ||
                          g_ascii_strncasecmp (lang, "en-", 3) == 0);
}

static xmlNode *
add_text (xmlNode    *parent,
          const char *name,
          const char *text)
{
  return xmlNewTextChild (parent, parent->ns, BAD_CAST name, BAD_CAST text);
}

/* Adds the child @name with @text unless @text is blank. */
static xmlNode *
add_optional_text (xmlNode    *parent,
                   const char *name,
                   const char *text)
{
  if (_acr_is_blank (text))
    return NULL;

  return add_text (parent, name, text);
}

static xmlNode *
add_element (xmlNode    *parent,
             const char *name)
{
  return xmlNewChild (parent, parent->ns, BAD_CAST name, NULL);
}

static void
set_attr (xmlNode    *node,
          const char *name,
          const char *value)
{
  if (value != NULL)
    xmlSetProp (node, BAD_CAST name, BAD_CAST value);
}

static void
set_number_attr (xmlNode    *node,
                 const char *name,
                 double      value)
{
  g_autofree char *text = format_number (value);

  xmlSetProp (node, BAD_CAST name, BAD_CAST text);
}

static void
add_localized (xmlNode    *parent,
               const char *name,
               const char *text,
               const char *lang)
{
  xmlNode *node;

  if (_acr_is_blank (text))
    return;

  node = add_text (parent, name, text);
  xmlNodeSetLang (node, BAD_CAST lang);
}

/* Adds a text in the module's language and its English version, the English one only when
 * the module's language is another. */
static void
add_localized_pair (xmlNode    *parent,
                    const char *name,
                    const char *text,
                    const char *text_en,
                    const char *language)
{
  add_localized (parent, name, text, language);
  if (!is_english (language))
    add_localized (parent, name, text_en, "en");
}

/* Inserts white-space text nodes so that the tree reads indented by two spaces. Elements
 * with text content are left as they are. */
static void
indent_tree (xmlNode *node,
             int      depth)
{
  g_autofree char *inner = NULL;
  g_autofree char *outer = NULL;
  gboolean has_elements = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE)
        has_elements = TRUE;
      else
        return;
    }

  if (!has_elements)
    return;

  inner = g_strnfill (2 * (depth + 1) + 1, ' ');
  inner[0] = '\n';
  outer = g_strnfill (2 * depth + 1, ' ');
  outer[0] = '\n';

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      xmlAddPrevSibling (child, xmlNewDocText (node->doc, BAD_CAST inner));
      indent_tree (child, depth + 1);
    }

  xmlAddChild (node, xmlNewDocText (node->doc, BAD_CAST outer));
}

static gboolean
load_sources (AcrStore  *store,
              gint64     assessment_id,
              Sources   *s,
              GError   **error)
{
  g_autoptr(AcrCompleteness) completeness = NULL;

  s->assessment = acr_assessment_load (store, assessment_id, error);
  if (s->assessment == NULL)
    return FALSE;

  s->module = acr_module_load (store, acr_assessment_get_module_id (s->assessment), error);
  if (s->module == NULL)
    return FALSE;

  switch (acr_module_get_status (s->module))
    {
    case ACR_STATUS_APPROVED:
      break;
    case ACR_STATUS_RETIRED:
      g_set_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_NOT_APPROVED,
                   _("Version %d of module “%s” is retired: no more credentials are issued "
                     "for it."),
                   acr_module_get_version (s->module), acr_module_get_code (s->module));
      return FALSE;
    case ACR_STATUS_DRAFT:
    case ACR_STATUS_IN_REVIEW:
    default:
      g_set_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_NOT_APPROVED,
                   _("Version %d of module “%s” is not approved yet. Credentials certify "
                     "approved versions only: have it reviewed and approved first."),
                   acr_module_get_version (s->module), acr_module_get_code (s->module));
      return FALSE;
    }

  s->learner = acr_learner_load (store, acr_assessment_get_learner_id (s->assessment), error);
  if (s->learner == NULL)
    return FALSE;

  if (!acr_assessment_get_passed (s->assessment))
    {
      g_autofree char *name = acr_learner_dup_display_name (s->learner);

      g_set_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_NOT_PASSED,
                   _("%s did not pass the assessment of module “%s” on %s: credentials are "
                     "issued for passed assessments only."),
                   name, acr_module_get_code (s->module),
                   acr_assessment_get_assessed_on (s->assessment));
      return FALSE;
    }

  if (_acr_is_blank (acr_learner_get_given_name (s->learner)) ||
      _acr_is_blank (acr_learner_get_family_name (s->learner)))
    {
      g_set_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_LEARNER_INCOMPLETE,
                   _("Learner number %lld has no given name or no family name. A credential "
                     "must identify its learner: add both names first."),
                   (long long) acr_learner_get_id (s->learner));
      return FALSE;
    }

  completeness = acr_module_check_completeness (s->module, store, error);
  if (completeness == NULL)
    return FALSE;

  if (!acr_completeness_is_complete (completeness))
    {
      g_autoptr(GString) missing = g_string_new (NULL);
      guint n = acr_completeness_get_n_missing (completeness);

      for (guint i = 0; i < n; i++)
        {
          const char *element = NULL;

          acr_completeness_get_missing (completeness, i, &element, NULL, NULL);
          if (missing->len > 0)
            g_string_append (missing, ", ");
          g_string_append (missing, acr_completeness_get_element_label (element));
        }

      g_set_error (error, ACR_CREDENTIAL_ERROR, ACR_CREDENTIAL_ERROR_MODULE_INCOMPLETE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Version %d of module “%s” lacks an element every "
                                "micro-credential must state: %s. Complete it in a new "
                                "version of the module.",
                                "Version %d of module “%s” lacks elements every "
                                "micro-credential must state: %s. Complete them in a new "
                                "version of the module.", n),
                   acr_module_get_version (s->module), acr_module_get_code (s->module),
                   missing->str);
      return FALSE;
    }

  s->organisation = acr_organisation_load (store, acr_module_get_organisation_id (s->module),
                                           error);
  return s->organisation != NULL;
}

gboolean
acr_credential_check_eligible (AcrStore  *store,
                               gint64     assessment_id,
                               GError   **error)
{
  g_auto(Sources) s = { NULL, };

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_sources (store, assessment_id, &s, error);
}

static void
build_issuer (xmlNode         *root,
              AcrOrganisation *org)
{
  xmlNode *issuer = add_element (root, "issuer");

  add_text (issuer, "name", acr_organisation_get_name (org));
  add_optional_text (issuer, "legalId", acr_organisation_get_legal_id (org));
  add_text (issuer, "country", acr_organisation_get_country (org));
  add_optional_text (issuer, "address", acr_organisation_get_address (org));
  add_optional_text (issuer, "web", acr_organisation_get_web (org));
  add_optional_text (issuer, "email", acr_organisation_get_email (org));
}

static void
build_learner (xmlNode    *root,
               AcrLearner *learner)
{
  xmlNode *node = add_element (root, "learner");

  add_text (node, "givenName", acr_learner_get_given_name (learner));
  add_text (node, "familyName", acr_learner_get_family_name (learner));
  add_optional_text (node, "birthDate", acr_learner_get_birth_date (learner));
  add_optional_text (node, "externalId", acr_learner_get_external_id (learner));
}

static gboolean
build_outcomes (xmlNode    *achievement,
                AcrStore   *store,
                AcrModule  *module,
                GError    **error)
{
  g_autoptr(GListModel) outcomes = acr_module_list_outcomes (store, acr_module_get_id (module),
                                                             error);
  const char *language = acr_module_get_language (module);
  xmlNode *list;

  if (outcomes == NULL)
    return FALSE;

  list = add_element (achievement, "outcomes");
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (outcomes, i);
      xmlNode *node = add_element (list, "outcome");

      set_attr (node, "kind", acr_enum_to_nick (ACR_TYPE_OUTCOME_KIND,
                                                acr_learning_outcome_get_kind (outcome)));
      if (!_acr_is_blank (acr_learning_outcome_get_esco_uri (outcome)))
        set_attr (node, "esco", acr_learning_outcome_get_esco_uri (outcome));
      add_localized_pair (node, "statement", acr_learning_outcome_get_statement (outcome),
                          acr_learning_outcome_get_statement_en (outcome), language);
    }

  return TRUE;
}

static gboolean
build_levels (xmlNode    *achievement,
              AcrStore   *store,
              AcrModule  *module,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean english_first = is_english (acr_module_get_language (module));
  xmlNode *list;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT f.code, f.title_de, f.title_en, f.uri, f.is_eqf, ml.level, "
                             "fl.label, fl.eqf_level, ml.rationale "
                             "FROM module_level ml JOIN framework f ON f.id = ml.framework_id "
                             "LEFT JOIN framework_level fl ON fl.framework_id = f.id "
                             "AND fl.level = ml.level WHERE ml.module_id = ?1 "
                             "ORDER BY f.is_eqf DESC, f.code, ml.id", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, acr_module_get_id (module));
  list = add_element (achievement, "levels");

  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const char *title_de = (const char *) sqlite3_column_text (stmt, 1);
      const char *title_en = (const char *) sqlite3_column_text (stmt, 2);
      const char *uri = (const char *) sqlite3_column_text (stmt, 3);
      gboolean is_eqf = sqlite3_column_int (stmt, 4) != 0;
      int level = sqlite3_column_int (stmt, 5);
      const char *label = (const char *) sqlite3_column_text (stmt, 6);
      int eqf = is_eqf ? level : sqlite3_column_int (stmt, 7);
      g_autofree char *number = g_strdup_printf ("%d", level);
      xmlNode *node = add_element (list, "level");

      set_attr (node, "framework", (const char *) sqlite3_column_text (stmt, 0));
      if (!_acr_is_blank (uri))
        set_attr (node, "frameworkUri", uri);
      set_attr (node, "level", number);
      if (!_acr_is_blank (label) && g_strcmp0 (label, number) != 0)
        set_attr (node, "label", label);
      if (eqf >= 1 && eqf <= 8)
        {
          g_autofree char *eqf_uri = g_strdup_printf (EQF_URI "%d", eqf);
          set_attr (node, "eqfLevel", eqf_uri);
        }

      if (english_first)
        {
          add_localized (node, "frameworkTitle", title_en, "en");
          add_localized (node, "frameworkTitle", title_de, "de");
        }
      else
        {
          add_localized (node, "frameworkTitle", title_de, "de");
          add_localized (node, "frameworkTitle", title_en, "en");
        }
      add_optional_text (node, "rationale", (const char *) sqlite3_column_text (stmt, 8));
    }

  return rc == SQLITE_DONE;
}

static gboolean
build_achievement (xmlNode    *root,
                   AcrStore   *store,
                   AcrModule  *module,
                   GError    **error)
{
  const char *language = acr_module_get_language (module);
  g_autofree char *version = g_strdup_printf ("%d", acr_module_get_version (module));
  xmlNode *achievement = add_element (root, "achievement");
  xmlNode *node;

  set_attr (achievement, "code", acr_module_get_code (module));
  set_attr (achievement, "version", version);
  set_attr (achievement, "language", language);

  add_localized_pair (achievement, "title", acr_module_get_title (module),
                      acr_module_get_title_en (module), language);
  add_localized_pair (achievement, "description", acr_module_get_description (module),
                      acr_module_get_description_en (module), language);

  if (!_acr_is_blank (acr_module_get_languages (module)))
    {
      g_auto(GStrv) tags = g_strsplit (acr_module_get_languages (module), ",", -1);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_strstrip (tags[i]);
          if (tags[i][0] == '\0')
            continue;
          if (list->len > 0)
            g_string_append_c (list, ' ');
          g_string_append (list, tags[i]);
        }
      if (list->len > 0)
        add_text (achievement, "languages", list->str);
    }

  node = add_element (achievement, "workload");
  if (acr_module_get_workload_hours (module) > 0)
    set_number_attr (node, "hours", acr_module_get_workload_hours (module));
  if (acr_module_get_ects (module) > 0)
    set_number_attr (node, "ects", acr_module_get_ects (module));

  node = add_element (achievement, "assessment");
  set_attr (node, "type", acr_enum_to_nick (ACR_TYPE_ASSESSMENT_TYPE,
                                            acr_module_get_assessment_type (module)));
  set_attr (node, "mode", acr_enum_to_nick (ACR_TYPE_ASSESSMENT_MODE,
                                            acr_module_get_assessment_mode (module)));
  set_attr (node, "supervision", acr_enum_to_nick (ACR_TYPE_SUPERVISION,
                                                   acr_module_get_supervision (module)));

  add_text (achievement, "participation",
            acr_enum_to_nick (ACR_TYPE_PARTICIPATION, acr_module_get_participation (module)));

  node = add_text (achievement, "qualityAssurance",
                   _acr_is_blank (acr_module_get_qa_body (module))
                   ? NULL : acr_module_get_qa_body (module));
  set_attr (node, "type", acr_enum_to_nick (ACR_TYPE_QA_TYPE, acr_module_get_qa_type (module)));

  add_optional_text (achievement, "prerequisites", acr_module_get_prerequisites (module));

  if (!_acr_is_blank (acr_module_get_isced_f (module)))
    {
      const char *code = acr_module_get_isced_f (module);
      g_autofree char *uri = g_strconcat (ISCED_URI, code, NULL);

      node = add_text (achievement, "iscedF", code);
      set_attr (node, "uri", uri);
      set_attr (node, "name", acr_isced_f_get_name (code));
    }

  if (acr_module_get_stackability (module) != ACR_STACKABILITY_NONE)
    {
      node = add_text (achievement, "stackability",
                       _acr_is_blank (acr_module_get_stackable_towards (module))
                       ? NULL : acr_module_get_stackable_towards (module));
      set_attr (node, "option", acr_enum_to_nick (ACR_TYPE_STACKABILITY,
                                                  acr_module_get_stackability (module)));
    }

  add_optional_text (achievement, "furtherInformation", acr_module_get_further_info (module));

  return build_outcomes (achievement, store, module, error) &&
         build_levels (achievement, store, module, error);
}

static gboolean
build_result (xmlNode        *root,
              AcrStore       *store,
              AcrAssessment  *assessment,
              GError        **error)
{
  g_autoptr(AcrRubric) rubric = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlNode *result = add_element (root, "result");
  xmlNode *node;

  add_text (result, "assessed", acr_assessment_get_assessed_on (assessment));
  add_text (result, "assessor", acr_assessment_get_assessor (assessment));

  rubric = acr_rubric_load_for_module (store, acr_assessment_get_module_id (assessment),
                                       &local_error);
  if (rubric == NULL &&
      !g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (rubric != NULL)
    {
      GListModel *criteria = acr_rubric_get_criteria (rubric);
      xmlNode *list = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
        {
          g_autoptr(AcrRubricCriterion) criterion = g_list_model_get_item (criteria, i);
          gint64 level_id = acr_assessment_get_result (assessment,
                                                       acr_rubric_criterion_get_id (criterion));
          AcrRubricLevel *level = level_id != 0 ? acr_rubric_find_level (rubric, level_id) : NULL;
          g_autofree char *position = NULL;

          if (level == NULL)
            continue;

          if (list == NULL)
            list = add_element (result, "criteria");

          position = g_strdup_printf ("%u", acr_rubric_criterion_get_position (criterion));
          node = add_element (list, "criterion");
          set_attr (node, "position", position);
          set_number_attr (node, "weight", acr_rubric_criterion_get_weight (criterion));
          set_number_attr (node, "points", acr_rubric_level_get_points (level));
          add_text (node, "description", acr_rubric_criterion_get_description (criterion));
          add_text (node, "level", acr_rubric_level_get_name (level));
        }
    }

  if (rubric != NULL || acr_assessment_get_total (assessment) > 0)
    {
      g_autofree char *total = format_number (MAX (acr_assessment_get_total (assessment), 0));

      add_text (result, "total", total);
    }

  if (rubric != NULL)
    {
      g_autofree char *max_total = format_number (acr_rubric_get_max_total (rubric));

      add_text (result, "maxTotal", max_total);
    }

  add_text (result, "passed", acr_assessment_get_passed (assessment) ? "true" : "false");
  add_optional_text (result, "grade", acr_assessment_get_grade (assessment));

  return TRUE;
}

xmlDoc *
acr_credential_document_build (AcrStore    *store,
                               gint64       assessment_id,
                               const char  *uuid,
                               GDateTime   *issued_at,
                               const char  *revocation_list_url,
                               GError     **error)
{
  g_auto(Sources) s = { NULL, };
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GDateTime) valid_until = NULL;
  g_autofree char *issued = NULL;
  xmlNode *root;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (acr_uuid_urn_is_valid (uuid), NULL);
  g_return_val_if_fail (issued_at != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (revocation_list_url != NULL && !_acr_validate_uri (revocation_list_url))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a web address for the revocation list. Give an address "
                     "starting with https:// or http://."), revocation_list_url);
      return NULL;
    }

  /* One read transaction, so the snapshot is consistent. */
  if (!acr_store_begin (store, error))
    return NULL;

  if (!load_sources (store, assessment_id, &s, error))
    goto fail;

  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (doc, NULL, BAD_CAST "credential", NULL);
  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, xmlNewNs (root, BAD_CAST ACR_CREDENTIAL_NS, NULL));
  set_attr (root, "id", uuid);

  build_issuer (root, s.organisation);
  build_learner (root, s.learner);

  issued = format_utc (issued_at);
  add_text (root, "issued", issued);
  valid_until = acr_credential_compute_valid_until (issued_at,
                                                    acr_module_get_validity_months (s.module));
  if (valid_until != NULL)
    {
      g_autofree char *until = format_utc (valid_until);
      add_text (root, "validUntil", until);
    }

  if (!build_achievement (root, store, s.module, error) ||
      !build_result (root, store, s.assessment, error))
    goto fail;

  if (revocation_list_url != NULL)
    add_text (root, "revocationList", revocation_list_url);

  indent_tree (root, 0);

  acr_store_rollback (store);
  return g_steal_pointer (&doc);

fail:
  acr_store_rollback (store);
  return NULL;
}

/* Reading */

static gboolean
is_ours (xmlNode    *node,
         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST ACR_CREDENTIAL_NS) &&
         (name == NULL || xmlStrEqual (node->name, BAD_CAST name));
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  if (parent == NULL)
    return NULL;

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_ours (child, name))
      return child;

  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;

  content = xmlNodeGetContent (node);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text;
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  return node_text (find_child (parent, name));
}

static char *
attr_text (xmlNode    *node,
           const char *name)
{
  xmlChar *value;
  char *text;

  if (node == NULL)
    return NULL;

  value = xmlGetNoNsProp (node, BAD_CAST name);
  text = g_strdup ((const char *) value);
  xmlFree (value);
  return text;
}

static double
attr_number (xmlNode    *node,
             const char *name,
             double      unset)
{
  g_autofree char *text = attr_text (node, name);

  return text != NULL ? g_ascii_strtod (text, NULL) : unset;
}

static double
child_number (xmlNode    *parent,
              const char *name)
{
  g_autofree char *text = child_text (parent, name);

  return text != NULL ? g_ascii_strtod (text, NULL) : NAN;
}

static char *
localized_text (xmlNode    *parent,
                const char *name,
                const char *lang)
{
  for (xmlNode *child = parent != NULL ? parent->children : NULL; child != NULL;
       child = child->next)
    {
      xmlChar *node_lang;
      gboolean match;

      if (!is_ours (child, name))
        continue;
      if (lang == NULL)
        return node_text (child);

      node_lang = xmlNodeGetLang (child);
      match = is_english ((const char *) node_lang);
      xmlFree (node_lang);
      if (match)
        return node_text (child);
    }

  return NULL;
}

static int
eqf_from_uri (const char *uri)
{
  if (uri == NULL || !g_str_has_prefix (uri, EQF_URI))
    return 0;

  return atoi (uri + strlen (EQF_URI));
}

static void
read_levels (AcrCredentialInfo *info,
             xmlNode           *levels)
{
  int lowest = 0;

  for (xmlNode *node = levels != NULL ? levels->children : NULL; node != NULL;
       node = node->next)
    {
      g_autofree char *framework = NULL;
      g_autofree char *label = NULL;
      g_autofree char *eqf_uri = NULL;
      int eqf;

      if (!is_ours (node, "level"))
        continue;

      framework = attr_text (node, "framework");
      label = attr_text (node, "label");
      if (label == NULL)
        label = attr_text (node, "level");
      eqf_uri = attr_text (node, "eqfLevel");
      eqf = eqf_from_uri (eqf_uri);

      g_ptr_array_add (info->levels, g_strdup_printf ("%s %s", framework, label));

      if (g_strcmp0 (framework, "EQF") == 0 && eqf > 0)
        info->eqf_level = eqf;
      if (eqf > 0 && (lowest == 0 || eqf < lowest))
        lowest = eqf;
    }

  if (info->eqf_level == 0)
    info->eqf_level = lowest;
}

AcrCredentialInfo *
acr_credential_info_new_from_document (xmlDoc  *doc,
                                       GError **error)
{
  g_autoptr(AcrCredentialInfo) info = NULL;
  xmlNode *root;
  xmlNode *node;
  xmlNode *achievement;
  xmlNode *result;
  g_autofree char *version = NULL;
  g_autofree char *passed = NULL;
  const char *display_name;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = doc->URL != NULL ? (const char *) doc->URL : _("the credential");
  if (!acr_xml_check_root (doc, ACR_CREDENTIAL_NS, "credential", display_name, error) ||
      !acr_xml_validate (doc, "credential", display_name, error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  info = g_new0 (AcrCredentialInfo, 1);
  info->outcomes = g_ptr_array_new_with_free_func (g_free);
  info->levels = g_ptr_array_new_with_free_func (g_free);

  info->id = attr_text (root, "id");

  node = find_child (root, "issuer");
  info->issuer_name = child_text (node, "name");
  info->issuer_legal_id = child_text (node, "legalId");
  info->issuer_country = child_text (node, "country");
  info->issuer_address = child_text (node, "address");
  info->issuer_web = child_text (node, "web");
  info->issuer_email = child_text (node, "email");

  node = find_child (root, "learner");
  info->learner_given_name = child_text (node, "givenName");
  info->learner_family_name = child_text (node, "familyName");
  info->learner_name = g_strdup_printf ("%s %s", info->learner_given_name,
                                        info->learner_family_name);
  info->learner_birth_date = child_text (node, "birthDate");
  info->learner_external_id = child_text (node, "externalId");

  info->issued = child_text (root, "issued");
  info->valid_until = child_text (root, "validUntil");

  achievement = find_child (root, "achievement");
  info->module_code = attr_text (achievement, "code");
  version = attr_text (achievement, "version");
  info->module_version = version != NULL ? atoi (version) : 0;
  info->language = attr_text (achievement, "language");
  info->title = localized_text (achievement, "title", NULL);
  info->title_en = localized_text (achievement, "title", "en");
  info->description = localized_text (achievement, "description", NULL);

  node = find_child (achievement, "workload");
  info->workload_hours = attr_number (node, "hours", 0);
  info->ects = attr_number (node, "ects", 0);

  node = find_child (achievement, "assessment");
  info->assessment_type = attr_text (node, "type");
  info->assessment_mode = attr_text (node, "mode");
  info->supervision = attr_text (node, "supervision");
  info->participation = child_text (achievement, "participation");

  node = find_child (achievement, "qualityAssurance");
  info->qa_type = attr_text (node, "type");
  info->qa_body = node_text (node);
  if (_acr_is_blank (info->qa_body))
    g_clear_pointer (&info->qa_body, g_free);

  info->prerequisites = child_text (achievement, "prerequisites");
  info->isced_f = child_text (achievement, "iscedF");
  node = find_child (achievement, "stackability");
  info->stackability = attr_text (node, "option");
  info->stackable_towards = node_text (node);
  if (_acr_is_blank (info->stackable_towards))
    g_clear_pointer (&info->stackable_towards, g_free);
  info->further_info = child_text (achievement, "furtherInformation");

  node = find_child (achievement, "outcomes");
  for (xmlNode *outcome = node != NULL ? node->children : NULL; outcome != NULL;
       outcome = outcome->next)
    if (is_ours (outcome, "outcome"))
      g_ptr_array_add (info->outcomes, localized_text (outcome, "statement", NULL));

  read_levels (info, find_child (achievement, "levels"));

  result = find_child (root, "result");
  info->assessed_on = child_text (result, "assessed");
  info->assessor = child_text (result, "assessor");
  info->total = child_number (result, "total");
  info->max_total = child_number (result, "maxTotal");
  passed = child_text (result, "passed");
  info->passed = g_strcmp0 (passed, "true") == 0 || g_strcmp0 (passed, "1") == 0;
  info->grade = child_text (result, "grade");

  info->revocation_list = child_text (root, "revocationList");

  for (node = root->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && node->ns != NULL &&
        xmlStrEqual (node->ns->href, BAD_CAST XMLDSIG_NS) &&
        xmlStrEqual (node->name, BAD_CAST "Signature"))
      info->has_signature = TRUE;

  return g_steal_pointer (&info);
}

void
acr_credential_info_free (AcrCredentialInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->issuer_name);
  g_free (info->issuer_legal_id);
  g_free (info->issuer_country);
  g_free (info->issuer_address);
  g_free (info->issuer_web);
  g_free (info->issuer_email);
  g_free (info->learner_given_name);
  g_free (info->learner_family_name);
  g_free (info->learner_name);
  g_free (info->learner_birth_date);
  g_free (info->learner_external_id);
  g_free (info->issued);
  g_free (info->valid_until);
  g_free (info->module_code);
  g_free (info->language);
  g_free (info->title);
  g_free (info->title_en);
  g_free (info->description);
  g_free (info->assessment_type);
  g_free (info->assessment_mode);
  g_free (info->supervision);
  g_free (info->participation);
  g_free (info->qa_type);
  g_free (info->qa_body);
  g_free (info->prerequisites);
  g_free (info->isced_f);
  g_free (info->stackability);
  g_free (info->stackable_towards);
  g_free (info->further_info);
  g_clear_pointer (&info->outcomes, g_ptr_array_unref);
  g_clear_pointer (&info->levels, g_ptr_array_unref);
  g_free (info->assessed_on);
  g_free (info->assessor);
  g_free (info->grade);
  g_free (info->revocation_list);
  g_free (info);
}
