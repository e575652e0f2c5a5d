/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrRubric: how a module is assessed, in the shape of a 1EdTech CASE CFRubric: criteria
 * (rows, with a weight and the learning outcomes they assess) × performance levels (columns,
 * with points), a descriptor in each cell, and a pass rule.
 *
 * Rules it keeps:
 * - One rubric per module (UNIQUE module_id); a saved rubric never moves to another module.
 * - Levels and criteria keep dense positions from 1. Saving updates them in place: existing
 *   rows keep their ids (assessments point at them), new ones are inserted and removed ones
 *   deleted — unless an assessment uses one, which is refused (CONSTRAINT). Cells and outcome
 *   links carry no ids and are written anew. Everything in one transaction; the objects get
 *   their new ids only after the commit.
 * - The rubric of an approved or retired module is frozen (READ_ONLY): that version may have
 *   certified learners already.
 * - Validation: at least one level and one criterion, level names unique, points >= 0,
 *   weights > 0, at least one pass rule, and each rule reachable. Criterion outcomes must be
 *   outcomes of the rubric's module (checked at save, against the database).
 * - Scoring: total = Σ weight × points of the level reached; passed when the total reaches
 *   the minimum total (if set) and every criterion reaches the minimum points (if set).
 *   Comparisons allow a tiny epsilon so 0.1 + 0.2 reaches 0.3.
 * Modules, outcomes and assessments are read by SQL on their tables, so this file depends on
 * no other domain type. */

#define G_LOG_DOMAIN "acr-rubric"

#include "config.h"

#include <math.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-paged-list-private.h"
#include "acr-rubric.h"
#include "acr-rubric-private.h"

#define EPSILON 1e-9

typedef struct
{
  gpointer criterion;
  gpointer level;
} CellKey;

struct _AcrRubric
{
  GObject     parent_instance;

  gint64      id;
  gint64      module_id;
  char       *title;
  double      pass_min_total;
  double      pass_min_points;
  GListStore *levels;     /* of AcrRubricLevel, in position order */
  GListStore *criteria;   /* of AcrRubricCriterion, in position order */
  GHashTable *cells;      /* CellKey* → descriptor */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_MODULE_ID,
  PROP_TITLE,
  PROP_PASS_MIN_TOTAL,
  PROP_PASS_MIN_POINTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrRubric, acr_rubric, G_TYPE_OBJECT)

static guint
cell_key_hash (gconstpointer data)
{
  const CellKey *key = data;

  return g_direct_hash (key->criterion) * 31 + g_direct_hash (key->level);
}

static gboolean
cell_key_equal (gconstpointer a,
                gconstpointer b)
{
  const CellKey *ka = a;
  const CellKey *kb = b;

  return ka->criterion == kb->criterion && ka->level == kb->level;
}

/* a >= b, allowing for rounding. */
static gboolean
reaches (double a,
         double b)
{
  return a >= b - EPSILON * MAX (1.0, fabs (b));
}

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

/* A comparable form of a level name: trimmed and case-folded. */
static char *
fold_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_utf8_casefold (trimmed, -1);
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
renumber_levels (AcrRubric *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->levels));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrRubricLevel) level = g_list_model_get_item (G_LIST_MODEL (self->levels), i);

      _acr_rubric_level_set_position (level, i + 1);
    }
}

static void
renumber_criteria (AcrRubric *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->criteria));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrRubricCriterion) criterion =
        g_list_model_get_item (G_LIST_MODEL (self->criteria), i);

      _acr_rubric_criterion_set_position (criterion, i + 1);
    }
}

/* Borrowed items: the list stores keep them alive. */
static AcrRubricLevel *
level_at (AcrRubric *self,
          guint      index)
{
  AcrRubricLevel *level = g_list_model_get_item (G_LIST_MODEL (self->levels), index);

  if (level != NULL)
    g_object_unref (level);
  return level;
}

static AcrRubricCriterion *
criterion_at (AcrRubric *self,
              guint      index)
{
  AcrRubricCriterion *criterion = g_list_model_get_item (G_LIST_MODEL (self->criteria), index);

  if (criterion != NULL)
    g_object_unref (criterion);
  return criterion;
}

static guint
n_levels (AcrRubric *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->levels));
}

static guint
n_criteria (AcrRubric *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->criteria));
}

static double
highest_points (AcrRubric *self)
{
  double best = 0;

  for (guint i = 0; i < n_levels (self); i++)
    best = MAX (best, acr_rubric_level_get_points (level_at (self, i)));

  return best;
}

void
_acr_rubric_module_info_clear (AcrRubricModuleInfo *info)
{
  g_clear_pointer (&info->code, g_free);
  info->id = 0;
  info->version = 0;
  info->status = ACR_STATUS_DRAFT;
}

gboolean
_acr_rubric_query_module (AcrStore            *store,
                          gint64               module_id,
                          AcrRubricModuleInfo *info,
                          GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int status = 0;
  int rc;

  stmt = _acr_store_prepare (store, "SELECT code, version, status FROM module WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, module_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no module with the number %lld."), (long long) module_id);
      return FALSE;
    }

  acr_enum_from_nick (ACR_TYPE_STATUS, (const char *) sqlite3_column_text (stmt, 2), &status);
  g_free (info->code);
  info->id = module_id;
  info->code = _acr_column_dup (stmt, 0);
  info->version = sqlite3_column_int (stmt, 1);
  info->status = status;
  return TRUE;
}

static gboolean
check_not_frozen (const AcrRubricModuleInfo  *module,
                  GError                    **error)
{
  if (module->status == ACR_STATUS_APPROVED)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                   _("The module “%s” (version %d) is approved, so its rubric can no longer "
                     "change. Make a new version of the module to change it."),
                   module->code, module->version);
      return FALSE;
    }

  if (module->status == ACR_STATUS_RETIRED)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY,
                   _("The module “%s” (version %d) is retired, so its rubric can no longer "
                     "change."),
                   module->code, module->version);
      return FALSE;
    }

  return TRUE;
}

/* Runs @sql with ?1 = @id and returns its first column as an integer; -1 on error. */
static gint64
query_int64 (AcrStore    *store,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return -1;

  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static void
acr_rubric_finalize (GObject *object)
{
  AcrRubric *self = (AcrRubric *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->levels);
  g_clear_object (&self->criteria);

  G_OBJECT_CLASS (acr_rubric_parent_class)->finalize (object);
}

static void
acr_rubric_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AcrRubric *self = ACR_RUBRIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PASS_MIN_TOTAL:
      g_value_set_double (value, self->pass_min_total);
      break;
    case PROP_PASS_MIN_POINTS:
      g_value_set_double (value, self->pass_min_points);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AcrRubric *self = ACR_RUBRIC (object);

  switch (prop_id)
    {
    case PROP_MODULE_ID:
      acr_rubric_set_module_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      acr_rubric_set_title (self, g_value_get_string (value));
      break;
    case PROP_PASS_MIN_TOTAL:
      acr_rubric_set_pass_min_total (self, g_value_get_double (value));
      break;
    case PROP_PASS_MIN_POINTS:
      acr_rubric_set_pass_min_points (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_class_init (AcrRubricClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_rubric_finalize;
  object_class->get_property = acr_rubric_get_property;
  object_class->set_property = acr_rubric_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PASS_MIN_TOTAL] =
    g_param_spec_double ("pass-min-total", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PASS_MIN_POINTS] =
    g_param_spec_double ("pass-min-points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_rubric_init (AcrRubric *self)
{
  self->levels = g_list_store_new (ACR_TYPE_RUBRIC_LEVEL);
  self->criteria = g_list_store_new (ACR_TYPE_RUBRIC_CRITERION);
  self->cells = g_hash_table_new_full (cell_key_hash, cell_key_equal, g_free, g_free);
}

AcrRubric *
acr_rubric_new (void)
{
  return g_object_new (ACR_TYPE_RUBRIC, NULL);
}

gint64
acr_rubric_get_id (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), 0);

  return self->id;
}

gint64
acr_rubric_get_module_id (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), 0);

  return self->module_id;
}

void
acr_rubric_set_module_id (AcrRubric *self,
                          gint64     module_id)
{
  g_return_if_fail (ACR_IS_RUBRIC (self));

  if (self->module_id == module_id)
    return;

  self->module_id = module_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE_ID]);
}

const char *
acr_rubric_get_title (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  return self->title;
}

void
acr_rubric_set_title (AcrRubric  *self,
                      const char *title)
{
  g_return_if_fail (ACR_IS_RUBRIC (self));

  if (_acr_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

double
acr_rubric_get_pass_min_total (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), 0);

  return self->pass_min_total;
}

void
acr_rubric_set_pass_min_total (AcrRubric *self,
                               double     pass_min_total)
{
  g_return_if_fail (ACR_IS_RUBRIC (self));

  if (self->pass_min_total == pass_min_total)
    return;

  self->pass_min_total = pass_min_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PASS_MIN_TOTAL]);
}

double
acr_rubric_get_pass_min_points (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), 0);

  return self->pass_min_points;
}

void
acr_rubric_set_pass_min_points (AcrRubric *self,
                                double     pass_min_points)
{
  g_return_if_fail (ACR_IS_RUBRIC (self));

  if (self->pass_min_points == pass_min_points)
    return;

  self->pass_min_points = pass_min_points;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PASS_MIN_POINTS]);
}

GListModel *
acr_rubric_get_levels (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  return G_LIST_MODEL (self->levels);
}

GListModel *
acr_rubric_get_criteria (AcrRubric *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  return G_LIST_MODEL (self->criteria);
}

AcrRubricLevel *
acr_rubric_add_level (AcrRubric  *self,
                      const char *name,
                      double      points)
{
  g_autoptr(AcrRubricLevel) level = NULL;

  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  level = _acr_rubric_level_new ();
  acr_rubric_level_set_name (level, name);
  acr_rubric_level_set_points (level, points);
  _acr_rubric_level_set_position (level, n_levels (self) + 1);
  g_list_store_append (self->levels, level);

  return level;
}

AcrRubricCriterion *
acr_rubric_add_criterion (AcrRubric  *self,
                          const char *description,
                          double      weight)
{
  g_autoptr(AcrRubricCriterion) criterion = NULL;

  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  criterion = _acr_rubric_criterion_new ();
  acr_rubric_criterion_set_description (criterion, description);
  acr_rubric_criterion_set_weight (criterion, weight);
  _acr_rubric_criterion_set_position (criterion, n_criteria (self) + 1);
  g_list_store_append (self->criteria, criterion);

  return criterion;
}

static void
remove_cells (AcrRubric *self,
              gpointer   criterion,
              gpointer   level)
{
  GHashTableIter iter;
  CellKey *key;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (key->criterion == criterion || key->level == level)
      g_hash_table_iter_remove (&iter);
}

void
acr_rubric_remove_level (AcrRubric      *self,
                         AcrRubricLevel *level)
{
  guint index;

  g_return_if_fail (ACR_IS_RUBRIC (self));
  g_return_if_fail (ACR_IS_RUBRIC_LEVEL (level));

  if (!g_list_store_find (self->levels, level, &index))
    g_return_if_reached ();

  remove_cells (self, NULL, level);
  g_list_store_remove (self->levels, index);
  renumber_levels (self);
}

void
acr_rubric_remove_criterion (AcrRubric          *self,
                             AcrRubricCriterion *criterion)
{
  guint index;

  g_return_if_fail (ACR_IS_RUBRIC (self));
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (criterion));

  if (!g_list_store_find (self->criteria, criterion, &index))
    g_return_if_reached ();

  remove_cells (self, criterion, NULL);
  g_list_store_remove (self->criteria, index);
  renumber_criteria (self);
}

static void
move_item (GListStore *store,
           gpointer    item,
           guint       position)
{
  g_autoptr(GObject) keep = NULL;
  guint index;
  guint n;

  if (!g_list_store_find (store, item, &index))
    g_return_if_reached ();

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  position = CLAMP (position, 1, n) - 1;
  if (position == index)
    return;

  keep = g_object_ref (item);
  g_list_store_remove (store, index);
  g_list_store_insert (store, position, keep);
}

void
acr_rubric_move_level (AcrRubric      *self,
                       AcrRubricLevel *level,
                       guint           position)
{
  g_return_if_fail (ACR_IS_RUBRIC (self));
  g_return_if_fail (ACR_IS_RUBRIC_LEVEL (level));

  move_item (self->levels, level, position);
  renumber_levels (self);
}

void
acr_rubric_move_criterion (AcrRubric          *self,
                           AcrRubricCriterion *criterion,
                           guint               position)
{
  g_return_if_fail (ACR_IS_RUBRIC (self));
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (criterion));

  move_item (self->criteria, criterion, position);
  renumber_criteria (self);
}

AcrRubricLevel *
acr_rubric_find_level (AcrRubric *self,
                       gint64     level_id)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  for (guint i = 0; level_id > 0 && i < n_levels (self); i++)
    if (acr_rubric_level_get_id (level_at (self, i)) == level_id)
      return level_at (self, i);

  return NULL;
}

AcrRubricLevel *
acr_rubric_find_level_by_name (AcrRubric  *self,
                               const char *name)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  wanted = fold_name (name);
  for (guint i = 0; i < n_levels (self); i++)
    {
      AcrRubricLevel *level = level_at (self, i);
      g_autofree char *folded = fold_name (acr_rubric_level_get_name (level));

      if (g_str_equal (folded, wanted))
        return level;
    }

  return NULL;
}

AcrRubricCriterion *
acr_rubric_find_criterion (AcrRubric *self,
                           gint64     criterion_id)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  for (guint i = 0; criterion_id > 0 && i < n_criteria (self); i++)
    if (acr_rubric_criterion_get_id (criterion_at (self, i)) == criterion_id)
      return criterion_at (self, i);

  return NULL;
}

AcrRubricCriterion *
acr_rubric_get_criterion_at (AcrRubric *self,
                             guint      position)
{
  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  if (position == 0)
    return NULL;

  return criterion_at (self, position - 1);
}

void
acr_rubric_set_cell (AcrRubric          *self,
                     AcrRubricCriterion *criterion,
                     AcrRubricLevel     *level,
                     const char         *descriptor)
{
  CellKey key = { criterion, level };

  g_return_if_fail (ACR_IS_RUBRIC (self));
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (criterion));
  g_return_if_fail (ACR_IS_RUBRIC_LEVEL (level));
  g_return_if_fail (g_list_store_find (self->criteria, criterion, NULL));
  g_return_if_fail (g_list_store_find (self->levels, level, NULL));

  if (descriptor == NULL || descriptor[0] == '\0')
    g_hash_table_remove (self->cells, &key);
  else
    g_hash_table_insert (self->cells, g_memdup2 (&key, sizeof key), g_strdup (descriptor));
}

const char *
acr_rubric_get_cell (AcrRubric          *self,
                     AcrRubricCriterion *criterion,
                     AcrRubricLevel     *level)
{
  CellKey key = { criterion, level };

  g_return_val_if_fail (ACR_IS_RUBRIC (self), NULL);

  return g_hash_table_lookup (self->cells, &key);
}

double
acr_rubric_get_max_total (AcrRubric *self)
{
  double best;
  double total = 0;

  g_return_val_if_fail (ACR_IS_RUBRIC (self), 0);

  best = highest_points (self);
  for (guint i = 0; i < n_criteria (self); i++)
    total += acr_rubric_criterion_get_weight (criterion_at (self, i)) * best;

  return total;
}

gboolean
acr_rubric_score (AcrRubric     *self,
                  const gint64  *criterion_ids,
                  const gint64  *level_ids,
                  guint          n,
                  double        *total,
                  gboolean      *passed,
                  GError       **error)
{
  g_autofree AcrRubricLevel **reached = NULL;
  double sum = 0;
  gboolean all_reach_min = TRUE;
  guint count = n_criteria (self);

  g_return_val_if_fail (ACR_IS_RUBRIC (self), FALSE);
  g_return_val_if_fail (n == 0 || (criterion_ids != NULL && level_ids != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reached = g_new0 (AcrRubricLevel *, count + 1);

  for (guint i = 0; i < n; i++)
    {
      AcrRubricCriterion *criterion = acr_rubric_find_criterion (self, criterion_ids[i]);
      AcrRubricLevel *level = acr_rubric_find_level (self, level_ids[i]);
      guint index;

      if (criterion == NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The rubric has no criterion with the number %lld."),
                       (long long) criterion_ids[i]);
          return FALSE;
        }

      if (level == NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The rubric has no level with the number %lld."),
                       (long long) level_ids[i]);
          return FALSE;
        }

      index = acr_rubric_criterion_get_position (criterion) - 1;
      if (reached[index] != NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The criterion “%s” has more than one level. Choose one."),
                       acr_rubric_criterion_get_description (criterion));
          return FALSE;
        }
      reached[index] = level;
    }

  for (guint i = 0; i < count; i++)
    {
      AcrRubricCriterion *criterion = criterion_at (self, i);
      double points;

      if (reached[i] == NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The criterion “%s” has no level yet. Choose the level the learner "
                         "reached."),
                       acr_rubric_criterion_get_description (criterion));
          return FALSE;
        }

      points = acr_rubric_level_get_points (reached[i]);
      sum += acr_rubric_criterion_get_weight (criterion) * points;
      if (self->pass_min_points > 0 && !reaches (points, self->pass_min_points))
        all_reach_min = FALSE;
    }

  if (total != NULL)
    *total = sum;
  if (passed != NULL)
    *passed = all_reach_min &&
              (self->pass_min_total <= 0 || reaches (sum, self->pass_min_total));

  return TRUE;
}

gboolean
acr_rubric_validate (AcrRubric  *self,
                     GError    **error)
{
  g_autoptr(GHashTable) names = NULL;
  double max_total;
  double best;

  g_return_val_if_fail (ACR_IS_RUBRIC (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->module_id <= 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("Choose the module the rubric belongs to."));
      return FALSE;
    }

  if (!(self->pass_min_total >= 0) || isinf (self->pass_min_total))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The minimum total to pass must be zero (no minimum) or a positive number, "
                     "not %g."), self->pass_min_total);
      return FALSE;
    }

  if (!(self->pass_min_points >= 0) || isinf (self->pass_min_points))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The minimum points per criterion must be zero (no minimum) or a positive "
                     "number, not %g."), self->pass_min_points);
      return FALSE;
    }

  if (n_levels (self) == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The rubric needs at least one performance level. Add a level."));
      return FALSE;
    }

  if (n_criteria (self) == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The rubric needs at least one criterion. Add a criterion."));
      return FALSE;
    }

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n_levels (self); i++)
    {
      AcrRubricLevel *level = level_at (self, i);
      const char *name = acr_rubric_level_get_name (level);
      double points = acr_rubric_level_get_points (level);
      char *folded;

      if (is_blank (name))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("Performance level %u needs a name."), i + 1);
          return FALSE;
        }

      if (!(points >= 0) || isinf (points))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level “%s” must be worth zero or more points, not %g."),
                       name, points);
          return FALSE;
        }

      folded = fold_name (name);
      if (!g_hash_table_add (names, folded))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("Two performance levels are called “%s”. Give each level its own "
                         "name."), name);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_criteria (self); i++)
    {
      AcrRubricCriterion *criterion = criterion_at (self, i);
      const char *description = acr_rubric_criterion_get_description (criterion);
      double weight = acr_rubric_criterion_get_weight (criterion);

      if (is_blank (description))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("Criterion %u needs a description."), i + 1);
          return FALSE;
        }

      if (!(weight > 0) || isinf (weight))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The weight of the criterion “%s” must be a positive number, not %g."),
                       description, weight);
          return FALSE;
        }
    }

  if (self->pass_min_total <= 0 && self->pass_min_points <= 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The rubric needs a pass rule: set a minimum total, minimum points per "
                     "criterion, or both."));
      return FALSE;
    }

  max_total = acr_rubric_get_max_total (self);
  if (self->pass_min_total > 0 && !reaches (max_total, self->pass_min_total))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The minimum total to pass (%g) is more than the rubric’s maximum total "
                     "(%g), so nobody could pass."), self->pass_min_total, max_total);
      return FALSE;
    }

  best = highest_points (self);
  if (self->pass_min_points > 0 && !reaches (best, self->pass_min_points))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The minimum points per criterion (%g) are more than the highest level is "
                     "worth (%g), so nobody could pass."), self->pass_min_points, best);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_outcomes (AcrRubric  *self,
                AcrStore   *store,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _acr_store_prepare (store, "SELECT module_id FROM learning_outcome WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_criteria (self); i++)
    {
      GArray *ids = acr_rubric_criterion_get_outcome_ids (criterion_at (self, i));

      for (guint j = 0; j < ids->len; j++)
        {
          gint64 outcome_id = g_array_index (ids, gint64, j);
          int rc;

          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, outcome_id);
          rc = _acr_store_step (store, stmt, error);
          if (rc < 0)
            return FALSE;

          if (rc != SQLITE_ROW || sqlite3_column_int64 (stmt, 0) != self->module_id)
            {
              g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("Outcome %lld does not belong to this module."),
                           (long long) outcome_id);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Deletes the rows of @table ("rubric_level" or "rubric_criterion") of the rubric whose ids
 * are not in @keep, refusing when an assessment result uses one. */
static gboolean
delete_removed (AcrRubric   *self,
                AcrStore    *store,
                gboolean     levels,
                GHashTable  *keep,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  select = _acr_store_prepare (store,
                               levels
                               ? "SELECT id, name, EXISTS (SELECT 1 FROM assessment_result "
                                 "WHERE level_id = rubric_level.id) "
                                 "FROM rubric_level WHERE rubric_id = ?1 ORDER BY position"
                               : "SELECT id, description, EXISTS (SELECT 1 FROM "
                                 "assessment_result WHERE criterion_id = rubric_criterion.id) "
                                 "FROM rubric_criterion WHERE rubric_id = ?1 ORDER BY position",
                               error);
  if (select == NULL)
    return FALSE;

  sqlite3_bind_int64 (select, 1, self->id);
  while ((rc = _acr_store_step (store, select, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      const char *name = (const char *) sqlite3_column_text (select, 1);

      if (g_hash_table_contains (keep, &id))
        continue;

      if (sqlite3_column_int (select, 2) != 0)
        {
          if (levels)
            g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                         _("The level “%s” cannot be removed because assessments use it. "
                           "Keep the level, or delete those assessments first."), name);
          else
            g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                         _("The criterion “%s” cannot be removed because assessments use it. "
                           "Keep the criterion, or delete those assessments first."), name);
          return FALSE;
        }

      g_array_append_val (gone, id);
    }
  if (rc < 0)
    return FALSE;

  for (guint i = 0; i < gone->len; i++)
    {
      g_autoptr(sqlite3_stmt) del = NULL;

      del = _acr_store_prepare (store,
                                levels ? "DELETE FROM rubric_level WHERE id = ?1"
                                       : "DELETE FROM rubric_criterion WHERE id = ?1",
                                error);
      if (del == NULL)
        return FALSE;
      sqlite3_bind_int64 (del, 1, g_array_index (gone, gint64, i));
      if (!_acr_store_run (store, del, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
exec_with_id (AcrStore    *store,
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

/* Writes the levels in order: updates rows that have an id, inserts the others. Fills
 * @level_ids with the id of each level, by index. */
static gboolean
write_levels (AcrRubric  *self,
              AcrStore   *store,
              gint64      rubric_id,
              gint64     *level_ids,
              GError    **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  update = _acr_store_prepare (store,
                               "UPDATE rubric_level SET position = ?3, name = ?4, points = ?5 "
                               "WHERE id = ?1 AND rubric_id = ?2", error);
  if (update == NULL)
    return FALSE;
  insert = _acr_store_prepare (store,
                               "INSERT INTO rubric_level (rubric_id, position, name, points) "
                               "VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n_levels (self); i++)
    {
      AcrRubricLevel *level = level_at (self, i);
      g_autofree char *name = g_strstrip (g_strdup (acr_rubric_level_get_name (level)));
      gint64 id = acr_rubric_level_get_id (level);

      if (id > 0)
        {
          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, id);
          sqlite3_bind_int64 (update, 2, rubric_id);
          sqlite3_bind_int (update, 3, (int) i + 1);
          _acr_bind_text (update, 4, name);
          sqlite3_bind_double (update, 5, acr_rubric_level_get_points (level));
          if (!_acr_store_run (store, update, error))
            return FALSE;
          if (_acr_store_changes (store) == 0)
            id = 0;   /* the row is gone: insert it anew */
        }

      if (id <= 0)
        {
          sqlite3_reset (insert);
          sqlite3_bind_int64 (insert, 1, rubric_id);
          sqlite3_bind_int (insert, 2, (int) i + 1);
          _acr_bind_text (insert, 3, name);
          sqlite3_bind_double (insert, 4, acr_rubric_level_get_points (level));
          if (!_acr_store_run (store, insert, error))
            return FALSE;
          id = _acr_store_last_insert_id (store);
        }

      level_ids[i] = id;
    }

  return TRUE;
}

static gboolean
write_criteria (AcrRubric  *self,
                AcrStore   *store,
                gint64      rubric_id,
                gint64     *criterion_ids,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  update = _acr_store_prepare (store,
                               "UPDATE rubric_criterion SET position = ?3, description = ?4, "
                               "weight = ?5 WHERE id = ?1 AND rubric_id = ?2", error);
  if (update == NULL)
    return FALSE;
  insert = _acr_store_prepare (store,
                               "INSERT INTO rubric_criterion (rubric_id, position, description, "
                               "weight) VALUES (?1, ?2, ?3, ?4)", error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; i < n_criteria (self); i++)
    {
      AcrRubricCriterion *criterion = criterion_at (self, i);
      g_autofree char *description =
        g_strstrip (g_strdup (acr_rubric_criterion_get_description (criterion)));
      gint64 id = acr_rubric_criterion_get_id (criterion);

      if (id > 0)
        {
          sqlite3_reset (update);
          sqlite3_bind_int64 (update, 1, id);
          sqlite3_bind_int64 (update, 2, rubric_id);
          sqlite3_bind_int (update, 3, (int) i + 1);
          _acr_bind_text (update, 4, description);
          sqlite3_bind_double (update, 5, acr_rubric_criterion_get_weight (criterion));
          if (!_acr_store_run (store, update, error))
            return FALSE;
          if (_acr_store_changes (store) == 0)
            id = 0;
        }

      if (id <= 0)
        {
          sqlite3_reset (insert);
          sqlite3_bind_int64 (insert, 1, rubric_id);
          sqlite3_bind_int (insert, 2, (int) i + 1);
          _acr_bind_text (insert, 3, description);
          sqlite3_bind_double (insert, 4, acr_rubric_criterion_get_weight (criterion));
          if (!_acr_store_run (store, insert, error))
            return FALSE;
          id = _acr_store_last_insert_id (store);
        }

      criterion_ids[i] = id;
    }

  return TRUE;
}

/* Cells and outcome links: deleted and written anew. */
static gboolean
write_cells_and_links (AcrRubric     *self,
                       AcrStore      *store,
                       gint64         rubric_id,
                       const gint64  *level_ids,
                       const gint64  *criterion_ids,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) cell = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;

  if (!exec_with_id (store,
                     "DELETE FROM rubric_cell WHERE criterion_id IN "
                     "(SELECT id FROM rubric_criterion WHERE rubric_id = ?1)", rubric_id, error) ||
      !exec_with_id (store,
                     "DELETE FROM rubric_criterion_outcome WHERE criterion_id IN "
                     "(SELECT id FROM rubric_criterion WHERE rubric_id = ?1)", rubric_id, error))
    return FALSE;

  cell = _acr_store_prepare (store,
                             "INSERT INTO rubric_cell (criterion_id, level_id, descriptor) "
                             "VALUES (?1, ?2, ?3)", error);
  if (cell == NULL)
    return FALSE;
  link = _acr_store_prepare (store,
                             "INSERT INTO rubric_criterion_outcome (criterion_id, outcome_id) "
                             "VALUES (?1, ?2)", error);
  if (link == NULL)
    return FALSE;

  for (guint c = 0; c < n_criteria (self); c++)
    {
      AcrRubricCriterion *criterion = criterion_at (self, c);
      GArray *outcomes = acr_rubric_criterion_get_outcome_ids (criterion);

      for (guint l = 0; l < n_levels (self); l++)
        {
          const char *descriptor = acr_rubric_get_cell (self, criterion, level_at (self, l));

          if (descriptor == NULL)
            continue;

          sqlite3_reset (cell);
          sqlite3_bind_int64 (cell, 1, criterion_ids[c]);
          sqlite3_bind_int64 (cell, 2, level_ids[l]);
          _acr_bind_text (cell, 3, descriptor);
          if (!_acr_store_run (store, cell, error))
            return FALSE;
        }

      for (guint o = 0; o < outcomes->len; o++)
        {
          sqlite3_reset (link);
          sqlite3_bind_int64 (link, 1, criterion_ids[c]);
          sqlite3_bind_int64 (link, 2, g_array_index (outcomes, gint64, o));
          if (!_acr_store_run (store, link, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
save_in_transaction (AcrRubric  *self,
                     AcrStore   *store,
                     gint64     *rubric_id_out,
                     gint64     *level_ids,
                     gint64     *criterion_ids,
                     GError    **error)
{
  g_auto(AcrRubricModuleInfo) module = { 0, };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) keep_levels = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) keep_criteria = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 rubric_id = self->id;
  gint64 other;

  if (!_acr_rubric_query_module (store, self->module_id, &module, error) ||
      !check_not_frozen (&module, error))
    return FALSE;

  if (rubric_id > 0)
    {
      gint64 stored_module = query_int64 (store, "SELECT module_id FROM rubric WHERE id = ?1",
                                          rubric_id, error);

      if (stored_module < 0)
        return FALSE;
      if (stored_module == 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                       _("There is no rubric with the number %lld. It may have been deleted "
                         "meanwhile."), (long long) rubric_id);
          return FALSE;
        }
      if (stored_module != self->module_id)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("A saved rubric cannot move to another module. Copy it to the other "
                         "module instead."));
          return FALSE;
        }
    }

  if (!check_outcomes (self, store, error))
    return FALSE;

  other = query_int64 (store, "SELECT id FROM rubric WHERE module_id = ?1",
                       self->module_id, error);
  if (other < 0)
    return FALSE;
  if (other > 0 && other != rubric_id)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                   _("The module “%s” (version %d) already has a rubric. Edit that rubric "
                     "instead."), module.code, module.version);
      return FALSE;
    }

  if (rubric_id > 0)
    stmt = _acr_store_prepare (store,
                               "UPDATE rubric SET title = ?2, pass_min_total = ?3, "
                               "pass_min_points = ?4 WHERE id = ?1", error);
  else
    stmt = _acr_store_prepare (store,
                               "INSERT INTO rubric (module_id, title, pass_min_total, "
                               "pass_min_points) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, rubric_id > 0 ? rubric_id : self->module_id);
  _acr_bind_text (stmt, 2, self->title != NULL ? self->title : "");
  _acr_bind_double (stmt, 3, self->pass_min_total > 0 ? self->pass_min_total : NAN);
  _acr_bind_double (stmt, 4, self->pass_min_points > 0 ? self->pass_min_points : NAN);
  if (!_acr_store_run (store, stmt, error))
    {
      if (g_error_matches (*error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (error);
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                       _("The module “%s” (version %d) already has a rubric. Edit that rubric "
                         "instead."), module.code, module.version);
        }
      return FALSE;
    }

  if (rubric_id <= 0)
    rubric_id = _acr_store_last_insert_id (store);
  else
    {
      /* Existing rubric: drop removed rows, then park the positions of the kept ones out of
       * the way of UNIQUE (rubric_id, position) while they are renumbered. */
      for (guint i = 0; i < n_levels (self); i++)
        {
          AcrRubricLevel *level = level_at (self, i);

          level_ids[i] = acr_rubric_level_get_id (level);
          if (level_ids[i] > 0)
            g_hash_table_add (keep_levels, &level_ids[i]);
        }
      for (guint i = 0; i < n_criteria (self); i++)
        {
          AcrRubricCriterion *criterion = criterion_at (self, i);

          criterion_ids[i] = acr_rubric_criterion_get_id (criterion);
          if (criterion_ids[i] > 0)
            g_hash_table_add (keep_criteria, &criterion_ids[i]);
        }

      if (!delete_removed (self, store, TRUE, keep_levels, error) ||
          !delete_removed (self, store, FALSE, keep_criteria, error) ||
          !exec_with_id (store, "UPDATE rubric_level SET position = -id WHERE rubric_id = ?1",
                         rubric_id, error) ||
          !exec_with_id (store,
                         "UPDATE rubric_criterion SET position = -id WHERE rubric_id = ?1",
                         rubric_id, error))
        return FALSE;
    }

  if (!write_levels (self, store, rubric_id, level_ids, error) ||
      !write_criteria (self, store, rubric_id, criterion_ids, error) ||
      !write_cells_and_links (self, store, rubric_id, level_ids, criterion_ids, error))
    return FALSE;

  *rubric_id_out = rubric_id;
  return TRUE;
}

gboolean
acr_rubric_save (AcrRubric  *self,
                 AcrStore   *store,
                 GError    **error)
{
  g_autofree gint64 *level_ids = NULL;
  g_autofree gint64 *criterion_ids = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 rubric_id = 0;

  g_return_val_if_fail (ACR_IS_RUBRIC (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_rubric_validate (self, error))
    return FALSE;

  level_ids = g_new0 (gint64, n_levels (self));
  criterion_ids = g_new0 (gint64, n_criteria (self));

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!save_in_transaction (self, store, &rubric_id, level_ids, criterion_ids, &local_error))
    {
      acr_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!acr_store_commit (store, error))
    return FALSE;

  /* Committed: now the objects take their ids. */
  for (guint i = 0; i < n_levels (self); i++)
    _acr_rubric_level_set_id (level_at (self, i), level_ids[i]);
  for (guint i = 0; i < n_criteria (self); i++)
    _acr_rubric_criterion_set_id (criterion_at (self, i), criterion_ids[i]);
  if (self->id != rubric_id)
    {
      self->id = rubric_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }

  return TRUE;
}

static gboolean
load_children (AcrRubric  *self,
               AcrStore   *store,
               GError    **error)
{
  g_autoptr(sqlite3_stmt) levels = NULL;
  g_autoptr(sqlite3_stmt) criteria = NULL;
  g_autoptr(sqlite3_stmt) cells = NULL;
  g_autoptr(sqlite3_stmt) links = NULL;
  int rc;

  levels = _acr_store_prepare (store,
                               "SELECT id, name, points FROM rubric_level WHERE rubric_id = ?1 "
                               "ORDER BY position, id", error);
  if (levels == NULL)
    return FALSE;
  sqlite3_bind_int64 (levels, 1, self->id);
  while ((rc = _acr_store_step (store, levels, error)) == SQLITE_ROW)
    {
      AcrRubricLevel *level = acr_rubric_add_level (self,
                                                    (const char *) sqlite3_column_text (levels, 1),
                                                    sqlite3_column_double (levels, 2));

      _acr_rubric_level_set_id (level, sqlite3_column_int64 (levels, 0));
    }
  if (rc < 0)
    return FALSE;

  criteria = _acr_store_prepare (store,
                                 "SELECT id, description, weight FROM rubric_criterion "
                                 "WHERE rubric_id = ?1 ORDER BY position, id", error);
  if (criteria == NULL)
    return FALSE;
  sqlite3_bind_int64 (criteria, 1, self->id);
  while ((rc = _acr_store_step (store, criteria, error)) == SQLITE_ROW)
    {
      AcrRubricCriterion *criterion =
        acr_rubric_add_criterion (self, (const char *) sqlite3_column_text (criteria, 1),
                                  sqlite3_column_double (criteria, 2));

      _acr_rubric_criterion_set_id (criterion, sqlite3_column_int64 (criteria, 0));
    }
  if (rc < 0)
    return FALSE;

  cells = _acr_store_prepare (store,
                              "SELECT c.criterion_id, c.level_id, c.descriptor "
                              "FROM rubric_cell c JOIN rubric_criterion r ON r.id = c.criterion_id "
                              "WHERE r.rubric_id = ?1", error);
  if (cells == NULL)
    return FALSE;
  sqlite3_bind_int64 (cells, 1, self->id);
  while ((rc = _acr_store_step (store, cells, error)) == SQLITE_ROW)
    {
      AcrRubricCriterion *criterion = acr_rubric_find_criterion (self,
                                                                 sqlite3_column_int64 (cells, 0));
      AcrRubricLevel *level = acr_rubric_find_level (self, sqlite3_column_int64 (cells, 1));

      /* A cell of a level of another rubric would be a damaged row: skip it. */
      if (criterion != NULL && level != NULL)
        acr_rubric_set_cell (self, criterion, level, (const char *) sqlite3_column_text (cells, 2));
    }
  if (rc < 0)
    return FALSE;

  links = _acr_store_prepare (store,
                              "SELECT o.criterion_id, o.outcome_id "
                              "FROM rubric_criterion_outcome o "
                              "JOIN rubric_criterion r ON r.id = o.criterion_id "
                              "JOIN learning_outcome lo ON lo.id = o.outcome_id "
                              "WHERE r.rubric_id = ?1 ORDER BY r.position, lo.position, lo.id",
                              error);
  if (links == NULL)
    return FALSE;
  sqlite3_bind_int64 (links, 1, self->id);
  while ((rc = _acr_store_step (store, links, error)) == SQLITE_ROW)
    {
      AcrRubricCriterion *criterion = acr_rubric_find_criterion (self,
                                                                 sqlite3_column_int64 (links, 0));

      if (criterion != NULL)
        acr_rubric_criterion_add_outcome_id (criterion, sqlite3_column_int64 (links, 1));
    }

  return rc == SQLITE_DONE;
}

AcrRubric *
acr_rubric_load (AcrStore  *store,
                 gint64     id,
                 GError   **error)
{
  g_autoptr(AcrRubric) self = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double value;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _acr_store_prepare (store,
                             "SELECT module_id, title, pass_min_total, pass_min_points "
                             "FROM rubric WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no rubric with the number %lld."), (long long) id);
      return NULL;
    }

  self = acr_rubric_new ();
  self->id = id;
  self->module_id = sqlite3_column_int64 (stmt, 0);
  self->title = _acr_column_dup (stmt, 1);
  value = _acr_column_double (stmt, 2);
  self->pass_min_total = isnan (value) ? 0 : value;
  value = _acr_column_double (stmt, 3);
  self->pass_min_points = isnan (value) ? 0 : value;

  if (!load_children (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

AcrRubric *
acr_rubric_load_for_module (AcrStore  *store,
                            gint64     module_id,
                            GError   **error)
{
  g_auto(AcrRubricModuleInfo) module = { 0, };
  gint64 id;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_acr_rubric_query_module (store, module_id, &module, error))
    return NULL;

  id = query_int64 (store, "SELECT id FROM rubric WHERE module_id = ?1", module_id, error);
  if (id < 0)
    return NULL;
  if (id == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("The module “%s” (version %d) has no rubric."),
                   module.code, module.version);
      return NULL;
    }

  return acr_rubric_load (store, id, error);
}

static gboolean
delete_in_transaction (AcrStore  *store,
                       gint64     id,
                       GError   **error)
{
  g_auto(AcrRubricModuleInfo) module = { 0, };
  gint64 module_id;
  gint64 used;

  module_id = query_int64 (store, "SELECT module_id FROM rubric WHERE id = ?1", id, error);
  if (module_id < 0)
    return FALSE;
  if (module_id == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no rubric with the number %lld."), (long long) id);
      return FALSE;
    }

  if (!_acr_rubric_query_module (store, module_id, &module, error) ||
      !check_not_frozen (&module, error))
    return FALSE;

  used = query_int64 (store,
                      "SELECT EXISTS (SELECT 1 FROM assessment_result r "
                      "JOIN rubric_criterion c ON c.id = r.criterion_id WHERE c.rubric_id = ?1)",
                      id, error);
  if (used < 0)
    return FALSE;
  if (used > 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   _("The rubric of the module “%s” (version %d) cannot be deleted because "
                     "assessments use it."), module.code, module.version);
      return FALSE;
    }

  return exec_with_id (store, "DELETE FROM rubric WHERE id = ?1", id, error);
}

gboolean
acr_rubric_delete (AcrStore  *store,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!delete_in_transaction (store, id, &local_error))
    {
      acr_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return acr_store_commit (store, error);
}

static gpointer
rubric_from_row (AcrStore     *store,
                 sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sqlite3_column_int64 (stmt, 0);
  AcrRubric *rubric = acr_rubric_load (store, id, &error);

  if (rubric == NULL)
    {
      g_warning ("Could not read rubric %" PRId64 ": %s", id, error->message);
      rubric = acr_rubric_new ();
      rubric->id = id;
    }

  return rubric;
}

AcrPagedList *
acr_rubric_list (AcrStore   *store,
                 const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_RUBRIC,
                                "SELECT r.id FROM rubric r JOIN module m ON m.id = r.module_id "
                                "ORDER BY r.title COLLATE NOCASE, m.code, m.version, r.id",
                                NULL, rubric_from_row);

  pattern = like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_RUBRIC,
                              "SELECT r.id FROM rubric r JOIN module m ON m.id = r.module_id "
                              "WHERE r.title LIKE ?1 ESCAPE '\\' OR m.code LIKE ?1 ESCAPE '\\' "
                              "OR m.title LIKE ?1 ESCAPE '\\' "
                              "ORDER BY r.title COLLATE NOCASE, m.code, m.version, r.id",
                              params, rubric_from_row);
}

/* The outcome of @to_module_id at the position @outcome_id has in its own module; 0 if none. */
static gint64
map_outcome (AcrStore  *store,
             gint64     outcome_id,
             gint64     to_module_id,
             int       *position,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT s.position, t.id FROM learning_outcome s "
                             "LEFT JOIN learning_outcome t "
                             "ON t.module_id = ?2 AND t.position = s.position "
                             "WHERE s.id = ?1", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, outcome_id);
  sqlite3_bind_int64 (stmt, 2, to_module_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return -1;
  if (rc != SQLITE_ROW)
    return 0;

  *position = sqlite3_column_int (stmt, 0);
  return sqlite3_column_int64 (stmt, 1);
}

static gboolean
copy_in_transaction (AcrStore  *store,
                     gint64     from_module_id,
                     gint64     to_module_id,
                     GError   **error)
{
  g_auto(AcrRubricModuleInfo) target = { 0, };
  g_autoptr(AcrRubric) from = NULL;
  g_autoptr(AcrRubric) copy = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!_acr_rubric_query_module (store, to_module_id, &target, error))
    return FALSE;

  from = acr_rubric_load_for_module (store, from_module_id, &local_error);
  if (from == NULL)
    {
      AcrRubricModuleInfo source = { 0, };
      gboolean source_exists;

      /* No rubric to copy is fine, a missing source module is not. */
      source_exists = _acr_rubric_query_module (store, from_module_id, &source, NULL);
      _acr_rubric_module_info_clear (&source);
      if (source_exists && g_error_matches (local_error, ACR_STORE_ERROR,
                                            ACR_STORE_ERROR_NOT_FOUND))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  copy = acr_rubric_new ();
  acr_rubric_set_module_id (copy, to_module_id);
  acr_rubric_set_title (copy, from->title);
  acr_rubric_set_pass_min_total (copy, from->pass_min_total);
  acr_rubric_set_pass_min_points (copy, from->pass_min_points);

  for (guint i = 0; i < n_levels (from); i++)
    {
      AcrRubricLevel *level = level_at (from, i);

      acr_rubric_add_level (copy, acr_rubric_level_get_name (level),
                            acr_rubric_level_get_points (level));
    }

  for (guint c = 0; c < n_criteria (from); c++)
    {
      AcrRubricCriterion *source = criterion_at (from, c);
      AcrRubricCriterion *criterion;
      GArray *outcomes = acr_rubric_criterion_get_outcome_ids (source);

      criterion = acr_rubric_add_criterion (copy, acr_rubric_criterion_get_description (source),
                                            acr_rubric_criterion_get_weight (source));

      for (guint l = 0; l < n_levels (from); l++)
        acr_rubric_set_cell (copy, criterion, level_at (copy, l),
                             acr_rubric_get_cell (from, source, level_at (from, l)));

      for (guint o = 0; o < outcomes->len; o++)
        {
          int position = 0;
          gint64 mapped = map_outcome (store, g_array_index (outcomes, gint64, o), to_module_id,
                                       &position, error);

          if (mapped < 0)
            return FALSE;
          if (mapped == 0)
            {
              g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("The module “%s” (version %d) has no learning outcome at position "
                             "%d, which the criterion “%s” assesses. Copy the outcomes first."),
                           target.code, target.version, position,
                           acr_rubric_criterion_get_description (source));
              return FALSE;
            }

          acr_rubric_criterion_add_outcome_id (criterion, mapped);
        }
    }

  return acr_rubric_save (copy, store, error);
}

gboolean
acr_rubric_copy_to_module (AcrStore  *store,
                           gint64     from_module_id,
                           gint64     to_module_id,
                           GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!copy_in_transaction (store, from_module_id, to_module_id, &local_error))
    {
      acr_store_rollback (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return acr_store_commit (store, error);
}
