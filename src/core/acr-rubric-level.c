/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrRubricLevel: one performance level of a rubric (a CASE CFRubricCriterionLevel column):
 * a name ("Erfüllt") and the points it is worth.
 *
 * A level is plain data owned by its AcrRubric: the rubric gives it its position (dense,
 * from 1) and, once saved, its id; the rubric's validation checks the name and the points,
 * so the setters take any value and a form can show what is wrong. */

#define G_LOG_DOMAIN "acr-rubric"

#include "config.h"

#include "acr-rubric-private.h"

struct _AcrRubricLevel
{
  GObject  parent_instance;

  gint64   id;
  guint    position;
  char    *name;
  double   points;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_NAME,
  PROP_POINTS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrRubricLevel, acr_rubric_level, G_TYPE_OBJECT)

static void
acr_rubric_level_finalize (GObject *object)
{
  AcrRubricLevel *self = (AcrRubricLevel *) object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (acr_rubric_level_parent_class)->finalize (object);
}

static void
acr_rubric_level_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AcrRubricLevel *self = ACR_RUBRIC_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_POINTS:
      g_value_set_double (value, self->points);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_level_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AcrRubricLevel *self = ACR_RUBRIC_LEVEL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      acr_rubric_level_set_name (self, g_value_get_string (value));
      break;
    case PROP_POINTS:
      acr_rubric_level_set_points (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_level_class_init (AcrRubricLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_rubric_level_finalize;
  object_class->get_property = acr_rubric_level_get_property;
  object_class->set_property = acr_rubric_level_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_POINTS] =
    g_param_spec_double ("points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_rubric_level_init (AcrRubricLevel *self)
{
}

AcrRubricLevel *
_acr_rubric_level_new (void)
{
  return g_object_new (ACR_TYPE_RUBRIC_LEVEL, NULL);
}

void
_acr_rubric_level_set_id (AcrRubricLevel *self,
                          gint64          id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

void
_acr_rubric_level_set_position (AcrRubricLevel *self,
                                guint           position)
{
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
}

gint64
acr_rubric_level_get_id (AcrRubricLevel *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_LEVEL (self), 0);

  return self->id;
}

guint
acr_rubric_level_get_position (AcrRubricLevel *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_LEVEL (self), 0);

  return self->position;
}

const char *
acr_rubric_level_get_name (AcrRubricLevel *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_LEVEL (self), NULL);

  return self->name;
}

void
acr_rubric_level_set_name (AcrRubricLevel *self,
                           const char     *name)
{
  g_return_if_fail (ACR_IS_RUBRIC_LEVEL (self));

  if (_acr_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

double
acr_rubric_level_get_points (AcrRubricLevel *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_LEVEL (self), 0);

  return self->points;
}

void
acr_rubric_level_set_points (AcrRubricLevel *self,
                             double          points)
{
  g_return_if_fail (ACR_IS_RUBRIC_LEVEL (self));

  if (self->points == points)
    return;

  self->points = points;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POINTS]);
}
