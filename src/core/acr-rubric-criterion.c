/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrRubricCriterion: one criterion of a rubric (a CASE CFRubricCriterion row): what is
 * judged, its weight in the total, and the learning outcomes it assesses.
 *
 * A criterion is plain data owned by its AcrRubric: the rubric gives it its position (dense,
 * from 1) and, once saved, its id, and checks at validation and save that the weight is
 * positive and that the outcomes belong to the rubric's module. The outcome ids are a set
 * kept in the order they were added. */

#define G_LOG_DOMAIN "acr-rubric"

#include "config.h"

#include "acr-rubric-private.h"

struct _AcrRubricCriterion
{
  GObject  parent_instance;

  gint64   id;
  guint    position;
  char    *description;
  double   weight;
  GArray  *outcome_ids;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_POSITION,
  PROP_DESCRIPTION,
  PROP_WEIGHT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrRubricCriterion, acr_rubric_criterion, G_TYPE_OBJECT)

static void
acr_rubric_criterion_finalize (GObject *object)
{
  AcrRubricCriterion *self = (AcrRubricCriterion *) object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->outcome_ids, g_array_unref);

  G_OBJECT_CLASS (acr_rubric_criterion_parent_class)->finalize (object);
}

static void
acr_rubric_criterion_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AcrRubricCriterion *self = ACR_RUBRIC_CRITERION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_WEIGHT:
      g_value_set_double (value, self->weight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_criterion_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AcrRubricCriterion *self = ACR_RUBRIC_CRITERION (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      acr_rubric_criterion_set_description (self, g_value_get_string (value));
      break;
    case PROP_WEIGHT:
      acr_rubric_criterion_set_weight (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_criterion_class_init (AcrRubricCriterionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_rubric_criterion_finalize;
  object_class->get_property = acr_rubric_criterion_get_property;
  object_class->set_property = acr_rubric_criterion_set_property;

  properties [PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_WEIGHT] =
    g_param_spec_double ("weight", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_rubric_criterion_init (AcrRubricCriterion *self)
{
  self->weight = 1;
  self->outcome_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

AcrRubricCriterion *
_acr_rubric_criterion_new (void)
{
  return g_object_new (ACR_TYPE_RUBRIC_CRITERION, NULL);
}

void
_acr_rubric_criterion_set_id (AcrRubricCriterion *self,
                              gint64              id)
{
  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

void
_acr_rubric_criterion_set_position (AcrRubricCriterion *self,
                                    guint               position)
{
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_POSITION]);
}

gint64
acr_rubric_criterion_get_id (AcrRubricCriterion *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_CRITERION (self), 0);

  return self->id;
}

guint
acr_rubric_criterion_get_position (AcrRubricCriterion *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_CRITERION (self), 0);

  return self->position;
}

const char *
acr_rubric_criterion_get_description (AcrRubricCriterion *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_CRITERION (self), NULL);

  return self->description;
}

void
acr_rubric_criterion_set_description (AcrRubricCriterion *self,
                                      const char         *description)
{
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (self));

  if (_acr_set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

double
acr_rubric_criterion_get_weight (AcrRubricCriterion *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_CRITERION (self), 0);

  return self->weight;
}

void
acr_rubric_criterion_set_weight (AcrRubricCriterion *self,
                                 double              weight)
{
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (self));

  if (self->weight == weight)
    return;

  self->weight = weight;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WEIGHT]);
}

GArray *
acr_rubric_criterion_get_outcome_ids (AcrRubricCriterion *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_CRITERION (self), NULL);

  return self->outcome_ids;
}

void
acr_rubric_criterion_set_outcome_ids (AcrRubricCriterion *self,
                                      const gint64       *ids,
                                      guint               n_ids)
{
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  g_array_set_size (self->outcome_ids, 0);
  for (guint i = 0; i < n_ids; i++)
    acr_rubric_criterion_add_outcome_id (self, ids[i]);
}

void
acr_rubric_criterion_add_outcome_id (AcrRubricCriterion *self,
                                     gint64              outcome_id)
{
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (self));
  g_return_if_fail (outcome_id > 0);

  for (guint i = 0; i < self->outcome_ids->len; i++)
    if (g_array_index (self->outcome_ids, gint64, i) == outcome_id)
      return;

  g_array_append_val (self->outcome_ids, outcome_id);
}

void
acr_rubric_criterion_remove_outcome_id (AcrRubricCriterion *self,
                                        gint64              outcome_id)
{
  g_return_if_fail (ACR_IS_RUBRIC_CRITERION (self));

  for (guint i = 0; i < self->outcome_ids->len; i++)
    if (g_array_index (self->outcome_ids, gint64, i) == outcome_id)
      {
        g_array_remove_index (self->outcome_ids, i);
        return;
      }
}
