/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFramework: a qualification framework (EQF, DQR, NQR-AT, NQF-CH or a custom one) with
 * its dimensions, levels and level descriptors (tables framework, framework_dimension,
 * framework_level, framework_descriptor).
 *
 * The framework owns its children: they are loaded with it and saved with it, in one
 * transaction that replaces all child rows, so the database always holds a framework as
 * it was last saved as a whole. Rules it keeps: a code of 1 to 32 uppercase letters, digits
 * and '-', unique; German and English titles; levels numbered 1 to 8, each once, each
 * referenced to an EQF level 1 to 8 (its own number for the EQF itself, of which there is
 * at most one); dimension codes unique, and descriptors only for dimensions that exist. A
 * save that would remove a level to which modules are assigned is refused, and so is
 * deleting a framework to which modules are assigned (module_level names a framework and a
 * level number, not a level row). */

#define G_LOG_DOMAIN "acr-framework"

#include "config.h"

#include <string.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "acr-audit-private.h"
#include "acr-framework.h"
#include "acr-framework-private.h"
#include "acr-paged-list-private.h"
#include "acr-store-private.h"
#include "acr-validate.h"

#define MAX_LEVEL 8

struct _AcrFramework
{
  GObject     parent_instance;

  gint64      id;
  char       *code;
  char       *title_de;
  char       *title_en;
  char       *country;
  char       *version;
  char       *uri;
  char       *created_at;
  char       *updated_at;
  GListStore *dimensions;
  GListStore *levels;
  guint       is_eqf : 1;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_TITLE_DE,
  PROP_TITLE_EN,
  PROP_COUNTRY,
  PROP_VERSION,
  PROP_URI,
  PROP_IS_EQF,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define SELECT_COLUMNS \
  "SELECT id, code, title_de, title_en, country, version, uri, is_eqf, created_at, " \
  "updated_at FROM framework "

G_DEFINE_FINAL_TYPE (AcrFramework, acr_framework, G_TYPE_OBJECT)

static gboolean
code_is_valid (const char *code)
{
  gsize len = strlen (code);

  if (len < 1 || len > 32)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (code[i]) && !g_ascii_isdigit (code[i]) && code[i] != '-')
      return FALSE;

  return TRUE;
}

static gboolean
dimension_code_is_valid (const char *code)
{
  gsize len = strlen (code);

  if (len < 1 || len > 32)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (code[i]) && code[i] != '-' && code[i] != '_')
      return FALSE;

  return TRUE;
}

static void
set_string_prop (AcrFramework  *self,
                 char         **field,
                 const char    *value,
                 int            prop)
{
  if (_acr_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gpointer
framework_from_row (AcrStore     *store,
                    sqlite3_stmt *stmt)
{
  AcrFramework *self = acr_framework_new ();

  self->id = sqlite3_column_int64 (stmt, 0);
  self->code = _acr_column_dup (stmt, 1);
  self->title_de = _acr_column_dup (stmt, 2);
  self->title_en = _acr_column_dup (stmt, 3);
  self->country = _acr_column_dup (stmt, 4);
  g_free (self->version);
  self->version = _acr_column_dup (stmt, 5);
  self->uri = _acr_column_dup (stmt, 6);
  self->is_eqf = sqlite3_column_int (stmt, 7) != 0;
  self->created_at = _acr_column_dup (stmt, 8);
  self->updated_at = _acr_column_dup (stmt, 9);

  return self;
}

static gboolean
load_children (AcrFramework  *self,
               AcrStore      *store,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) dims = NULL;
  g_autoptr(sqlite3_stmt) levels = NULL;
  g_autoptr(sqlite3_stmt) descs = NULL;
  int rc;

  dims = _acr_store_prepare (store,
                             "SELECT id, code, position, title_de, title_en "
                             "FROM framework_dimension WHERE framework_id = ?1 "
                             "ORDER BY position, id", error);
  if (dims == NULL)
    return FALSE;

  sqlite3_bind_int64 (dims, 1, self->id);
  while ((rc = _acr_store_step (store, dims, error)) == SQLITE_ROW)
    {
      g_autoptr(AcrFrameworkDimension) dim = acr_framework_dimension_new ();

      _acr_framework_dimension_set_id (dim, sqlite3_column_int64 (dims, 0));
      acr_framework_dimension_set_code (dim, (const char *) sqlite3_column_text (dims, 1));
      acr_framework_dimension_set_position (dim, sqlite3_column_int (dims, 2));
      acr_framework_dimension_set_title_de (dim, (const char *) sqlite3_column_text (dims, 3));
      acr_framework_dimension_set_title_en (dim, (const char *) sqlite3_column_text (dims, 4));
      g_list_store_append (self->dimensions, dim);
    }
  if (rc < 0)
    return FALSE;

  levels = _acr_store_prepare (store,
                               "SELECT id, level, label, eqf_level, examples_de, examples_en "
                               "FROM framework_level WHERE framework_id = ?1 "
                               "ORDER BY level, id", error);
  if (levels == NULL)
    return FALSE;

  sqlite3_bind_int64 (levels, 1, self->id);
  while ((rc = _acr_store_step (store, levels, error)) == SQLITE_ROW)
    {
      g_autoptr(AcrFrameworkLevel) level = acr_framework_level_new ();

      _acr_framework_level_set_id (level, sqlite3_column_int64 (levels, 0));
      acr_framework_level_set_level (level, sqlite3_column_int (levels, 1));
      acr_framework_level_set_label (level, (const char *) sqlite3_column_text (levels, 2));
      acr_framework_level_set_eqf_level (level, sqlite3_column_int (levels, 3));
      acr_framework_level_set_examples_de (level,
                                           (const char *) sqlite3_column_text (levels, 4));
      acr_framework_level_set_examples_en (level,
                                           (const char *) sqlite3_column_text (levels, 5));
      g_list_store_append (self->levels, level);
    }
  if (rc < 0)
    return FALSE;

  descs = _acr_store_prepare (store,
                              "SELECT d.level_id, dim.code, d.lang, d.text "
                              "FROM framework_descriptor d "
                              "JOIN framework_dimension dim ON dim.id = d.dimension_id "
                              "JOIN framework_level l ON l.id = d.level_id "
                              "WHERE l.framework_id = ?1", error);
  if (descs == NULL)
    return FALSE;

  sqlite3_bind_int64 (descs, 1, self->id);
  while ((rc = _acr_store_step (store, descs, error)) == SQLITE_ROW)
    {
      gint64 level_id = sqlite3_column_int64 (descs, 0);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->levels));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (G_LIST_MODEL (self->levels),
                                                                     i);

          if (acr_framework_level_get_id (level) == level_id)
            {
              acr_framework_level_set_descriptor (level,
                                                  (const char *) sqlite3_column_text (descs, 1),
                                                  (const char *) sqlite3_column_text (descs, 2),
                                                  (const char *) sqlite3_column_text (descs, 3));
              break;
            }
        }
    }

  return rc == SQLITE_DONE;
}

static gpointer
framework_from_row_with_children (AcrStore     *store,
                                  sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;
  AcrFramework *self = framework_from_row (store, stmt);

  /* A list has no error channel: the item stays, without its children. */
  if (!load_children (self, store, &error))
    g_warning ("Could not read the levels of the framework “%s”: %s",
               self->code, error->message);

  return self;
}

static void
acr_framework_finalize (GObject *object)
{
  AcrFramework *self = (AcrFramework *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title_de, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_object (&self->dimensions);
  g_clear_object (&self->levels);

  G_OBJECT_CLASS (acr_framework_parent_class)->finalize (object);
}

static void
acr_framework_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AcrFramework *self = ACR_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE_DE:
      g_value_set_string (value, self->title_de);
      break;
    case PROP_TITLE_EN:
      g_value_set_string (value, self->title_en);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    case PROP_IS_EQF:
      g_value_set_boolean (value, self->is_eqf);
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
acr_framework_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AcrFramework *self = ACR_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_CODE:
      acr_framework_set_code (self, g_value_get_string (value));
      break;
    case PROP_TITLE_DE:
      acr_framework_set_title_de (self, g_value_get_string (value));
      break;
    case PROP_TITLE_EN:
      acr_framework_set_title_en (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      acr_framework_set_country (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      acr_framework_set_version (self, g_value_get_string (value));
      break;
    case PROP_URI:
      acr_framework_set_uri (self, g_value_get_string (value));
      break;
    case PROP_IS_EQF:
      acr_framework_set_is_eqf (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_class_init (AcrFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_framework_finalize;
  object_class->get_property = acr_framework_get_property;
  object_class->set_property = acr_framework_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_TITLE_DE] = g_param_spec_string ("title-de", NULL, NULL, NULL, rw);
  properties[PROP_TITLE_EN] = g_param_spec_string ("title-en", NULL, NULL, NULL, rw);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, rw);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, "1", rw);
  properties[PROP_URI] = g_param_spec_string ("uri", NULL, NULL, NULL, rw);
  properties[PROP_IS_EQF] = g_param_spec_boolean ("is-eqf", NULL, NULL, FALSE, rw);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_UPDATED_AT] = g_param_spec_string ("updated-at", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_framework_init (AcrFramework *self)
{
  self->version = g_strdup ("1");
  self->dimensions = g_list_store_new (ACR_TYPE_FRAMEWORK_DIMENSION);
  self->levels = g_list_store_new (ACR_TYPE_FRAMEWORK_LEVEL);
}

AcrFramework *
acr_framework_new (void)
{
  return g_object_new (ACR_TYPE_FRAMEWORK, NULL);
}

gint64
acr_framework_get_id (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), 0);

  return self->id;
}

const char *
acr_framework_get_code (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->code;
}

void
acr_framework_set_code (AcrFramework *self,
                        const char   *code)
{
  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  set_string_prop (self, &self->code, code, PROP_CODE);
}

const char *
acr_framework_get_title_de (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->title_de;
}

void
acr_framework_set_title_de (AcrFramework *self,
                            const char   *title_de)
{
  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  set_string_prop (self, &self->title_de, title_de, PROP_TITLE_DE);
}

const char *
acr_framework_get_title_en (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->title_en;
}

void
acr_framework_set_title_en (AcrFramework *self,
                            const char   *title_en)
{
  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  set_string_prop (self, &self->title_en, title_en, PROP_TITLE_EN);
}

const char *
acr_framework_get_country (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->country;
}

void
acr_framework_set_country (AcrFramework *self,
                           const char   *country)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  normal = _acr_normalize_country (country);
  set_string_prop (self, &self->country, normal, PROP_COUNTRY);
}

const char *
acr_framework_get_version (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->version;
}

void
acr_framework_set_version (AcrFramework *self,
                           const char   *version)
{
  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  set_string_prop (self, &self->version, version, PROP_VERSION);
}

const char *
acr_framework_get_uri (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->uri;
}

void
acr_framework_set_uri (AcrFramework *self,
                       const char   *uri)
{
  g_autofree char *copy = NULL;

  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  copy = _acr_dup_nonempty (uri);
  set_string_prop (self, &self->uri, copy, PROP_URI);
}

gboolean
acr_framework_get_is_eqf (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), FALSE);

  return self->is_eqf;
}

void
acr_framework_set_is_eqf (AcrFramework *self,
                          gboolean      is_eqf)
{
  g_return_if_fail (ACR_IS_FRAMEWORK (self));

  is_eqf = !!is_eqf;
  if (self->is_eqf == (guint) is_eqf)
    return;

  self->is_eqf = is_eqf;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_EQF]);
}

const char *
acr_framework_get_created_at (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->created_at;
}

const char *
acr_framework_get_updated_at (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return self->updated_at;
}

GListModel *
acr_framework_get_dimensions (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->dimensions);
}

GListModel *
acr_framework_get_levels (AcrFramework *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->levels);
}

void
acr_framework_add_dimension (AcrFramework          *self,
                             AcrFrameworkDimension *dimension)
{
  GListModel *model;
  guint n;
  int position;

  g_return_if_fail (ACR_IS_FRAMEWORK (self));
  g_return_if_fail (ACR_IS_FRAMEWORK_DIMENSION (dimension));

  model = G_LIST_MODEL (self->dimensions);
  n = g_list_model_get_n_items (model);
  position = acr_framework_dimension_get_position (dimension);

  if (position <= 0)
    {
      int last = (int) n;

      if (n > 0)
        {
          g_autoptr(AcrFrameworkDimension) tail = g_list_model_get_item (model, n - 1);

          last = MAX (last, acr_framework_dimension_get_position (tail));
        }

      acr_framework_dimension_set_position (dimension, last + 1);
      g_list_store_append (self->dimensions, dimension);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkDimension) other = g_list_model_get_item (model, i);

      if (acr_framework_dimension_get_position (other) >= position)
        {
          g_list_store_insert (self->dimensions, i, dimension);
          return;
        }
    }

  g_list_store_append (self->dimensions, dimension);
}

void
acr_framework_add_level (AcrFramework      *self,
                         AcrFrameworkLevel *level)
{
  GListModel *model;
  guint n;
  int number;

  g_return_if_fail (ACR_IS_FRAMEWORK (self));
  g_return_if_fail (ACR_IS_FRAMEWORK_LEVEL (level));

  model = G_LIST_MODEL (self->levels);
  n = g_list_model_get_n_items (model);
  number = acr_framework_level_get_level (level);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkLevel) other = g_list_model_get_item (model, i);

      if (acr_framework_level_get_level (other) > number)
        {
          g_list_store_insert (self->levels, i, level);
          return;
        }
    }

  g_list_store_append (self->levels, level);
}

static gboolean
find_dimension (AcrFramework *self,
                const char   *code,
                guint        *position)
{
  GListModel *model = G_LIST_MODEL (self->dimensions);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (model, i);

      if (g_strcmp0 (acr_framework_dimension_get_code (dim), code) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
find_level (AcrFramework *self,
            int           level,
            guint        *position)
{
  GListModel *model = G_LIST_MODEL (self->levels);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkLevel) item = g_list_model_get_item (model, i);

      if (acr_framework_level_get_level (item) == level)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
acr_framework_remove_dimension (AcrFramework *self,
                                const char   *code)
{
  GListModel *levels;
  guint position;
  guint n;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  if (!find_dimension (self, code, &position))
    return FALSE;

  g_list_store_remove (self->dimensions, position);

  levels = G_LIST_MODEL (self->levels);
  n = g_list_model_get_n_items (levels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);

      _acr_framework_level_remove_dimension (level, code);
    }

  return TRUE;
}

gboolean
acr_framework_remove_level (AcrFramework *self,
                            int           level)
{
  guint position;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), FALSE);

  if (!find_level (self, level, &position))
    return FALSE;

  g_list_store_remove (self->levels, position);
  return TRUE;
}

AcrFrameworkDimension *
acr_framework_get_dimension (AcrFramework *self,
                             const char   *code)
{
  g_autoptr(AcrFrameworkDimension) dim = NULL;
  guint position;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  if (!find_dimension (self, code, &position))
    return NULL;

  /* The list keeps its own reference. */
  dim = g_list_model_get_item (G_LIST_MODEL (self->dimensions), position);
  return dim;
}

AcrFrameworkLevel *
acr_framework_get_level (AcrFramework *self,
                         int           level)
{
  g_autoptr(AcrFrameworkLevel) item = NULL;
  guint position;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), NULL);

  if (!find_level (self, level, &position))
    return NULL;

  /* The list keeps its own reference. */
  item = g_list_model_get_item (G_LIST_MODEL (self->levels), position);
  return item;
}

static gboolean
validate_dimensions (AcrFramework  *self,
                     GHashTable    *codes,
                     GError       **error)
{
  GListModel *model = G_LIST_MODEL (self->dimensions);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (model, i);
      const char *code = acr_framework_dimension_get_code (dim);

      if (_acr_is_blank (code))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("A dimension of the framework “%s” has no code. Give each dimension a "
                         "short code such as “knowledge”."), self->code);
          return FALSE;
        }

      if (!dimension_code_is_valid (code))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("“%s” is not a dimension code. Use up to 32 letters, digits, “-” and "
                         "“_” without spaces, such as “knowledge”."), code);
          return FALSE;
        }

      if (!g_hash_table_add (codes, (gpointer) code))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The framework “%s” has two dimensions with the code “%s”. Give each "
                         "dimension its own code."), self->code, code);
          return FALSE;
        }

      if (_acr_is_blank (acr_framework_dimension_get_title_de (dim)))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The dimension “%s” of the framework “%s” needs a German title."),
                       code, self->code);
          return FALSE;
        }

      if (_acr_is_blank (acr_framework_dimension_get_title_en (dim)))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The dimension “%s” of the framework “%s” needs an English title."),
                       code, self->code);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
validate_levels (AcrFramework  *self,
                 GHashTable    *codes,
                 GError       **error)
{
  GListModel *model = G_LIST_MODEL (self->levels);
  guint n = g_list_model_get_n_items (model);
  gboolean seen[MAX_LEVEL + 1] = { FALSE, };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (model, i);
      int number = acr_framework_level_get_level (level);
      int eqf = acr_framework_level_get_eqf_level (level);
      const char *unknown;
      const char *bad_lang;

      if (number < 1 || number > MAX_LEVEL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The framework “%s” cannot have a level %d. Levels are numbered 1 to "
                         "8."), self->code, number);
          return FALSE;
        }

      if (seen[number])
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The framework “%s” has the level %d twice. Each level may appear "
                         "only once."), self->code, number);
          return FALSE;
        }
      seen[number] = TRUE;

      if (acr_framework_level_get_label (level) != NULL &&
          _acr_is_blank (acr_framework_level_get_label (level)))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level %d of the framework “%s” has a blank label. Write how the "
                         "framework names the level, such as “4” or “IV”, or leave it "
                         "empty."), number, self->code);
          return FALSE;
        }

      if (eqf == 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level %d of the framework “%s” is not referenced to an EQF level. "
                         "Give the EQF level (1 to 8) it corresponds to."),
                       number, self->code);
          return FALSE;
        }

      if (eqf < 1 || eqf > MAX_LEVEL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level %d of the framework “%s” cannot be referenced to the EQF "
                         "level %d. EQF levels are numbered 1 to 8."),
                       number, self->code, eqf);
          return FALSE;
        }

      if (self->is_eqf && eqf != number)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level %d of the EQF “%s” is referenced to the EQF level %d. In "
                         "the EQF itself every level is its own EQF level."),
                       number, self->code, eqf);
          return FALSE;
        }

      unknown = _acr_framework_level_find_unknown_dimension (level, codes);
      if (unknown != NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level %d of the framework “%s” has a descriptor for the dimension "
                         "“%s”, which the framework does not have. Add the dimension or remove "
                         "the descriptor."), number, self->code, unknown);
          return FALSE;
        }

      bad_lang = _acr_framework_level_find_bad_lang (level);
      if (bad_lang != NULL)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("The level %d of the framework “%s” has a descriptor in “%s”, which is "
                         "not a language code. Use a code such as “de” or “en”."),
                       number, self->code, bad_lang);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
acr_framework_validate (AcrFramework  *self,
                        GError       **error)
{
  g_autoptr(GHashTable) codes = NULL;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (_acr_is_blank (self->code))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The framework needs a code such as “DQR”: 1 to 32 uppercase letters, "
                     "digits and “-”."));
      return FALSE;
    }

  if (!code_is_valid (self->code))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a framework code. Use 1 to 32 uppercase letters, digits and "
                     "“-”, such as “NQR-AT”."), self->code);
      return FALSE;
    }

  if (_acr_is_blank (self->title_de))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The framework “%s” needs a German title."), self->code);
      return FALSE;
    }

  if (_acr_is_blank (self->title_en))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The framework “%s” needs an English title."), self->code);
      return FALSE;
    }

  if (_acr_is_blank (self->version))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The framework “%s” needs a version, such as “1” or “2017”."),
                   self->code);
      return FALSE;
    }

  if (self->country != NULL && !_acr_validate_country (self->country))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a country code. Give the two-letter ISO 3166 code of the "
                     "country of the framework “%s”, such as “DE”, or leave it empty."),
                   self->country, self->code);
      return FALSE;
    }

  if (self->uri != NULL && !_acr_validate_uri (self->uri))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("“%s” is not a web address. Give the URI of the framework “%s” starting "
                     "with “http://” or “https://”, or leave it empty."),
                   self->uri, self->code);
      return FALSE;
    }

  codes = g_hash_table_new (g_str_hash, g_str_equal);
  return validate_dimensions (self, codes, error) && validate_levels (self, codes, error);
}

/* Refuses a second EQF. */
static gboolean
check_single_eqf (AcrFramework  *self,
                  AcrStore      *store,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT code FROM framework WHERE is_eqf = 1 AND id != ?1 LIMIT 1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                   _("The framework “%s” is already the EQF itself, and there can be only one. "
                     "Save “%s” as a framework referenced to the EQF instead."),
                   (const char *) sqlite3_column_text (stmt, 0), self->code);
      return FALSE;
    }

  return TRUE;
}

/* Refuses a save that drops a level to which modules are assigned. */
static gboolean
check_removed_levels (AcrFramework  *self,
                      AcrStore      *store,
                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT level, count(DISTINCT module_id) "
                                         "FROM module_level "
                                         "WHERE framework_id = ?1 AND level NOT IN (");
  GListModel *model = G_LIST_MODEL (self->levels);
  guint n = g_list_model_get_n_items (model);
  int rc;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (model, i);

      /* Validated numbers 1 to 8: safe to write into the statement. */
      g_string_append_printf (sql, "%s%d", i > 0 ? ", " : "",
                              acr_framework_level_get_level (level));
    }
  g_string_append (sql, ") GROUP BY level ORDER BY level LIMIT 1");

  stmt = _acr_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  if (rc == SQLITE_ROW)
    {
      int level = sqlite3_column_int (stmt, 0);
      int n_modules = sqlite3_column_int (stmt, 1);

      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The level %d of the framework “%s” cannot be removed: %d module "
                                "is assigned to it. Assign the module to another level first.",
                                "The level %d of the framework “%s” cannot be removed: %d "
                                "modules are assigned to it. Assign them to another level first.",
                                n_modules),
                   level, self->code, n_modules);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  AcrStore     *store;
  sqlite3_stmt *stmt;
  GHashTable   *dimension_ids;   /* code → gint64* */
  gint64        level_id;
  GError       *error;
} DescriptorWriter;

static void
write_descriptor_cb (const char *dimension_code,
                     const char *lang,
                     const char *text,
                     gpointer    user_data)
{
  DescriptorWriter *w = user_data;
  gint64 *dimension_id;

  if (w->error != NULL)
    return;

  /* Validation saw to it that every descriptor's dimension exists. */
  dimension_id = g_hash_table_lookup (w->dimension_ids, dimension_code);
  g_assert (dimension_id != NULL);

  sqlite3_reset (w->stmt);
  sqlite3_bind_int64 (w->stmt, 1, w->level_id);
  sqlite3_bind_int64 (w->stmt, 2, *dimension_id);
  _acr_bind_text (w->stmt, 3, lang);
  _acr_bind_text (w->stmt, 4, text);
  _acr_store_run (w->store, w->stmt, &w->error);
}

/* Replaces the child rows; fills @dim_ids and @level_ids in list order. */
static gboolean
write_children (AcrFramework  *self,
                AcrStore      *store,
                gint64         framework_id,
                GArray        *dim_ids,
                GArray        *level_ids,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) dim_stmt = NULL;
  g_autoptr(sqlite3_stmt) level_stmt = NULL;
  g_autoptr(sqlite3_stmt) desc_stmt = NULL;
  g_autoptr(GHashTable) dimension_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *dims = G_LIST_MODEL (self->dimensions);
  GListModel *levels = G_LIST_MODEL (self->levels);
  guint n_dims = g_list_model_get_n_items (dims);
  guint n_levels = g_list_model_get_n_items (levels);

  clear = _acr_store_prepare (store,
                              "DELETE FROM framework_descriptor WHERE level_id IN "
                              "(SELECT id FROM framework_level WHERE framework_id = ?1)", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, framework_id);
  if (!_acr_store_run (store, clear, error))
    return FALSE;
  g_clear_pointer (&clear, sqlite3_finalize);

  clear = _acr_store_prepare (store, "DELETE FROM framework_level WHERE framework_id = ?1",
                              error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, framework_id);
  if (!_acr_store_run (store, clear, error))
    return FALSE;
  g_clear_pointer (&clear, sqlite3_finalize);

  clear = _acr_store_prepare (store, "DELETE FROM framework_dimension WHERE framework_id = ?1",
                              error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, framework_id);
  if (!_acr_store_run (store, clear, error))
    return FALSE;

  dim_stmt = _acr_store_prepare (store,
                                 "INSERT INTO framework_dimension (framework_id, code, position, "
                                 "title_de, title_en) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (dim_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_dims; i++)
    {
      g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (dims, i);
      gint64 id;

      sqlite3_reset (dim_stmt);
      sqlite3_bind_int64 (dim_stmt, 1, framework_id);
      _acr_bind_text (dim_stmt, 2, acr_framework_dimension_get_code (dim));
      sqlite3_bind_int (dim_stmt, 3, (int) i + 1);
      _acr_bind_text (dim_stmt, 4, acr_framework_dimension_get_title_de (dim));
      _acr_bind_text (dim_stmt, 5, acr_framework_dimension_get_title_en (dim));
      if (!_acr_store_run (store, dim_stmt, error))
        return FALSE;

      id = _acr_store_last_insert_id (store);
      g_array_append_val (dim_ids, id);
    }

  /* The array is complete: pointers into it stay valid from here on. */
  for (guint i = 0; i < n_dims; i++)
    {
      g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (dims, i);

      g_hash_table_insert (dimension_ids, (gpointer) acr_framework_dimension_get_code (dim),
                           &g_array_index (dim_ids, gint64, i));
    }

  level_stmt = _acr_store_prepare (store,
                                   "INSERT INTO framework_level (framework_id, level, label, "
                                   "eqf_level, examples_de, examples_en) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  desc_stmt = _acr_store_prepare (store,
                                  "INSERT INTO framework_descriptor (level_id, dimension_id, "
                                  "lang, text) VALUES (?1, ?2, ?3, ?4)", error);
  if (level_stmt == NULL || desc_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *number = g_strdup_printf ("%d", acr_framework_level_get_level (level));
      const char *label = acr_framework_level_get_label (level);
      DescriptorWriter writer = { store, desc_stmt, dimension_ids, 0, NULL };
      gint64 id;

      sqlite3_reset (level_stmt);
      sqlite3_bind_int64 (level_stmt, 1, framework_id);
      sqlite3_bind_int (level_stmt, 2, acr_framework_level_get_level (level));
      _acr_bind_text (level_stmt, 3, label != NULL ? label : number);
      sqlite3_bind_int (level_stmt, 4, acr_framework_level_get_eqf_level (level));
      _acr_bind_text (level_stmt, 5, acr_framework_level_get_examples_de (level));
      _acr_bind_text (level_stmt, 6, acr_framework_level_get_examples_en (level));
      if (!_acr_store_run (store, level_stmt, error))
        return FALSE;

      id = _acr_store_last_insert_id (store);
      g_array_append_val (level_ids, id);

      writer.level_id = id;
      acr_framework_level_foreach_descriptor (level, write_descriptor_cb, &writer);
      if (writer.error != NULL)
        {
          g_propagate_error (error, writer.error);
          return FALSE;
        }
    }

  return TRUE;
}

/* After a commit: the children take their new ids, positions and default labels. */
static void
apply_children (AcrFramework *self,
                GArray       *dim_ids,
                GArray       *level_ids)
{
  GListModel *dims = G_LIST_MODEL (self->dimensions);
  GListModel *levels = G_LIST_MODEL (self->levels);

  for (guint i = 0; i < dim_ids->len; i++)
    {
      g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (dims, i);

      _acr_framework_dimension_set_id (dim, g_array_index (dim_ids, gint64, i));
      acr_framework_dimension_set_position (dim, (int) i + 1);
    }

  for (guint i = 0; i < level_ids->len; i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);

      _acr_framework_level_set_id (level, g_array_index (level_ids, gint64, i));
      if (acr_framework_level_get_label (level) == NULL)
        {
          g_autofree char *number = g_strdup_printf ("%d", acr_framework_level_get_level (level));

          acr_framework_level_set_label (level, number);
        }
    }
}

gboolean
acr_framework_save (AcrFramework  *self,
                    AcrStore      *store,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) dim_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) level_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = NULL;
  gboolean is_new;
  gint64 id;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_framework_validate (self, error))
    return FALSE;

  is_new = self->id == 0;
  now = _acr_now_iso8601 ();

  if (!acr_store_begin (store, error))
    return FALSE;

  if (self->is_eqf && !check_single_eqf (self, store, &local_error))
    goto fail;

  if (is_new)
    stmt = _acr_store_prepare (store,
                               "INSERT INTO framework (code, title_de, title_en, country, "
                               "version, uri, is_eqf, created_at, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)", &local_error);
  else
    stmt = _acr_store_prepare (store,
                               "UPDATE framework SET code = ?1, title_de = ?2, title_en = ?3, "
                               "country = ?4, version = ?5, uri = ?6, is_eqf = ?7, "
                               "updated_at = ?8 WHERE id = ?9", &local_error);
  if (stmt == NULL)
    goto fail;

  _acr_bind_text (stmt, 1, self->code);
  _acr_bind_text (stmt, 2, self->title_de);
  _acr_bind_text (stmt, 3, self->title_en);
  _acr_bind_text (stmt, 4, self->country);
  _acr_bind_text (stmt, 5, self->version);
  _acr_bind_text (stmt, 6, self->uri);
  sqlite3_bind_int (stmt, 7, self->is_eqf ? 1 : 0);
  _acr_bind_text (stmt, 8, now);
  if (!is_new)
    _acr_bind_id (stmt, 9, self->id);

  if (!_acr_store_run (store, stmt, &local_error))
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                       _("A framework with the code “%s” already exists. Give another code, "
                         "or edit that framework instead."), self->code);
        }
      goto fail;
    }

  if (is_new)
    id = _acr_store_last_insert_id (store);
  else if (_acr_store_changes (store) == 0)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no framework with the number %" PRId64 " any more; "
                     "it may have been deleted."), self->id);
      goto fail;
    }
  else
    {
      id = self->id;
      if (!check_removed_levels (self, store, &local_error))
        goto fail;
    }

  if (!write_children (self, store, id, dim_ids, level_ids, &local_error))
    goto fail;

  if (!_acr_audit_appendf (store, is_new ? "create" : "edit", "framework", id, &local_error,
                           is_new ? _("Added the framework %s (%s).")
                                  : _("Edited the framework %s (%s)."),
                           self->code, self->title_en))
    goto fail;

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!acr_store_commit (store, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (is_new)
    {
      self->id = id;
      _acr_set_string (&self->created_at, now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
    }
  if (_acr_set_string (&self->updated_at, now))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
  apply_children (self, dim_ids, level_ids);
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;

fail:
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static AcrFramework *
load_where (AcrStore    *store,
            const char  *where,
            const char  *key,
            gint64       id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AcrFramework) self = NULL;
  g_autofree char *sql = g_strconcat (SELECT_COLUMNS, where, NULL);
  int rc;

  stmt = _acr_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (key != NULL)
    _acr_bind_text (stmt, 1, key);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;

  if (rc != SQLITE_ROW)
    {
      if (key != NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no framework with the code “%s”."), key);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                     _("There is no framework with the number %" PRId64 "."), id);
      return NULL;
    }

  self = framework_from_row (store, stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!load_children (self, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

AcrFramework *
acr_framework_load (AcrStore  *store,
                    gint64     id,
                    GError   **error)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_where (store, "WHERE id = ?1", NULL, id, error);
}

AcrFramework *
acr_framework_load_by_code (AcrStore    *store,
                            const char  *code,
                            GError     **error)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  upper = g_ascii_strup (code, -1);
  return load_where (store, "WHERE code = ?1", upper, 0, error);
}

gboolean
acr_framework_delete (AcrStore  *store,
                      gint64     id,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;
  int n_modules;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  check = _acr_store_prepare (store,
                              "SELECT code, (SELECT count(DISTINCT module_id) FROM module_level "
                              "WHERE framework_id = ?1) FROM framework WHERE id = ?1",
                              &local_error);
  if (check == NULL)
    goto fail;

  sqlite3_bind_int64 (check, 1, id);
  rc = _acr_store_step (store, check, &local_error);
  if (rc < 0)
    goto fail;

  if (rc != SQLITE_ROW)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no framework with the number %" PRId64 "."), id);
      goto fail;
    }

  code = _acr_column_dup (check, 0);
  n_modules = sqlite3_column_int (check, 1);
  g_clear_pointer (&check, sqlite3_finalize);

  if (n_modules > 0)
    {
      g_set_error (&local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The framework “%s” cannot be deleted: %d module is assigned to "
                                "one of its levels. Remove that level assignment first.",
                                "The framework “%s” cannot be deleted: %d modules are assigned "
                                "to its levels. Remove those level assignments first.",
                                n_modules),
                   code, n_modules);
      goto fail;
    }

  stmt = _acr_store_prepare (store, "DELETE FROM framework WHERE id = ?1", &local_error);
  if (stmt == NULL)
    goto fail;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!_acr_store_run (store, stmt, &local_error))
    goto fail;

  if (!_acr_audit_appendf (store, "delete", "framework", id, &local_error,
                           _("Deleted the framework %s."), code))
    goto fail;

  g_clear_pointer (&stmt, sqlite3_finalize);
  return acr_store_commit (store, error);

fail:
  g_clear_pointer (&check, sqlite3_finalize);
  acr_store_rollback (store);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

AcrPagedList *
acr_framework_list (AcrStore   *store,
                    const char *search)
{
  g_autofree char *pattern = NULL;
  const char *params[2] = { NULL, NULL };

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  if (search == NULL || search[0] == '\0')
    return _acr_paged_list_new (store, ACR_TYPE_FRAMEWORK,
                                SELECT_COLUMNS "ORDER BY is_eqf DESC, code, id",
                                NULL, framework_from_row_with_children);

  pattern = _acr_like_pattern (search);
  params[0] = pattern;
  return _acr_paged_list_new (store, ACR_TYPE_FRAMEWORK,
                              SELECT_COLUMNS
                              "WHERE code LIKE ?1 ESCAPE '\\' OR title_de LIKE ?1 ESCAPE '\\' "
                              "OR title_en LIKE ?1 ESCAPE '\\' OR country LIKE ?1 ESCAPE '\\' "
                              "ORDER BY is_eqf DESC, code, id",
                              params, framework_from_row_with_children);
}

/* Sets @error to say that the framework has no @level, and which levels it has: "1 to 8",
 * or "1, 2, 5" when they have gaps. */
static void
set_no_level_error (AcrStore      *store,
                    gint64         framework_id,
                    const char    *code,
                    int            level,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GString) list = g_string_new (NULL);
  int first, last;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT level FROM framework_level WHERE framework_id = ?1 "
                             "ORDER BY level", error);
  if (stmt == NULL)
    return;

  sqlite3_bind_int64 (stmt, 1, framework_id);
  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      int value = sqlite3_column_int (stmt, 0);

      g_array_append_val (levels, value);
    }
  if (rc < 0)
    return;

  if (levels->len == 0)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The framework “%s” has no level %d. It has no levels yet."), code, level);
      return;
    }

  first = g_array_index (levels, int, 0);
  last = g_array_index (levels, int, levels->len - 1);

  if (last - first + 1 == (int) levels->len)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The framework “%s” has no level %d. Its levels are %d to %d."),
                   code, level, first, last);
      return;
    }

  for (guint i = 0; i < levels->len; i++)
    g_string_append_printf (list, "%s%d", i > 0 ? ", " : "", g_array_index (levels, int, i));

  g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
               _("The framework “%s” has no level %d. Its levels are %s."),
               code, level, list->str);
}

int
acr_framework_eqf_level_for (AcrStore    *store,
                             const char  *framework_code,
                             int          level,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *upper = NULL;
  g_autofree char *code = NULL;
  gint64 framework_id;
  gboolean is_eqf;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), 0);
  g_return_val_if_fail (framework_code != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  upper = g_ascii_strup (framework_code, -1);
  stmt = _acr_store_prepare (store, "SELECT id, code, is_eqf FROM framework WHERE code = ?1",
                             error);
  if (stmt == NULL)
    return 0;

  _acr_bind_text (stmt, 1, upper);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return 0;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                   _("There is no framework with the code “%s”."), framework_code);
      return 0;
    }

  framework_id = sqlite3_column_int64 (stmt, 0);
  code = _acr_column_dup (stmt, 1);
  is_eqf = sqlite3_column_int (stmt, 2) != 0;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = _acr_store_prepare (store,
                             "SELECT eqf_level FROM framework_level "
                             "WHERE framework_id = ?1 AND level = ?2", error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, framework_id);
  sqlite3_bind_int (stmt, 2, level);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return 0;

  if (rc != SQLITE_ROW)
    {
      set_no_level_error (store, framework_id, code, level, error);
      return 0;
    }

  if (is_eqf)
    return level;

  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("The level %d of the framework “%s” is not referenced to an EQF level. "
                     "Give the EQF level it corresponds to and save the framework again."),
                   level, code);
      return 0;
    }

  return sqlite3_column_int (stmt, 0);
}
