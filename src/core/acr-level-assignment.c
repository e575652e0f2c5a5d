/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrLevelAssignment: a module's level in one qualification framework (table module_level),
 * and the module's functions over its levels: assign, unassign, list, and the EQF level the
 * assignments imply.
 *
 * Rules kept here:
 * - a module has at most one level per framework: assigning again replaces it;
 * - the framework must exist and have that level (table framework_level);
 * - the assignments of an approved or retired module version are frozen (READ_ONLY);
 * - the EQF level of a module comes from its EQF assignment directly (framework.is_eqf = 1)
 *   and from each national assignment through framework_level.eqf_level; assignments that
 *   imply different EQF levels are a contradiction the caller is told about.
 * The framework tables are read with SQL here, not through AcrFramework, so the two stay
 * independent. Every change is one transaction and records the module's last editor. */

#define G_LOG_DOMAIN "acr-level-assignment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acr-level-assignment.h"
#include "acr-module-private.h"

struct _AcrLevelAssignment
{
  GObject  parent_instance;

  gint64   id;
  gint64   module_id;
  gint64   framework_id;
  char    *framework_code;
  int      level;
  char    *rationale;
  int      eqf_level;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_MODULE_ID,
  PROP_FRAMEWORK_ID,
  PROP_FRAMEWORK_CODE,
  PROP_LEVEL,
  PROP_RATIONALE,
  PROP_EQF_LEVEL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrLevelAssignment, acr_level_assignment, G_TYPE_OBJECT)

/* The assignments of module ?1 with the EQF level each implies (column 6) and whether its
 * framework is the EQF (column 7); the EQF first. */
#define LIST_LEVELS_SQL                                                                  \
  "SELECT ml.id, ml.module_id, ml.framework_id, f.code, ml.level, ml.rationale, "       \
  "CASE WHEN f.is_eqf = 1 THEN ml.level ELSE fl.eqf_level END, f.is_eqf "               \
  "FROM module_level ml JOIN framework f ON f.id = ml.framework_id "                    \
  "LEFT JOIN framework_level fl ON fl.framework_id = ml.framework_id "                  \
  "AND fl.level = ml.level WHERE ml.module_id = ?1 "                                    \
  "ORDER BY f.is_eqf DESC, f.code, ml.id"

/* Helpers */

static AcrLevelAssignment *
row_to_assignment (sqlite3_stmt *stmt)
{
  AcrLevelAssignment *self = g_object_new (ACR_TYPE_LEVEL_ASSIGNMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->module_id = sqlite3_column_int64 (stmt, 1);
  self->framework_id = sqlite3_column_int64 (stmt, 2);
  self->framework_code = _acr_column_dup (stmt, 3);
  self->level = sqlite3_column_int (stmt, 4);
  self->rationale = _acr_column_dup (stmt, 5);
  self->eqf_level = sqlite3_column_int (stmt, 6);

  return self;
}

/* Finds the framework @code (exact match preferred, else ignoring case). Sets NOT_FOUND,
 * naming the known frameworks, when there is none. */
static gboolean
lookup_framework (AcrStore     *store,
                  const char   *code,
                  gint64       *framework_id,
                  char        **canonical_code,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) known = NULL;
  g_autoptr(GString) codes = NULL;
  int rc;

  stmt = _acr_store_prepare (store, "SELECT id, code FROM framework WHERE code = ?1 "
                                    "COLLATE NOCASE ORDER BY code = ?1 DESC, id LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  _acr_bind_text (stmt, 1, code);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      *framework_id = sqlite3_column_int64 (stmt, 0);
      *canonical_code = _acr_column_dup (stmt, 1);
      return TRUE;
    }

  known = _acr_store_prepare (store, "SELECT code FROM framework ORDER BY is_eqf DESC, code",
                              error);
  if (known == NULL)
    return FALSE;

  codes = g_string_new (NULL);
  while ((rc = _acr_store_step (store, known, error)) == SQLITE_ROW)
    {
      if (codes->len > 0)
        g_string_append (codes, ", ");
      g_string_append (codes, (const char *) sqlite3_column_text (known, 0));
    }
  if (rc < 0)
    return FALSE;

  if (codes->len == 0)
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                 _("There is no framework “%s”. Import the framework first."), code);
  else
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                 _("There is no framework “%s”. The known frameworks are: %s."),
                 code, codes->str);
  return FALSE;
}

/* Checks that framework @framework_id (@code) has @level; INVALID naming its levels if not. */
static gboolean
check_level (AcrStore    *store,
             gint64       framework_id,
             const char  *code,
             int          level,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n_levels;
  int min_level;
  int max_level;

  stmt = _acr_store_prepare (store, "SELECT count(*), min(level), max(level), "
                                    "sum(level = ?2) FROM framework_level "
                                    "WHERE framework_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, framework_id);
  sqlite3_bind_int (stmt, 2, level);
  if (_acr_store_step (store, stmt, error) != SQLITE_ROW)
    return FALSE;

  if (sqlite3_column_int (stmt, 3) > 0)
    return TRUE;

  n_levels = sqlite3_column_int (stmt, 0);
  min_level = sqlite3_column_int (stmt, 1);
  max_level = sqlite3_column_int (stmt, 2);

  if (n_levels == 0)
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                 _("The framework “%s” has no levels yet. Add its levels before assigning "
                   "modules to it."), code);
  else
    g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                 _("The framework “%s” has no level %d. Its levels are %d to %d."),
                 code, level, min_level, max_level);
  return FALSE;
}

static gboolean
check_module_exists (AcrStore  *store,
                     gint64     module_id,
                     GError   **error)
{
  g_autoptr(AcrModule) module = acr_module_load (store, module_id, error);

  return module != NULL;
}

/* GObject */

static void
acr_level_assignment_finalize (GObject *object)
{
  AcrLevelAssignment *self = (AcrLevelAssignment *) object;

  g_clear_pointer (&self->framework_code, g_free);
  g_clear_pointer (&self->rationale, g_free);

  G_OBJECT_CLASS (acr_level_assignment_parent_class)->finalize (object);
}

static void
acr_level_assignment_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AcrLevelAssignment *self = ACR_LEVEL_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    case PROP_FRAMEWORK_ID:
      g_value_set_int64 (value, self->framework_id);
      break;
    case PROP_FRAMEWORK_CODE:
      g_value_set_string (value, self->framework_code);
      break;
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;
    case PROP_RATIONALE:
      g_value_set_string (value, self->rationale);
      break;
    case PROP_EQF_LEVEL:
      g_value_set_int (value, self->eqf_level);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_level_assignment_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AcrLevelAssignment *self = ACR_LEVEL_ASSIGNMENT (object);

  switch (prop_id)
    {
    case PROP_MODULE_ID:
      acr_level_assignment_set_module_id (self, g_value_get_int64 (value));
      break;
    case PROP_FRAMEWORK_ID:
      acr_level_assignment_set_framework_id (self, g_value_get_int64 (value));
      break;
    case PROP_LEVEL:
      acr_level_assignment_set_level (self, g_value_get_int (value));
      break;
    case PROP_RATIONALE:
      acr_level_assignment_set_rationale (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_level_assignment_class_init (AcrLevelAssignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_level_assignment_finalize;
  object_class->get_property = acr_level_assignment_get_property;
  object_class->set_property = acr_level_assignment_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FRAMEWORK_ID] =
    g_param_spec_int64 ("framework-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FRAMEWORK_CODE] =
    g_param_spec_string ("framework-code", NULL, NULL, NULL, ro);
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_RATIONALE] =
    g_param_spec_string ("rationale", NULL, NULL, NULL, rw);
  properties[PROP_EQF_LEVEL] =
    g_param_spec_int ("eqf-level", NULL, NULL, 0, 8, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_level_assignment_init (AcrLevelAssignment *self)
{
}

/* Public API */

AcrLevelAssignment *
acr_level_assignment_new (void)
{
  return g_object_new (ACR_TYPE_LEVEL_ASSIGNMENT, NULL);
}

gint64
acr_level_assignment_get_id (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), 0);

  return self->id;
}

gint64
acr_level_assignment_get_module_id (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), 0);

  return self->module_id;
}

void
acr_level_assignment_set_module_id (AcrLevelAssignment *self,
                                    gint64              module_id)
{
  g_return_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self));

  if (self->module_id == module_id)
    return;

  self->module_id = module_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_ID]);
}

gint64
acr_level_assignment_get_framework_id (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), 0);

  return self->framework_id;
}

void
acr_level_assignment_set_framework_id (AcrLevelAssignment *self,
                                       gint64              framework_id)
{
  g_return_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self));

  if (self->framework_id == framework_id)
    return;

  self->framework_id = framework_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRAMEWORK_ID]);
}

const char *
acr_level_assignment_get_framework_code (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), NULL);

  return self->framework_code;
}

int
acr_level_assignment_get_level (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), 0);

  return self->level;
}

void
acr_level_assignment_set_level (AcrLevelAssignment *self,
                                int                 level)
{
  g_return_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self));

  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

const char *
acr_level_assignment_get_rationale (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), NULL);

  return self->rationale;
}

void
acr_level_assignment_set_rationale (AcrLevelAssignment *self,
                                    const char         *rationale)
{
  g_return_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self));

  if (_acr_set_string (&self->rationale, rationale))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATIONALE]);
}

int
acr_level_assignment_get_eqf_level (AcrLevelAssignment *self)
{
  g_return_val_if_fail (ACR_IS_LEVEL_ASSIGNMENT (self), 0);

  return self->eqf_level;
}

gboolean
acr_module_assign_level (AcrStore    *store,
                         gint64       module_id,
                         const char  *framework_code,
                         int          level,
                         const char  *rationale,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  gint64 framework_id = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (framework_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!_acr_module_check_editable (store, module_id, ACR_STORE_ERROR_NOT_FOUND, error) ||
      !lookup_framework (store, framework_code, &framework_id, &code, error) ||
      !check_level (store, framework_id, code, level, error))
    goto fail;

  stmt = _acr_store_prepare (store,
                             "INSERT INTO module_level (module_id, framework_id, level, "
                             "rationale) VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT (module_id, framework_id) DO UPDATE SET "
                             "level = excluded.level, rationale = excluded.rationale", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, module_id);
  sqlite3_bind_int64 (stmt, 2, framework_id);
  sqlite3_bind_int (stmt, 3, level);
  _acr_bind_text (stmt, 4, rationale != NULL && rationale[0] != '\0' ? rationale : NULL);
  if (!_acr_store_run (store, stmt, error) ||
      !_acr_module_touch (store, module_id, error))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

gboolean
acr_module_unassign_level (AcrStore    *store,
                           gint64       module_id,
                           const char  *framework_code,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;
  gint64 framework_id = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (framework_code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!_acr_module_check_editable (store, module_id, ACR_STORE_ERROR_NOT_FOUND, error) ||
      !lookup_framework (store, framework_code, &framework_id, &code, error))
    goto fail;

  stmt = _acr_store_prepare (store, "DELETE FROM module_level WHERE module_id = ?1 "
                                    "AND framework_id = ?2", error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, module_id);
  sqlite3_bind_int64 (stmt, 2, framework_id);
  if (!_acr_store_run (store, stmt, error))
    goto fail;

  if (_acr_store_changes (store) == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("The module has no level in the framework “%s”."), code);
      goto fail;
    }

  if (!_acr_module_touch (store, module_id, error))
    goto fail;

  return acr_store_commit (store, error);

fail:
  acr_store_rollback (store);
  return FALSE;
}

GListModel *
acr_module_list_levels (AcrStore  *store,
                        gint64     module_id,
                        GError   **error)
{
  g_autoptr(GListStore) levels = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_module_exists (store, module_id, error))
    return NULL;

  stmt = _acr_store_prepare (store, LIST_LEVELS_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, module_id);
  levels = g_list_store_new (ACR_TYPE_LEVEL_ASSIGNMENT);
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(AcrLevelAssignment) assignment = row_to_assignment (stmt);

      g_list_store_append (levels, assignment);
    }

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&levels));
}

int
acr_module_get_eqf_level (AcrStore  *store,
                          gint64     module_id,
                          gboolean  *contradiction,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean differ = FALSE;
  int eqf_direct = 0;
  int lowest = 0;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (contradiction != NULL)
    *contradiction = FALSE;

  if (!check_module_exists (store, module_id, error))
    return -1;

  stmt = _acr_store_prepare (store, LIST_LEVELS_SQL, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, module_id);
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      int implied = sqlite3_column_int (stmt, 6);  /* NULL (no EQF reference) reads 0 */
      gboolean is_eqf = sqlite3_column_int (stmt, 7) == 1;

      if (implied <= 0)
        continue;

      if (lowest != 0 && implied != lowest)
        differ = TRUE;
      if (lowest == 0 || implied < lowest)
        lowest = implied;
      if (is_eqf && eqf_direct == 0)
        eqf_direct = implied;
    }

  if (rc < 0)
    return -1;

  if (contradiction != NULL)
    *contradiction = differ;

  return eqf_direct > 0 ? eqf_direct : lowest;
}
