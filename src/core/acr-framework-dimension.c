/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFrameworkDimension: one dimension (column) of a qualification framework, such as
 * knowledge, skills, or responsibility and autonomy (table framework_dimension).
 *
 * A plain value object owned by its AcrFramework: the framework validates it, saves it in
 * the framework's transaction and sets its id and position from there. */

#define G_LOG_DOMAIN "acr-framework"

#include "config.h"

#include "acr-framework-dimension.h"
#include "acr-framework-private.h"
#include "acr-store-private.h"

struct _AcrFrameworkDimension
{
  GObject  parent_instance;

  gint64   id;
  char    *code;
  int      position;
  char    *title_de;
  char    *title_en;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_POSITION,
  PROP_TITLE_DE,
  PROP_TITLE_EN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrFrameworkDimension, acr_framework_dimension, G_TYPE_OBJECT)

static void
acr_framework_dimension_finalize (GObject *object)
{
  AcrFrameworkDimension *self = (AcrFrameworkDimension *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->title_de, g_free);
  g_clear_pointer (&self->title_en, g_free);

  G_OBJECT_CLASS (acr_framework_dimension_parent_class)->finalize (object);
}

static void
acr_framework_dimension_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AcrFrameworkDimension *self = ACR_FRAMEWORK_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case PROP_TITLE_DE:
      g_value_set_string (value, self->title_de);
      break;
    case PROP_TITLE_EN:
      g_value_set_string (value, self->title_en);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_dimension_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AcrFrameworkDimension *self = ACR_FRAMEWORK_DIMENSION (object);

  switch (prop_id)
    {
    case PROP_CODE:
      acr_framework_dimension_set_code (self, g_value_get_string (value));
      break;
    case PROP_POSITION:
      acr_framework_dimension_set_position (self, g_value_get_int (value));
      break;
    case PROP_TITLE_DE:
      acr_framework_dimension_set_title_de (self, g_value_get_string (value));
      break;
    case PROP_TITLE_EN:
      acr_framework_dimension_set_title_en (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_dimension_class_init (AcrFrameworkDimensionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = acr_framework_dimension_finalize;
  object_class->get_property = acr_framework_dimension_get_property;
  object_class->set_property = acr_framework_dimension_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, rw);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL,
                                                G_MININT, G_MAXINT, 0, rw);
  properties[PROP_TITLE_DE] = g_param_spec_string ("title-de", NULL, NULL, NULL, rw);
  properties[PROP_TITLE_EN] = g_param_spec_string ("title-en", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_framework_dimension_init (AcrFrameworkDimension *self)
{
}

void
_acr_framework_dimension_set_id (AcrFrameworkDimension *self,
                                 gint64                 id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

AcrFrameworkDimension *
acr_framework_dimension_new (void)
{
  return g_object_new (ACR_TYPE_FRAMEWORK_DIMENSION, NULL);
}

AcrFrameworkDimension *
acr_framework_dimension_new_full (const char *code,
                                  const char *title_de,
                                  const char *title_en)
{
  AcrFrameworkDimension *self = acr_framework_dimension_new ();

  self->code = g_strdup (code);
  self->title_de = g_strdup (title_de);
  self->title_en = g_strdup (title_en);

  return self;
}

gint64
acr_framework_dimension_get_id (AcrFrameworkDimension *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self), 0);

  return self->id;
}

const char *
acr_framework_dimension_get_code (AcrFrameworkDimension *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self), NULL);

  return self->code;
}

void
acr_framework_dimension_set_code (AcrFrameworkDimension *self,
                                  const char            *code)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self));

  if (_acr_set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

int
acr_framework_dimension_get_position (AcrFrameworkDimension *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self), 0);

  return self->position;
}

void
acr_framework_dimension_set_position (AcrFrameworkDimension *self,
                                      int                    position)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

const char *
acr_framework_dimension_get_title_de (AcrFrameworkDimension *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self), NULL);

  return self->title_de;
}

void
acr_framework_dimension_set_title_de (AcrFrameworkDimension *self,
                                      const char            *title_de)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self));

  if (_acr_set_string (&self->title_de, title_de))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_DE]);
}

const char *
acr_framework_dimension_get_title_en (AcrFrameworkDimension *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self), NULL);

  return self->title_en;
}

void
acr_framework_dimension_set_title_en (AcrFrameworkDimension *self,
                                      const char            *title_en)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_DIMENSION (self));

  if (_acr_set_string (&self->title_en, title_en))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_EN]);
}
